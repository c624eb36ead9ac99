// Whole-file sweep (issue #27) of the small editor-free helpers: placeholder filling, the display
// language, Markdown escaping, which journal files are rotation records, reading a file that may
// not exist yet.
import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { displayLocale, setDisplayLanguage } from '../../src/core/displayLanguage';
import { JOURNAL_FILE_PATTERN } from '../../src/core/journalFileName';
import { escapeMarkdown } from '../../src/core/markdownText';
import { readTextIfExists } from '../../src/core/readTextIfExists';
import { englishText, l10nKey, setDisplayTranslator, translate } from '../../src/core/translate';
import { tempDirAll } from '../support/tempDir';

describe('englishText fills {n} placeholders (sweep)', () => {
  it('fills every placeholder, two-digit ones included, and keeps those without an argument', () => {
    const args = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l'];
    assert.equal(englishText('{0}-{1}-{11}', ...args), 'a-b-l');
    assert.equal(englishText('{0} and {1}', 'one'), 'one and {1}');
    assert.equal(englishText('{2}', 'x', 'y'), '{2}');
    assert.equal(englishText('{x} {0}', 7), '{x} 7');
    assert.equal(englishText('{0} {1}', true, 3), 'true 3');
  });

  it('l10nKey returns its argument unchanged', () => {
    assert.equal(l10nKey('Rotate {0}'), 'Rotate {0}');
  });

  it('translate uses English until a translator is set, then the set translator', () => {
    assert.equal(translate('Key {0}', 'AKIA1'), 'Key AKIA1');
    setDisplayTranslator((message, ...args) => `de:${message}:${args.join(',')}`);
    try {
      assert.equal(translate('Key {0}', 'AKIA1'), 'de:Key {0}:AKIA1');
    } finally {
      setDisplayTranslator(englishText);
    }
    assert.equal(translate('Key {0}', 'AKIA1'), 'Key AKIA1');
  });
});

describe('displayLocale (sweep)', () => {
  afterEach(() => setDisplayLanguage(undefined));

  it('is English by default and after an empty or missing tag', () => {
    assert.equal(displayLocale(), 'en');
    setDisplayLanguage('de');
    setDisplayLanguage('');
    assert.equal(displayLocale(), 'en');
    setDisplayLanguage('de');
    setDisplayLanguage(undefined);
    assert.equal(displayLocale(), 'en');
  });

  it('is the canonical form of the editor language', () => {
    setDisplayLanguage('pt-br');
    assert.equal(displayLocale(), 'pt-BR');
    setDisplayLanguage('zh-cn');
    assert.equal(displayLocale(), 'zh-CN');
  });

  it('reads English for a tag Intl refuses', () => {
    setDisplayLanguage('not a locale!');
    assert.equal(displayLocale(), 'en');
  });
});

describe('escapeMarkdown (sweep)', () => {
  it('escapes every ASCII punctuation character and leaves letters, digits and spaces alone', () => {
    assert.equal(escapeMarkdown('a*b_c'), 'a\\*b\\_c');
    assert.equal(escapeMarkdown('[x](y) $(icon) <b>'), '\\[x\\]\\(y\\) \\$\\(icon\\) \\<b\\>');
    assert.equal(escapeMarkdown('Abc 123 é'), 'Abc 123 é');
  });

  it('puts a run of line breaks and tabs on one line as a single space', () => {
    assert.equal(escapeMarkdown('one\r\n\ttwo\nthree'), 'one two three');
  });
});

describe('JOURNAL_FILE_PATTERN (sweep)', () => {
  it('matches only whole rotation record names', () => {
    assert.ok(JOURNAL_FILE_PATTERN.test('rotation-ab12-CD34.json'));
    assert.ok(JOURNAL_FILE_PATTERN.test('rotation-1.json'));
    assert.ok(!JOURNAL_FILE_PATTERN.test('old-rotation-ab12.json'));
    assert.ok(!JOURNAL_FILE_PATTERN.test('rotation-ab12.json.tmp'));
    assert.ok(!JOURNAL_FILE_PATTERN.test('rotation-.json'));
    assert.ok(!JOURNAL_FILE_PATTERN.test('rotation-a_b.json'));
  });
});

describe('readTextIfExists (sweep)', () => {
  const tempDir = tempDirAll('iamkeys-readtext-');

  it('returns the text of a file as a string', async () => {
    const file = path.join(tempDir(), 'present.txt');
    await fs.writeFile(file, 'héllo\n');
    assert.equal(await readTextIfExists(file), 'héllo\n');
  });

  it('returns undefined when there is no such file', async () => {
    assert.equal(await readTextIfExists(path.join(tempDir(), 'absent.txt')), undefined);
  });

  it('throws any other failure (a folder at the path)', async () => {
    await assert.rejects(readTextIfExists(tempDir()), (error: NodeJS.ErrnoException) => error.code === 'EISDIR');
  });
});
