// The files written by "Export access keys…": CSV (RFC 4180 quoting) or JSON, one row per key.
// The columns are one table: a new column is one entry here, in both formats at once.
import { formatIso } from './format';
import type { KeyHealth } from './keyHealth';
import type { AccessKey, AccessKeyLastUsed } from './types';

export interface ExportRow {
  /** The profile whose session read the key ('' for the SDK's default chain). */
  readonly profile: string;
  readonly account: string;
  /** The account's name in its organization (organization-wide exports). */
  readonly accountName?: string;
  readonly key: AccessKey;
  /** Undefined when it could not be read. */
  readonly lastUsed?: AccessKeyLastUsed;
  /** The key judged by HEALTH_RULES; undefined leaves Findings and Controls empty. */
  readonly health?: KeyHealth;
}

export interface ExportColumn {
  readonly header: string;
  value(row: ExportRow): string;
  /** A list-valued column: JSON writes the array, CSV joins it with "; ". */
  list?(row: ExportRow): string[];
}

/** A column holding a list: one definition for both formats. */
function listColumn(header: string, list: (row: ExportRow) => string[]): ExportColumn {
  return { header, list, value: (row) => list(row).join('; ') };
}

const lastUsedField = (value: string | undefined): string => (value === undefined || value === 'N/A' ? '' : value);

export const EXPORT_COLUMNS: readonly ExportColumn[] = [
  { header: 'Profile', value: (row) => row.profile },
  { header: 'Account', value: (row) => row.account },
  { header: 'UserName', value: (row) => row.key.UserName },
  { header: 'AccessKeyId', value: (row) => row.key.AccessKeyId },
  { header: 'Status', value: (row) => row.key.Status },
  { header: 'CreateDate', value: (row) => formatIso(row.key.CreateDate) },
  { header: 'LastUsedDate', value: (row) => (row.lastUsed?.LastUsedDate ? formatIso(row.lastUsed.LastUsedDate) : '') },
  { header: 'LastUsedService', value: (row) => lastUsedField(row.lastUsed?.ServiceName) },
  { header: 'LastUsedRegion', value: (row) => lastUsedField(row.lastUsed?.Region) },
  listColumn('Findings', (row) => (row.health?.findings ?? []).map((f) => f.label)),
  listColumn('Controls', (row) => [...new Set((row.health?.findings ?? []).flatMap((f) => f.controls))]),
];

/**
 * Organization-wide exports: the account's ID and name first, then the per-key columns (the
 * profile and account columns of a profile export would repeat the management profile).
 */
export const ORG_EXPORT_COLUMNS: readonly ExportColumn[] = [
  { header: 'AccountId', value: (row) => row.account },
  { header: 'AccountName', value: (row) => row.accountName ?? '' },
  ...EXPORT_COLUMNS.filter((c) => c.header !== 'Profile' && c.header !== 'Account'),
];

function csvCell(value: string): string {
  // Quote what needs it, and defuse spreadsheet formulas in names that start with = + - @.
  const safe = /^[=+\-@]/.test(value) ? `'${value}` : value;
  return /[",\r\n']/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(rows: readonly ExportRow[], columns: readonly ExportColumn[] = EXPORT_COLUMNS): string {
  const lines = [columns.map((c) => csvCell(c.header)).join(',')];
  for (const row of rows) lines.push(columns.map((c) => csvCell(c.value(row))).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

/** `header`: fields written before AccessKeys (an organization export's Partial, FailedAccounts…). */
export function toExportJson(rows: readonly ExportRow[], columns: readonly ExportColumn[] = EXPORT_COLUMNS, header: Readonly<Record<string, unknown>> = {}): string {
  const keys = rows.map((row) => Object.fromEntries(columns.map((c) => [c.header, c.list ? c.list(row) : c.value(row)])));
  return `${JSON.stringify({ ...header, AccessKeys: keys }, null, 2)}\n`;
}
