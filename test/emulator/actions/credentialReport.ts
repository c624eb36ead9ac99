// GenerateCredentialReport / GetCredentialReport: a CSV snapshot of the account
// in IAM's column layout, base64-encoded in the answer as IAM sends it.
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

/** The account's current report, if one was generated. */
export class CredentialReportState {
  generatedAt?: Date;
  csv?: string;
}

function generateCredentialReport(context: ActionContext): ActionOutcome {
  const state = context.credentialReport;
  const existed = state.csv !== undefined;
  // Regenerated on every call (IAM reuses a report for 4 hours) so tests see store changes at once.
  state.generatedAt = new Date(Math.floor(context.store.now().getTime() / 1000) * 1000);
  state.csv = credentialReportCsv(context.store);
  return {
    resultXml: existed
      ? field('State', 'COMPLETE')
      : field('State', 'STARTED') + field('Description', 'No report exists. Starting a new report generation task'),
  };
}

function getCredentialReport(context: ActionContext): ActionOutcome {
  const { csv, generatedAt } = context.credentialReport;
  if (csv === undefined || generatedAt === undefined) throw apiErrors.reportNotPresent();
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
