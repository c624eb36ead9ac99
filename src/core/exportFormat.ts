// The files written by "Export access keys…": CSV (RFC 4180 quoting) or JSON, one row per key.
import { formatIso } from './format';
import type { AccessKey } from './types';

export interface ExportRow {
  readonly account: string;
  readonly key: AccessKey;
}

const COLUMNS = ['Account', 'UserName', 'AccessKeyId', 'Status', 'CreateDate'] as const;

function csvCell(value: string): string {
  // Quote what needs it, and defuse spreadsheet formulas in names that start with = + - @.
  const safe = /^[=+\-@]/.test(value) ? `'${value}` : value;
  return /[",\r\n']/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(rows: readonly ExportRow[]): string {
  const lines = [COLUMNS.join(',')];
  for (const { account, key } of rows) {
    lines.push([account, key.UserName, key.AccessKeyId, key.Status, formatIso(key.CreateDate)].map(csvCell).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

export function toExportJson(rows: readonly ExportRow[]): string {
  const keys = rows.map(({ account, key }) => ({
    Account: account,
    UserName: key.UserName,
    AccessKeyId: key.AccessKeyId,
    Status: key.Status,
    CreateDate: formatIso(key.CreateDate),
  }));
  return `${JSON.stringify({ AccessKeys: keys }, null, 2)}\n`;
}
