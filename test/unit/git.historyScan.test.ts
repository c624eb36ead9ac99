// The history scan (git/historyScan) over real repositories made with the real git binary: a
// key committed then removed, a branch and a merge, a copied file; what it reports for each
// (first commit that added it, path, line, still in HEAD), the revision and commit limits,
// cancel with partial results, and git's failures classified.
import * as assert from 'assert/strict';
import { isAbortError } from '../../src/core/concurrency';
import { GitError } from '../../src/git/gitProcess';
import { scanHistory, stillInHead } from '../../src/git/historyScan';
import { TestRepo } from '../support/gitRepo';
import { generateHistory } from '../support/historyRepo';

const KEY_A = 'AKIAQWERTYUIOPASDFGH';
const KEY_B = 'AKIAZXCVBNMLKJHGFDSA';
const SECRET = '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';

describe('git history scan: leaked keys in every commit of a real repository', function () {
  this.timeout(30_000);
  let repo: TestRepo;
  const commits: Record<string, string> = {};

  before(() => {
    repo = TestRepo.create();
    repo.write('README.md', '# demo\n');
    commits.initial = repo.commit('initial');
    repo.write('config/dev.env', `REGION=eu-west-1\nAWS_ACCESS_KEY_ID=${KEY_A}\nAWS_SECRET_ACCESS_KEY=${SECRET}\n`);
    commits.addA = repo.commit('add dev credentials');
    repo.deleteFile('config/dev.env');
    commits.removeA = repo.commit('remove credentials');
    repo.git('checkout', '-q', '-b', 'feature');
    repo.write('app/settings.json', `{\n  "region": "eu-west-1",\n  "key": "${KEY_B}"\n}\n`);
    commits.addB = repo.commit('settings');
    repo.git('checkout', '-q', 'main');
    repo.write('README.md', '# demo\n\nMore.\n');
    commits.readme = repo.commit('readme');
    repo.git('merge', '-q', '--no-ff', '-m', 'merge feature', 'feature');
    repo.write('app/copy.json', `{\n  "region": "eu-west-1",\n  "key": "${KEY_B}"\n}\n`);
    commits.copy = repo.commit('a copy of the settings (same blob)');
  });
  after(() => repo.dispose());

  it('finds each key once, in the first commit that added it, with path and line; a copied blob is not read again', async () => {
    const out = await scanHistory({ cwd: repo.dir });
    assert.equal(out.commits, 7);
    assert.equal(out.truncated, false);
    assert.equal(out.cancelled, false);
    const rows = out.leaks.map((l) => ({ commit: l.commit.commit, path: l.path, line: l.line, kind: l.finding.kind, id: l.finding.accessKeyId ?? l.finding.pairedAccessKeyId }));
    assert.deepEqual(rows, [
      { commit: commits.addA, path: 'config/dev.env', line: 2, kind: 'access-key-id', id: KEY_A },
      { commit: commits.addA, path: 'config/dev.env', line: 3, kind: 'secret-access-key', id: KEY_A },
      { commit: commits.addB, path: 'app/settings.json', line: 3, kind: 'access-key-id', id: KEY_B },
    ]);
    assert.equal(out.leaks[0]?.commit.author, 'Test Author');
    assert.equal(out.leaks[0]?.commit.date, '2024-01-03T00:00:00+00:00');
  });

  it('says which are still in HEAD: the removed key and its secret are not, the merged one is', async () => {
    const out = await scanHistory({ cwd: repo.dir });
    const inHead = await stillInHead(out.root, out.leaks);
    assert.deepEqual(out.leaks.map((l) => inHead.has(l)), [false, false, true]);
  });

  it('reads only what `rev` reaches, and at most maxCommits (then truncated)', async () => {
    const before = await scanHistory({ cwd: repo.dir, rev: commits.removeA });
    assert.equal(before.commits, 3);
    assert.deepEqual(before.leaks.map((l) => l.finding.accessKeyId ?? l.finding.pairedAccessKeyId), [KEY_A, KEY_A]);
    const newest = await scanHistory({ cwd: repo.dir, maxCommits: 2 });
    assert.equal(newest.commits, 2);
    assert.equal(newest.truncated, true);
    // Settings' blob is out of range now, so its copy is where the key first shows.
    assert.deepEqual(newest.leaks.map((l) => [l.commit.commit, l.path, l.line]), [[commits.copy, 'app/copy.json', 3]]);
  });

  it('classifies git failures by kind, without git stderr: an unknown revision, a folder outside any repository', async () => {
    await assert.rejects(scanHistory({ cwd: repo.dir, rev: 'no-such-branch' }), (e: unknown) => e instanceof GitError && e.kind === 'bad-revision' && !/no-such-branch/.test(e.message));
    const outside = TestRepo.create();
    outside.git('init', '-q', '--bare', 'bare.git');
    await assert.rejects(scanHistory({ cwd: `${outside.dir}/bare.git/objects` }), (e: unknown) => e instanceof GitError && (e.kind === 'not-a-repository' || e.kind === 'failed'));
    outside.dispose();
  });

  it('names a missing git as such', async () => {
    const path = process.env.PATH;
    process.env.PATH = '/nonexistent';
    try {
      await assert.rejects(scanHistory({ cwd: repo.dir }), (e: unknown) => e instanceof GitError && e.kind === 'git-missing');
    } finally {
      process.env.PATH = path;
    }
  });

  it('stops when cancelled and keeps what it found so far', async () => {
    const big = await generateHistory({ commits: 1000, bytesPerCommit: 4000, plantedKeys: 10 });
    try {
      const stop = new AbortController();
      let progressCalls = 0;
      const out = await scanHistory({
        cwd: big.dir,
        signal: stop.signal,
        onProgress: (read) => {
          progressCalls++;
          if (read >= 1) stop.abort();
        },
      });
      assert.equal(out.cancelled, true);
      assert.ok(progressCalls >= 1);
      assert.ok(out.commits < 1000, `read ${out.commits} of 1000 commits after cancel`);
      // What it kept is real: each a planted key, in the commit that planted it.
      const planted = new Map(big.planted.map((p) => [p.accessKeyId, p.commit]));
      for (const leak of out.leaks) assert.equal(leak.commit.commit, planted.get(leak.finding.accessKeyId ?? ''));
      // Aborted before it starts: an AbortError from the first git call.
      await assert.rejects(scanHistory({ cwd: big.dir, signal: AbortSignal.abort() }), (e: unknown) => isAbortError(e));
    } finally {
      big.dispose();
    }
  });
});

describe('git history scan: what a merge commit adds itself', function () {
  this.timeout(30_000);
  let repo: TestRepo;
  after(() => repo?.dispose());

  it('a key written while resolving a conflict is found in the merge commit', async () => {
    repo = TestRepo.create();
    repo.write('app.env', 'REGION=eu-west-1\nMODE=plain\n');
    repo.commit('initial');
    repo.git('checkout', '-q', '-b', 'feature');
    repo.write('app.env', 'REGION=eu-west-1\nMODE=feature\n');
    repo.commit('feature mode');
    repo.git('checkout', '-q', 'main');
    repo.write('app.env', 'REGION=eu-west-1\nMODE=main\n');
    repo.commit('main mode');
    assert.notEqual(repo.run('merge', '-q', 'feature').status, 0, 'the merge stops on the conflict');
    repo.write('app.env', `REGION=eu-west-1\nMODE=merged\nAWS_ACCESS_KEY_ID=${KEY_A}\n`);
    const merge = repo.commit('merge feature');
    const out = await scanHistory({ cwd: repo.dir });
    assert.deepEqual(
      out.leaks.map((l) => ({ commit: l.commit.commit, path: l.path, line: l.line, id: l.finding.accessKeyId })),
      [{ commit: merge, path: 'app.env', line: 3, id: KEY_A }],
    );
  });
});
