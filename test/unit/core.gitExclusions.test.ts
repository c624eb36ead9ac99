// Exclusions as git decides them: literal .gitignore texts in a real repository, with
// `git check-ignore` as the oracle for every path.
import * as assert from 'assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { GitExclusions } from '../../src/core/gitExclusions';
import { TestRepo } from '../support/gitRepo';

const FILES = [
  'app.log', 'keep.log', 'src/index.ts', 'src/debug.log', 'src/generated/api.ts', 'src/generated/keep.ts',
  'build/out.js', 'build/keep.js', 'docs/build/page.html', 'docs/notes.md', 'docs/secret.env', 'docs/public.env',
  'vendor/lib/a.js', 'vendor/lib/b.js', 'tmp/x.txt', 'deep/a/b/c.env', 'deep/a/b/d.txt', 'Cache/x.bin', 'cache/y.bin',
  'only-root.txt', 'sub/only-root.txt', 'local.secret', 'space name.txt', '#hash.txt', '!bang.txt',
];
const IGNORE_FILES: Record<string, string> = {
  '.gitignore': [
    '# logs, but one kept', '*.log', '!keep.log', '', '/build/', '!/build/keep.js', 'docs/build', '/only-root.txt',
    'vendor/', '!vendor/lib/a.js', '*.env', 'cache/', 'space\\ name.txt', '\\#hash.txt', '\\!bang.txt', 'tmp/**', '',
  ].join('\n'),
  'src/.gitignore': 'generated/*\n!generated/keep.ts\n!debug.log\n',
  'docs/.gitignore': '!public.env\n',
  'deep/a/.gitignore': 'b/*.txt\n',
};
const INFO_EXCLUDE = '# local only\n*.secret\n';

/** What `git check-ignore --no-index` says is ignored among `paths`. */
function gitIgnored(repo: TestRepo, paths: readonly string[]): string[] {
  const run = repo.run('-c', 'core.quotePath=false', 'check-ignore', '--no-index', '--', ...paths);
  assert.ok(run.status === 0 || run.status === 1, run.stderr); // 1: nothing ignored
  return run.stdout.split('\n').filter(Boolean).sort();
}

describe('GitExclusions: ignore rules as git applies them (git check-ignore as the oracle)', () => {
  let repo: TestRepo;
  beforeEach(() => {
    repo = TestRepo.create('iamkeys-ignore-');
    for (const file of FILES) repo.write(file, 'x\n');
    for (const [file, text] of Object.entries(IGNORE_FILES)) repo.write(file, text);
    repo.write('.git/info/exclude', INFO_EXCLUDE);
  });
  afterEach(() => repo.dispose());

  const readFromDisk = (relative: string): Promise<string | undefined> =>
    fs.promises.readFile(path.join(repo.root, relative), 'utf8').catch(() => undefined);

  it('negations, nested .gitignore files, .git/info/exclude, folders and escapes: the same answer as git for every path', async () => {
    const exclusions = new GitExclusions(readFromDisk, undefined, false);
    const kept = await exclusions.filter(FILES);
    const ours = FILES.filter((file) => !kept.includes(file)).sort();
    const expected = gitIgnored(repo, FILES);
    assert.deepEqual(ours, expected);
    // The oracle itself, spelled out, so a change of git's answer is seen too.
    assert.deepEqual(expected, [
      '!bang.txt', '#hash.txt', 'app.log', 'build/keep.js', 'build/out.js', 'cache/y.bin', 'deep/a/b/c.env', 'deep/a/b/d.txt', 'docs/build/page.html',
      'docs/secret.env', 'local.secret', 'only-root.txt', 'space name.txt', 'src/generated/api.ts', 'tmp/x.txt', 'vendor/lib/a.js', 'vendor/lib/b.js',
    ].sort());
  });

  it('a folder excluded by a shallower .gitignore hides its files, even from a negation in its own .gitignore', async () => {
    repo.write('logs/keep.txt', 'x\n');
    repo.write('logs/.gitignore', '!keep.txt\n');
    repo.write('.gitignore', 'logs/\n');
    assert.deepEqual(gitIgnored(repo, ['logs/keep.txt']), ['logs/keep.txt']);
    assert.equal(await new GitExclusions(readFromDisk, undefined, false).ignores('logs/keep.txt'), true);
  });

  it('an empty path (the folder itself) is not ignored', async () => {
    assert.equal(await new GitExclusions(readFromDisk, undefined, false).ignores(''), false);
  });

  it('reads only the .gitignore files of the folders it is told hold one', async () => {
    const read: string[] = [];
    const exclusions = new GitExclusions((relative) => {
      read.push(relative);
      return readFromDisk(relative);
    }, new Set(['', 'src']), false);
    assert.equal(await exclusions.ignores('src/generated/api.ts'), true);
    assert.equal(await exclusions.ignores('docs/public.env'), true, 'docs/.gitignore was not read');
    assert.deepEqual(read.sort(), ['.git/info/exclude', '.gitignore', 'src/.gitignore']);
  });
});
