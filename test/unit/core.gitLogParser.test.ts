// The `git log -p` parser over literal log text (as git 2.39 writes it with the scan's options):
// which lines count as added, their line numbers, paths, and each blob read once.
import * as assert from 'assert/strict';
import { GitLogParser, MAX_CHUNK_CHARS, unquotePath, type AddedLines } from '../../src/core/gitLogParser';

const C1 = 'dee258e414571482c20ee12947de2127e1ecbc0b';
const C2 = '0077664ddf4cdace9c3260aac2ca569ce9c93569';

/** Two commits: a new file, then a binary file, a quoted path with a tab after it, and a hunk of a modified file. */
const LOG = [
  `\x01${C1}\0Ann Example\x002024-01-01T00:00:00+00:00`,
  '',
  'diff --git a/x.txt b/x.txt',
  'new file mode 100644',
  'index 0000000000000000000000000000000000000000..78981922613b2afb6025042ff6bd878ac1994e85',
  '--- /dev/null',
  '+++ b/x.txt',
  '@@ -0,0 +1 @@',
  '+a',
  `\x01${C2}\0Ann Example\x002024-01-02T00:00:00+00:00`,
  '',
  'diff --git a/bin.dat b/bin.dat',
  'new file mode 100644',
  'index 0000000000000000000000000000000000000000..bdc955b7b2e610ad5a72302b139a2e6cb325519a',
  'Binary files /dev/null and b/bin.dat differ',
  'diff --git "a/d ir/\\"q\\".txt" "b/d ir/\\"q\\".txt"',
  'new file mode 100644',
  'index 0000000000000000000000000000000000000000..d68a3f85341e6ede501b851b461d1842518025a0',
  '--- /dev/null',
  '+++ "b/d ir/\\"q\\".txt"\t',
  '@@ -0,0 +1 @@',
  '++++ not a header',
  'diff --git a/x.txt b/x.txt',
  'index 78981922613b2afb6025042ff6bd878ac1994e85..e64f850b26968baf7b17836bfe5882f18b8aaf92 100644',
  '--- a/x.txt',
  '+++ b/x.txt',
  '@@ -1,0 +2,2 @@ a',
  '+key = AKIAQYLPMN5HHHFPZAM2',
  '+b',
  '@@ -7 +9 @@ more',
  '-old',
  '\\ No newline at end of file',
  '+new line nine',
];

function parse(lines: readonly string[]): { added: AddedLines[]; commits: number } {
  const added: AddedLines[] = [];
  const parser = new GitLogParser((a) => added.push({ ...a, lines: [...a.lines], lineNumbers: [...a.lineNumbers] }));
  for (const line of lines) parser.push(line);
  parser.end();
  return { added, commits: parser.commits };
}

describe('gitLogParser: added lines from git log -p', () => {
  it('hands on each file a commit adds to, with its added lines and their line numbers', () => {
    const { added, commits } = parse(LOG);
    assert.equal(commits, 2);
    assert.deepEqual(
      added.map((a) => ({ commit: a.commit.commit.slice(0, 7), path: a.path, lines: a.lines, lineNumbers: a.lineNumbers })),
      [
        { commit: 'dee258e', path: 'x.txt', lines: ['a'], lineNumbers: [1] },
        { commit: '0077664', path: 'd ir/"q".txt', lines: ['+++ not a header'], lineNumbers: [1] },
        { commit: '0077664', path: 'x.txt', lines: ['key = AKIAQYLPMN5HHHFPZAM2', 'b', 'new line nine'], lineNumbers: [2, 3, 9] },
      ],
    );
    assert.deepEqual(added[0]?.commit, { commit: C1, author: 'Ann Example', date: '2024-01-01T00:00:00+00:00' });
  });

  it('reads a blob once: the same new blob in a later diff (a copy, a merge, a rename) adds nothing', () => {
    const again = [
      `\x01${'c'.repeat(40)}\0Bob\x002024-01-03T00:00:00+00:00`,
      'diff --git a/copy.txt b/copy.txt',
      'new file mode 100644',
      'index 0000000000000000000000000000000000000000..e64f850b26968baf7b17836bfe5882f18b8aaf92',
      '--- /dev/null',
      '+++ b/copy.txt',
      '@@ -0,0 +1,3 @@',
      '+a',
      '+key = AKIAQYLPMN5HHHFPZAM2',
      '+b',
    ];
    const { added } = parse([...LOG, ...again]);
    assert.equal(added.filter((a) => a.path === 'copy.txt').length, 0);
    assert.equal(added.length, 3);
  });

  it('skips deleted files and removed lines', () => {
    const { added } = parse([
      `\x01${'d'.repeat(40)}\0Bob\x002024-01-04T00:00:00+00:00`,
      'diff --git a/gone.txt b/gone.txt',
      'deleted file mode 100644',
      'index 78981922613b2afb6025042ff6bd878ac1994e85..0000000000000000000000000000000000000000',
      '--- a/gone.txt',
      '+++ /dev/null',
      '@@ -1 +0,0 @@',
      '-AKIAQYLPMN5HHHFPZAM2',
    ]);
    assert.deepEqual(added, []);
  });

  it('hands a file that adds more than MAX_CHUNK_CHARS on in pieces, numbering lines across them', () => {
    const long = 'x'.repeat(100_000);
    const count = Math.ceil(MAX_CHUNK_CHARS / long.length) + 3;
    const { added } = parse([
      `\x01${'e'.repeat(40)}\0Bob\x002024-01-05T00:00:00+00:00`,
      'diff --git a/big.txt b/big.txt',
      'index 0000000000000000000000000000000000000000..1111111111111111111111111111111111111111',
      '+++ b/big.txt',
      `@@ -0,0 +1,${count} @@`,
      ...Array.from({ length: count }, () => `+${long}`),
    ]);
    assert.equal(added.length, 2);
    assert.ok(added.every((a) => a.lines.join('\n').length <= MAX_CHUNK_CHARS + long.length));
    assert.deepEqual(added.flatMap((a) => a.lineNumbers), Array.from({ length: count }, (_, i) => i + 1));
  });

  it('unquotes C-style quoted paths, octal UTF-8 bytes included', () => {
    assert.equal(unquotePath('"b/caf\\303\\251 \\"x\\"\\\\y\\tz"'), 'b/café "x"\\y\tz');
    assert.equal(unquotePath('b/plain name'), 'b/plain name');
  });

  it('a lone quote or a name that only ends with one is a plain name; two quotes are an empty quoted name', () => {
    assert.equal(unquotePath('"'), '"');
    assert.equal(unquotePath('b/say"'), 'b/say"');
    assert.equal(unquotePath('""'), '');
  });

  it('numbers lines from a hunk that starts at line 10 or later, after a removal of 10 lines or more', () => {
    const { added } = parse([
      `\x01${C1}\0Ann Example\x002024-01-01T00:00:00+00:00`,
      'diff --git a/x.txt b/x.txt',
      'index 78981922613b2afb6025042ff6bd878ac1994e85..e64f850b26968baf7b17836bfe5882f18b8aaf92 100644',
      '--- a/x.txt',
      '+++ b/x.txt',
      '@@ -11,12 +123,2 @@',
      '+one',
      '+two',
    ]);
    assert.deepEqual(added.map((a) => a.lineNumbers), [[123, 124]]);
  });
});
