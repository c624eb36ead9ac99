// Finds AWS access key IDs and other IAM unique IDs in arbitrary text (for the hover and for
// "find who owns this key"). Kept separate from the editor glue so it can be tested and timed
// on plain Node: it has to cope with multi-megabyte files, so it is one global-regex pass that
// allocates only per match.
//
// Prefixes are those in the IAM User Guide, "IAM identifiers" → "Understanding unique ID
// prefixes". Access key IDs (AKIA long-term, ASIA temporary) are the prefix plus 16 of [A-Z0-9]
// (20 characters, e.g. AKIAIOSFODNN7EXAMPLE). Other unique IDs are usually 21 characters
// (e.g. AIDAJQABLZS4A3QDU576Q); some, such as SSH public key IDs (APKA…), are 20, so those
// prefixes take 16 or 17 characters after them. An ID must stand on its own: no [A-Za-z0-9]
// directly before or after it.

import { l10nKey } from './translate';
export type IdKind =
  | 'access-key'
  | 'temporary-access-key'
  | 'user'
  | 'role'
  | 'group'
  | 'instance-profile'
  | 'managed-policy'
  | 'managed-policy-version'
  | 'public-key'
  | 'bearer-token'
  | 'context-specific-credential'
  | 'certificate'
  | 'action-group';

export interface DetectedId {
  readonly id: string;
  /** Offset of the first character (UTF-16 code units). */
  readonly start: number;
  /** Offset just past the last character. */
  readonly end: number;
  /** The four-letter prefix, e.g. "AKIA". */
  readonly prefix: string;
  readonly kind: IdKind;
}

/** Prefix → kind, from the IAM identifiers page. */
export const ID_PREFIXES: Readonly<Record<string, IdKind>> = Object.freeze({
  AKIA: 'access-key',
  ASIA: 'temporary-access-key',
  AIDA: 'user',
  AROA: 'role',
  AGPA: 'group',
  AIPA: 'instance-profile',
  ANPA: 'managed-policy',
  ANVA: 'managed-policy-version',
  APKA: 'public-key',
  ABIA: 'bearer-token',
  ACCA: 'context-specific-credential',
  ASCA: 'certificate',
  AAGA: 'action-group',
});

const KIND_LABELS: Readonly<Record<IdKind, string>> = {
  'access-key': l10nKey('Access key (long-term)'),
  'temporary-access-key': l10nKey('Temporary access key (AWS STS)'),
  user: l10nKey('IAM user'),
  role: l10nKey('IAM role'),
  group: l10nKey('IAM user group'),
  'instance-profile': l10nKey('Amazon EC2 instance profile'),
  'managed-policy': l10nKey('Managed policy'),
  'managed-policy-version': l10nKey('Version in a managed policy'),
  'public-key': l10nKey('Public key'),
  'bearer-token': l10nKey('AWS STS service bearer token'),
  'context-specific-credential': l10nKey('Context-specific credential'),
  certificate: l10nKey('Certificate'),
  'action-group': l10nKey('Action group'),
};

/** Human label for a kind, e.g. "IAM role". */
export function describeIdKind(kind: IdKind): string {
  return KIND_LABELS[kind];
}

/** True for the kinds that are access key IDs (AKIA, ASIA): the ones IAM can look up. */
export function isAccessKeyKind(kind: IdKind): boolean {
  return kind === 'access-key' || kind === 'temporary-access-key';
}

/** Kind of an access key ID: ASIA is temporary (STS), anything else long-term. The one ASIA test. */
export function accessKeyIdKind(accessKeyId: string): 'access-key' | 'temporary-access-key' {
  return kindForPrefix(accessKeyId.slice(0, 4)) === 'temporary-access-key' ? 'temporary-access-key' : 'access-key';
}

/** Kind for a four-letter prefix, or undefined. */
export function kindForPrefix(prefix: string): IdKind | undefined {
  return Object.prototype.hasOwnProperty.call(ID_PREFIXES, prefix) ? ID_PREFIXES[prefix] : undefined;
}

const OTHER_PREFIXES = Object.keys(ID_PREFIXES)
  .filter((p) => p !== 'AKIA' && p !== 'ASIA')
  .map((p) => p.slice(1))
  .join('|');

// Leading literal "A" first so the engine can skip quickly to candidates; the lookbehind then
// checks the character before that "A".
const SOURCE =
  `A(?<![A-Za-z0-9]A)` +
  `(?:(?:KIA|SIA)[A-Z0-9]{16}|(?:${OTHER_PREFIXES})[A-Z0-9]{16,17})` +
  `(?![A-Za-z0-9])`;
const ID_REGEX = new RegExp(SOURCE, 'g');

/** All IDs in `text`, in order. */
export function findAccessKeyIds(text: string): DetectedId[] {
  const found: DetectedId[] = [];
  if (typeof text !== 'string' || text.length < 20) return found;
  const re = ID_REGEX;
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const id = m[0];
    const prefix = id.slice(0, 4);
    found.push({ id, start: m.index, end: m.index + id.length, prefix, kind: ID_PREFIXES[prefix] as IdKind });
  }
  re.lastIndex = 0;
  return found;
}

/** Longest ID we recognise (prefix + 17). */
const MAX_ID_LENGTH = 21;

/**
 * The ID under a cursor at `character` (0-based, UTF-16) in one line, or undefined. A cursor
 * just past the last character still counts, as with word ranges in editors. Only a window
 * around the cursor is scanned, so very long lines cost nothing extra.
 */
export function idAt(lineText: string, character: number): DetectedId | undefined {
  if (typeof lineText !== 'string' || !Number.isInteger(character) || character < 0 || character > lineText.length) {
    return undefined;
  }
  // One extra character on each side so the boundary checks see the real neighbours.
  const from = Math.max(0, character - MAX_ID_LENGTH - 1);
  const to = Math.min(lineText.length, character + MAX_ID_LENGTH + 1);
  for (const hit of findAccessKeyIds(lineText.slice(from, to))) {
    const start = hit.start + from;
    const end = hit.end + from;
    if (start <= character && character <= end) return { ...hit, start, end };
  }
  return undefined;
}

/**
 * True for the AWS documentation's example keys (AKIAIOSFODNN7EXAMPLE and the like): their IDs
 * end in EXAMPLE. They decode to a real-looking account, but nobody owns them.
 */
export function isDocumentationExampleKey(accessKeyId: string): boolean {
  return /^A[A-Z0-9]{3}[A-Z0-9]*EXAMPLE$/.test(accessKeyId);
}
