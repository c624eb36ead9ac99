// Tree tooltips built from IAM data (issue 21): an IAM path may hold any printable ASCII, so a
// path like "/![x](https://attacker.example/t.png)/" or "/[link](command:iamKeys.deleteAccessKey)/"
// rendered as an image fetched from that host, or a link that runs a command, in the user
// row's tooltip. Every character Markdown could act on must reach the renderer backslash-escaped.
import * as assert from 'assert/strict';
import fc from 'fast-check';
import { connectionTooltipMarkdown, userTooltipMarkdown } from '../../src/explorer/tooltipMarkdown';

const IMAGE = '![x](http://attacker.example/pixel.png)';
const LINK = '[link](command:iamKeys.deleteAccessKey?%5B%5D)';

/** The text with every backslash escape removed: what Markdown could still act on. */
function unescaped(markdown: string): string {
  return markdown.replace(/\\[!-/:-@[-`{-~]/g, '');
}

/** Characters that start images, links, HTML, code and icons. */
const ACTIVE = /[![\]()<>`$]/;

const user = (path: string, name = 'mallory') => ({ UserName: name, Arn: `arn:aws:iam::123456789012:user${path}${name}`, CreateDate: new Date('2026-01-02T03:04:05Z') });

describe('explorer: tooltip Markdown from IAM data is escaped', () => {
  it('the user row: an image and a command link in the path are shown as text', () => {
    const value = userTooltipMarkdown(user(`/${IMAGE}/${LINK}/`));
    assert.ok(!value.includes(IMAGE) && !value.includes(LINK), value);
    assert.ok(value.includes('\\!\\[x\\]\\(http\\:\\/\\/attacker\\.example\\/pixel\\.png\\)'), value);
    assert.ok(value.includes('\\[link\\]\\(command\\:iamKeys\\.deleteAccessKey'), value);
    assert.ok(!ACTIVE.test(unescaped(value)), unescaped(value));
  });

  it('the user row, any IAM path (printable ASCII) and any user name: nothing Markdown could act on is left unescaped', () => {
    const pathChars = fc.string({ unit: fc.integer({ min: 0x21, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: 60 });
    const name = fc.string({ unit: fc.constantFrom(...'abcXYZ019+=,.@_-'), minLength: 1, maxLength: 20 });
    fc.assert(
      fc.property(pathChars, name, (middle, n) => {
        const value = userTooltipMarkdown(user(`/${middle}/`, n));
        assert.ok(!ACTIVE.test(unescaped(value)), value);
        // Line structure is ours alone: a path can't start a new block.
        assert.equal(value.split('\n').length, 5);
      }),
      { numRuns: 500 },
    );
  });

  it('the connection row: identity ARN, endpoint and profile name are shown as text', () => {
    const value = connectionTooltipMarkdown({
      label: `dev ${LINK}`,
      credentials: 'static keys',
      signingKeyId: 'AKIAIOSFODNN7EXAMPLE',
      identityArn: `arn:aws:iam::123456789012:user/${IMAGE}/bob`,
      region: 'us-east-1',
      endpoint: `https://iam.example/${IMAGE}`,
    });
    assert.ok(!value.includes(IMAGE) && !value.includes(LINK), value);
    assert.ok(!ACTIVE.test(unescaped(value)), unescaped(value));
  });
});
