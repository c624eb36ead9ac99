// The `git log -p` parser on literal log text, beyond core.gitLogParser.test.ts: context lines,
// which blobs count as seen, headers it can't read, the chunk boundary, odd paths and commit lines.
import * as assert from 'assert/strict';
import { GitLogParser, unquotePath, type AddedLines } from '../../src/core/gitLogParser';

const COMMIT = `\x01${'a'.repeat(40)}\0Ann Example\x002024-01-01T00:00:00+00:00`;

function parse(lines: readonly string[]): AddedLines[] {
  const added: AddedLines[] = [];
  const parser = new GitLogParser((a) => added.push({ ...a, lines: [...a.lines], lineNumbers: [...a.lineNumbers] }));
  for (const line of lines) parser.push(line);
  parser.end();
  return added;
}

/** A new file's diff whose new blob is `blob`, adding `lines`. */
function newFile(name: string, blob: string, lines: readonly string[]): string[] {
  return [
    `diff --git a/${name} b/${name}`,
    'new file mode 100644',
    `index 0000000000000000000000000000000000000000..${blob}`,
    '--- /dev/null',
    `+++ b/${name}`,
    `@@ -0,0 +1,${lines.length} @@`,
    ...lines.map((line) => `+${line}`),
  ];
}

const pathsOf = (added: readonly AddedLines[]): string[] => added.map((a) => a.path);

describe('gitLogParser sweep: context, blobs, odd headers and paths', () => {
  it('counts context lines (a leading space) in the line numbers and stays in the hunk', () => {
    const added = parse([
      COMMIT,
      'diff --git a/x.txt b/x.txt',
      'index 1111111111111111111111111111111111111111..2222222222222222222222222222222222222222 100644',
      '--- a/x.txt',
      '+++ b/x.txt',
      '@@ -4,3 +4,5 @@',
      ' four',
      '+five',
      ' six',
      ' seven',
      '+eight',
    ]);
    assert.deepEqual(
      added.map((a) => ({ lines: a.lines, lineNumbers: a.lineNumbers })),
      [{ lines: ['five', 'eight'], lineNumbers: [5, 8] }],
    );
  });

  it('tells blobs apart by their whole id: two new blobs that share their first digit are both read', () => {
    const added = parse([
      COMMIT,
      ...newFile('one.txt', 'abcdef0123456789abcdef0123456789abcdef01', ['one']),
      ...newFile('two.txt', 'a9876543210fedcba9876543210fedcba9876543', ['two']),
    ]);
    assert.deepEqual(pathsOf(added), ['one.txt', 'two.txt']);
  });

  it('skips a blob seen before even when its id starts or ends with zeros', () => {
    const leading = '00c0ffee00c0ffee00c0ffee00c0ffee00c0ffee';
    const trailing = 'c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00';
    const added = parse([
      COMMIT,
      ...newFile('lead.txt', leading, ['x']),
      ...newFile('lead-copy.txt', leading, ['x']),
      ...newFile('trail.txt', trailing, ['y']),
      ...newFile('trail-copy.txt', trailing, ['y']),
    ]);
    assert.deepEqual(pathsOf(added), ['lead.txt', 'trail.txt']);
  });

  it('an index line without a blob range neither throws nor hides a later file', () => {
    const file = (name: string): string[] => [`diff --git a/${name} b/${name}`, 'index (none)', `+++ b/${name}`, '@@ -0,0 +1 @@', `+in ${name}`];
    const added = parse([COMMIT, ...file('p.txt'), ...file('q.txt')]);
    assert.deepEqual(
      added.map((a) => [a.path, a.lines]),
      [['p.txt', ['in p.txt']], ['q.txt', ['in q.txt']]],
    );
  });

  it('a hunk header it cannot read (a combined diff\'s @@@) ends the hunk: nothing after it is handed on', () => {
    const added = parse([
      COMMIT,
      'diff --git a/m.txt b/m.txt',
      'index 1111111111111111111111111111111111111111..3333333333333333333333333333333333333333 100644',
      '--- a/m.txt',
      '+++ b/m.txt',
      '@@ -1 +1 @@',
      '+kept',
      '@@@ -1,2 -1,2 +1,3 @@@',
      '++merged',
      '+ ours',
    ]);
    assert.deepEqual(
      added.map((a) => ({ lines: a.lines, lineNumbers: a.lineNumbers })),
      [{ lines: ['kept'], lineNumbers: [1] }],
    );
  });

  it('hands a piece on as soon as it reaches 1,000,000 characters (each line counted with its line break)', () => {
    const long = 'x'.repeat(999_999);
    const added = parse([COMMIT, ...newFile('big.txt', '4444444444444444444444444444444444444444', [long, 'after'])]);
    assert.deepEqual(
      added.map((a) => ({ count: a.lines.length, lineNumbers: a.lineNumbers })),
      [
        { count: 1, lineNumbers: [1] },
        { count: 1, lineNumbers: [2] },
      ],
    );
  });

  it('a path without the b/ prefix (git --no-prefix) is kept whole', () => {
    const added = parse([COMMIT, 'diff --git plain.txt plain.txt', 'index 0000000000000000000000000000000000000000..5555555555555555555555555555555555555555', '+++ plain.txt', '@@ -0,0 +1 @@', '+p']);
    assert.deepEqual(pathsOf(added), ['plain.txt']);
  });

  it('a commit line without author or date gives empty ones', () => {
    const added = parse([`\x01${'b'.repeat(40)}`, ...newFile('n.txt', '6666666666666666666666666666666666666666', ['n'])]);
    assert.deepEqual(added[0]?.commit, { commit: 'b'.repeat(40), author: '', date: '' });
  });

  it('a name that only starts with a quote is a plain name', () => {
    assert.equal(unquotePath('"b/say'), '"b/say');
  });
});
