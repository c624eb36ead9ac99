// Finds leaked AWS credentials in text: access key IDs anywhere, and secret access keys where
// a name says what they are. Editor-free and linear: the text is walked once in slices (each a
// bounded step, so scanForLeaksAsync can give the event loop back between them), line numbers
// counted once, in order, and pairing is one walk over the findings; the diagnostics and the
// workspace scan render what it finds. A finding never holds the secret itself.
//
// - Access key IDs: AKIA (long-term), ASIA (temporary), ABIA (STS bearer token), ACCA
//   (context-specific) + 16 of [A-Z0-9], with no letter or digit directly before or after.
//   The AWS documentation's examples end in EXAMPLE (AKIAIOSFODNN7EXAMPLE) and are skipped.
// - Secret access keys: 40 of [A-Za-z0-9/+] right after a name such as aws_secret_access_key,
//   AWS_SECRET_ACCESS_KEY, SecretAccessKey, secretAccessKey or aws_secret_key, and `=`, `:`,
//   `=>` or `:=` (quoted or not: .env, ini, shell, JSON, YAML, TypeScript). Values with less
//   than SECRET_ENTROPY_FLOOR bits per character (placeholders such as xxxx… or
//   YourSecretAccessKeyGoesHere…) and the documentation's …EXAMPLEKEY are skipped.
// - Pairs: a secret names the access key ID it most likely belongs to — the nearest one at most
//   PAIR_MAX_LINES lines away: fewer lines apart first, then (at equal lines) the ID before the
//   secret, then fewer characters apart; never across an INI section header ([profile]), so each
//   profile's secret gets its own key.

import { AbortError } from './concurrency';

export type LeakKind = 'access-key-id' | 'secret-access-key';

export interface LeakFinding {
  readonly kind: LeakKind;
  /** Offsets of the ID or of the secret's value (UTF-16), end exclusive. */
  readonly start: number;
  readonly end: number;
  /** 0-based line and column of `start` (the value is on one line). */
  readonly line: number;
  readonly column: number;
  /** Only for 'access-key-id'. */
  readonly accessKeyId?: string;
  /** Only for 'secret-access-key': the name it was assigned to, e.g. aws_secret_access_key. */
  readonly name?: string;
  /** Only for 'secret-access-key': the access key ID nearby it goes with, if any. */
  readonly pairedAccessKeyId?: string;
}

/** A secret and an access key ID this many lines apart or fewer are taken as one credential. */
export const PAIR_MAX_LINES = 4;
/** An INI section header on a line of its own, e.g. [default] or [profile dev]. */
const SECTION_HEADER = /^[ \t]*\[[^\]\r\n"',]+\][ \t]*\r?$/m;

/**
 * Shannon entropy floor, bits per character, for a 40-character secret. Random secrets over
 * the 64-character alphabet measure 4.16–5.3 (200,000 samples: none below 4.15, median 4.78).
 */
export const SECRET_ENTROPY_FLOOR = 4.0;

/** Source text of the patterns (also what the Python baseline of the benchmark runs). */
export const ACCESS_KEY_ID_PATTERN = 'A(?<![A-Za-z0-9]A)(?:KIA|SIA|BIA|CCA)[A-Z0-9]{16}(?![A-Za-z0-9])';
const SECRET_NAME = '(?:aws[_.-]?secret[_.-]?(?:access[_.-]?)?key|secret[_.-]?access[_.-]?key|aws[_.-]?secret)';
/** Group 1: the name; group 2: the 40-character value. Case-insensitive. */
export const SECRET_ACCESS_KEY_PATTERN =
  `(?<![A-Za-z0-9])(${SECRET_NAME})["']?[ \\t]*(?:=>|:=|[:=])[ \\t]*["'\`]?([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])`;

/** Characters scanned per step; a step takes well under a millisecond on a 2 GHz core. */
export const SLICE_CHARS = 64 * 1024;
/**
 * A slice's regexes see this much text past its end, so a match that starts in the slice is
 * found whole (a finding is at most ~70 characters; the rest is room for spaces around `=`).
 */
const SLICE_OVERLAP = 4096;
/** Pairing walks this many findings per step. */
const PAIR_STEP = 4_000;
/** scanForLeaksAsync gives the event loop back after this much work. */
const TURN_MS = 8;

const ACCESS_KEY_ID_REGEX = new RegExp(ACCESS_KEY_ID_PATTERN, 'g');
const SECRET_REGEX = new RegExp(SECRET_ACCESS_KEY_PATTERN, 'gi');
const SECTION_HEADER_LINES = new RegExp(SECTION_HEADER.source, 'gm');

type RawFinding = { kind: LeakKind; start: number; end: number; accessKeyId?: string; name?: string };

/** Every finding in `text`, in order of position. Synchronous: for small texts and tests. */
export function scanForLeaks(text: string): LeakFinding[] {
  const steps = leakScanSteps(text);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * scanForLeaks in slices that give the event loop back every few milliseconds, so a large
 * document never blocks the extension host. Rejects with AbortError once `signal` aborts.
 */
export async function scanForLeaksAsync(text: string, options: { signal?: AbortSignal; sliceChars?: number } = {}): Promise<LeakFinding[]> {
  const steps = leakScanSteps(text, options.sliceChars);
  let turnStart = performance.now();
  for (;;) {
    if (options.signal?.aborted) throw new AbortError(undefined, { cause: options.signal.reason });
    const step = steps.next();
    if (step.done) return step.value;
    if (performance.now() - turnStart >= TURN_MS) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      turnStart = performance.now();
    }
  }
}

/**
 * The scan as steps, each a bounded amount of work (one slice of text, or one stretch of the
 * pairing walk); the generator's return value is the findings.
 */
export function* leakScanSteps(text: string, sliceChars = SLICE_CHARS): Generator<void, LeakFinding[]> {
  if (typeof text !== 'string' || text.length < 20) return [];
  const found: LeakFinding[] = [];
  /** 0-based lines holding an INI section header. */
  const headerLines = new Set<number>();
  // Line numbers in one forward walk over the newlines, across slices.
  let line = 0;
  let lineStart = 0;
  let nextNewline = text.indexOf('\n');
  const lineOf = (offset: number): number => {
    while (nextNewline !== -1 && nextNewline < offset) {
      line++;
      lineStart = nextNewline + 1;
      nextNewline = text.indexOf('\n', lineStart);
    }
    return line;
  };
  // Where each regex goes on: a match ending past its slice hides matches inside it, as in one pass.
  const resume: Resume = { ids: 0, secrets: 0, headers: 0 };
  for (let from = 0; from < text.length; from += sliceChars) {
    const to = Math.min(text.length, from + sliceChars);
    const slice = findingsInSlice(text, from, to, resume);
    // Findings and headers in order of position: the newline walk only goes forward.
    let h = 0;
    for (const r of slice.findings) {
      for (; h < slice.headers.length && (slice.headers[h] as number) < r.start; h++) headerLines.add(lineOf(slice.headers[h] as number));
      const at = lineOf(r.start);
      found.push(r.accessKeyId !== undefined ? { kind: r.kind, start: r.start, end: r.end, line: at, column: r.start - lineStart, accessKeyId: r.accessKeyId } : { kind: r.kind, start: r.start, end: r.end, line: at, column: r.start - lineStart, name: r.name });
    }
    for (; h < slice.headers.length; h++) headerLines.add(lineOf(slice.headers[h] as number));
    yield;
  }
  if (!found.some((f) => f.kind === 'secret-access-key') || !found.some((f) => f.kind === 'access-key-id')) return found;
  return yield* pairSecrets(found, headerLines);
}

interface Resume {
  ids: number;
  secrets: number;
  headers: number;
}

/**
 * Findings that start in [from, to), and the offsets of section headers that start there. The
 * regexes run over a window one character before (for the look-behinds) to SLICE_OVERLAP after
 * (so a match that starts in the slice ends inside the window), and start matching at `from`
 * or where the previous slice's last match ended (`resume`, updated).
 */
function findingsInSlice(text: string, from: number, to: number, resume: Resume): { findings: RawFinding[]; headers: number[] } {
  const windowStart = Math.max(0, from - 1);
  const windowEnd = Math.min(text.length, to + SLICE_OVERLAP);
  const window = text.slice(windowStart, windowEnd);
  /** Matches of `regex` that start in the slice and end inside the window (all of it at the text's end). */
  const matches = function* (regex: RegExp, kind: keyof Resume): Generator<RegExpExecArray> {
    for (const m of matchesFrom(regex, window, Math.max(from, resume[kind]) - windowStart)) {
      if (windowStart + m.index >= to) break;
      const end = m.index + m[0].length;
      if (windowEnd < text.length && end >= window.length) continue; // >4,000 spaces around `=`: not a finding
      resume[kind] = windowStart + end;
      yield m;
    }
  };
  const ids: RawFinding[] = [];
  for (const m of matches(ACCESS_KEY_ID_REGEX, 'ids')) {
    if (m[0].endsWith('EXAMPLE')) continue;
    const start = windowStart + m.index;
    ids.push({ kind: 'access-key-id', start, end: start + m[0].length, accessKeyId: m[0] });
  }
  const secrets: RawFinding[] = [];
  for (const m of matches(SECRET_REGEX, 'secrets')) {
    const value = m[2] as string;
    if (/EXAMPLE/.test(value) || shannonEntropy(value) < SECRET_ENTROPY_FLOOR) continue;
    const end = windowStart + m.index + m[0].length;
    secrets.push({ kind: 'secret-access-key', start: end - value.length, end, name: m[1] });
  }
  const headers: number[] = [];
  if (window.includes('[')) for (const m of matches(SECTION_HEADER_LINES, 'headers')) headers.push(windowStart + m.index);
  return { findings: mergeByStart(ids, secrets), headers };
}

function* matchesFrom(regex: RegExp, text: string, from: number): Generator<RegExpExecArray> {
  regex.lastIndex = from;
  for (let m = regex.exec(text); m; m = regex.exec(text)) {
    const next = regex.lastIndex;
    yield m;
    regex.lastIndex = next === m.index ? next + 1 : next;
  }
}

function mergeByStart(a: readonly RawFinding[], b: readonly RawFinding[]): RawFinding[] {
  const merged: RawFinding[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && (a[i] as RawFinding).start <= (b[j] as RawFinding).start)) merged.push(a[i++] as RawFinding);
    else merged.push(b[j++] as RawFinding);
  }
  return merged;
}

/**
 * Each secret with the access key ID it goes with, in one walk over the findings (in order of
 * position). A secret's candidates, best first: an ID on its own line (the nearest before it,
 * else the nearest after), then for 1..PAIR_MAX_LINES lines apart the nearest ID on the line
 * above, then on the line below; an ID with a section header on a line between them is out.
 */
function* pairSecrets(found: readonly LeakFinding[], headerLines: ReadonlySet<number>): Generator<void, LeakFinding[]> {
  // The last ID on each line (the nearest one to a secret below) and the first (nearest to one above).
  const lastIdOnLine = new Map<number, LeakFinding>();
  const firstIdOnLine = new Map<number, LeakFinding>();
  for (let i = 0; i < found.length; i++) {
    if (i % PAIR_STEP === PAIR_STEP - 1) yield;
    const f = found[i] as LeakFinding;
    if (f.kind !== 'access-key-id') continue;
    lastIdOnLine.set(f.line, f);
    if (!firstIdOnLine.has(f.line)) firstIdOnLine.set(f.line, f);
  }
  // The first ID after each finding, from one backward walk.
  const nextId = new Array<LeakFinding | undefined>(found.length);
  for (let i = found.length - 1, next: LeakFinding | undefined; i >= 0; i--) {
    if (i % PAIR_STEP === 0) yield;
    nextId[i] = next;
    if ((found[i] as LeakFinding).kind === 'access-key-id') next = found[i];
  }
  const paired: LeakFinding[] = [];
  let previousId: LeakFinding | undefined;
  for (let i = 0; i < found.length; i++) {
    if (i % PAIR_STEP === PAIR_STEP - 1) yield;
    const f = found[i] as LeakFinding;
    if (f.kind === 'access-key-id') previousId = f;
    if (f.kind !== 'secret-access-key') {
      paired.push(f);
      continue;
    }
    const id = idForSecret(f, previousId, nextId[i], lastIdOnLine, firstIdOnLine, headerLines);
    paired.push(id ? { kind: f.kind, start: f.start, end: f.end, line: f.line, column: f.column, name: f.name, pairedAccessKeyId: id.accessKeyId } : f);
  }
  return paired;
}

function idForSecret(
  secret: LeakFinding,
  previousId: LeakFinding | undefined,
  nextId: LeakFinding | undefined,
  lastIdOnLine: ReadonlyMap<number, LeakFinding>,
  firstIdOnLine: ReadonlyMap<number, LeakFinding>,
  headerLines: ReadonlySet<number>,
): LeakFinding | undefined {
  const line = secret.line;
  if (previousId?.line === line) return previousId;
  if (nextId?.line === line) return nextId;
  let above = true;
  let below = true;
  for (let apart = 1; apart <= PAIR_MAX_LINES && (above || below); apart++) {
    // A header on a line between the two blocks that side from here on.
    if (apart > 1 && headerLines.has(line - apart + 1)) above = false;
    if (apart > 1 && headerLines.has(line + apart - 1)) below = false;
    const before = above ? lastIdOnLine.get(line - apart) : undefined;
    if (before) return before;
    const after = below ? firstIdOnLine.get(line + apart) : undefined;
    if (after) return after;
  }
  return undefined;
}

/** Counts per character code, reused by shannonEntropy for ASCII values (every secret is). */
const ASCII_COUNTS = new Uint16Array(128);

/** Bits per character of `value`'s own character frequencies. */
export function shannonEntropy(value: string): number {
  if (value.length > 0 && value.length < 65_536 && /^[\x00-\x7f]*$/.test(value)) {
    for (let i = 0; i < value.length; i++) ASCII_COUNTS[value.charCodeAt(i)]++;
    let bits = 0;
    for (let i = 0; i < value.length; i++) {
      const code = value.charCodeAt(i);
      const count = ASCII_COUNTS[code] as number;
      if (count === 0) continue; // already counted
      const p = count / value.length;
      bits -= p * Math.log2(p);
      ASCII_COUNTS[code] = 0;
    }
    return bits;
  }
  const counts = new Map<string, number>();
  for (const ch of value) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let bits = 0;
  for (const count of counts.values()) {
    const p = count / value.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}
