// AWS Signature Version 4, server side: parse the Authorization header, rebuild
// the canonical request from what arrived on the wire, and recompute the
// signature with the key's secret (HMAC-SHA256 chain over date, region,
// service). Pure functions, so they can be checked against AWS's published
// test vectors.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

export const SIGV4_ALGORITHM = 'AWS4-HMAC-SHA256';

export interface ParsedAuthorization {
  readonly accessKeyId: string;
  /** Credential scope parts. */
  readonly date: string;
  readonly region: string;
  readonly service: string;
  readonly signedHeaders: readonly string[];
  readonly signature: string;
}

/** What the server saw of a request, as needed for the canonical request. */
export interface ReceivedRequest {
  readonly method: string;
  /** Path exactly as on the wire (still percent-encoded), without the query. */
  readonly path: string;
  /** Raw query string without "?" (may be empty). */
  readonly query: string;
  /** Header name/value pairs in arrival order (Node's rawHeaders, paired). */
  readonly headers: readonly (readonly [string, string])[];
  readonly body: Buffer;
}

/** Parses "AWS4-HMAC-SHA256 Credential=AKID/date/region/service/aws4_request, SignedHeaders=a;b, Signature=hex". */
export function parseAuthorization(header: string): ParsedAuthorization | { readonly error: string } {
  const trimmed = header.trim();
  if (!trimmed.startsWith(SIGV4_ALGORITHM + ' ')) {
    return { error: `Authorization header requires '${SIGV4_ALGORITHM}' algorithm` };
  }
  const fields = new Map<string, string>();
  for (const part of trimmed.slice(SIGV4_ALGORITHM.length + 1).split(',')) {
    const eq = part.indexOf('=');
    if (eq > 0) fields.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  const credential = fields.get('Credential');
  const signedHeaders = fields.get('SignedHeaders');
  const signature = fields.get('Signature');
  if (!credential || !signedHeaders || !signature) {
    return {
      error:
        "Authorization header requires 'Credential', 'SignedHeaders' and 'Signature' parameters. " +
        `Authorization=${trimmed}`,
    };
  }
  const scope = credential.split('/');
  if (scope.length !== 5 || scope[4] !== 'aws4_request' || !/^\d{8}$/.test(scope[1])) {
    return { error: `Credential should be scoped to a valid region, not '${scope[2] ?? ''}'.` };
  }
  return {
    accessKeyId: scope[0],
    date: scope[1],
    region: scope[2],
    service: scope[3],
    signedHeaders: signedHeaders.split(';'),
    signature,
  };
}

/** RFC 3986 encoding as SigV4 wants it: only A-Z a-z 0-9 - _ . ~ stay as they are. */
export function uriEncode(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (ch) => '%' + ch.charCodeAt(0).toString(16).toUpperCase());
}

/** Canonical URI for non-S3 services: dot segments resolved, empty segments dropped, each segment encoded again. */
export function canonicalPath(wirePath: string): string {
  const segments: string[] = [];
  for (const segment of wirePath.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') segments.pop();
    else segments.push(segment);
  }
  const trailing = wirePath.endsWith('/') && segments.length > 0 ? '/' : '';
  return '/' + segments.map(uriEncode).join('/') + trailing;
}

/** Query parameters decoded, re-encoded the SigV4 way and sorted by name, then value. */
export function canonicalQuery(rawQuery: string): string {
  if (rawQuery === '') return '';
  const pairs = rawQuery
    .split('&')
    .filter((part) => part !== '')
    .map((part) => {
      const eq = part.indexOf('=');
      const name = eq < 0 ? part : part.slice(0, eq);
      const value = eq < 0 ? '' : part.slice(eq + 1);
      return [uriEncode(decodeComponent(name)), uriEncode(decodeComponent(value))] as const;
    });
  pairs.sort(([an, av], [bn, bv]) => (an === bn ? compare(av, bv) : compare(an, bn)));
  return pairs.map(([name, value]) => `${name}=${value}`).join('&');
}

/** Signed headers: lower-case names, values trimmed with inner runs of spaces collapsed, repeats joined by ",". */
export function canonicalHeaders(headers: ReceivedRequest['headers'], signedHeaders: readonly string[]): string {
  const values = new Map<string, string[]>();
  for (const [name, value] of headers) {
    const lower = name.toLowerCase();
    const list = values.get(lower) ?? [];
    list.push(value.trim().replace(/\s+/g, ' '));
    values.set(lower, list);
  }
  return signedHeaders.map((name) => `${name}:${(values.get(name) ?? []).join(',')}\n`).join('');
}

export function canonicalRequest(request: ReceivedRequest, signedHeaders: readonly string[]): string {
  return [
    request.method.toUpperCase(),
    canonicalPath(request.path),
    canonicalQuery(request.query),
    canonicalHeaders(request.headers, signedHeaders),
    signedHeaders.join(';'),
    sha256Hex(request.body),
  ].join('\n');
}

export function stringToSign(amzDate: string, scope: string, canonical: string): string {
  return [SIGV4_ALGORITHM, amzDate, scope, sha256Hex(canonical)].join('\n');
}

export function signingKey(secretAccessKey: string, date: string, region: string, service: string): Buffer {
  const kDate = hmac('AWS4' + secretAccessKey, date);
  const kRegion = hmac(kDate, region);
  const kService = hmac(kRegion, service);
  return hmac(kService, 'aws4_request');
}

/** The signature a client holding `secretAccessKey` should have sent for this request. */
export function expectedSignature(
  request: ReceivedRequest,
  auth: ParsedAuthorization,
  amzDate: string,
  secretAccessKey: string,
): string {
  const scope = `${auth.date}/${auth.region}/${auth.service}/aws4_request`;
  const toSign = stringToSign(amzDate, scope, canonicalRequest(request, auth.signedHeaders));
  return createHmac('sha256', signingKey(secretAccessKey, auth.date, auth.region, auth.service))
    .update(toSign)
    .digest('hex');
}

/** Constant-time comparison of the received and expected signatures. */
export function signatureMatches(
  request: ReceivedRequest,
  auth: ParsedAuthorization,
  amzDate: string,
  secretAccessKey: string,
): boolean {
  const expected = Buffer.from(expectedSignature(request, auth, amzDate, secretAccessKey), 'utf8');
  const given = Buffer.from(auth.signature, 'utf8');
  return expected.length === given.length && timingSafeEqual(expected, given);
}

export function sha256Hex(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

function hmac(key: string | Buffer, data: string): Buffer {
  return createHmac('sha256', key).update(data, 'utf8').digest();
}

/** Form-style decoding ("+" is a space); malformed escapes are kept literally rather than throwing. */
function decodeComponent(text: string): string {
  const spaced = text.replace(/\+/g, ' ');
  try {
    return decodeURIComponent(spaced);
  } catch {
    return spaced;
  }
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
