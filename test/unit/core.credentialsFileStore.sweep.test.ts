// Whole-file sweep (issue #27) of the credentials file store: where the file is, reading a
// profile's keys, which profiles hold a key, and the writes (backup or not, adding a profile,
// refusing to replace one unconfirmed, nothing written under a lost lock).
import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import {
  backupPathOf,
  credentialsFilePath,
  existingProfileKey,
  fileMentionsKey,
  ProfileExists,
  profilesWithKey,
  readKeysFromFile,
  writeKeysIntoProfile,
  writeProfileKeys,
} from '../../src/core/credentialsFileStore';
import { SecretText } from '../../src/core/secretText';
import { tempDirEach } from '../support/tempDir';

const ORIGINAL = '[dev]\naws_access_key_id = AKIAOLD1\naws_secret_access_key = old1\n# AKIACOMMENTED\n[ci]\naws_access_key_id = AKIAOLD1\naws_secret_access_key = old1\n[other]\naws_access_key_id = AKIAOTHER\naws_secret_access_key = other\n[empty]\nregion = eu-west-1\n';
const NEW_KEYS = { accessKeyId: 'AKIANEW1', secret: new SecretText('new1') };

describe('credentials file store (sweep)', () => {
  const tempDir = tempDirEach('iamkeys-store-');
  let file: string;
  const lockOf = (f: string, compromised = false) => ({ file: f, compromised });
  beforeEach(async () => {
    file = path.join(tempDir(), 'credentials');
    await fs.writeFile(file, ORIGINAL);
  });

  it('credentialsFilePath: AWS_SHARED_CREDENTIALS_FILE as given, "~/" under home, else ~/.aws/credentials', () => {
    assert.equal(credentialsFilePath({ AWS_SHARED_CREDENTIALS_FILE: '/etc/creds' }, '/home/u'), '/etc/creds');
    assert.equal(credentialsFilePath({ AWS_SHARED_CREDENTIALS_FILE: '~/keys/c' }, '/home/u'), '/home/u/keys/c');
    assert.equal(credentialsFilePath({ AWS_SHARED_CREDENTIALS_FILE: 'x~/c' }, '/home/u'), 'x~/c');
    assert.equal(credentialsFilePath({ AWS_SHARED_CREDENTIALS_FILE: '' }, '/home/u'), '/home/u/.aws/credentials');
    assert.equal(credentialsFilePath({}, '/home/u'), '/home/u/.aws/credentials');
  });

  it('backupPathOf is the file name with .iamkeys-backup', () => {
    assert.equal(backupPathOf('/h/.aws/credentials'), '/h/.aws/credentials.iamkeys-backup');
  });

  it('readKeysFromFile gives the keys of a profile, and throws the reason when it has none', async () => {
    const keys = await readKeysFromFile(file, 'other');
    assert.equal(keys.accessKeyId, 'AKIAOTHER');
    assert.equal(keys.secret.reveal(), 'other');
    await assert.rejects(readKeysFromFile(file, 'nope'), { message: 'The credentials file has no [nope] profile.' });
  });

  it('fileMentionsKey sees a key ID anywhere, a comment included', async () => {
    assert.equal(await fileMentionsKey(file, 'AKIACOMMENTED'), true);
    assert.equal(await fileMentionsKey(file, 'AKIANOWHERE'), false);
  });

  it('profilesWithKey lists every profile holding the key, in file order', async () => {
    assert.deepEqual(await profilesWithKey(file, 'AKIAOLD1'), ['dev', 'ci']);
    assert.deepEqual(await profilesWithKey(file, 'AKIANOWHERE'), []);
  });

  it('writeProfileKeys rewrites every listed profile; with backup the previous text is kept, without it no backup is made', async () => {
    await writeProfileKeys(lockOf(file), ['dev', 'ci'], NEW_KEYS, { backup: false });
    assert.deepEqual(await profilesWithKey(file, 'AKIANEW1'), ['dev', 'ci']);
    await assert.rejects(fs.stat(backupPathOf(file)), { code: 'ENOENT' });
    const rewritten = await fs.readFile(file, 'utf8');
    await writeProfileKeys(lockOf(file), 'other', NEW_KEYS, { backup: true });
    assert.equal(await fs.readFile(backupPathOf(file), 'utf8'), rewritten);
    assert.deepEqual(await profilesWithKey(file, 'AKIANEW1'), ['dev', 'ci', 'other']);
  });

  it('writeProfileKeys under a lost lock writes nothing', async () => {
    await assert.rejects(writeProfileKeys(lockOf(file, true), 'dev', NEW_KEYS, { backup: true }), /was lost; nothing was written/);
    assert.equal(await fs.readFile(file, 'utf8'), ORIGINAL);
    await assert.rejects(fs.stat(backupPathOf(file)), { code: 'ENOENT' });
  });

  it('ProfileExists names the profile and, when known, the key it holds', () => {
    assert.equal(new ProfileExists('dev', 'AKIAOLD1').message, 'the profile dev already exists (it holds AKIAOLD1)');
    assert.equal(new ProfileExists('dev', undefined).message, 'the profile dev already exists');
  });

  it('existingProfileKey: the key ID; undefined for no file or no profile; "" for a profile without keys', async () => {
    assert.equal(await existingProfileKey(file, 'other'), 'AKIAOTHER');
    assert.equal(await existingProfileKey(file, 'nope'), undefined);
    assert.equal(await existingProfileKey(path.join(tempDir(), 'absent'), 'dev'), undefined);
    assert.equal(await existingProfileKey(file, 'empty'), '');
  });

  it('writeKeysIntoProfile creates the file (and a 0700 folder) when there is none, with no backup', async () => {
    const fresh = path.join(tempDir(), 'new', '.aws', 'credentials');
    await writeKeysIntoProfile(lockOf(fresh), 'dev', NEW_KEYS, { overwrite: false });
    assert.equal(await fs.readFile(fresh, 'utf8'), '[dev]\naws_access_key_id = AKIANEW1\naws_secret_access_key = new1\n');
    assert.equal((await fs.stat(path.dirname(fresh))).mode & 0o777, 0o700);
    assert.deepEqual(await fs.readdir(path.dirname(fresh)), ['credentials']);
  });

  it('writeKeysIntoProfile adds a missing profile at the end without confirmation, keeping a backup', async () => {
    await writeKeysIntoProfile(lockOf(file), 'added', NEW_KEYS, { overwrite: false });
    assert.equal(await fs.readFile(file, 'utf8'), `${ORIGINAL}\n[added]\naws_access_key_id = AKIANEW1\naws_secret_access_key = new1\n`);
    assert.equal(await fs.readFile(backupPathOf(file), 'utf8'), ORIGINAL);
  });

  it('writeKeysIntoProfile refuses an existing profile unconfirmed (also one without keys) and replaces it when confirmed', async () => {
    await assert.rejects(writeKeysIntoProfile(lockOf(file), 'other', NEW_KEYS, { overwrite: false }), (error: unknown) => {
      assert.ok(error instanceof ProfileExists);
      assert.equal(error.accessKeyId, 'AKIAOTHER');
      return true;
    });
    await assert.rejects(writeKeysIntoProfile(lockOf(file), 'empty', NEW_KEYS, { overwrite: false }), (error: unknown) => error instanceof ProfileExists && error.accessKeyId === undefined);
    assert.equal(await fs.readFile(file, 'utf8'), ORIGINAL);
    await assert.rejects(fs.stat(backupPathOf(file)), { code: 'ENOENT' });
    await writeKeysIntoProfile(lockOf(file), 'other', NEW_KEYS, { overwrite: true });
    assert.equal(await fs.readFile(file, 'utf8'), ORIGINAL.replace('AKIAOTHER', 'AKIANEW1').replace('= other', '= new1'));
    assert.equal(await fs.readFile(backupPathOf(file), 'utf8'), ORIGINAL);
  });

  it('writeKeysIntoProfile under a lost lock writes nothing', async () => {
    await assert.rejects(writeKeysIntoProfile(lockOf(file, true), 'added', NEW_KEYS, { overwrite: true }), /was lost; nothing was written/);
    assert.equal(await fs.readFile(file, 'utf8'), ORIGINAL);
  });
});
