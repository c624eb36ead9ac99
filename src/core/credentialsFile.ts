// Reads and rewrites one profile's static keys in an AWS shared credentials file, as text:
// only that profile's aws_access_key_id / aws_secret_access_key values change and its
// aws_session_token (or aws_security_token) lines go; every other byte — comments, other
// profiles, order, spacing, CRLF or LF — stays.
//
// Reading follows the AWS SDK for JavaScript's INI reader (parseIni in @smithy/core, behind
// @smithy/shared-ini-file-loader) rule for rule, so a rotation rewrites the values the SDK
// reads (test/unit/property.credentialsFileSdk.test.ts holds the two readings side by side):
// - a line ends at "\n" or "\r\n" only; a lone "\r" is part of the line;
// - "#" or ";" at the start of a line or after whitespace starts a comment; elsewhere it is text;
// - a line that is "[...]" once the comment and outer whitespace go starts a section named by
//   the text inside, untrimmed ("[profile x]" names "profile.x"; "[other x]" and "[]" are sections
//   the SDK ignores);
// - "name = value" belongs to the section, name and value trimmed, the name case-sensitive; a
//   setting with an empty value opens a sub-section: indented settings after it are "name.sub".
// Where other AWS tools read the target profile differently (a setting name in upper case, a
// "[ name ]" with spaces), or dropping its token lines would change what the SDK reads, the
// profile is refused with the reason (before a rotation starts) instead of guessed at.
import { SecretText } from './secretText';

export interface ProfileKeys {
  readonly accessKeyId: string;
  readonly secret: SecretText;
  readonly hasSessionToken: boolean;
}

/** `missing`: the file has no section by that name at all (adding one is safe); any other failure leaves it unset. */
export type ProfileKeysResult = { readonly ok: true; readonly keys: ProfileKeys } | { readonly ok: false; readonly reason: string; readonly missing?: true };

interface Line {
  /** The line without its "\n" (a "\r" before the "\n" stays: the SDK's trimming drops it). */
  readonly body: string;
  /** "\n", or "" for the last line. */
  readonly ending: string;
}

const KEY_ID = 'aws_access_key_id';
const SECRET = 'aws_secret_access_key';
const TOKEN_NAMES = new Set(['aws_session_token', 'aws_security_token']);
const KEY_NAMES = new Set([KEY_ID, SECRET, ...TOKEN_NAMES]);

/** The SDK's section types: "[type name]" is read as "type.name"; any other "[word name]" is skipped. */
const SECTION_TYPES = new Set(['profile', 'sso-session', 'services']);
const TYPED_SECTION = /^([\w-]+)\s(["'])?([\w\-@+.%:/]+)\2$/;
/** Section names the SDK refuses, reading nothing from the file then. */
const REFUSED_SECTIONS = new Set(['__proto__', 'profile __proto__']);

/** The text's lines as the SDK splits them (at "\n"; "\r\n" is "\r" then "\n"); joining body + ending gives the text back. */
export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (let newline = text.indexOf('\n'); newline !== -1; newline = text.indexOf('\n', start)) {
    lines.push({ body: text.slice(start, newline), ending: '\n' });
    start = newline + 1;
  }
  lines.push({ body: text.slice(start), ending: '' });
  return lines;
}

interface SettingLine {
  readonly kind: 'setting';
  /** The section's key. */
  readonly section: string;
  readonly name: string;
  /** The name, after its sub-section's name and a dot when it has one. */
  readonly key: string;
  /** Where the value is in the line's body. */
  readonly valueStart: number;
  readonly valueEnd: number;
}

type ParsedLine =
  | { readonly kind: 'section'; readonly inner: string; readonly key: string | undefined }
  | SettingLine
  | { readonly kind: 'other' };

/** The key the SDK files a "[inner]" section under, or undefined when it skips the section ("[]" included). */
function sectionKey(inner: string): string | undefined {
  const typed = TYPED_SECTION.exec(inner);
  if (!typed) return inner === '' ? undefined : inner;
  return SECTION_TYPES.has(typed[1]) ? `${typed[1]}.${typed[3]}` : undefined;
}

/** Each line as the SDK reads it, in order. */
function parse(lines: readonly Line[]): ParsedLine[] {
  const parsed: ParsedLine[] = [];
  let section: string | undefined;
  let subSection: string | undefined;
  for (const { body } of lines) {
    const comment = body.search(/(^|\s)[;#]/);
    const content = comment === -1 ? body : body.slice(0, comment);
    const trimmed = content.trim();
    if (trimmed.startsWith('[') && trimmed.endsWith(']')) {
      const inner = trimmed.slice(1, -1);
      const key = sectionKey(inner);
      parsed.push({ kind: 'section', inner, key });
      section = key;
      subSection = undefined;
      continue;
    }
    const equals = content.indexOf('=');
    const name = content.slice(0, equals).trim();
    if (section === undefined || equals === -1 || name === '') {
      parsed.push({ kind: 'other' });
      continue;
    }
    const afterEquals = content.slice(equals + 1);
    const value = afterEquals.trim();
    if (value === '') {
      subSection = name;
      parsed.push({ kind: 'other' });
      continue;
    }
    if (subSection && body.trimStart() === body) subSection = undefined;
    const valueStart = equals + 1 + afterEquals.length - afterEquals.trimStart().length;
    parsed.push({ kind: 'setting', section, name, key: subSection ? `${subSection}.${name}` : name, valueStart, valueEnd: valueStart + value.length });
  }
  return parsed;
}

type Profile = { readonly ok: true; readonly lines: Line[]; readonly parsed: ParsedLine[] } | Extract<ProfileKeysResult, { ok: false }>;

/** The line's setting when it belongs to `profile`. */
function settingOf(p: ParsedLine, profile: string): SettingLine | undefined {
  return p.kind === 'setting' && p.section === profile ? p : undefined;
}

/** The file's lines, read as the SDK reads them, when `profile` is one section the rewrite can trust. */
function findProfile(text: string, profile: string): Profile {
  const lines = splitLines(text);
  const parsed = parse(lines);
  const sections = parsed.filter((p) => p.kind === 'section');
  const refused = sections.find((s) => REFUSED_SECTIONS.has(s.inner));
  if (refused) return { ok: false, reason: `The AWS SDK reads nothing from this credentials file: it refuses the section [${refused.inner}].` };
  const count = sections.filter((s) => s.key === profile).length;
  if (count > 1) return { ok: false, reason: `The credentials file has [${profile}] more than once; merge them first.` };
  if (count === 0) {
    const spaced = sections.find((s) => s.inner !== profile && s.inner.trim() === profile);
    if (spaced) {
      return {
        ok: false,
        reason: `The credentials file has [${spaced.inner}] with spaces inside the brackets, which the AWS SDK reads as a profile other than "${profile}"; write it as [${profile}] first.`,
      };
    }
    return { ok: false, reason: `The credentials file has no [${profile}] profile.`, missing: true };
  }
  const misspelt = parsed
    .map((p) => settingOf(p, profile))
    .find((p) => p !== undefined && p.key === p.name && p.name !== p.name.toLowerCase() && KEY_NAMES.has(p.name.toLowerCase()));
  if (misspelt) {
    return {
      ok: false,
      reason: `[${profile}] in the credentials file has ${misspelt.name}, which the AWS SDK ignores (setting names are case-sensitive) but other tools read; write it as ${misspelt.name.toLowerCase()} first.`,
    };
  }
  if (tokenRemovalMovesSettings(lines, parsed, profile)) {
    return { ok: false, reason: `Removing the session token line of [${profile}] would change how the AWS SDK reads the indented settings after it; remove that line by hand first.` };
  }
  return { ok: true, lines, parsed };
}

/**
 * Whether dropping the profile's token lines changes what the SDK reads: a token line that ends
 * a sub-section ("s3 =" then indented lines) takes that end with it when it goes, and the
 * indented lines after it would become the sub-section's.
 */
function tokenRemovalMovesSettings(lines: readonly Line[], parsed: readonly ParsedLine[], profile: string): boolean {
  const kept = lines.map((_, i) => i).filter((i) => !TOKEN_NAMES.has(settingOf(parsed[i], profile)?.key ?? ''));
  if (kept.length === lines.length) return false;
  const keysOfSettings = (settings: readonly ParsedLine[]): string => JSON.stringify(settings.map((p) => (p.kind === 'setting' ? [p.section, p.key] : [])));
  return keysOfSettings(kept.map((i) => parsed[i])) !== keysOfSettings(parse(kept.map((i) => lines[i])));
}

/** The profile's static keys as the credentials file holds them, or why there are none. */
export function readProfileKeys(text: string, profile: string): ProfileKeysResult {
  const found = findProfile(text, profile);
  return found.ok ? keysOf(found, profile) : found;
}

function keysOf(found: { readonly lines: Line[]; readonly parsed: ParsedLine[] }, profile: string): ProfileKeysResult {
  let accessKeyId: string | undefined;
  let secret: string | undefined;
  let hasSessionToken = false;
  found.parsed.forEach((p, i) => {
    const s = settingOf(p, profile);
    if (!s) return;
    const value = found.lines[i].body.slice(s.valueStart, s.valueEnd);
    if (s.key === KEY_ID) accessKeyId = value;
    else if (s.key === SECRET) secret = value;
    else if (TOKEN_NAMES.has(s.key)) hasSessionToken = true;
  });
  if (!accessKeyId || !secret) return { ok: false, reason: `[${profile}] in the credentials file has no ${!accessKeyId ? KEY_ID : SECRET}.` };
  return { ok: true, keys: { accessKeyId, secret: new SecretText(secret), hasSessionToken } };
}

/**
 * The text with `profile`'s key ID and secret replaced and its session token lines removed.
 * Throws when the profile is missing, repeated, lacks either key line or is read differently by other tools.
 */
export function replaceProfileKeys(text: string, profile: string, keys: { accessKeyId: string; secret: SecretText }): string {
  const found = findProfile(text, profile);
  if (!found.ok) throw new Error(found.reason);
  const current = keysOf(found, profile);
  if (!current.ok) throw new Error(current.reason);
  const out: string[] = [];
  found.lines.forEach((line, i) => {
    const s = settingOf(found.parsed[i], profile);
    if (s && TOKEN_NAMES.has(s.key)) return;
    const value = s?.key === KEY_ID ? keys.accessKeyId : s?.key === SECRET ? keys.secret.reveal() : undefined;
    out.push(s && value !== undefined ? line.body.slice(0, s.valueStart) + value + line.body.slice(s.valueEnd) + line.ending : line.body + line.ending);
  });
  return out.join('');
}

/** The text with a new [profile] section holding the keys added at the end, in the file's line ending. */
export function appendProfile(text: string, profile: string, keys: { accessKeyId: string; secret: SecretText }): string {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  // A lone "\r" does not end a line for the SDK: after one, the section needs a real line ending.
  const separator = text === '' ? '' : text.endsWith('\n') ? eol : eol + eol;
  return `${text}${separator}[${profile}]${eol}aws_access_key_id = ${keys.accessKeyId}${eol}aws_secret_access_key = ${keys.secret.reveal()}${eol}`;
}

/**
 * Every profile whose aws_access_key_id the SDK reads as `accessKeyId`, in file order. A profile
 * the rewrite can't trust (repeated, misspelt names) is left out: it is not rewritten either.
 */
export function profilesHoldingKey(text: string, accessKeyId: string): string[] {
  const parsed = parse(splitLines(text));
  const candidates = new Set<string>();
  for (const p of parsed) if (p.kind === 'setting' && p.key === KEY_ID) candidates.add(p.section);
  return [...candidates].filter((profile) => {
    const read = readProfileKeys(text, profile);
    return read.ok && read.keys.accessKeyId === accessKeyId;
  });
}

/** The text with each listed profile's keys replaced (one after the other: each keeps its own lines' style, every other byte stays). */
export function replaceKeysOfProfiles(text: string, profiles: readonly string[], keys: { accessKeyId: string; secret: SecretText }): string {
  return profiles.reduce((current, profile) => replaceProfileKeys(current, profile, keys), text);
}
