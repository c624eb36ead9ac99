// Whole-file sweep (issue #27) of the credentials file lock: where the lock sits, the holder's
// note a second caller reads (and may stop for), a file not written yet, failures other than
// "held", and the message a busy caller gets.
import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { assertLockHeld, CredentialsFileBusy, lockPathOf, withCredentialsFileLock } from '../../src/core/credentialsFileLock';
import { tempDirEach } from '../support/tempDir';

describe('credentials file lock (sweep)', () => {
  const tempDir = tempDirEach('iamkeys-lock-');
  let file: string;
  beforeEach(async () => {
    file = path.join(tempDir(), 'credentials');
    await fs.writeFile(file, '[dev]\n');
  });

  /** Holds the lock until the returned release is called; resolves once it is held. */
  async function hold(options: { holder?: string } = {}): Promise<{ release: () => void; done: Promise<unknown> }> {
    let release!: () => void;
    let held!: () => void;
    const isHeld = new Promise<void>((resolve) => (held = resolve));
    const done = withCredentialsFileLock(
      file,
      () => {
        held();
        return new Promise<void>((resolve) => (release = resolve));
      },
      { waitMs: 0, ...options },
    );
    await isHeld;
    return { release, done };
  }

  it('lockPathOf: beside the file, beside a link target, and beside a file not written yet', async () => {
    const link = path.join(tempDir(), 'linked');
    await fs.symlink(file, link);
    const realDir = await fs.realpath(tempDir());
    assert.equal(await lockPathOf(link), path.join(realDir, 'credentials.iamkeys-lock'));
    assert.equal(await lockPathOf(path.join(tempDir(), 'absent')), path.join(tempDir(), 'absent.iamkeys-lock'));
  });

  it('CredentialsFileBusy says which file is being changed', () => {
    const busy = new CredentialsFileBusy('/h/.aws/credentials', 'rotating dev');
    assert.equal(busy.message, 'another window or command is changing /h/.aws/credentials');
    assert.equal(busy.holder, 'rotating dev');
  });

  it('a second caller is told what the holder does and stops at once when it asks to', async () => {
    const first = await hold({ holder: 'rotating dev' });
    const asked: Array<string | undefined> = [];
    await assert.rejects(
      withCredentialsFileLock(file, async () => 'second', {
        waitMs: 60_000,
        stopFor: (holder) => {
          asked.push(holder);
          return true;
        },
      }),
      (error: unknown) => error instanceof CredentialsFileBusy && error.holder === 'rotating dev' && error.file === file,
    );
    assert.deepEqual(asked, ['rotating dev']);
    assert.equal((await fs.stat(`${await lockPathOf(file)}.holder`)).mode & 0o777, 0o600, 'the note is private');
    first.release();
    await first.done;
    assert.deepEqual((await fs.readdir(tempDir())).sort(), ['credentials'], 'the lock and its note are gone');
  });

  it('a holder without a note leaves none: the second caller is asked with undefined, and waits when it does not stop', async () => {
    const first = await hold();
    const asked: Array<string | undefined> = [];
    const second = withCredentialsFileLock(file, async () => 'second', {
      waitMs: 60_000,
      stopFor: (holder) => {
        asked.push(holder);
        return false;
      },
    });
    while (asked.length === 0) await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(asked, [undefined]);
    first.release();
    await first.done;
    assert.equal(await second, 'second');
  });

  it('a stale note of an earlier holder is removed when the next holder has none', async () => {
    const note = `${await lockPathOf(file)}.holder`;
    await fs.writeFile(note, 'an old note');
    let seen: string[] = [];
    await withCredentialsFileLock(file, async () => (seen = await fs.readdir(tempDir())), { waitMs: 0 });
    assert.ok(!seen.includes('credentials.iamkeys-lock.holder'), `seen: ${seen.join(', ')}`);
  });

  it('a file not written yet can be locked (a first write creates it)', async () => {
    const absent = path.join(tempDir(), 'new-credentials');
    assert.equal(await withCredentialsFileLock(absent, async (lock) => lock.file, { waitMs: 0 }), absent);
  });

  it('a failure other than "held" reaches the caller as it is, not as CredentialsFileBusy', async () => {
    const inMissingFolder = path.join(tempDir(), 'no-such-folder', 'credentials');
    const asked: Array<string | undefined> = [];
    await assert.rejects(
      withCredentialsFileLock(inMissingFolder, async () => 'x', { waitMs: 0, stopFor: (holder) => asked.push(holder) > 0 }),
      (error: NodeJS.ErrnoException) => !(error instanceof CredentialsFileBusy) && error.code === 'ENOENT',
    );
    assert.deepEqual(asked, [], 'no holder to ask about: the lock was never held');
  });

  it('a lock that cannot be released is logged, and the work keeps its result', async () => {
    const logged: string[] = [];
    const result = await withCredentialsFileLock(
      file,
      async () => {
        // Something else put a file inside the lock directory: removing it fails (ENOTEMPTY).
        await fs.writeFile(path.join(await lockPathOf(file), 'intruder'), '');
        return 'written';
      },
      { waitMs: 0, log: (message) => logged.push(message) },
    );
    assert.equal(result, 'written');
    assert.equal(logged.length, 1);
    assert.ok(logged[0].startsWith(`the lock on ${file} could not be released: `), logged[0]);
    assert.match(logged[0], /ENOTEMPTY/);
    await fs.rm(await lockPathOf(file), { recursive: true });
    const unlogged = await withCredentialsFileLock(
      file,
      async () => {
        await fs.writeFile(path.join(await lockPathOf(file), 'intruder'), '');
        return 'written without a log';
      },
      { waitMs: 0 },
    );
    assert.equal(unlogged, 'written without a log');
  });

  /** Holds `target`'s lock while another process takes it over (its mtime changed); what the holder saw. */
  async function loseLock(target: string, log?: (message: string) => void): Promise<{ before: boolean; after: boolean }> {
    const lockPath = await lockPathOf(target);
    return withCredentialsFileLock(
      target,
      async (lock) => {
        const before = lock.compromised;
        const past = new Date(Date.now() - 60_000);
        await fs.utimes(lockPath, past, past); // as a process that took the lock over as stale would
        for (let waited = 0; !lock.compromised && waited < 10_000; waited += 50) await new Promise((resolve) => setTimeout(resolve, 50));
        assert.throws(() => assertLockHeld(lock), /was lost; nothing was written/);
        return { before, after: lock.compromised };
      },
      { waitMs: 0, log },
    );
  }

  it('a lock another process takes over is marked lost, logged once (or not at all without a log), and left in place', async function () {
    // proper-lockfile notices at its next refresh (every 2 s) that the lock's mtime is no longer
    // the one it wrote; the wait is on that flag, bounded, not a fixed sleep. Both at once: one wait.
    this.timeout(15_000);
    const logged: string[] = [];
    const quiet = path.join(tempDir(), 'quiet-credentials');
    await fs.writeFile(quiet, '[dev]\n');
    const [seen, seenQuietly] = await Promise.all([loseLock(file, (message) => logged.push(message)), loseLock(quiet)]);
    assert.deepEqual(seen, { before: false, after: true });
    assert.deepEqual(seenQuietly, { before: false, after: true }, 'no log: noted without throwing from the refresh timer');
    assert.equal(logged.length, 1, logged.join('\n'));
    assert.ok(logged[0].startsWith(`the lock on ${file} was lost: `), logged[0]);
    for (const target of [file, quiet]) {
      const lockPath = await lockPathOf(target);
      assert.equal((await fs.stat(lockPath)).isDirectory(), true, 'the lock directory is left for its new holder');
      await fs.rm(lockPath, { recursive: true });
    }
  });

  it('assertLockHeld throws only for a lost lock, naming the file', () => {
    assertLockHeld({ file, compromised: false });
    assert.throws(() => assertLockHeld({ file: '/c', compromised: true }), { message: 'the lock on /c was lost; nothing was written' });
  });
});
