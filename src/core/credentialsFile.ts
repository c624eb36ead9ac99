// Reads and rewrites one profile's static keys in an AWS shared credentials file, as text:
// only that profile's aws_access_key_id / aws_secret_access_key values change and its
// aws_session_token (or aws_security_token) lines go; every other byte — comments, other
// profiles, order, spacing, CRLF or LF — stays. Parsing follows the SDK's INI reader: a
// "[name]" line starts a section, "key = value" lines belong to it, "#" and ";" start comments.
import { SecretText } from './secretText';

export interface ProfileKeys {
  readonly accessKeyId: string;
  readonly secret: SecretText;
  readonly hasSessionToken: boolean;
}

export type ProfileKeysResult = { readonly ok: true; readonly keys: ProfileKeys } | { readonly ok: false; readonly reason: string };

interface Line {
  /** The line without its ending. */
  readonly body: string;
  /** "\r\n", "\n", "\r" or "" (last line). */
  readonly ending: string;
}

const KEY_ID = 'aws_access_key_id';
const SECRET = 'aws_secret_access_key';
const TOKEN_NAMES = new Set(['aws_session_token', 'aws_security_token']);

export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  const pattern = /([^\r\n]*)(\r\n|\n|\r|$)/g;
  let match: RegExpExecArray | null;
  while ((match = pattern.exec(text)) !== null) {
    if (match[0] === '' && match.index >= text.length) break;
    lines.push({ body: match[1], ending: match[2] });
    if (match[2] === '') break;
  }
  return lines;
}

function sectionName(body: string): string | undefined {
  const m = /^\s*\[([^\]]*)\]\s*(?:[#;].*)?$/.exec(body);
  return m ? m[1].trim() : undefined;
}

interface Setting {
  readonly name: string;
  readonly value: string;
  /** Everything before the value, kept as it was. */
  readonly head: string;
  /** Whitespace after the value. */
  readonly tail: string;
}

function setting(body: string): Setting | undefined {
  if (/^\s*[#;]/.test(body)) return undefined;
  const m = /^(\s*([^=\s]+)\s*=[ \t]*)(.*?)([ \t]*)$/.exec(body);
  return m ? { head: m[1], name: m[2].trim().toLowerCase(), value: m[3], tail: m[4] } : undefined;
}

/** Indexes of the lines of `profile`'s sections (header excluded); undefined if it has none. */
function profileSections(lines: readonly Line[], profile: string): { indexes: number[]; count: number } {
  const indexes: number[] = [];
  let inside = false;
  let count = 0;
  lines.forEach((line, i) => {
    const name = sectionName(line.body);
    if (name !== undefined) {
      inside = name === profile;
      if (inside) count++;
      return;
    }
    if (inside) indexes.push(i);
  });
  return { indexes, count };
}

/** The profile's static keys as the credentials file holds them, or why there are none. */
export function readProfileKeys(text: string, profile: string): ProfileKeysResult {
  const lines = splitLines(text);
  const { indexes, count } = profileSections(lines, profile);
  if (count === 0) return { ok: false, reason: `The credentials file has no [${profile}] profile.` };
  if (count > 1) return { ok: false, reason: `The credentials file has [${profile}] more than once; merge them first.` };
  let accessKeyId: string | undefined;
  let secret: string | undefined;
  let hasSessionToken = false;
  for (const i of indexes) {
    const s = setting(lines[i].body);
    if (!s) continue;
    if (s.name === KEY_ID) accessKeyId = s.value;
    else if (s.name === SECRET) secret = s.value;
    else if (TOKEN_NAMES.has(s.name)) hasSessionToken = true;
  }
  if (!accessKeyId || !secret) return { ok: false, reason: `[${profile}] in the credentials file has no ${!accessKeyId ? KEY_ID : SECRET}.` };
  return { ok: true, keys: { accessKeyId, secret: new SecretText(secret), hasSessionToken } };
}

/**
 * The text with `profile`'s key ID and secret replaced and its session token lines removed.
 * Throws when the profile is missing, repeated or lacks either key line.
 */
export function replaceProfileKeys(text: string, profile: string, keys: { accessKeyId: string; secret: SecretText }): string {
  const current = readProfileKeys(text, profile);
  if (!current.ok) throw new Error(current.reason);
  const lines = splitLines(text);
  const { indexes } = profileSections(lines, profile);
  const inProfile = new Set(indexes);
  const out: string[] = [];
  lines.forEach((line, i) => {
    const s = inProfile.has(i) ? setting(line.body) : undefined;
    if (s && TOKEN_NAMES.has(s.name)) return;
    if (s && (s.name === KEY_ID || s.name === SECRET)) {
      const value = s.name === KEY_ID ? keys.accessKeyId : keys.secret.reveal();
      out.push(s.head + value + s.tail + line.ending);
      return;
    }
    out.push(line.body + line.ending);
  });
  return out.join('');
}

/** The text with a new [profile] section holding the keys added at the end, in the file's line ending. */
export function appendProfile(text: string, profile: string, keys: { accessKeyId: string; secret: SecretText }): string {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const separator = text === '' ? '' : text.endsWith('\n') || text.endsWith('\r') ? eol : eol + eol;
  return `${text}${separator}[${profile}]${eol}aws_access_key_id = ${keys.accessKeyId}${eol}aws_secret_access_key = ${keys.secret.reveal()}${eol}`;
}
