// Smaller fields for listed records (#22 memory: 100 accounts × 1,000 keys held by the tree).
// A date kept as seconds from 2020 is a small integer V8 stores in the field itself (IAM dates
// are whole seconds), where a millisecond count is a 16-byte boxed number. Text that repeats
// across users (an account's ARN head, a path) is kept once.

/** Seconds count from here: within ±2^30 s (±34 years) they fit V8's small integers, also with pointer compression. */
const BASE_MS = Date.UTC(2020, 0, 1);

/** A date as a number for a field: whole seconds from 2020 (a small integer) when it is one. */
export function packDate(date: Date): number {
  return (date.getTime() - BASE_MS) / 1000;
}

/** The date a packed number stands for (a fresh Date: nobody can change the record's). */
export function unpackDate(packed: number): Date {
  return new Date(Math.round(packed * 1000) + BASE_MS);
}

/** Distinct texts kept once; past this many, new ones are kept as they come (linear, bounded memory). */
const MAX_SHARED = 10_000;
const shared = new Map<string, string>();

/** The one kept copy of `text` (a path, an ARN head); the text itself once the table is full. */
export function sharedText(text: string): string {
  const kept = shared.get(text);
  if (kept !== undefined) return kept;
  if (shared.size < MAX_SHARED) shared.set(text, text);
  return text;
}

/**
 * A user's ARN is `<head><Path><UserName>` (`arn:aws:iam::123456789012:user` + `/dev/` + `bob`):
 * the head is the same for every user of an account, so it is kept once. undefined when the
 * ARN is not built that way (then the record keeps it whole).
 */
export function userArnHead(arn: string, path: string, userName: string): string | undefined {
  const tail = path + userName;
  return arn.length > tail.length && arn.endsWith(tail) ? sharedText(arn.slice(0, arn.length - tail.length)) : undefined;
}
