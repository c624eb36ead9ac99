// The credential report's CSV read into rows by csv-parse. Here because a report only arrives
// through the SDK (GetCredentialReport): the parser loads with sdk.js, not with activation.
import { parse } from 'csv-parse/sync';

/** Rows keyed by the header's column names; throws on text that is not CSV. */
export function csvRows(csv: string): Record<string, string>[] {
  return parse(csv, { columns: true, skip_empty_lines: true, trim: true, bom: true }) as Record<string, string>[];
}
