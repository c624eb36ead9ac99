// The German translation (machine-made, see README's "Languages"): every English string of the
// manifest has a German one that keeps what VS Code or the code fills in or links to: {n}
// placeholders, `code`, command links and URLs.
import * as assert from 'assert/strict';
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '../../..');

function read(file: string): Record<string, string> {
  return JSON.parse(fs.readFileSync(path.join(ROOT, file), 'utf8')) as Record<string, string>;
}

/** What a translation must keep as it is, sorted: placeholders, inline code, link targets. */
export function fixedParts(text: string): string[] {
  return [...text.matchAll(/\{\d+\}|`[^`]*`|\]\([^)]*\)|\$\([\w~-]+\)/g)].map((m) => m[0]).sort();
}

describe('l10n: German', () => {
  it('package.nls.de.json translates every key of package.nls.json, keeping placeholders, code and links', () => {
    const english = read('package.nls.json');
    const german = read('package.nls.de.json');
    assert.deepEqual(Object.keys(german).sort(), Object.keys(english).sort(), 'the same keys');
    for (const [key, text] of Object.entries(english)) {
      assert.ok(german[key]?.trim(), `${key}: a German text`);
      assert.deepEqual(fixedParts(german[key]!), fixedParts(text), `${key}: placeholders, code and links kept`);
    }
    // Translated at all: most texts differ from the English (names such as "IAM Access Keys" stay).
    const same = Object.keys(english).filter((key) => german[key] === english[key]);
    assert.ok(same.length <= 6, `left in English: ${same.join(', ')}`);
  });

  it('l10n/bundle.l10n.de.json translates every string of the code, keeping placeholders, code, links and icons', () => {
    const english = read('l10n/bundle.l10n.json');
    const german = read('l10n/bundle.l10n.de.json');
    assert.deepEqual(Object.keys(german).sort(), Object.keys(english).sort(), 'the same keys');
    for (const key of Object.keys(english)) {
      assert.ok(german[key]?.trim(), `${JSON.stringify(key)}: a German text`);
      assert.deepEqual(fixedParts(german[key]!), fixedParts(key), `${JSON.stringify(key)}: placeholders, code, links and icons kept`);
    }
    // Translated at all: only names and words German shares stay ("IAM Access Keys", "Region", "Status").
    const same = Object.keys(english).filter((key) => german[key] === key);
    assert.ok(same.length <= 6, `left in English: ${same.join(', ')}`);
  });

  it('the check itself: a lost placeholder, code span or link is seen', () => {
    assert.deepEqual(fixedParts('Run `aws sso login` for {0}: [Open](command:x.y) $(key)'), ['$(key)', '`aws sso login`', '](command:x.y)', '{0}'].sort());
    assert.notDeepEqual(fixedParts('Für {1}'), fixedParts('For {0}'));
  });
});
