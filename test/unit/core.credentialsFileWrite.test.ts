// Writes of the credentials file (issue #21 item 6): the backup never follows a link planted at
// its path, is 0600 and is the only one kept; a temp file is removed whatever fails; profile
// names are those the AWS SDK reads back as exactly that profile; an existing profile is not
// replaced without a confirmation; the lock beside the file is waited for, times out, and is
// taken over when stale.
import * as assert from 'node:assert/strict';
import { promises as fs, utimesSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadSharedConfigFiles } from '@smithy/shared-ini-file-loader';
import fc from 'fast-check';
import { writeFileAtomic } from '../../src/core/atomicFile';
import { readProfileKeys } from '../../src/core/credentialsFile';
import { CredentialsFileBusy, lockPathOf, LOCK_STALE_MS, withCredentialsFileLock } from '../../src/core/credentialsFileLock';
import { backupPathOf, ProfileExists, writeKeysIntoProfile, writeProfileKeys } from '../../src/core/credentialsFileStore';
import { profileNameProblem } from '../../src/core/profileName';
import { SecretText } from '../../src/core/secretText';

const ORIGINAL = '# mine\n[dev]\naws_access_key_id = AKIAOLDOLDOLDOLDOLD1\naws_secret_access_key = oldsecret\n';
const NEW_KEYS = { accessKeyId: 'AKIANEWNEWNEWNEWNEW1', secret: new SecretText('newsecret') };
const AFTER = '# mine\n[dev]\naws_access_key_id = AKIANEWNEWNEWNEWNEW1\naws_secret_access_key = newsecret\n';

describe('credentials file writes', () => {
  let dir: string;
  let file: string;
  beforeEach(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'iamkeys-write-'));
    file = path.join(dir, 'credentials');
    await fs.writeFile(file, ORIGINAL, { mode: 0o600 });
  });
  afterEach(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  const locked = <T>(work: Parameters<typeof withCredentialsFileLock<T>>[1]): Promise<T> => withCredentialsFileLock(file, work, { waitMs: 0 });

  it('a symlink planted at the backup path is replaced, not followed: its target keeps its content', async () => {
    const target = path.join(dir, 'elsewhere');
    await fs.writeFile(target, 'not yours\n', { mode: 0o644 });
    await fs.symlink(target, backupPathOf(file));
    await locked((lock) => writeProfileKeys(lock, 'dev', NEW_KEYS, { backup: true }));
    assert.equal(await fs.readFile(target, 'utf8'), 'not yours\n', 'the link target is untouched');
    const backup = await fs.lstat(backupPathOf(file));
    assert.ok(backup.isFile() && !backup.isSymbolicLink(), 'the backup is a file of its own');
    assert.equal(await fs.readFile(backupPathOf(file), 'utf8'), ORIGINAL);
    assert.equal(await fs.readFile(file, 'utf8'), AFTER);
  });

  it('the backup is 0600 even where an older one was readable by others, and only the last one is kept', async () => {
    await fs.writeFile(backupPathOf(file), 'an older backup\n', { mode: 0o644 });
    await fs.chmod(backupPathOf(file), 0o644);
    await locked((lock) => writeProfileKeys(lock, 'dev', NEW_KEYS, { backup: true }));
    await locked((lock) => writeProfileKeys(lock, 'dev', { accessKeyId: 'AKIATHIRDTHIRDTHIRD1', secret: new SecretText('third') }, { backup: true }));
    assert.equal((await fs.stat(backupPathOf(file))).mode & 0o777, 0o600);
    assert.equal(await fs.readFile(backupPathOf(file), 'utf8'), AFTER, 'the backup holds the content before the last write');
    assert.deepEqual((await fs.readdir(dir)).sort(), ['credentials', 'credentials.iamkeys-backup'], 'one backup, no temp file, no lock left');
  });

  it('a write that fails after the temp file was made leaves no temp file (and the file as it was)', async () => {
    const probe = await fs.open(path.join(dir, 'probe'), 'w');
    const proto = Object.getPrototypeOf(probe) as { sync: () => Promise<void> };
    await probe.close();
    await fs.rm(path.join(dir, 'probe'));
    const sync = proto.sync;
    proto.sync = () => Promise.reject(Object.assign(new Error('ENOSPC: no space left on device, fsync'), { code: 'ENOSPC' }));
    try {
      await assert.rejects(
        locked((lock) => writeProfileKeys(lock, 'dev', NEW_KEYS, { backup: false })),
        /ENOSPC/,
      );
    } finally {
      proto.sync = sync;
    }
    assert.deepEqual(await fs.readdir(dir), ['credentials'], 'no temp file holding the secrets');
    assert.equal(await fs.readFile(file, 'utf8'), ORIGINAL);
  });

  it('a write whose rename fails (a directory at the path) leaves no temp file either', async () => {
    const target = path.join(dir, 'a-directory');
    await fs.mkdir(target);
    await fs.writeFile(path.join(target, 'inside'), '');
    await assert.rejects(writeFileAtomic(target, 'secret text\n', { followLinks: false }));
    assert.deepEqual((await fs.readdir(dir)).sort(), ['a-directory', 'credentials']);
  });

  it('an existing profile is not replaced without the overwrite confirmation; with it, it is (backup first)', async () => {
    await assert.rejects(
      locked((lock) => writeKeysIntoProfile(lock, 'dev', NEW_KEYS, { overwrite: false })),
      (error: unknown) => error instanceof ProfileExists && error.message === 'the profile dev already exists (it holds AKIAOLDOLDOLDOLDOLD1)',
    );
    assert.equal(await fs.readFile(file, 'utf8'), ORIGINAL);
    await locked((lock) => writeKeysIntoProfile(lock, 'scratch', NEW_KEYS, { overwrite: false }));
    assert.equal(await fs.readFile(file, 'utf8'), `${ORIGINAL}\n[scratch]\naws_access_key_id = AKIANEWNEWNEWNEWNEW1\naws_secret_access_key = newsecret\n`);
    await locked((lock) => writeKeysIntoProfile(lock, 'dev', { accessKeyId: 'AKIATHIRDTHIRDTHIRD1', secret: new SecretText('third') }, { overwrite: true }));
    assert.ok((await fs.readFile(file, 'utf8')).startsWith('# mine\n[dev]\naws_access_key_id = AKIATHIRDTHIRDTHIRD1\naws_secret_access_key = third\n'));
  });

  it('the lock: a second writer waits while it is held, gets CredentialsFileBusy after its wait, and gets it once it is freed', async () => {
    let release!: () => void;
    const holding = withCredentialsFileLock(file, () => new Promise<void>((resolve) => (release = resolve)), { waitMs: 0 });
    await new Promise((resolve) => setTimeout(resolve, 50));
    await assert.rejects(withCredentialsFileLock(file, async () => 'second', { waitMs: 300 }), CredentialsFileBusy);
    const waiting = withCredentialsFileLock(file, async () => 'second', { waitMs: 5_000 });
    release();
    await holding;
    assert.equal(await waiting, 'second');
    await assert.rejects(locked(() => Promise.reject(new Error('work failed'))), /work failed/);
    assert.equal(await locked(async () => 'free again'), 'free again', 'a failed holder released the lock');
  });

  it('the lock a crashed editor left is taken over once stale', async () => {
    const lockDir = await lockPathOf(file);
    await fs.mkdir(lockDir);
    await assert.rejects(locked(async () => 'x'), CredentialsFileBusy);
    const old = (Date.now() - LOCK_STALE_MS - 5_000) / 1000;
    utimesSync(lockDir, old, old);
    assert.equal(await locked(async () => 'taken over'), 'taken over');
  });
});

describe('profile names written into the credentials file', () => {
  let dir: string;
  before(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'iamkeys-names-'));
  });
  after(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('refuses names that would inject a section or read back differently, each with its reason', () => {
    const refused: Array<[string, RegExp]> = [
      ['scratch]\n[default', /line break/],
      ['scratch]\r\n[default', /line break/],
      ['two words', /whitespace/],
      [' dev', /whitespace/],
      ['dev\t', /whitespace/],
      ['ci]bot', /"\[" or "\]"/],
      ['[dev]', /"\[" or "\]"/],
      ['__proto__', /__proto__/],
      ['', /empty/],
      ['nul\u0000x', /control character/],
    ];
    for (const [name, reason] of refused) assert.match(profileNameProblem(name) ?? 'accepted', reason, JSON.stringify(name));
    for (const name of ['default', 'dev', 'ci-bot_2', 'team.prod', 'a@b', 'user/role', 'x#y', 'x;y', 'Ünïcode']) assert.equal(profileNameProblem(name), undefined, name);
  });

  it('every accepted name reads back through the AWS SDK (and this reader) as exactly that profile, with the keys written', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: fc.constantFrom(...'abZ09-_.@/#;:+%=!~\u00e9'.split('')), minLength: 1, maxLength: 12 }), async (name) => {
        fc.pre(profileNameProblem(name) === undefined);
        const file = path.join(dir, `credentials-${n++}`);
        await fs.writeFile(file, '[default]\naws_access_key_id = AKIADEFAULTDEFAULT01\naws_secret_access_key = d\n');
        await withCredentialsFileLock(file, (lock) => writeKeysIntoProfile(lock, name, NEW_KEYS, { overwrite: false }), { waitMs: 0 });
        const sdk = await loadSharedConfigFiles({ filepath: file, configFilepath: path.join(dir, 'no-config'), ignoreCache: true });
        assert.deepEqual(sdk.credentialsFile[name], { aws_access_key_id: 'AKIANEWNEWNEWNEWNEW1', aws_secret_access_key: 'newsecret' }, `the SDK reads [${name}]`);
        assert.deepEqual(Object.keys(sdk.credentialsFile).sort(), ['default', name].sort());
        const ours = readProfileKeys(await fs.readFile(file, 'utf8'), name);
        assert.ok(ours.ok && ours.keys.accessKeyId === 'AKIANEWNEWNEWNEWNEW1');
      }),
      { numRuns: 100 },
    );
  });

  it('the injection the check stops: written unchecked, "scratch]\\n[default" gives the SDK a second [default] holding the new key', async () => {
    const file = path.join(dir, 'injected');
    await fs.writeFile(file, '[default]\naws_access_key_id = AKIADEFAULTDEFAULT01\naws_secret_access_key = d\n');
    await fs.appendFile(file, '\n[scratch]\n[default]\naws_access_key_id = AKIANEWNEWNEWNEWNEW1\naws_secret_access_key = newsecret\n');
    const sdk = await loadSharedConfigFiles({ filepath: file, configFilepath: path.join(dir, 'no-config'), ignoreCache: true });
    assert.equal(sdk.credentialsFile.default?.aws_access_key_id, 'AKIANEWNEWNEWNEWNEW1');
    assert.notEqual(profileNameProblem('scratch]\n[default'), undefined);
  });
});
