// Result shapes of the benchmark and their rendering: a console table, a Markdown table (for
// docs/benchmarks.md) and the JSON written by --json.
import { fmtMs, fmtRatio } from './stats';

export interface Measured {
  /** Who ran it: "extension", "boto3 …", "aws CLI". */
  readonly label: string;
  /** IAM/STS calls per run, as counted by the emulator (undefined when not counted). */
  readonly calls?: number;
  readonly samplesMs: readonly number[];
  readonly medianMs: number;
  /** Median minus the peer's fixed process start-up (aws CLI), when that applies. */
  readonly adjustedMs?: number;
  /** Sampled and scaled up, not measured whole. */
  readonly extrapolated?: boolean;
  readonly note?: string;
}

export interface Row {
  /** "1", "2a", … */
  readonly id: string;
  readonly scenario: string;
  readonly ext: Measured;
  /** Fewest calls that can give the same answer. */
  readonly minCalls?: number;
  readonly peer?: Measured;
  /** Physical limit: round trips that must be sequential × injected latency. */
  readonly limitMs?: number;
  readonly limitNote?: string;
  readonly note?: string;
}

export interface Target {
  readonly name: string;
  readonly met: boolean;
  readonly detail: string;
}

export function ratio(a: number | undefined, b: number | undefined): number | undefined {
  if (a === undefined || b === undefined || !(b > 0)) return undefined;
  return a / b;
}

function callsCell(row: Row): string {
  if (row.ext.calls === undefined) return '–';
  return row.minCalls === undefined ? `${row.ext.calls}` : `${row.ext.calls} / ${row.minCalls}`;
}

function peerTime(peer: Measured | undefined): string {
  if (!peer) return '–';
  let text = fmtMs(peer.medianMs);
  if (peer.adjustedMs !== undefined) text += ` (${fmtMs(peer.adjustedMs)} w/o start-up)`;
  if (peer.extrapolated) text += ' [extrapolated]';
  return text;
}

function peerRatio(row: Row): string {
  if (!row.peer) return '–';
  const whole = fmtRatio(ratio(row.peer.medianMs, row.ext.medianMs));
  if (row.peer.adjustedMs === undefined) return whole;
  return `${whole} (${fmtRatio(ratio(row.peer.adjustedMs, row.ext.medianMs))})`;
}

export const TABLE_HEADER = [
  '#',
  'Scenario',
  'Calls made / min',
  'Extension (median)',
  'Peer',
  'Peer calls',
  'Peer (median)',
  'Peer ÷ ext',
  'Limit',
  'Ext ÷ limit',
] as const;

export function rowCells(row: Row): string[] {
  return [
    row.id,
    row.scenario,
    callsCell(row),
    fmtMs(row.ext.medianMs),
    row.peer?.label ?? '–',
    row.peer?.calls === undefined ? '–' : String(row.peer.calls),
    peerTime(row.peer),
    peerRatio(row),
    row.limitMs === undefined ? '–' : fmtMs(row.limitMs),
    fmtRatio(ratio(row.ext.medianMs, row.limitMs)),
  ];
}

export function markdownTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const esc = (cell: string): string => cell.replace(/\|/g, '\\|');
  return [
    `| ${header.map(esc).join(' | ')} |`,
    `|${header.map(() => '---').join('|')}|`,
    ...rows.map((r) => `| ${r.map(esc).join(' | ')} |`),
  ].join('\n');
}

/** A plain-text table with aligned columns (for the console). */
export function textTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]): string => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ').trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}
