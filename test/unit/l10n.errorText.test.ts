// How an AWS error is classified reaches every error row and notification: its sentences go
// through the editor's translator (set at activation), not English only.
import * as assert from 'assert/strict';
import { classifyError } from '../../src/aws/errors';
import { englishText, setDisplayTranslator } from '../../src/core/translate';

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

  it('English until the editor sets a translator', () => {
    const throttled = classifyError(Object.assign(new Error('Rate exceeded'), { name: 'Throttling' }));
    assert.deepEqual([throttled.message, throttled.hint], ['Throttled by AWS', 'Too many requests; wait a moment and retry.']);
  });
});
