// IAM's NoSuchEntity message names what it did not find in a fixed English shape ("The user with
// name X cannot be found."): read into a sentence of the editor's language, the name kept as
// data. Text of another shape stays IAM's own (its first sentence, redacted) after a lead.
import { l10nKey, translate } from '../core/translate';

const SHAPES: ReadonlyArray<{ readonly pattern: RegExp; readonly message: string }> = [
  { pattern: /^The user with name (\S+) cannot be found\.?$/i, message: l10nKey('IAM has no user named {0}.') },
  { pattern: /^The Access Key with id (\S+) cannot be found\.?$/i, message: l10nKey('IAM has no access key {0} for this user: deleted, or another user\'s.') },
  { pattern: /^The role with name (\S+) cannot be found\.?$/i, message: l10nKey('IAM has no role named {0}.') },
  { pattern: /^The group with name (\S+) cannot be found\.?$/i, message: l10nKey('IAM has no group named {0}.') },
];

/** The not-found sentence for IAM's `firstSentence` ('' when it gave none). */
export function notFoundMessage(firstSentence: string): string {
  for (const { pattern, message } of SHAPES) {
    const m = pattern.exec(firstSentence);
    if (m) return translate(message, m[1]!);
  }
  return firstSentence ? translate('Not found: {0}', firstSentence) : translate('Not found');
}
