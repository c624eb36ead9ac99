// IAM's credential report (GetCredentialReport's CSV) read into both key slots of every user,
// with csv-parse rather than by hand. Pure: the aws layer fetches the CSV; the attention filter
// and the health report judge what is parsed here with the same HEALTH_RULES as the tree.
import type { AccessKey, AccessKeyLastUsed } from './types';

/** One of a user's two access key slots, present only when the slot holds a key. */
export interface ReportKeySlot {
  readonly slot: 1 | 2;
  readonly active: boolean;
  /** When the key in this slot was created (IAM's "last rotated"). */
  readonly lastRotated: Date;
  /** undefined: never used. */
  readonly lastUsedDate?: Date;
  readonly lastUsedService?: string;
  readonly lastUsedRegion?: string;
}

export interface ReportUser {
  /** The user's name; '' for the root user ('<root_account>' in the CSV). */
  readonly userName: string;
  readonly arn: string;
  readonly isRoot: boolean;
  readonly userCreateDate?: Date;
  /** Console password set; undefined for root ("not_supported"). */
  readonly passwordEnabled?: boolean;
  readonly keys: readonly ReportKeySlot[];
}

export interface CredentialReport {
  /** GeneratedTime: the report can be up to 4 hours old when read. */
  readonly generatedAt: Date;
  readonly users: readonly ReportUser[];
}

export const REQUIRED_REPORT_COLUMNS = [
  'user', 'arn', 'user_creation_time', 'password_enabled',
  'access_key_1_active', 'access_key_1_last_rotated', 'access_key_1_last_used_date', 'access_key_1_last_used_region', 'access_key_1_last_used_service',
  'access_key_2_active', 'access_key_2_last_rotated', 'access_key_2_last_used_date', 'access_key_2_last_used_region', 'access_key_2_last_used_service',
] as const;

const ROOT_USER = '<root_account>';

/** A report date ("2024-01-02T03:04:05+00:00"), or undefined for N/A, no_information, not_supported. */
function reportDate(value: string | undefined): Date | undefined {
  if (!value || !/^\d{4}-\d{2}-\d{2}T/.test(value)) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

function present(value: string | undefined): string | undefined {
  return value && value !== 'N/A' ? value : undefined;
}

function slot(row: Record<string, string>, n: 1 | 2): ReportKeySlot | undefined {
  const lastRotated = reportDate(row[`access_key_${n}_last_rotated`]);
  if (!lastRotated) return undefined;
  return {
    slot: n,
    active: row[`access_key_${n}_active`] === 'true',
    lastRotated,
    lastUsedDate: reportDate(row[`access_key_${n}_last_used_date`]),
    lastUsedService: present(row[`access_key_${n}_last_used_service`]),
    lastUsedRegion: present(row[`access_key_${n}_last_used_region`]),
  };
}

/** CSV text into rows keyed by the header (csv-parse, src/aws/sdk/csvRows.ts; src/aws/csvReader.ts loads it). */
export type ReadCsv = (csv: string) => Record<string, string>[];

/**
 * Parses the report's CSV with `readCsv` (handed in: the CSV parser loads with the SDK, which
 * fetched the report, not with activation); throws an Error naming what is wrong when it isn't one.
 */
export function parseCredentialReport(csv: string, generatedAt: Date, readCsv: ReadCsv): CredentialReport {
  let rows: Record<string, string>[];
  try {
    rows = readCsv(csv);
  } catch (error) {
    throw new Error(`The credential report is not valid CSV: ${error instanceof Error ? error.message : String(error)}`);
  }
  const header = rows.length > 0 ? Object.keys(rows[0]!) : [];
  const missing = rows.length > 0 ? REQUIRED_REPORT_COLUMNS.filter((c) => !header.includes(c)) : [];
  if (missing.length > 0) throw new Error(`The credential report lacks the columns ${missing.join(', ')}`);
  const users = rows.map((row): ReportUser => {
    const isRoot = row.user === ROOT_USER;
    const password = row.password_enabled;
    return {
      userName: isRoot ? '' : (row.user ?? ''),
      arn: row.arn ?? '',
      isRoot,
      userCreateDate: reportDate(row.user_creation_time),
      passwordEnabled: password === 'true' ? true : password === 'false' ? false : undefined,
      keys: [slot(row, 1), slot(row, 2)].filter((s): s is ReportKeySlot => s !== undefined),
    };
  });
  return { generatedAt, users };
}

/**
 * A slot as the key IAM would list, for the health rules. The report carries no key ID: the
 * ID is '' unless the caller matched the slot to a listed key (same user, same creation second).
 */
export function slotAsKey(user: ReportUser, s: ReportKeySlot, accessKeyId = ''): AccessKey {
  return { UserName: user.userName, AccessKeyId: accessKeyId, Status: s.active ? 'Active' : 'Inactive', CreateDate: s.lastRotated };
}

/** A slot's last use in GetAccessKeyLastUsed's shape. */
export function slotLastUsed(user: ReportUser, s: ReportKeySlot): AccessKeyLastUsed {
  return { UserName: user.userName, LastUsedDate: s.lastUsedDate, ServiceName: s.lastUsedService ?? 'N/A', Region: s.lastUsedRegion ?? 'N/A' };
}

/** The slot holding a listed key: same user, created in the same second (the report has no IDs). */
export function findSlot(user: ReportUser, key: AccessKey): ReportKeySlot | undefined {
  const second = Math.floor(key.CreateDate.getTime() / 1000);
  return user.keys.find((s) => Math.floor(s.lastRotated.getTime() / 1000) === second);
}

/** Whole hours since the report was generated (shown as the report's age). */
export function reportAgeHours(report: CredentialReport, now: Date): number {
  return Math.max(0, Math.floor((now.getTime() - report.generatedAt.getTime()) / 3_600_000));
}
