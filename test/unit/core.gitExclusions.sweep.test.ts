// GitExclusions beyond core.gitExclusions.test.ts: the letter case it matches with by default on
// each platform, paths with stray slashes, and how often filter() gives the event loop back.
// Ignore files are literal texts handed over from memory (no disk), so nothing but filter's own
// yielding takes a turn of the event loop.
import * as assert from 'assert/strict';
import { GitExclusions } from '../../src/core/gitExclusions';
import { turnsWithClock } from '../support/eventLoopTurns';

/** A reader over literal ignore files. */
function readerOf(files: Record<string, string>): (relative: string) => Promise<string | undefined> {
  return (relative) => Promise.resolve(files[relative]);
}

/** Builds GitExclusions with its default letter case while process.platform reads `platform`. */
function onPlatform(platform: NodeJS.Platform, files: Record<string, string>): GitExclusions {
  const real = Object.getOwnPropertyDescriptor(process, 'platform') as PropertyDescriptor;
  Object.defineProperty(process, 'platform', { ...real, value: platform });
  try {
    return new GitExclusions(readerOf(files));
  } finally {
    Object.defineProperty(process, 'platform', real);
  }
}

describe('GitExclusions sweep: letter case, stray slashes, yielding', () => {
  const files = { '.gitignore': 'Cache/\n*.LOG\n' };

  for (const platform of ['darwin', 'win32'] as const) {
    it(`on ${platform} (case-insensitive file systems) patterns match whatever the letter case`, async () => {
      const exclusions = onPlatform(platform, files);
      assert.equal(await exclusions.ignores('cache/a.bin'), true);
      assert.equal(await exclusions.ignores('debug.log'), true);
    });
  }

  it('on linux patterns match only the same letter case', async () => {
    const exclusions = onPlatform('linux', files);
    assert.equal(await exclusions.ignores('Cache/a.bin'), true);
    assert.equal(await exclusions.ignores('cache/a.bin'), false);
    assert.equal(await exclusions.ignores('debug.log'), false);
  });

  it('a leading or doubled slash in a path is read as one separator', async () => {
    const exclusions = new GitExclusions(readerOf({ '.gitignore': '/app.log\n', 'src/.gitignore': 'debug.log\n' }), undefined, false);
    assert.equal(await exclusions.ignores('/app.log'), true);
    assert.equal(await exclusions.ignores('src//debug.log'), true);
    assert.equal(await exclusions.ignores('/src/debug.log'), true);
    assert.equal(await exclusions.ignores('/src/app.log'), false);
  });

  it('a nested folder excluded from the root hides its files, even from a negation in its own .gitignore', async () => {
    // git check-ignore --no-index agrees: a/logs/keep.txt is ignored (its folder is).
    const exclusions = new GitExclusions(readerOf({ '.gitignore': 'a/logs/\n', 'a/logs/.gitignore': '!keep.txt\n' }), undefined, false);
    assert.equal(await exclusions.ignores('a/logs/keep.txt'), true);
    assert.equal(await exclusions.ignores('a/keep.txt'), false);
  });

  it('a folder-only pattern (trailing slash) does not ignore a file of that name', async () => {
    const exclusions = new GitExclusions(readerOf({ '.gitignore': 'notes/\n' }), undefined, false);
    assert.equal(await exclusions.ignores('docs/notes'), false);
    assert.equal(await exclusions.ignores('notes'), false);
    assert.equal(await exclusions.ignores('docs/notes/today.md'), true);
  });

  describe('filter() and the event loop', () => {
    /** How many turns the event loop took while filter ran over `count` paths, with a clock that moves `step` ms a reading. */
    async function turnsDuringFilter(count: number, step: number): Promise<{ turns: number; kept: number }> {
      const exclusions = new GitExclusions(readerOf({ '.gitignore': '*.log\n' }), undefined, false);
      const paths = Array.from({ length: count }, (_, i) => (i % 2 === 0 ? `f${i}.txt` : `f${i}.log`));
      await exclusions.ignores('warm-up.txt'); // the ignore files are read (promises settled) before counting
      const { turns, value } = await turnsWithClock(step, step, () => exclusions.filter(paths));
      return { turns, kept: value.length };
    }

    it('gives the event loop back once 8 ms have passed at a 500-path check, not before', async () => {
      // The clock is read at the start and at every 500th path: 4 ms a reading makes the 1000th
      // and the 2000th path's checks land on exactly 8 ms since the last turn.
      assert.deepEqual(await turnsDuringFilter(2000, 4), { turns: 2, kept: 1000 });
    });

    it('a clock that never moves 8 ms between checks never gives the loop back', async () => {
      assert.deepEqual(await turnsDuringFilter(2000, 1), { turns: 0, kept: 1000 });
    });
  });
});
