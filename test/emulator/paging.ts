// IAM-style paging: MaxItems per page, IsTruncated, and an opaque Marker to
// continue. Markers are HMAC-signed cursors (the sort key of the last item
// returned), so a forged or garbled marker is rejected as "Invalid Marker"
// instead of crashing or silently restarting, and a marker from one listing
// (ListUsers under /a/) cannot be replayed against another.
//
// "Short pages" mimics what the IAM docs warn about: a page may hold fewer than
// MaxItems items, even none, while IsTruncated is true. Page sizes are derived
// from the seed and the cursor, so a run is reproducible, and a page after an
// empty one always holds at least one item, so continuing always reaches the
// end with every item exactly once.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { apiErrors } from './protocol/errors';
import { hashString, mixSeed, mulberry32 } from './random';
import { compareStrings } from './store';

export interface PagingOptions {
  /** Key for marker HMACs. */
  readonly secret: Buffer;
  /** Seed of the short-pages mode; undefined = full pages, as IAM usually answers. */
  readonly shortPagesSeed?: number;
}

export interface PageRequest {
  readonly maxItems: number;
  readonly marker?: string;
}

export interface Page<T> {
  readonly items: readonly T[];
  readonly isTruncated: boolean;
  /** Present exactly when isTruncated. */
  readonly marker?: string;
}

interface Cursor {
  /** Sort key of the last item returned; empty before the first item. */
  readonly after: string;
  /** Empty pages in a row just before this cursor (short-pages mode). */
  readonly emptyStreak: number;
}

const MARKER_VERSION = 1;
const MAC_BYTES = 16;
/** Share of short pages that are empty (IsTruncated true, no items). */
const EMPTY_PAGE_SHARE = 0.2;

/**
 * One page of `items` (already in listing order, ascending by `sortKeyOf`).
 * `scope` names the listing (action + filter) the marker is valid for.
 */
export function pageOf<T>(
  items: readonly T[],
  sortKeyOf: (item: T) => string,
  request: PageRequest,
  scope: string,
  options: PagingOptions,
): Page<T> {
  const cursor: Cursor = request.marker === undefined ? { after: '', emptyStreak: 0 } : decodeMarker(request.marker, scope, options);
  const start = cursor.after === '' ? 0 : firstIndexAfter(items, sortKeyOf, cursor.after);
  const remaining = items.length - start;
  const size = options.shortPagesSeed === undefined ? request.maxItems : shortPageSize(request.maxItems, cursor, scope, options.shortPagesSeed);

  if (size >= remaining) return { items: items.slice(start), isTruncated: false };
  if (size === 0) {
    const next: Cursor = { after: cursor.after, emptyStreak: cursor.emptyStreak + 1 };
    return { items: [], isTruncated: true, marker: encodeMarker(next, scope, options) };
  }
  const pageItems = items.slice(start, start + size);
  const next: Cursor = { after: sortKeyOf(pageItems[pageItems.length - 1]), emptyStreak: 0 };
  return { items: pageItems, isTruncated: true, marker: encodeMarker(next, scope, options) };
}

/** Items per page in short-pages mode: 0 sometimes (never twice in a row), else 1..MaxItems-1. */
function shortPageSize(maxItems: number, cursor: Cursor, scope: string, seed: number): number {
  const random = mulberry32(mixSeed(seed, hashString(scope), hashString(cursor.after), cursor.emptyStreak, maxItems));
  if (cursor.emptyStreak === 0 && random() < EMPTY_PAGE_SHARE) return 0;
  if (maxItems === 1) return 1;
  return 1 + Math.floor(random() * (maxItems - 1));
}

/** Binary search: index of the first item whose sort key is greater than `after`. */
function firstIndexAfter<T>(items: readonly T[], sortKeyOf: (item: T) => string, after: string): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (compareStrings(sortKeyOf(items[mid]), after) <= 0) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Standard base64 (with + / =), like real IAM markers, so clients must form-encode them properly. */
export function encodeMarker(cursor: Cursor, scope: string, options: PagingOptions): string {
  const payload = Buffer.from(JSON.stringify({ v: MARKER_VERSION, s: scopeTag(scope), a: cursor.after, z: cursor.emptyStreak }));
  return Buffer.concat([payload, mac(payload, options.secret)]).toString('base64');
}

function decodeMarker(marker: string, scope: string, options: PagingOptions): Cursor {
  const bytes = Buffer.from(marker, 'base64');
  // Node's decoder skips bad characters; re-encoding catches anything garbled.
  if (bytes.length <= MAC_BYTES || bytes.toString('base64') !== marker) throw apiErrors.invalidMarker();
  const payload = bytes.subarray(0, bytes.length - MAC_BYTES);
  const givenMac = bytes.subarray(bytes.length - MAC_BYTES);
  if (!timingSafeEqual(givenMac, mac(payload, options.secret))) throw apiErrors.invalidMarker();
  let parsed: unknown;
  try {
    parsed = JSON.parse(payload.toString('utf8'));
  } catch {
    throw apiErrors.invalidMarker();
  }
  if (!isMarkerPayload(parsed) || parsed.v !== MARKER_VERSION || parsed.s !== scopeTag(scope)) {
    throw apiErrors.invalidMarker();
  }
  return { after: parsed.a, emptyStreak: parsed.z };
}

function isMarkerPayload(value: unknown): value is { v: number; s: string; a: string; z: number } {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return (
    typeof record.v === 'number' &&
    typeof record.s === 'string' &&
    typeof record.a === 'string' &&
    typeof record.z === 'number' &&
    Number.isInteger(record.z) &&
    record.z >= 0
  );
}

function mac(payload: Buffer, secret: Buffer): Buffer {
  return createHmac('sha256', secret).update(payload).digest().subarray(0, MAC_BYTES);
}

/** Short digest of the scope keeps markers under IAM's 320-character limit whatever the PathPrefix. */
function scopeTag(scope: string): string {
  return createHash('sha256').update(scope).digest('base64').slice(0, 12);
}
