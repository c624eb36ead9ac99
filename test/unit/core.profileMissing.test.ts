// Whether the credentials file lacks a profile is a kind on the reader's result (`missing`), not
// a match on its sentence: existingProfileKey and writeKeysIntoProfile add a profile only then.
import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { readProfileKeys } from '../../src/core/credentialsFile';
import { existingProfileKey } from '../../src/core/credentialsFileStore';

const KEYS = 'aws_access_key_id = AKIAOLDOLDOLDOLDOLD1\naws_secret_access_key = oldsecret\n';

describe('a missing profile, by kind', () => {
  let dir = '';
  before(async () => (dir = await fs.mkdtemp(path.join(os.tmpdir(), 'iamkeys-missing-'))));
  after(async () => fs.rm(dir, { recursive: true, force: true }));

  it('readProfileKeys marks a profile the file has no section for as missing, and no other failure', () => {
    assert.deepEqual(readProfileKeys(`[dev]\n${KEYS}`, 'ci'), { ok: false, reason: 'The credentials file has no [ci] profile.', missing: true });
    for (const text of [`[ ci ]\n${KEYS}`, `[ci]\n${KEYS}[ci]\n${KEYS}`, '[ci]\nregion = eu-west-1\n']) {
      const read = readProfileKeys(text, 'ci');
      assert.equal(read.ok, false, text);
      assert.equal('missing' in read, false, text);
    }
  });

  it('existingProfileKey: undefined with no file or no such profile; "" for a profile it cannot read keys from; else its key ID', async () => {
    const file = path.join(dir, 'credentials');
    assert.equal(await existingProfileKey(file, 'ci'), undefined);
    await fs.writeFile(file, `[dev]\n${KEYS}[ ci ]\n${KEYS}[empty]\nregion = eu-west-1\n`);
    assert.equal(await existingProfileKey(file, 'other'), undefined);
    assert.equal(await existingProfileKey(file, 'ci'), '', 'the SDK reads "[ ci ]" as another profile, but writing [ci] beside it would confuse other tools');
    assert.equal(await existingProfileKey(file, 'empty'), '');
    assert.equal(await existingProfileKey(file, 'dev'), 'AKIAOLDOLDOLDOLDOLD1');
  });

  it('a read that fails for another reason than a missing file is not taken for a missing profile', async () => {
    const file = path.join(dir, 'a-folder');
    await fs.mkdir(file);
    await assert.rejects(existingProfileKey(file, 'dev'), { code: 'EISDIR' });
  });
});
