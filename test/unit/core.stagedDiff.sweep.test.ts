// The staged diff's parser line by line: hunk headers with long numbers, files without added
// lines, names git quotes (octal bytes, C escapes) and names it does not, diffs that do not end
// in a newline; the work in steps of 2,000 lines, and when the async check gives the event loop
// back (read from a clock the test moves).
import * as assert from 'assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { addedLinesSteps, STAGED_DIFF_ARGS, stagedLeaks, stagedLeaksAsync, type AddedLines } from '../../src/core/stagedDiff';
import { turnsWithClock } from '../support/eventLoopTurns';
import { TestRepo } from '../support/gitRepo';

const ID = 'AKIAQWERTYUIOPASDFGH';

/** The steps a parse yields before it returns, and the files it returns. */
function parse(diff: string): { steps: number; files: AddedLines[] } {
  const parsing = addedLinesSteps(diff);
  let steps = 0;
  for (;;) {
    const step = parsing.next();
    if (step.done) return { steps, files: step.value };
    steps++;
  }
}

/** A one-file diff adding `added` lines (A0, A1, …) with `removed` removed lines before them. */
function bigDiff(added: number, removed = 0): string {
  const lines = ['diff --git a/big.txt b/big.txt', 'index 1111111..2222222 100644', '--- a/big.txt', '+++ b/big.txt', `@@ -1,${removed} +1,${added} @@`];
  for (let i = 0; i < removed; i++) lines.push(`-R${i}`);
  for (let i = 0; i < added; i++) lines.push(`+A${i}`);
  return lines.join('\n') + '\n';
}


describe('stagedDiff sweep: the parser, its steps and turns', () => {
  it('hunk headers with numbers of several digits and without a count read the staged line numbers', () => {
    const diff = [
      'diff --git a/app.env b/app.env',
      'index 1111111..2222222 100644',
      '--- a/app.env',
      '+++ b/app.env',
      '@@ -10,12 +12 @@',
      '-OLD=1',
      '+K1',
      '@@ -30 +40,2 @@',
      '-OLD=2',
      '+K2',
      '+K3',
      '\\ No newline at end of file',
      '',
    ].join('\n');
    assert.deepEqual(parse(diff).files, [{ path: 'app.env', text: 'K1\nK2\nK3', lineNumbers: [12, 40, 41] }]);
  });

  it('a diff with no newline at its end, after a blank line, is read to its last line', () => {
    const diff = '\ndiff --git a/a.env b/a.env\n--- a/a.env\n+++ b/a.env\n@@ -0,0 +1,2 @@\n+X=1\n+Y=2';
    assert.deepEqual(parse(diff).files, [{ path: 'a.env', text: 'X=1\nY=2', lineNumbers: [1, 2] }]);
  });

  it('a hunk header it cannot read (a combined diff\'s @@@) numbers none of the lines after it', () => {
    const diff = 'diff --cc a.env\nindex 1111111,2222222..3333333\n--- a/a.env\n+++ b/a.env\n@@@ -1,1 -1,1 +1,2 @@@\n++K=1\n';
    assert.deepEqual(parse(diff).files, []);
  });

  it('a patch without git\'s "diff --git" line: the one file is read from its +++ line, a name as written', () => {
    // No b/ prefix, and a quote at one end only: git would have quoted such a name at both.
    const ending = '--- notes"\n+++ notes"\n@@ -0,0 +1 @@\n+A=1\n';
    assert.deepEqual(parse(ending).files, [{ path: 'notes"', text: 'A=1', lineNumbers: [1] }]);
    const starting = '--- "notes\n+++ "notes\n@@ -0,0 +1 @@\n+A=1\n';
    assert.deepEqual(parse(starting).files, [{ path: '"notes', text: 'A=1', lineNumbers: [1] }]);
  });

  it('a bare hunk with no file name before it gives no file', () => {
    assert.deepEqual(parse('@@ -0,0 +1 @@\n+A=1\n').files, []);
  });

  it('a step back every 2,000 lines of the diff: 3,999 lines take one, 4,000 take two', () => {
    // 5 header lines and the added ones.
    const short = parse(bigDiff(3994));
    assert.equal(short.steps, 1);
    assert.deepEqual(short.files[0]?.lineNumbers.slice(-1), [3994]);
    const long = parse(bigDiff(3995));
    assert.equal(long.steps, 2);
    assert.deepEqual(long.files[0]?.lineNumbers.slice(-1), [3995]);
  });

  it('the synchronous check reads a diff of many steps to its end', () => {
    const diff = bigDiff(3995).replace('+A3000\n', `+K=${ID}\n`);
    assert.deepEqual(
      stagedLeaks(diff).map((l) => `${l.path}:${l.line}:${l.column} ${l.finding.accessKeyId}`),
      [`big.txt:3001:3 ${ID}`],
    );
  });

  describe('the async check gives the event loop back after 8 ms of a turn', () => {
    // 6,000 removed lines and one added: 6,006 lines, three parse steps; the added text is too
    // short for the scanner to take a step of its own.
    const diff = bigDiff(1, 6000);

    it('a clock that moves 8 ms a reading: the event loop turns after each parse step', async () => {
      const { turns, value } = await turnsWithClock(1000, 8, () => stagedLeaksAsync(diff));
      assert.deepEqual(value, []);
      assert.equal(turns, 3);
    });

    it('a clock that does not move: the check runs to its end in one turn', async () => {
      const { turns, value } = await turnsWithClock(1000, 0, () => stagedLeaksAsync(diff.replace('+A0\n', `+K=${ID}\n`)));
      assert.deepEqual(
        value.map((l) => `${l.path}:${l.line}:${l.column}`),
        ['big.txt:1:3'],
      );
      assert.equal(turns, 0);
    });

    it('an aborted signal stops the scan of the added lines', async () => {
      const controller = new AbortController();
      controller.abort(new Error('the repository was closed'));
      await assert.rejects(stagedLeaksAsync(bigDiff(3), controller.signal), { name: 'AbortError' });
    });
  });

  describe('with real git', () => {
    let repo: TestRepo;
    beforeEach(() => {
      repo = TestRepo.create('iamkeys-staged-sweep-');
    });
    afterEach(() => repo.dispose());

    it('deleted files, removed lines only, a mode change and a binary change give no file; columns are 1-based', () => {
      repo.write('gone.env', 'K=1\n');
      repo.write('trim.env', 'A=1\nB=2\n');
      repo.write('run.sh', 'echo hi\n');
      repo.write('logo.bin', Buffer.from([0, 1, 2, 3]));
      repo.commit('first');
      repo.deleteFile('gone.env');
      repo.write('trim.env', 'A=1\n');
      fs.chmodSync(path.join(repo.root, 'run.sh'), 0o755);
      repo.write('logo.bin', Buffer.from([0, 1, 2, 4]));
      repo.write('keep.env', `# keys\n  aws_access_key_id = ${ID}\n`);
      repo.git('add', '-A');
      const diff = repo.git(...STAGED_DIFF_ARGS);
      assert.deepEqual(parse(diff).files, [{ path: 'keep.env', text: `# keys\n  aws_access_key_id = ${ID}`, lineNumbers: [1, 2] }]);
      assert.deepEqual(
        stagedLeaks(diff).map((l) => `${l.path}:${l.line}:${l.column}`),
        ['keep.env:2:23'],
      );
    });

    it('names git writes with octal bytes and C escapes (DEL, bell, tab) come back as they are', () => {
      const names = ['del\x7fkey.env', 'bell\x07.env', 'tab\tname.env'];
      for (const name of names) repo.write(name, `${ID}\n`);
      repo.git('add', '-A');
      assert.deepEqual(
        stagedLeaks(repo.git(...STAGED_DIFF_ARGS)).map((l) => `${l.path}:${l.line}`),
        ['bell\x07.env:1', 'del\x7fkey.env:1', 'tab\tname.env:1'],
      );
    });
  });
});
