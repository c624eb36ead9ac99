// GenerateCredentialReport / GetCredentialReport: a CSV snapshot of the account
// in IAM's column layout, base64-encoded in the answer as IAM sends it. As IAM: a report is
// reused for 4 hours (Generate answers COMPLETE), then Generate starts a new one; while one is
// being made (`delayMs`, by the store's clock) Generate answers INPROGRESS and Get throws
// ReportInProgress; after 4 hours Get throws ReportExpired.
import { field } from '../protocol/xml';
import { apiErrors } from '../protocol/errors';
import type { IamStore, StoredAccessKey } from '../store';
import type { ActionContext, ActionDefinition, ActionOutcome } from './types';

export const CREDENTIAL_REPORT_COLUMNS = [
  'user', 'arn', 'user_creation_time', 'password_enabled', 'password_last_used', 'password_last_changed',
  'password_next_rotation', 'mfa_active',
  'access_key_1_active', 'access_key_1_last_rotated', 'access_key_1_last_used_date', 'access_key_1_last_used_region', 'access_key_1_last_used_service',
  'access_key_2_active', 'access_key_2_last_rotated', 'access_key_2_last_used_date', 'access_key_2_last_used_region', 'access_key_2_last_used_service',
  'cert_1_active', 'cert_1_last_rotated', 'cert_2_active', 'cert_2_last_rotated',
] as const;

/** IAM makes a new report at most this often. */
export const REPORT_MAX_AGE_MS = 4 * 3_600_000;

/** The account's current report, if one was generated, and the one being made. */
export class CredentialReportState {
  generatedAt?: Date;
  csv?: string;
  /** A report being made: its snapshot and when it is ready (store clock). */
  pending?: { readonly csv: string; readonly startedAt: Date; readonly readyAt: Date };

  constructor(
    /** How long a report takes to make (default 0: ready at the next call). */
    readonly delayMs = 0,
  ) {}

  /** Moves a finished pending report into place. */
  settle(now: Date): void {
    if (this.pending && now >= this.pending.readyAt) {
      this.csv = this.pending.csv;
      this.generatedAt = this.pending.startedAt;
      this.pending = undefined;
    }
  }

  isFresh(now: Date): boolean {
    return this.generatedAt !== undefined && now.getTime() - this.generatedAt.getTime() < REPORT_MAX_AGE_MS;
  }
}

function generateCredentialReport(context: ActionContext): ActionOutcome {
  const state = context.credentialReport;
  const now = context.store.now();
  state.settle(now);
  if (state.pending) return { resultXml: field('State', 'INPROGRESS') };
  if (state.isFresh(now)) return { resultXml: field('State', 'COMPLETE') };
  const startedAt = new Date(Math.floor(now.getTime() / 1000) * 1000);
  state.pending = { csv: credentialReportCsv(context.store), startedAt, readyAt: new Date(now.getTime() + state.delayMs) };
  const description = state.csv === undefined ? 'No report exists. Starting a new report generation task' : 'Report expired. Starting a new report generation task';
  return { resultXml: field('State', 'STARTED') + field('Description', description) };
}

function getCredentialReport(context: ActionContext): ActionOutcome {
  const state = context.credentialReport;
  const now = context.store.now();
  state.settle(now);
  if (state.pending) throw apiErrors.reportInProgress();
  const { csv, generatedAt } = state;
  if (csv === undefined || generatedAt === undefined) throw apiErrors.reportNotPresent();
  if (!state.isFresh(now)) throw apiErrors.reportExpired();
  return {
    resultXml:
      field('Content', Buffer.from(csv, 'utf8').toString('base64')) +
      field('ReportFormat', 'text/csv') +
      field('GeneratedTime', generatedAt),
  };
}

export function credentialReportCsv(store: IamStore): string {
  const rootRow = [
    '<root_account>', store.root.arn, reportDate(store.root.createDate), 'not_supported',
    store.root.passwordLastUsed ? reportDate(store.root.passwordLastUsed) : 'no_information', 'not_supported', 'not_supported',
    String(store.root.mfaActive), ...keyColumns(store.root.accessKeys), 'false', 'N/A', 'false', 'N/A',
  ];
  const userRows = store.users().map((user) => [
    user.userName, user.arn, reportDate(user.createDate), String(user.passwordEnabled),
    user.passwordLastUsed ? reportDate(user.passwordLastUsed) : user.passwordEnabled ? 'no_information' : 'N/A',
    user.passwordEnabled ? reportDate(user.createDate) : 'N/A', 'N/A',
    String(user.mfaActive), ...keyColumns(user.accessKeys), 'false', 'N/A', 'false', 'N/A',
  ]);
  return [CREDENTIAL_REPORT_COLUMNS.join(','), ...[rootRow, ...userRows].map((row) => row.join(','))].join('\n');
}

/** The five columns for each of the (up to) two keys; "N/A" where there is no key or no use. */
function keyColumns(keys: readonly StoredAccessKey[]): string[] {
  const columns: string[] = [];
  for (let i = 0; i < 2; i++) {
    const key = keys[i];
    columns.push(
      String(key?.status === 'Active'),
      key ? reportDate(key.createDate) : 'N/A',
      key?.lastUsed ? reportDate(key.lastUsed.date) : 'N/A',
      key?.lastUsed?.region ?? 'N/A',
      key?.lastUsed?.serviceName ?? 'N/A',
    );
  }
  return columns;
}

/** The report writes times as "2024-01-02T03:04:05+00:00". */
function reportDate(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, '+00:00');
}

export const CREDENTIAL_REPORT_ACTIONS: Readonly<Record<string, ActionDefinition>> = {
  GenerateCredentialReport: { service: 'iam', run: generateCredentialReport },
  GetCredentialReport: { service: 'iam', run: getCredentialReport },
};
