// Scrubs secrets from anything on its way to a log or output channel. Access keys come with
// secret keys, STS credentials with session tokens, and SDK debug output carries signed
// headers; none of that may reach a log, a bug report or a screenshot. Access key IDs are not
// secrets (they're what this extension shows) and are left alone.
//
// Redacted in text:
// * the value after a secret-looking name in INI, env, JSON, JS, YAML, XML, header, table or
//   query form: aws_secret_access_key / SecretAccessKey / secretAccessKey / AWS_SECRET_ACCESS_KEY,
//   aws_session_token / SessionToken / X-Amz-Security-Token / aws_security_token,
//   Signature / X-Amz-Signature, password / passphrase, access / refresh / id / bearer / vault
//   tokens (SSO and OIDC caches, x-amz-sso_bearer_token, X-Vault-Token), client secrets, API
//   keys; a quoted value goes whole, to its closing quote;
// * Vault tokens by their prefix (hvs., hvb., hvr.; legacy s. + 24 characters of both cases);
// * Authorization header values: everything after the scheme, except for AWS SigV4
//   ("AWS4-HMAC-SHA256 Credential=AKID/date/region/service/aws4_request, SignedHeaders=…,
//   Signature=…") where only the Signature goes;
// * the value of a secret-looking command-line flag: --password x, --secret=x, --session-token "x";
// * the user info of a URL: scheme://user:pass@host;
// * standalone STS session tokens (they start IQoJb3JpZ2lu…, AQoDYXdz…, FwoGZXIvYXdz… or
//   FQoGZXIvYXdz…);
// * any standalone 40-character [A-Za-z0-9/+] run (the shape of a secret access key) that has
//   both upper- and lower-case letters. "Standalone": no [A-Za-z0-9/+] directly before or after.
//   The mixed-case rule lets 40-digit hex (git SHAs, hashes) through; a random secret key lacks
//   one of the two cases with probability about 1e-9.
// Values are also recognised URL-encoded (%2F, %2B, and whole URL-encoded JSON: %22name%22%3A%22…),
// JSON-escaped (\/, \u002f, \u002b), with commas inside, and wrapped over lines (following lines
// that hold only base64). Every pattern runs in time linear in the text: none can start a match
// inside a run an earlier start already scanned (test/unit/property.redactLinear.test.ts).

export const REDACTED = '[REDACTED]';

/** A quote as written plain, JSON-escaped (\") or URL-encoded (%22, %27). */
const QUOTE = `(?:\\\\?["'\`]|%2[27])`;
const SECRET_NAMES = [
  '(?:aws[_-]?)?secret[_-]?(?:access[_-]?)?key',
  '(?:aws[_-]?)?session[_-]?token',
  '(?:aws[_-]?)?security[_-]?token', // also X-Amz-Security-Token
  '(?:access|refresh|id|bearer|auth|vault|oauth)[_-]?token', // SSO/OIDC caches, x-amz-sso_bearer_token, X-Vault-Token
  'client[_-]?secret',
  'api[_-]?key',
  'signature', // also X-Amz-Signature
  'passw(?:or)?d',
  'passphrase',
].join('|');

/** A slash or plus written JSON-escaped: \/, \u002f, \u002b. */
const JSON_ESCAPED_UNIT = '\\\\/|\\\\u002[FfBb]';
/** One character of a base64 secret as it may be written: plain, URL-encoded or JSON-escaped. */
const B64_UNIT = `(?:[A-Za-z0-9/+=]|%[0-9A-Fa-f]{2}|${JSON_ESCAPED_UNIT}|\\\\u003[Dd])`;
/**
 * The rest of a value wrapped over lines: each following line holds only base64 (a wrapped
 * token, or a secret split by a terminal), up to an optional closing quote or comma.
 */
const WRAPPED = `(?:\\r?\\n[ \\t]*${B64_UNIT}+(?=[ \\t]*["'\`,;]?[ \\t]*(?:\\r?\\n|$)))*`;

/** Blanks around a separator: plain or URL-encoded. */
const BLANK = '(?:[ \\t]|%20)*';
/** ":", "=", "=>", "|", plain or URL-encoded (%3A, %3D). */
const SEPARATOR_MARK = '(?:=>|[:=|]|%3[AaDd])';
// name, then either a separator (with optional quotes) or an XML ">".
const SEPARATOR = `${QUOTE}?${BLANK}${SEPARATOR_MARK}${BLANK}${QUOTE}?|>`;
// A value runs to whitespace, a quote or a delimiter; a comma inside it (a,b) does not end it.
// A URL-encoded quote (%22, %27) ends it only where an encoded JSON value closes (then comes an
// encoded , } ] or blank, "&", a blank or the end): a password may hold "%22" itself.
const ENCODED_CLOSE = `%2[27](?:%2[Cc0]|%7[Dd]|%5[Dd]|%0[AaDd]|[&+\\s,;)}\\]]|$)`;
const VALUE_CHAR = `(?!${ENCODED_CLOSE})[^\\s"'\`\\\\<>&,;)}\\]|]`;
// An encoded quote at the start is the opening quote (the separator's), never the value.
const VALUE = `(?!%2[27])(?!\\[REDACTED\\])(?!(?:null|undefined|None|true|false)(?![\\w/+]))(?:${VALUE_CHAR}|${JSON_ESCAPED_UNIT}|,(?=${VALUE_CHAR}))+${WRAPPED}`;
const KEY_VALUE = new RegExp(`((?:${SECRET_NAMES})(?:${SEPARATOR}))(${VALUE})`, 'gi');
/**
 * A quoted value closed on the same line goes whole, whatever it holds (an OIDC refresh token
 * has "|", a password spaces): the name, the separator, the opening quote (group 2), then
 * anything but that quote (a backslash escape is one unit) up to the same quote.
 */
const QUOTED_KEY_VALUE = new RegExp(
  `((?:${SECRET_NAMES})${QUOTE}?${BLANK}${SEPARATOR_MARK}${BLANK}(${QUOTE}))(?!\\[REDACTED\\]\\2)((?:\\\\[^\\r\\n]|(?!\\2)[^\\r\\n\\\\])+)(?=\\2)`,
  'gi',
);

const AUTHORIZATION = new RegExp(`(authori[sz]ation${QUOTE}?[ \\t]*[:=][ \\t]*${QUOTE}?)([^\\r\\n"'\`\\\\]+)`, 'gi');

/**
 * `scheme://user:pass@host`: the whole user info goes (a user name can be a token too). A match
 * starts only where a run of scheme characters starts: starting at every "\b" inside "a.a.a…"
 * rescanned the run each time (quadratic: 3 s on 80 KB).
 */
const URL_USER_INFO = /(?<![a-z0-9+.-])([a-z][a-z0-9+.-]*:\/\/)(?!\[REDACTED\]@)([^\s/?#@"'`<>]+)@/gi;

/** Command-line flags that take a secret: --password x, --secret=x, --session-token "x"… */
const FLAG = /(?<![\w-])(--?[A-Za-z0-9]+(?:[-_][A-Za-z0-9]+)*)([ \t]+|=)(?!\[REDACTED\])(?!-)("[^"\r\n]*"|'[^'\r\n]*'|[^\s"'`]+)/g;
const SECRET_FLAG = /secret|passw(?:or)?d|token|api[-_]?key|private[-_]?key|credentials?$/i;
const NOT_SECRET_FLAG = /(?:next|starting|continuation|pagination|page)[-_]token$/i;

// STS session tokens by their first bytes (IQoJb3JpZ2lu = "\t\norigin", AQoDYXdz = "\x01\n\x03aws",
// FwoGZXIvYXdz / FQoGZXIvYXdz = older forms), in plain, URL-encoded or JSON-escaped text.
const SESSION_TOKEN = new RegExp(`(?<![A-Za-z0-9/+])(?:IQoJb3JpZ2lu|AQoDYXdz|AQoEXAMPLE|FwoGZXIvYXdz|FQoGZXIvYXdz)${B64_UNIT}*${WRAPPED}`, 'g');

/** Vault tokens: hvs./hvb./hvr. (service, batch, recovery), and legacy "s." + 24 characters. */
const VAULT_TOKEN = /(?<![A-Za-z0-9_.-])hv[sbr]\.[A-Za-z0-9_-]{20,}/g;
const LEGACY_VAULT_TOKEN = /(?<![A-Za-z0-9_.-])s\.([A-Za-z0-9]{24})(?![A-Za-z0-9_-])/g;

/** Runs of base64 characters, plain or written as %2F / %2B, \/ or \u002f / \u002b (each checked decoded). */
const SHAPE_UNIT = `(?:[A-Za-z0-9/+]|%2[FfBb]|${JSON_ESCAPED_UNIT})`;
const SHAPE_RUN = new RegExp(`(?<![A-Za-z0-9/+%\\\\])${SHAPE_UNIT}+(?![A-Za-z0-9/+])`);
/** What may lie between the end of one line's run and the start of the next line's run. */
const LINE_BREAK = /^\r?\n[ \t]*$/;

function decodeUnits(text: string): string {
  return text.replace(/%2[Ff]|\\u002[Ff]|\\\//g, '/').replace(/%2[Bb]|\\u002[Bb]/g, '+');
}

/** The longest a 40-character secret can be written: every character as \u002f (6). */
const MAX_SHAPE_LENGTH = 40 * 6;

/**
 * 40 characters of [A-Za-z0-9/+] with both cases: a random secret key lacks one with p ≈ 1e-9.
 * `raw` is one or two SHAPE_RUN matches, so decoded it holds only those characters.
 */
function isSecretKeyShape(raw: string): boolean {
  if (raw.length < 40 || raw.length > MAX_SHAPE_LENGTH) return false;
  const s = decodeUnits(raw);
  return s.length === 40 && /[A-Z]/.test(s) && /[a-z]/.test(s);
}

/**
 * Redacts runs with the shape of a secret key, and pairs of runs that have it together when
 * one ends a line and the other starts the next (a secret split by a terminal or a wrap).
 * One pass that keeps only the previous run: a list of every run made long texts of short
 * runs ("a.a.a…") cost more than linear time.
 */
function redactSecretKeyShapes(text: string): string {
  const pattern = new RegExp(SHAPE_RUN.source, 'g');
  const pieces: string[] = [];
  let at = 0;
  let previous: { start: number; end: number; text: string } | undefined;
  const cut = (start: number, end: number): void => {
    pieces.push(text.slice(at, start), REDACTED);
    at = end;
    previous = undefined;
  };
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    const run = { start: m.index, end: m.index + m[0].length, text: m[0] };
    if (previous && run.start - previous.end <= 64 && LINE_BREAK.test(text.slice(previous.end, run.start)) && isSecretKeyShape(previous.text + run.text)) {
      cut(previous.start, run.end);
    } else if (isSecretKeyShape(run.text)) {
      cut(run.start, run.end);
    } else {
      previous = run;
    }
  }
  if (pieces.length === 0) return text;
  pieces.push(text.slice(at));
  return pieces.join('');
}

function redactAuthorizationValue(value: string): string {
  const trimmed = value.replace(/[ \t]+$/, '');
  const tail = value.slice(trimmed.length);
  // SigV4 / SigV4a: keep the credential scope and signed headers; the Signature pass removes
  // the signature itself.
  if (/^AWS4-/i.test(trimmed)) return value;
  // "Bearer [REDACTED]" comes out as it went in.
  const m = /^(\S+)([ \t]+)\S/.exec(trimmed);
  if (m) {
    const [, scheme, space] = m as unknown as [string, string, string];
    return `${scheme}${space}${REDACTED}${tail}`;
  }
  return `${REDACTED}${tail}`;
}

function redactFlagValue(flag: string, separator: string, value: string): string {
  if (!SECRET_FLAG.test(flag) || NOT_SECRET_FLAG.test(flag)) return flag + separator + value;
  const quote = value[0] === '"' || value[0] === "'" ? value[0] : '';
  return `${flag}${separator}${quote}${REDACTED}${quote}`;
}

/** `text` with every secret we can recognise replaced by "[REDACTED]". */
export function redactSecrets(text: string): string {
  if (typeof text !== 'string') return text;
  let out = text.replace(AUTHORIZATION, (_m, head: string, value: string) => head + redactAuthorizationValue(value));
  out = out.replace(URL_USER_INFO, (_m, scheme: string) => `${scheme}${REDACTED}@`);
  out = out.replace(FLAG, (_m, flag: string, separator: string, value: string) => redactFlagValue(flag, separator, value));
  out = out.replace(QUOTED_KEY_VALUE, (_m, head: string) => head + REDACTED);
  out = out.replace(KEY_VALUE, (_m, head: string) => head + REDACTED);
  out = out.replace(SESSION_TOKEN, REDACTED);
  out = out.replace(VAULT_TOKEN, REDACTED);
  out = out.replace(LEGACY_VAULT_TOKEN, (m, body: string) => (/[A-Z]/.test(body) && /[a-z]/.test(body) ? REDACTED : m));
  out = redactSecretKeyShapes(out);
  return out;
}

/** The message of anything thrown, redacted: for notifications and logs. Never throws. */
export function redactedErrorMessage(error: unknown): string {
  let text: string;
  try {
    text = error instanceof Error ? error.message : String(error);
  } catch {
    text = 'unknown error';
  }
  return redactSecrets(typeof text === 'string' ? text : '');
}

// ---------------------------------------------------------------------------------------------
// Structured values

const SECRET_KEY_NAME = /secret|token|signature|authori[sz]ation|passw(?:or)?d|credential|private[_-]?key|cookie/i;
const NOT_SECRET_KEY_NAME = /^(?:next|continuation|pagination|starting|page)[_-]?token$/i;

/** Whether a property name looks like it holds a secret ("SecretAccessKey", "credentials"…). */
export function isSecretKeyName(name: string): boolean {
  return SECRET_KEY_NAME.test(name) && !NOT_SECRET_KEY_NAME.test(name);
}

const MAX_DEPTH = 12;
const MAX_ENTRIES = 500;

/** A property's value, or "[unreadable]" when its getter throws. */
function readProperty(v: object, key: string): unknown {
  try {
    return (v as Record<string, unknown>)[key];
  } catch {
    return '[unreadable]';
  }
}

/**
 * A copy of `value` safe to log: properties with secret-looking names become "[REDACTED]",
 * strings go through redactSecrets, Errors become plain objects (name, message, stack and own
 * properties), Maps/Sets/arrays are copied, other class instances (streams, sockets, clients)
 * become "[ClassName]". Cycles become "[Circular]"; very deep or wide values are cut short.
 */
export function redactObject(value: unknown): unknown {
  const ancestors = new Set<object>();

  const visit = (v: unknown, depth: number): unknown => {
    if (typeof v === 'string') return redactSecrets(v);
    if (typeof v === 'function') return `[Function${v.name ? ` ${v.name}` : ''}]`;
    if (v === null || typeof v !== 'object') return v;
    if (v instanceof Date) return new Date(v.getTime());
    if (ArrayBuffer.isView(v) || v instanceof ArrayBuffer) return `[Binary ${v.byteLength} bytes]`;
    if (ancestors.has(v)) return '[Circular]';
    if (depth >= MAX_DEPTH) return '[…]';
    ancestors.add(v);
    try {
      if (Array.isArray(v)) {
        const out = v.slice(0, MAX_ENTRIES).map((item) => visit(item, depth + 1));
        if (v.length > MAX_ENTRIES) out.push(`[… ${v.length - MAX_ENTRIES} more]`);
        return out;
      }
      if (v instanceof Map) {
        const out = new Map<unknown, unknown>();
        let n = 0;
        for (const [k, val] of v) {
          if (n++ >= MAX_ENTRIES) break;
          out.set(k, typeof k === 'string' && isSecretKeyName(k) ? REDACTED : visit(val, depth + 1));
        }
        return out;
      }
      if (v instanceof Set) {
        return new Set([...v].slice(0, MAX_ENTRIES).map((item) => visit(item, depth + 1)));
      }
      const proto: unknown = Object.getPrototypeOf(v);
      const isError = v instanceof Error;
      if (!isError && proto !== Object.prototype && proto !== null) {
        const name = (v as { constructor?: { name?: string } }).constructor?.name;
        return `[${name || 'object'}]`;
      }
      const out: Record<string, unknown> = {};
      if (isError) {
        out.name = v.name;
        out.message = redactSecrets(v.message);
        if (v.stack) out.stack = redactSecrets(v.stack);
      }
      let n = 0;
      for (const key of Object.keys(v)) {
        if (n++ >= MAX_ENTRIES) {
          out['…'] = `${Object.keys(v).length - MAX_ENTRIES} more`;
          break;
        }
        out[key] = isSecretKeyName(key) ? REDACTED : visit(readProperty(v, key), depth + 1);
      }
      // A native cause ({ cause } in Error's options) is not enumerable.
      if (isError && !('cause' in out)) {
        const cause = readProperty(v, 'cause');
        if (cause !== undefined) out.cause = visit(cause, depth + 1);
      }
      return out;
    } finally {
      ancestors.delete(v);
    }
  };

  return visit(value, 0);
}
