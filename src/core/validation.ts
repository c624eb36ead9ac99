// Input and settings validation, kept free of `vscode` so it can be unit-tested on plain Node.
//
// Why this exists: IAM rejects bad input with terse errors ("1 validation error detected …"),
// and settings can hold anything a user typed into settings.json. These checks run before any
// request and produce short sentences that say what is wrong and where, so input boxes and
// warnings can show something a person can act on. Nothing here trims or rewrites the value:
// what we validate is exactly what we send.
//
// Constraints mirror the IAM API model (botocore iam/2010-05-08/service-2.json):
//   userNameType        [\w+=,.@-]+  1–64   (names IAM lets you create; ListAccessKeys itself
//                                             takes existingUserNameType, 1–128, but no user can
//                                             have a longer name than 64, so we stop there)
//   accessKeyIdType     [\w]+        16–128
// where \w is ASCII [A-Za-z0-9_].
//
// Reasons read in the editor's language (core/translate.ts: the translator set at activation;
// English in unit tests): whole sentences with {n} arguments, never English pieces joined.
import { l10nKey, translate } from './translate';

export type ValidationResult = { ok: true; value: string } | { ok: false; reason: string };

export const USER_NAME_MAX_LENGTH = 64;
export const ACCESS_KEY_ID_MIN_LENGTH = 16;
export const ACCESS_KEY_ID_MAX_LENGTH = 128;

const USER_NAME_CHAR = /[A-Za-z0-9_+=,.@-]/;
const WORD_CHAR = /[A-Za-z0-9_]/;

function ok(value: string): ValidationResult {
  return { ok: true, value };
}

function fail(reason: string): ValidationResult {
  return { ok: false, reason };
}

/** A character as a person would want it named in an error message. */
export function describeChar(ch: string): string {
  switch (ch) {
    case ' ':
      return translate('a space');
    case '\t':
      return translate('a tab');
    case '\n':
    case '\r':
    case '\u2028':
    case '\u2029':
      return translate('a line break');
    case '\u00a0':
      return translate('a non-breaking space');
    default: {
      const cp = ch.codePointAt(0) ?? 0;
      if (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f) || /\s/.test(ch) || (cp >= 0xd800 && cp <= 0xdfff)) {
        return `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
      }
      return `"${ch}"`;
    }
  }
}

/** Finds the first code point not matching `allowed`; position is 1-based, counted in code points. */
function firstBadChar(value: string, allowed: RegExp): { ch: string; position: number } | undefined {
  let position = 0;
  for (const ch of value) {
    position++;
    if (!allowed.test(ch)) return { ch, position };
  }
  return undefined;
}

type Subject = 'user' | 'accessKey' | 'profile';
const EDGE: Record<Subject, { readonly begin: string; readonly end: string }> = {
  user: { begin: l10nKey("User names can't begin with {0} (position 1)."), end: l10nKey("User names can't end with {0} (position {1}).") },
  accessKey: { begin: l10nKey("Access key IDs can't begin with {0} (position 1)."), end: l10nKey("Access key IDs can't end with {0} (position {1}).") },
  profile: { begin: l10nKey("Profile names can't begin with {0} (position 1)."), end: l10nKey("Profile names can't end with {0} (position {1}).") },
};

/** Reason text for whitespace at either end, or undefined. */
function edgeWhitespace(value: string, subject: Subject): string | undefined {
  const chars = Array.from(value);
  const first = chars[0];
  const last = chars[chars.length - 1];
  if (first !== undefined && /\s/.test(first)) return translate(EDGE[subject].begin, describeChar(first));
  if (last !== undefined && /\s/.test(last)) return translate(EDGE[subject].end, describeChar(last), chars.length);
  return undefined;
}

/**
 * IAM user name as accepted by ListAccessKeys / GetUser: `[\w+=,.@-]+`, 1–64 characters.
 * Case is kept as typed (IAM user names are case-insensitive for uniqueness but the API is not
 * ours to second-guess).
 */
export function validateUserName(value: string): ValidationResult {
  if (typeof value !== 'string') return fail(translate('User names must be text.'));
  if (value.length === 0) return fail(translate('Enter a user name.'));
  const edge = edgeWhitespace(value, 'user');
  if (edge) return fail(edge);
  const bad = firstBadChar(value, USER_NAME_CHAR);
  if (bad) {
    return fail(translate("User names can't contain {0} (position {1}). Allowed: letters, digits and + = , . @ _ -", describeChar(bad.ch), bad.position));
  }
  // Only ASCII characters get here, so .length counts characters.
  if (value.length > USER_NAME_MAX_LENGTH) {
    return fail(translate('User names are at most {0} characters (this one has {1}).', USER_NAME_MAX_LENGTH, value.length));
  }
  return ok(value);
}

/**
 * Access key ID as accepted by GetAccessKeyLastUsed / UpdateAccessKey: `[\w]+`, 16–128.
 * Real IDs are AKIA (long-term) or ASIA (temporary) plus 16 upper-case letters or digits, so an
 * ID that starts like one gets the stricter, more helpful check. Other `\w` IDs of 16–128 chars
 * are accepted because IAM accepts them (emulators use such IDs). Nothing is upper-cased for you.
 */
export function validateAccessKeyId(value: string): ValidationResult {
  if (typeof value !== 'string') return fail(translate('Access key IDs must be text.'));
  if (value.length === 0) return fail(translate('Enter an access key ID.'));
  const edge = edgeWhitespace(value, 'accessKey');
  if (edge) return fail(edge);
  const bad = firstBadChar(value, WORD_CHAR);
  if (bad) {
    return fail(translate("Access key IDs can't contain {0} (position {1}). Allowed: letters, digits and _", describeChar(bad.ch), bad.position));
  }
  const head = value.slice(0, 4).toUpperCase();
  if (head === 'AKIA' || head === 'ASIA') {
    const lower = firstBadChar(value, /[^a-z]/);
    if (lower) {
      return fail(translate('Access key IDs are upper case (found "{0}" at position {1}); did you mean {2}?', lower.ch, lower.position, value.toUpperCase()));
    }
    if (value.length !== 20) {
      return fail(translate('Access key IDs are 20 characters: AKIA or ASIA and 16 letters or digits (this one has {0}).', value.length));
    }
    const underscore = value.indexOf('_');
    if (underscore >= 0) {
      return fail(translate('Access key IDs have only letters and digits after AKIA or ASIA (found "_" at position {0}).', underscore + 1));
    }
    return ok(value);
  }
  if (value.length < ACCESS_KEY_ID_MIN_LENGTH) {
    return fail(translate('Access key IDs are at least {0} characters (this one has {1}).', ACCESS_KEY_ID_MIN_LENGTH, value.length));
  }
  if (value.length > ACCESS_KEY_ID_MAX_LENGTH) {
    return fail(translate('Access key IDs are at most {0} characters (this one has {1}).', ACCESS_KEY_ID_MAX_LENGTH, value.length));
  }
  return ok(value);
}

// ---------------------------------------------------------------------------------------------
// Numeric settings

export interface BoundedIntegerSpec {
  readonly min: number;
  readonly max: number;
  readonly default: number;
  /** Setting name used in warnings, e.g. "iamKeys.pageSize". */
  readonly name: string;
}

export interface ParsedSetting {
  readonly value: number;
  /** Present when the configured value was not used as is. */
  readonly warning?: string;
}

/** A short, safe rendering of an arbitrary settings value for a warning. */
export function describeValue(value: unknown): string {
  let text: string;
  switch (typeof value) {
    case 'string':
      text = JSON.stringify(value);
      break;
    case 'number':
    case 'boolean':
    case 'bigint':
      text = String(value);
      break;
    case 'undefined':
      text = 'undefined';
      break;
    case 'function':
    case 'symbol':
      text = `a ${typeof value}`;
      break;
    default:
      if (value === null) {
        text = 'null';
      } else {
        try {
          text = JSON.stringify(value) ?? Object.prototype.toString.call(value);
        } catch {
          text = Array.isArray(value) ? 'an array' : 'an object';
        }
      }
  }
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

/**
 * Reads an integer setting: numbers are rounded and clamped into [min, max] (with a warning);
 * anything else (strings, NaN, null, objects) falls back to the default with a warning naming
 * the bad value. `undefined` means "not set" and silently gives the default.
 */
export function parseBoundedInteger(value: unknown, spec: BoundedIntegerSpec): ParsedSetting {
  const { min, max, name } = spec;
  const fallback = spec.default;
  if (!Number.isInteger(min) || !Number.isInteger(max) || !Number.isInteger(fallback) || min > max) {
    throw new RangeError(`Bad bounds for ${name}: min ${min}, max ${max}, default ${fallback}`);
  }
  if (fallback < min || fallback > max) {
    throw new RangeError(`Default ${fallback} for ${name} is outside ${min}–${max}`);
  }
  if (value === undefined) return { value: fallback };
  if (typeof value !== 'number' || Number.isNaN(value)) {
    return {
      value: fallback,
      warning: translate('{0} must be a whole number from {1} to {2}, not {3}; using {4}.', name, min, max, describeValue(value), fallback),
    };
  }
  const rounded = Number.isFinite(value) ? Math.round(value) : value;
  const clamped = Math.min(max, Math.max(min, rounded)) + 0; // + 0 turns -0 into 0
  if (clamped === value) return { value: clamped };
  const warning =
    rounded !== value && clamped === rounded
      ? translate('{0} must be a whole number; using {1} instead of {2}.', name, clamped, describeValue(value))
      : translate('{0} must be from {1} to {2}; using {3} instead of {4}.', name, min, max, clamped, describeValue(value));
  return { value: clamped, warning };
}

export const PAGE_SIZE_SPEC: BoundedIntegerSpec = { min: 1, max: 1000, default: 100, name: 'iamKeys.pageSize' };

/** `iamKeys.pageSize`: IAM's MaxItems range, 1–1000, default 100. */
export function parsePageSize(value: unknown): ParsedSetting {
  return parseBoundedInteger(value, PAGE_SIZE_SPEC);
}

// ---------------------------------------------------------------------------------------------
// Endpoint override

const LOOPBACK_V4 = /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/;

const ENDPOINT = 'iamKeys.endpoint';

/** True for hosts that can only mean this machine: localhost, 127.0.0.0/8, [::1]. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  return host === 'localhost' || host === '[::1]' || host === '::1' || LOOPBACK_V4.test(host);
}

/**
 * `iamKeys.endpoint`: empty means no override. Otherwise an absolute `https://` URL, or
 * `http://` to a loopback host (LocalStack, moto). Embedded credentials, query strings and
 * fragments are refused; the value is returned unchanged when it passes.
 */
export function validateEndpoint(value: string): ValidationResult {
  if (typeof value !== 'string') return fail(translate('{0} must be text.', ENDPOINT));
  if (value === '') return ok('');
  // Never echo a password written into the URL, even when the URL is malformed otherwise.
  const shown = describeValue(value.replace(/[^/@]*@/g, '…@'));
  const rule = (): ValidationResult => fail(translate('{0} must be https://, or http:// on this machine (localhost/127.0.0.1). Got {1}', ENDPOINT, shown));
  // Refuse what WHATWG URL parsing would quietly repair, so what we check is what we use.
  if (/[\s\\\u0000-\u001f\u007f]/.test(value)) {
    return fail(translate("{0} can't contain spaces, control characters or backslashes. Got {1}", ENDPOINT, shown));
  }
  if (!/^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(value)) return rule();
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return fail(translate('{0} is not a valid URL. Got {1}', ENDPOINT, shown));
  }
  if (url.username !== '' || url.password !== '') {
    // Don't echo the value back: it holds a secret.
    return fail(translate('{0} must not contain a user name or password (user:pass@host).', ENDPOINT));
  }
  if (url.protocol === 'https:') {
    // fall through to the shape checks below
  } else if (url.protocol === 'http:') {
    if (!isLoopbackHost(url.hostname)) return rule();
  } else {
    return rule();
  }
  if (url.hostname === '') return fail(translate('{0} needs a host name. Got {1}', ENDPOINT, shown));
  if (url.search !== '' || value.includes('?')) return fail(translate("{0} can't have a query (?…). Got {1}", ENDPOINT, shown));
  if (url.hash !== '' || value.includes('#')) return fail(translate("{0} can't have a fragment (#…). Got {1}", ENDPOINT, shown));
  return ok(value);
}

// ---------------------------------------------------------------------------------------------
// Profile names

/**
 * Shared config/credentials profile name. Deliberately permissive, because names come from the
 * user's own files: the credentials file takes `[any name]`, botocore reads `[profile NAME]`
 * with shlex (so quotes are special), and the JS SDK's config-file parser takes
 * `[profile NAME]` with NAME in `[\w\-@+.%:/]` (see `isConfigFileProfileName`). Refused: empty,
 * whitespace or control characters anywhere, `[` `]` (they end the INI section header), quotes,
 * and `__proto__` (the JS SDK throws on it).
 */
export function validateProfileName(value: string): ValidationResult {
  if (typeof value !== 'string') return fail(translate('Profile names must be text.'));
  if (value.length === 0) return fail(translate('Enter a profile name.'));
  const edge = edgeWhitespace(value, 'profile');
  if (edge) return fail(edge);
  const bad = firstBadChar(value, /[^\s\u0000-\u001f\u007f-\u009f[\]"'\u2028\u2029]/);
  if (bad) {
    return fail(translate("Profile names can't contain {0} (position {1}).", describeChar(bad.ch), bad.position));
  }
  if (value === '__proto__') return fail(translate('"{0}" can\'t be used as a profile name.', '__proto__'));
  return ok(value);
}

/**
 * Whether the AWS SDK for JavaScript v3 can read `[profile NAME]` from ~/.aws/config (its INI
 * parser only accepts `[\w\-@+.%:/]+` there; other names work only in ~/.aws/credentials).
 */
export function isConfigFileProfileName(name: string): boolean {
  return /^[A-Za-z0-9_\-@+.%:/]+$/.test(name) && name !== '__proto__';
}
