// Leaked credentials in text. Expected lines and columns are counted by hand (and were checked
// with Python's str.index); generated inputs are built from hand-listed alphabets, not from
// the scanner's own patterns.
import * as assert from 'assert/strict';
import fc from 'fast-check';
import { PAIR_MAX_LINES, scanForLeaks, shannonEntropy, type LeakFinding } from '../../src/core/leakScanner';

// Two made-up 40-character secrets: 40 distinct characters each (entropy log2(40) ≈ 5.32).
// Written in halves so that secret scanners don't flag this file.
const S1 = 'k9Qz/3vBn+Xe7LpR2mWc' + '8YtHs5DjFa4GuN6oPiE1';
const S2 = 'Tq7+Lm2/Vx9RbN4cWz8K' + 'pHs3YdJf6GaU5oXeQiB0';

/** kind, line, column, and the ID or the name — the parts a reader can check by eye. */
function brief(findings: LeakFinding[]): string[] {
  return findings.map((f) => `${f.kind} ${f.line}:${f.column} ${f.accessKeyId ?? f.name}`);
}

describe('leakScanner: access key IDs and secrets in text', () => {
  it('JSON: the IAM CreateAccessKey answer', () => {
    const text = `{\n  "AccessKey": {\n    "UserName": "alice",\n    "AccessKeyId": "AKIA2E0A8F3B244C9986",\n    "SecretAccessKey": "${S1}"\n  }\n}\n`;
    assert.deepEqual(brief(scanForLeaks(text)), ['access-key-id 3:20 AKIA2E0A8F3B244C9986', 'secret-access-key 4:24 SecretAccessKey']);
  });

  it('.env: upper-case names, no quotes', () => {
    const text = `AWS_ACCESS_KEY_ID=ASIAY34FZKBOKMUTVV7A\nAWS_SECRET_ACCESS_KEY=${S2}\nAWS_REGION=eu-west-1\n`;
    assert.deepEqual(brief(scanForLeaks(text)), ['access-key-id 0:18 ASIAY34FZKBOKMUTVV7A', 'secret-access-key 1:22 AWS_SECRET_ACCESS_KEY']);
  });

  it('INI: the shared credentials file', () => {
    const text = `[default]\naws_access_key_id = AKIAQWERTYUIOPASDFGH\naws_secret_access_key = ${S1}\n`;
    assert.deepEqual(brief(scanForLeaks(text)), ['access-key-id 1:20 AKIAQWERTYUIOPASDFGH', 'secret-access-key 2:24 aws_secret_access_key']);
  });

  it('YAML: indented, the secret quoted', () => {
    const text = `credentials:\n  aws_access_key_id: AKIAQWERTYUIOPASDFGH\n  aws_secret_access_key: "${S2}"\n`;
    assert.deepEqual(brief(scanForLeaks(text)), ['access-key-id 1:21 AKIAQWERTYUIOPASDFGH', 'secret-access-key 2:26 aws_secret_access_key']);
  });

  it('TypeScript: both on one line in an object literal', () => {
    const text = `const client = new IAMClient({\n  credentials: { accessKeyId: 'ABIAQWERTYUIOPASDFGH', secretAccessKey: '${S1}' },\n});\n`;
    assert.deepEqual(brief(scanForLeaks(text)), ['access-key-id 1:31 ABIAQWERTYUIOPASDFGH', 'secret-access-key 1:72 secretAccessKey']);
  });

  it('other names and separators: aws_secret_key, AWS_SECRET, =>, :=, shell export', () => {
    const text = [`aws_secret_key: ${S1}`, `$cfg = ['aws-secret' => '${S2}'];`, `awsSecret := "${S1}"`, `export AWS_SECRET_ACCESS_KEY='${S2}'`].join('\n');
    assert.deepEqual(brief(scanForLeaks(text)), [
      'secret-access-key 0:16 aws_secret_key',
      'secret-access-key 1:25 aws-secret',
      'secret-access-key 2:14 awsSecret',
      'secret-access-key 3:30 AWS_SECRET_ACCESS_KEY',
    ]);
  });

  it('ACCA IDs; positions give back the ID; CRLF lines count', () => {
    const text = 'first\r\nsecond ACCAQWERTYUIOPASDFGH\r\n';
    const [f] = scanForLeaks(text);
    assert.deepEqual(brief(scanForLeaks(text)), ['access-key-id 1:7 ACCAQWERTYUIOPASDFGH']);
    assert.equal(text.slice(f!.start, f!.end), 'ACCAQWERTYUIOPASDFGH');
  });

  it('skips the AWS documentation examples (…EXAMPLE, …EXAMPLEKEY)', () => {
    const text = 'aws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\nid AKIAI44QH8DHBEXAMPLE\n';
    assert.deepEqual(scanForLeaks(text), []);
  });

  it('ignores near-misses: letters or digits around an ID, 15 or 17 characters, lower case, other prefixes', () => {
    const text = ['xAKIAQWERTYUIOPASDFGH', 'AKIAQWERTYUIOPASDFGH9', 'AKIAQWERTYUIOPASDF', 'AKIAQWERTYUIOPASDFGHJ', 'akiaqwertyuiopasdfgh', 'AIDAQWERTYUIOPASDFGH', 'AROAQWERTYUIOPASDFGH'].join(' ');
    assert.deepEqual(scanForLeaks(text), []);
  });

  it('reports IDs next to punctuation, at the start and end of the text', () => {
    const text = 'AKIAQWERTYUIOPASDFGH,"ASIAQWERTYUIOPASDFGH"/AKIAQWERTYUIOPASDFG2';
    assert.deepEqual(brief(scanForLeaks(text)), ['access-key-id 0:0 AKIAQWERTYUIOPASDFGH', 'access-key-id 0:22 ASIAQWERTYUIOPASDFGH', 'access-key-id 0:44 AKIAQWERTYUIOPASDFG2']);
  });

  it('a text of exactly one ID (20 characters) is scanned; shorter texts and non-strings give nothing', () => {
    assert.deepEqual(brief(scanForLeaks('AKIAQWERTYUIOPASDFGH')), ['access-key-id 0:0 AKIAQWERTYUIOPASDFGH']);
    assert.deepEqual(scanForLeaks('AKIAQWERTYUIOPASDFG'), []);
    // A document's text from an extension API can be undefined when the document is gone.
    assert.deepEqual(scanForLeaks(undefined as unknown as string), []);
  });

  it('secrets need a name beside them, exactly 40 characters and enough entropy', () => {
    const text = [
      `token = ${S1}`, // no secret-key name
      `aws_secret_access_key = ${S1}x`, // 41 characters
      `aws_secret_access_key = ${S1.slice(1)}`, // 39 characters
      `aws_secret_access_key =\n${S1}`, // name and value on different lines
      'aws_secret_access_key = ' + 'x'.repeat(40), // placeholder
      'aws_secret_access_key = YourSecretAccessKeyGoesHereReplaceThis00', // 3.99 bits per character
      `aws_secret_access_key = $\{${S1}}`, // not directly after the separator
    ].join('\n');
    assert.deepEqual(scanForLeaks(text), []);
  });

  it('never holds the secret: findings carry its position and name only', () => {
    const findings = scanForLeaks(`aws_secret_access_key = ${S1}\n`);
    assert.equal(findings.length, 1);
    assert.ok(!JSON.stringify(findings).includes(S1));
    assert.ok(!JSON.stringify(findings).includes(S1.slice(0, 12)));
  });

  describe('pairs each secret with the access key ID it goes with', () => {
    /** `line:column name → paired ID` of each secret (or "-" when unpaired). */
    const pairs = (text: string): string[] =>
      scanForLeaks(text)
        .filter((f) => f.kind === 'secret-access-key')
        .map((f) => `${f.line}:${f.column} ${f.name} -> ${f.pairedAccessKeyId ?? '-'}`);

    it('INI: each profile section keeps its own key; a section without an ID pairs with none', () => {
      const text = [
        '[default]',
        'aws_access_key_id = AKIAQWERTYUIOPASDFGH',
        `aws_secret_access_key = ${S1}`,
        '[profile dev]',
        'aws_access_key_id = AKIAZXCVBNMLKJHGFDSA',
        `aws_secret_access_key = ${S2}`,
        '[ci]',
        `aws_secret_access_key = ${S1}`,
        'region = eu-west-1',
      ].join('\n');
      assert.deepEqual(pairs(text), [
        '2:24 aws_secret_access_key -> AKIAQWERTYUIOPASDFGH',
        '5:24 aws_secret_access_key -> AKIAZXCVBNMLKJHGFDSA',
        '7:24 aws_secret_access_key -> -',
      ]);
    });

    it('JSON: the aws CLI create-access-key answer, with Status between ID and secret', () => {
      const text = `{\n  "AccessKey": {\n    "UserName": "alice",\n    "AccessKeyId": "AKIA2E0A8F3B244C9986",\n    "Status": "Active",\n    "SecretAccessKey": "${S1}"\n  }\n}\n`;
      assert.deepEqual(pairs(text), ['5:24 SecretAccessKey -> AKIA2E0A8F3B244C9986']);
    });

    it('YAML: the secret before its ID pairs too; the nearer line wins over an ID further up', () => {
      const text = `old:\n  aws_access_key_id: AKIAZXCVBNMLKJHGFDSA\n\nnew:\n  aws_secret_access_key: ${S2}\n  aws_access_key_id: AKIAQWERTYUIOPASDFGH\n`;
      assert.deepEqual(pairs(text), ['4:25 aws_secret_access_key -> AKIAQWERTYUIOPASDFGH']);
    });

    it(`TypeScript: on one line, the ID just before the secret; ${PAIR_MAX_LINES} lines apart at most`, () => {
      const line = `const a = { x: 'AKIAZXCVBNMLKJHGFDSA', accessKeyId: 'AKIAQWERTYUIOPASDFGH', secretAccessKey: '${S1}' };`;
      assert.deepEqual(pairs(line), ['0:94 secretAccessKey -> AKIAQWERTYUIOPASDFGH']);
      const near = `id = 'AKIAQWERTYUIOPASDFGH'\n\n\n\nsecretAccessKey = '${S2}'\n`; // 4 lines apart
      assert.deepEqual(pairs(near), ['4:19 secretAccessKey -> AKIAQWERTYUIOPASDFGH']);
      const far = `id = 'AKIAQWERTYUIOPASDFGH'\n\n\n\n\nsecretAccessKey = '${S2}'\n`; // 5 lines apart
      assert.deepEqual(pairs(far), ['5:19 secretAccessKey -> -']);
    });

    it('.env with two pairs: on a tie in lines, the ID before the secret wins (the next pair\'s ID is nearer in characters)', () => {
      const text = `AWS_ACCESS_KEY_ID=AKIAQWERTYUIOPASDFGH\nAWS_SECRET_ACCESS_KEY=${S1}\nAWS_ACCESS_KEY_ID=AKIAZXCVBNMLKJHGFDSA\nAWS_SECRET_ACCESS_KEY=${S2}\n`;
      assert.deepEqual(pairs(text), ['1:22 AWS_SECRET_ACCESS_KEY -> AKIAQWERTYUIOPASDFGH', '3:22 AWS_SECRET_ACCESS_KEY -> AKIAZXCVBNMLKJHGFDSA']);
    });

    it('lines rank before characters: an ID far along the secret\'s own line beats one just above it', () => {
      const text = `aws_access_key_id = AKIAQWERTYUIOPASDFGH\naws_secret_access_key = ${S1}  # the key of this secret, rotated on 2026-05-01, is AKIAZXCVBNMLKJHGFDSA\n`;
      assert.deepEqual(pairs(text), ['1:24 aws_secret_access_key -> AKIAZXCVBNMLKJHGFDSA']);
    });

    it('a header just above the secret still leaves the search below going, up to the ID three lines below', () => {
      const text = `aws_access_key_id = AKIAQWERTYUIOPASDFGH\n[dev]\naws_secret_access_key = ${S1}\n\n\naws_access_key_id = AKIAZXCVBNMLKJHGFDSA\n`;
      assert.deepEqual(pairs(text), ['2:24 aws_secret_access_key -> AKIAZXCVBNMLKJHGFDSA']);
    });

    it('lines that are not INI headers do not part a secret from its ID: a Markdown link, a list in brackets', () => {
      const text = `aws_access_key_id = AKIAQWERTYUIOPASDFGH\n[docs](https://example.com/keys)\ntags=[ci]\naws_secret_access_key = ${S1}\n`;
      assert.deepEqual(pairs(text), ['3:24 aws_secret_access_key -> AKIAQWERTYUIOPASDFGH']);
    });

    it('a header below the secret parts it from the next section\'s ID', () => {
      const text = `[default]\naws_secret_access_key = ${S1}\n[dev]\naws_access_key_id = AKIAZXCVBNMLKJHGFDSA\n`;
      assert.deepEqual(pairs(text), ['1:24 aws_secret_access_key -> -']);
    });

    it('the first finding a secret, its ID after it on its line; from a line below, the first ID of that line', () => {
      assert.deepEqual(pairs(`aws_secret_access_key = ${S1}  # AKIAZXCVBNMLKJHGFDSA\n`), ['0:24 aws_secret_access_key -> AKIAZXCVBNMLKJHGFDSA']);
      const below = `aws_secret_access_key = ${S2}\nids: AKIAZXCVBNMLKJHGFDSA AKIAQWERTYUIOPASDFGH\n`;
      assert.deepEqual(pairs(below), ['0:24 aws_secret_access_key -> AKIAZXCVBNMLKJHGFDSA']);
    });

    it('two secrets on one line under their ID: the second secret is no ID for the first', () => {
      const text = `aws_access_key_id = AKIAQWERTYUIOPASDFGH\nSecretAccessKey=${S1} SecretAccessKey=${S2}\n`;
      assert.deepEqual(pairs(text), ['1:16 SecretAccessKey -> AKIAQWERTYUIOPASDFGH', '1:73 SecretAccessKey -> AKIAQWERTYUIOPASDFGH']);
    });

    it('a header between the secret and the ID two lines above leaves the ID two lines below', () => {
      const text = `aws_access_key_id = AKIAQWERTYUIOPASDFGH\n[dev]\naws_secret_access_key = ${S1}\n\naws_access_key_id = AKIAZXCVBNMLKJHGFDSA\n`;
      assert.deepEqual(pairs(text), ['2:24 aws_secret_access_key -> AKIAZXCVBNMLKJHGFDSA']);
    });
  });

  it('entropy: 0 for one repeated character, log2(n) for n distinct ones', () => {
    assert.equal(shannonEntropy('aaaa'), 0);
    assert.equal(shannonEntropy('abcd'), 2);
    assert.ok(Math.abs(shannonEntropy(S1) - Math.log2(40)) < 1e-9);
  });

  it('entropy of text beyond ASCII: counted per character as for ASCII', () => {
    assert.equal(shannonEntropy('aé'), 1);
    assert.equal(shannonEntropy('éaéa'), 1);
    assert.equal(shannonEntropy('éé'), 0);
    // Past 65,535 of one character (a 16-bit count would wrap to 0).
    assert.equal(shannonEntropy('a'.repeat(65_536) + 'b'.repeat(65_536)), 1);
  });

  it('property: every generated ID in filler text is found at its line and column, and nothing else', () => {
    const PREFIXES = ['AKIA', 'ASIA', 'ABIA', 'ACCA'];
    const ID_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'.split('');
    // Filler can't touch an ID (no upper case, no digits) nor hold one.
    const FILLER = ['foo', 'bar-baz', ' ', '\n', '\t', '=', ':', '"', "'", '{', '}', ',', 'é', '😀'];
    const id = fc.tuple(fc.constantFrom(...PREFIXES), fc.array(fc.constantFrom(...ID_CHARS), { minLength: 16, maxLength: 16 })).map(([p, cs]) => p + cs.join(''));
    const filler = fc.array(fc.constantFrom(...FILLER), { maxLength: 12 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(fc.array(fc.tuple(filler, id), { maxLength: 8 }), filler, (pieces, tail) => {
        let text = '';
        const expected: string[] = [];
        for (const [before, key] of pieces) {
          text += before + ' ';
          const lines = text.split('\n');
          if (!key.endsWith('EXAMPLE')) expected.push(`access-key-id ${lines.length - 1}:${lines[lines.length - 1]!.length} ${key}`);
          text += key + ' ';
        }
        text += tail;
        assert.deepEqual(brief(scanForLeaks(text)), expected);
      }),
      { numRuns: 300 },
    );
  });
});
