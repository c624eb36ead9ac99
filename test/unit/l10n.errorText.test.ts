// How an AWS error is classified reaches every error row and notification: its sentences go
// through the editor's translator (set at activation), not English only.
import * as assert from 'assert/strict';
import { classifyError } from '../../src/aws/errors';
import { englishText, setDisplayTranslator } from '../../src/core/translate';
import { validateAccessKeyId, validateEndpoint, validateProfileName, validateUserName } from '../../src/core/validation';

/** A translator that marks what it translated, filling placeholders unmarked. */
const marking = (message: string, ...args: Array<string | number | boolean>): string => `«${englishText(message, ...args.map(() => '\u0000'))}»`.replace(/\u0000/g, () => String(args.shift()));

describe('l10n: error classification', () => {
  afterEach(() => setDisplayTranslator(englishText));

  it('sentences of a classified error go through the display translator', () => {
    setDisplayTranslator(marking);
    const denied = classifyError(Object.assign(new Error('User is not authorized'), { name: 'AccessDenied' }), 'iam:ListUsers');
    assert.equal(denied.message, '«Access denied: iam:ListUsers»');
    assert.equal(denied.hint, '«Your credentials need the iam:ListUsers permission.»');
    const network = classifyError(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' }));
    assert.deepEqual([network.message, network.hint], ['«Network error»', '«Nothing answered at the endpoint. Is it running?»']);
  });

  it('IAM\'s not-found message becomes a sentence of ours, the name kept as data (found in the pseudo-locale run)', () => {
    setDisplayTranslator(marking);
    const notFound = (message: string): string => classifyError(Object.assign(new Error(message), { name: 'NoSuchEntity' }), 'iam:ListAccessKeys').message;
    assert.equal(notFound('The user with name pseudo-nobody cannot be found.'), '«IAM has no user named pseudo-nobody.»');
    assert.equal(notFound('The Access Key with id AKIAQWERTYUIOPASDFGH cannot be found.'), "«IAM has no access key AKIAQWERTYUIOPASDFGH for this user: deleted, or another user's.»");
    // Another shape: IAM's own words, after a translated lead.
    assert.equal(notFound('Policy arn:aws:iam::aws:policy/X does not exist.'), '«Not found: Policy arn:aws:iam::aws:policy/X does not exist.»');
    setDisplayTranslator(englishText);
    assert.equal(notFound('The user with name bob cannot be found.'), 'IAM has no user named bob.');
  });

  it('why a key ID, user name, profile name or endpoint is refused: whole sentences through the translator (found in the pseudo-locale run)', () => {
    setDisplayTranslator(marking);
    const reason = (result: { ok: boolean; reason?: string }): string | undefined => result.reason;
    assert.equal(reason(validateAccessKeyId('AKIA123')), '«Access key IDs are 20 characters: AKIA or ASIA and 16 letters or digits (this one has 7).»');
    assert.equal(reason(validateAccessKeyId(' AKIA')), '«Access key IDs can\'t begin with «a space» (position 1).»');
    assert.equal(reason(validateUserName('a b')), '«User names can\'t contain «a space» (position 2). Allowed: letters, digits and + = , . @ _ -»');
    assert.equal(reason(validateProfileName('')), '«Enter a profile name.»');
    assert.equal(reason(validateEndpoint('http://example.com')), '«iamKeys.endpoint must be https://, or http:// on this machine (localhost/127.0.0.1). Got "http://example.com"»');
  });

  it('English until the editor sets a translator', () => {
    const throttled = classifyError(Object.assign(new Error('Rate exceeded'), { name: 'Throttling' }));
    assert.deepEqual([throttled.message, throttled.hint], ['Throttled by AWS', 'Too many requests; wait a moment and retry.']);
  });
});
