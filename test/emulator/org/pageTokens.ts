// NextToken paging for the JSON APIs (Organizations ListAccounts, the portal's
// account and role lists): an opaque token bound to its list, and, with short
// pages on, pages of fewer items than asked — sometimes none, still with a
// NextToken — as Organizations documents. An empty page is never followed by
// another at the same offset, so a client that follows tokens always ends.
import { mulberry32 } from '../random';

export interface PageRequest {
  /** Names the listing ("accounts", "roles:<id>"); a token from another listing is invalid. */
  readonly list: string;
  readonly maxResults: number;
  readonly token: string | undefined;
  /** Seed for short pages; undefined = full pages. */
  readonly shortPagesSeed: number | undefined;
}

export interface Page<T> {
  readonly items: readonly T[];
  readonly nextToken?: string;
}

export class InvalidTokenError extends Error {}

export function pageOf<T>(all: readonly T[], request: PageRequest): Page<T> {
  const { offset, emptyBefore } = decode(request);
  let size = request.maxResults;
  let empty = false;
  if (request.shortPagesSeed !== undefined) {
    const draw = mulberry32(request.shortPagesSeed * 31 + offset * 7 + (emptyBefore ? 1 : 0))();
    empty = !emptyBefore && draw < 0.2;
    size = empty ? 0 : 1 + Math.floor(draw * request.maxResults);
  }
  const end = Math.min(all.length, offset + size);
  const items = all.slice(offset, end);
  const more = end < all.length || (empty && offset < all.length);
  return { items, nextToken: more ? encode(request.list, end, empty) : undefined };
}

function encode(list: string, offset: number, emptyBefore: boolean): string {
  return Buffer.from(JSON.stringify({ l: list, o: offset, e: emptyBefore ? 1 : 0 }), 'utf8').toString('base64');
}

function decode(request: PageRequest): { offset: number; emptyBefore: boolean } {
  if (request.token === undefined) return { offset: 0, emptyBefore: false };
  try {
    const parsed = JSON.parse(Buffer.from(request.token, 'base64').toString('utf8')) as { l?: unknown; o?: unknown; e?: unknown };
    if (parsed.l === request.list && typeof parsed.o === 'number' && Number.isInteger(parsed.o) && parsed.o >= 0) {
      return { offset: parsed.o, emptyBefore: parsed.e === 1 };
    }
  } catch {
    // fall through
  }
  throw new InvalidTokenError('The provided token is invalid.');
}
