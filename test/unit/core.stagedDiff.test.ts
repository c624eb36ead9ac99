// The staged check reads `git diff --cached -U0` from the real git binary and reports leaks on
// added lines only, at their line numbers in the staged version.
import * as assert from 'assert/strict';
import { STAGED_DIFF_ARGS, stagedLeaks, stagedLeaksAsync } from '../../src/core/stagedDiff';
import { makeAccessKeyId, makeSecretAccessKey } from '../emulator/keyIds';
import { SeededRandom } from '../emulator/random';
import { turnsWithClock } from '../support/eventLoopTurns';
import { TestRepo } from '../support/gitRepo';

const random = new SeededRandom(24);
const OLD_ID = makeAccessKeyId('123456789012', random);
const NEW_ID = makeAccessKeyId('123456789012', random);
const SECRET = makeSecretAccessKey(random);

/** path:line kind [id] for each leak. */
function brief(leaks: ReturnType<typeof stagedLeaks>): string[] {
  return leaks.map((l) => `${l.path}:${l.line} ${l.finding.kind}${l.finding.accessKeyId ? ` ${l.finding.accessKeyId}` : ''}`);
}

describe('stagedDiff: leaks on the lines a staged change adds (real git)', () => {
  let repo: TestRepo;
  beforeEach(() => {
    repo = TestRepo.create('iamkeys-staged-');
  });
  afterEach(() => repo.dispose());

  it('reports added lines only, numbered as in the staged file; removed and unchanged keys are not reported', async () => {
    repo.write('app.env', `A=1\nOLD=${OLD_ID}\nB=2\nC=3\n`);
    repo.git('add', '.');
    repo.git('commit', '-q', '-m', 'first');
    // Line 2 (the old key) removed, two lines added after C: the new key ends on staged line 5.
    repo.write('app.env', `A=1\nB=2\nC=3\nD=4\nAWS_ACCESS_KEY_ID=${NEW_ID}\naws_secret_access_key = ${SECRET}\n`);
    repo.git('add', 'app.env');
    const diff = repo.git(...STAGED_DIFF_ARGS);
    assert.deepEqual(brief(stagedLeaks(diff)), [`app.env:5 access-key-id ${NEW_ID}`, 'app.env:6 secret-access-key']);
    assert.deepEqual(brief(await stagedLeaksAsync(diff)), brief(stagedLeaks(diff)));
    assert.equal(stagedLeaks(diff)[1]?.finding.pairedAccessKeyId, NEW_ID, 'the secret is paired with the ID above it');
  });

  it('the first commit of a new repository (no HEAD yet), and a path with spaces, quotes and non-ASCII letters', () => {
    const name = 'config dir/clé "prod".env';
    repo.write(name, `# settings\nkey: ${NEW_ID}\n`);
    repo.git('add', '.');
    assert.deepEqual(brief(stagedLeaks(repo.git(...STAGED_DIFF_ARGS))), [`${name}:2 access-key-id ${NEW_ID}`]);
  });

  it('changes that are not staged, deleted files and the documentation example keys are not reported', () => {
    repo.write('gone.env', `K=${OLD_ID}\n`);
    repo.write('keep.txt', 'x\n');
    repo.git('add', '.');
    repo.git('commit', '-q', '-m', 'first');
    repo.git('rm', '-q', 'gone.env');
    repo.write('keep.txt', `x\nAKIAIOSFODNN7EXAMPLE\naws_secret_access_key=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n`);
    repo.git('add', 'keep.txt');
    repo.write('keep.txt', `x\nAKIAIOSFODNN7EXAMPLE\naws_secret_access_key=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n${NEW_ID}\n`);
    assert.deepEqual(brief(stagedLeaks(repo.git(...STAGED_DIFF_ARGS))), []);
  });

  it('a key in each of two staged files is reported under its own file and line', () => {
    repo.write('a.env', `x=1\nID=${OLD_ID}\n`);
    repo.write('b.env', `ID=${NEW_ID}\n`);
    repo.git('add', '.');
    assert.deepEqual(brief(stagedLeaks(repo.git(...STAGED_DIFF_ARGS))), [`a.env:2 access-key-id ${OLD_ID}`, `b.env:1 access-key-id ${NEW_ID}`]);
  });

  it('a renamed file brings no findings for the lines it already had', () => {
    repo.write('a.env', `A=1\nB=2\nC=3\nD=4\nK=${OLD_ID}\n`);
    repo.git('add', '.');
    repo.git('commit', '-q', '-m', 'first');
    repo.git('mv', 'a.env', 'b.env');
    assert.deepEqual(brief(stagedLeaks(repo.git(...STAGED_DIFF_ARGS))), []);
  });

  it('gives the event loop back while scanning a large diff', async () => {
    const lines = Array.from({ length: 40_000 }, (_, i) => `line ${i} with some ordinary text in it`);
    lines[30_000] = `K=${NEW_ID}`;
    repo.write('big.txt', lines.join('\n') + '\n');
    repo.git('add', '.');
    const diff = repo.git(...STAGED_DIFF_ARGS);
    // The scan yields when a turn has run 8 ms; a warmed-up machine can scan this diff in less, so
    // the clock it reads moves 5 ms a reading, and what counts is the event loop's turns (an
    // immediate that re-arms itself runs once a turn), not a timer's.
    const { turns, value } = await turnsWithClock(5, 5, () => stagedLeaksAsync(diff));
    assert.deepEqual(brief(value), [`big.txt:30001 access-key-id ${NEW_ID}`]);
    assert.ok(turns > 10, `the event loop turned ${turns} times during the scan`);
  });
});
