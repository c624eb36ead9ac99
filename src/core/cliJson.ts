// Output that matches what the AWS CLI v1 prints, so people can diff our JSON against
// `aws iam list-access-keys --output json`, paste our NextToken into `--starting-token`, and copy
// an equivalent command line. Facts mirrored (checked in aws-cli 1.45 / botocore sources):
//
// * Key order is the IAM model's member order: AccessKeyMetadata = UserName, AccessKeyId,
//   Status, CreateDate; GetAccessKeyLastUsed = UserName, AccessKeyLastUsed{LastUsedDate,
//   ServiceName, Region}. A paginated command prints only the result key plus NextToken.
// * Timestamps: CLI v1's default `cli_timestamp_format` is "wire": the value exactly as IAM sent
//   it, which is `2016-12-01T22:19:58Z` (no fraction). With `cli_timestamp_format = iso8601`
//   (the CLI v2 default) it prints Python's datetime.isoformat(): `2016-12-01T22:19:58+00:00`,
//   and `…58.123000+00:00` when there is a fraction.
// * Text: json.dump(indent=4, ensure_ascii=False) then "\n": 4-space indent, ", "-free item
//   separators (",\n"), ": " after keys, non-ASCII printed as is.
// * NextToken (botocore TokenEncoder): base64 (standard alphabet, padded) of Python's
//   json.dumps of {"Marker": …, "boto_truncate_amount": n} with default separators (", ", ": ")
//   and ensure_ascii=True. boto_truncate_amount is present only when a page was cut short by
//   --max-items; Marker is null when the cut page was the first one.

import type { AccessKey, AccessKeyLastUsed, AccessKeyStatus } from './types';

export type CliTimestampFormat = 'wire' | 'iso8601';

export interface CliOptions {
  /** Default 'wire', the CLI v1 default. */
  readonly timestampFormat?: CliTimestampFormat;
}

export interface CliAccessKey {
  UserName: string;
  AccessKeyId: string;
  Status: AccessKeyStatus;
  CreateDate: string;
}

export interface CliListAccessKeysOutput {
  AccessKeyMetadata: CliAccessKey[];
  NextToken?: string;
}

export interface CliAccessKeyLastUsed {
  LastUsedDate?: string;
  ServiceName: string;
  Region: string;
}

export interface AccessKeyJsonDocument extends CliAccessKey {
  AccessKeyLastUsed?: CliAccessKeyLastUsed;
}

function two(n: number): string {
  return String(n).padStart(2, '0');
}

function yearText(y: number): string {
  // Python's datetime only has years 1–9999; IAM never sends others. Keep something readable
  // (padStart leaves years of five digits and more as they are).
  return y >= 0 ? String(y).padStart(4, '0') : String(y);
}

/** A timestamp as the CLI prints it; see the header for the two formats (undefined: 'wire'). */
export function formatCliTimestamp(date: Date, format?: CliTimestampFormat): string {
  const t = date.getTime();
  if (Number.isNaN(t)) throw new RangeError('Invalid date');
  const base =
    `${yearText(date.getUTCFullYear())}-${two(date.getUTCMonth() + 1)}-${two(date.getUTCDate())}` +
    `T${two(date.getUTCHours())}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())}`;
  const ms = date.getUTCMilliseconds();
  if (format === 'iso8601') {
    return `${base}${ms ? `.${String(ms).padStart(3, '0')}000` : ''}+00:00`;
  }
  // IAM sends whole seconds; if a Date carries milliseconds (an emulator), keep them.
  return `${base}${ms ? `.${String(ms).padStart(3, '0')}` : ''}Z`;
}

export function accessKeyToCli(key: AccessKey, options: CliOptions = {}): CliAccessKey {
  return {
    UserName: key.UserName,
    AccessKeyId: key.AccessKeyId,
    Status: key.Status,
    CreateDate: formatCliTimestamp(key.CreateDate, options.timestampFormat),
  };
}

/** `aws iam list-access-keys` output; NextToken only when non-empty (as botocore does). */
export function listAccessKeysCliOutput(
  keys: readonly AccessKey[],
  nextToken?: string,
  options: CliOptions = {},
): CliListAccessKeysOutput {
  const out: CliListAccessKeysOutput = { AccessKeyMetadata: keys.map((k) => accessKeyToCli(k, options)) };
  if (nextToken) out.NextToken = nextToken;
  return out;
}

/**
 * "Show Access Key Metadata as JSON": the ListAccessKeys fields in IAM's order, and, under its
 * own key, GetAccessKeyLastUsed's AccessKeyLastUsed structure when it is known. LastUsedDate is
 * omitted when IAM has none (never used), as IAM omits it.
 */
export function accessKeyJsonDocument(
  key: AccessKey,
  lastUsed?: AccessKeyLastUsed,
  options: CliOptions = {},
): AccessKeyJsonDocument {
  const doc: AccessKeyJsonDocument = accessKeyToCli(key, options);
  if (lastUsed) {
    const { LastUsedDate, ServiceName, Region } = lastUsed;
    doc.AccessKeyLastUsed =
      LastUsedDate !== undefined
        ? { LastUsedDate: formatCliTimestamp(LastUsedDate, options.timestampFormat), ServiceName, Region }
        : { ServiceName, Region };
  }
  return doc;
}

// ---------------------------------------------------------------------------------------------
// Python json.dumps, for byte-identical output

export interface PythonJsonOptions {
  /** Like json.dumps(indent=…); undefined gives one line with ", " and ": " separators. */
  readonly indent?: number;
  /** Like json.dumps(ensure_ascii=…); Python's default is true. */
  readonly ensureAscii?: boolean;
}

const SHORT_ESCAPES: Record<string, string> = {
  '"': '\\"',
  '\\': '\\\\',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\b': '\\b',
  '\f': '\\f',
};

function u4(code: number): string {
  return `\\u${code.toString(16).padStart(4, '0')}`;
}

/** A JSON string literal as Python's json module writes it. */
export function pythonJsonString(s: string, ensureAscii: boolean): string {
  // Python: ensure_ascii escapes everything outside 0x20–0x7E (astral as surrogate pairs);
  // otherwise only ", \ and control characters < 0x20. Lone surrogates can't be written as
  // UTF-8, so they are escaped either way.
  const re = ensureAscii ? /[^\x20-\x7e]|["\\]/g : /[\x00-\x1f"\\]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
  return `"${s.replace(re, (ch) => SHORT_ESCAPES[ch] ?? u4(ch.charCodeAt(0)))}"`;
}

/**
 * Python's json.dumps for the values our outputs contain (objects in insertion order, arrays,
 * strings, finite integers, booleans, null). Dates are written as the CLI's json_encoder does
 * (datetime.isoformat()). Keys whose value is undefined are skipped. Throws on cycles.
 */
export function pythonJsonDumps(value: unknown, options: PythonJsonOptions = {}): string {
  const ensureAscii = options.ensureAscii ?? true;
  const indent = options.indent;
  const seen = new Set<object>();
  const itemSep = indent === undefined ? ', ' : ',';
  const write = (v: unknown, depth: number): string => {
    if (v === null || v === undefined) return 'null';
    switch (typeof v) {
      case 'string':
        return pythonJsonString(v, ensureAscii);
      case 'number': // String() writes NaN, Infinity and -Infinity as Python does
      case 'bigint':
        return String(v);
      case 'boolean':
        return v ? 'true' : 'false';
      case 'object':
        break;
      default:
        throw new TypeError(`Object of type ${typeof v} is not JSON serializable`);
    }
    if (v instanceof Date) return pythonJsonString(formatCliTimestamp(v, 'iso8601'), ensureAscii);
    const obj = v as object;
    if (seen.has(obj)) throw new TypeError('Circular reference detected');
    seen.add(obj);
    try {
      const entries: string[] = [];
      let open: string;
      let close: string;
      if (Array.isArray(obj)) {
        open = '[';
        close = ']';
        for (const item of obj) entries.push(write(item, depth + 1));
      } else {
        open = '{';
        close = '}';
        const pairs: [string, unknown][] =
          obj instanceof Map ? [...obj.entries()].map(([k, val]) => [String(k), val]) : Object.entries(obj);
        for (const [k, val] of pairs) {
          if (val === undefined) continue;
          entries.push(`${pythonJsonString(k, ensureAscii)}: ${write(val, depth + 1)}`);
        }
      }
      if (entries.length === 0) return open + close;
      if (indent === undefined) return open + entries.join(itemSep) + close;
      const pad = '\n' + ' '.repeat(indent * (depth + 1));
      return open + pad + entries.join(itemSep + pad) + '\n' + ' '.repeat(indent * depth) + close;
    } finally {
      seen.delete(obj);
    }
  };
  return write(value, 0);
}

/** The CLI's `--output json` text for `value`: json.dump(indent=4, ensure_ascii=False) + "\n". */
export function toCliJsonText(value: unknown): string {
  return pythonJsonDumps(value, { indent: 4, ensureAscii: false }) + '\n';
}

// ---------------------------------------------------------------------------------------------
// botocore pagination tokens

export interface CliNextToken {
  /** IAM's Marker to resume from; absent when the cut page was the first page. */
  readonly marker?: string;
  /** Items of the page at `marker` already shown (botocore's boto_truncate_amount). */
  readonly truncateAmount?: number;
}

/** A NextToken that `aws … --starting-token` accepts. */
export function encodeCliNextToken(token: CliNextToken): string {
  const { marker, truncateAmount } = token;
  if (marker !== undefined && typeof marker !== 'string') throw new TypeError('marker must be a string');
  if (truncateAmount !== undefined && !(Number.isSafeInteger(truncateAmount) && truncateAmount >= 0)) {
    throw new RangeError(`truncateAmount must be a whole number ≥ 0, not ${truncateAmount}`);
  }
  if (marker === undefined && truncateAmount === undefined) {
    throw new Error('A NextToken needs a marker or a truncate amount');
  }
  // botocore builds the dict with the input token first, then boto_truncate_amount (written
  // only when there is one: pythonJsonDumps skips undefined), and dumps it with Python's
  // default ensure_ascii=True, pythonJsonDumps' default too.
  const obj = { Marker: marker ?? null, boto_truncate_amount: truncateAmount };
  return Buffer.from(pythonJsonDumps(obj)).toString('base64');
}

function invalid(token: string, why: string): Error {
  const shown = token.length > 40 ? `${token.slice(0, 37)}…` : token;
  return new Error(`Invalid NextToken ${JSON.stringify(shown)}: ${why}`);
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Reads a NextToken printed by the AWS CLI / botocore (or by encodeCliNextToken). Whitespace is
 * ignored (tokens get wrapped when pasted). Throws `Invalid NextToken …` for anything else that
 * isn't a botocore token for a Marker-paginated call. (botocore itself would fall back to using
 * an unreadable token as a raw marker; we'd rather say it's wrong.)
 */
export function decodeCliNextToken(token: string): { marker?: string; truncateAmount?: number } {
  if (typeof token !== 'string') throw new TypeError('NextToken must be a string');
  const compact = token.replace(/\s/g, '');
  if (compact === '') throw invalid(token, 'it is empty');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(compact) || compact.length % 4 !== 0) {
    throw invalid(token, 'it is not base64');
  }
  let text: string;
  try {
    text = utf8.decode(Buffer.from(compact, 'base64'));
  } catch {
    throw invalid(token, 'it does not decode to UTF-8 text');
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw invalid(token, 'it does not hold JSON');
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw invalid(token, 'it does not hold a JSON object');
  }
  const result: { marker?: string; truncateAmount?: number } = {};
  for (const [k, v] of Object.entries(parsed)) {
    if (k === 'Marker') {
      if (v === null) continue;
      if (typeof v !== 'string') throw invalid(token, 'its Marker is not a string');
      result.marker = v;
    } else if (k === 'boto_truncate_amount') {
      if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0) {
        throw invalid(token, 'its boto_truncate_amount is not a whole number ≥ 0');
      }
      result.truncateAmount = v;
    } else {
      throw invalid(token, `it has an unexpected key ${JSON.stringify(k)} (not a list-access-keys token?)`);
    }
  }
  return result;
}

// ---------------------------------------------------------------------------------------------
// Equivalent command line

/** POSIX shell quoting, like Python's shlex.quote: bare when only [A-Za-z0-9_@%+=:,./-], else single-quoted (the empty string too). */
export function shellQuote(s: string): string {
  if (/^[A-Za-z0-9_@%+=:,./-]+$/.test(s)) return s;
  return `'${s.replace(/'/g, `'"'"'`)}'`;
}

export interface CliCommandOptions {
  readonly userName?: string;
  readonly profile?: string;
  readonly region?: string;
  readonly endpoint?: string;
  /** A NextToken to continue from (`--starting-token`). */
  readonly startingToken?: string;
}

/** The aws CLI operations Copy as AWS CLI Command can write. */
export type CliOperation = 'list-access-keys' | 'get-access-key-last-used' | 'update-access-key';

export interface CliLineOptions extends CliCommandOptions {
  readonly operation?: CliOperation;
  readonly accessKeyId?: string;
  /** For update-access-key: the status to set. */
  readonly status?: 'Active' | 'Inactive';
}

/**
 * `aws iam <operation> … --profile P --region R --endpoint-url E`, each value shell-quoted.
 * Region and endpoint are always written when known, so the line reaches the same partition
 * and endpoint as the view.
 */
export function cliLine(options: CliLineOptions): string {
  const operation = options.operation ?? 'list-access-keys';
  const words = ['aws', 'iam', operation];
  const add = (flag: string, value: string | undefined): void => {
    if (value !== undefined && value !== '') words.push(flag, shellQuote(value));
  };
  if (operation === 'get-access-key-last-used') {
    add('--access-key-id', options.accessKeyId);
  } else if (operation === 'update-access-key') {
    add('--user-name', options.userName);
    add('--access-key-id', options.accessKeyId);
    add('--status', options.status);
  } else {
    add('--user-name', options.userName);
    add('--starting-token', options.startingToken);
  }
  add('--profile', options.profile);
  add('--region', options.region);
  add('--endpoint-url', options.endpoint);
  return words.join(' ');
}

/** `aws iam list-access-keys --user-name NAME --profile P …`, each value shell-quoted. */
export function cliCommandFor(options: CliCommandOptions): string {
  return cliLine({ ...options, operation: 'list-access-keys' });
}
