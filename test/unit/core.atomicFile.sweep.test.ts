// Whole-file sweep (issue #27) of writeFileAtomic: a linked file stays linked, a file that does
// not exist yet is created, text is written as UTF-8, no file descriptor is left open.
import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { writeFileAtomic } from '../../src/core/atomicFile';
import { openDescriptorCount } from '../support/openDescriptors';
import { tempDirEach } from '../support/tempDir';


describe('writeFileAtomic (sweep)', () => {
  const tempDir = tempDirEach('iamkeys-atomic-');

  it('writes through a symlink by default: the link stays a link and its target gets the text', async () => {
    const target = path.join(tempDir(), 'real-credentials');
    const link = path.join(tempDir(), 'credentials');
    await fs.writeFile(target, 'old\n');
    await fs.symlink(target, link);
    await writeFileAtomic(link, 'new\n');
    assert.ok((await fs.lstat(link)).isSymbolicLink(), 'the link was replaced by a plain file');
    assert.equal(await fs.readFile(target, 'utf8'), 'new\n');
    assert.deepEqual((await fs.readdir(tempDir())).sort(), ['credentials', 'real-credentials']);
  });

  it('with followLinks: false the link itself is replaced and its target keeps its content', async () => {
    const target = path.join(tempDir(), 'elsewhere');
    const link = path.join(tempDir(), 'backup');
    await fs.writeFile(target, 'keep\n');
    await fs.symlink(target, link);
    await writeFileAtomic(link, 'backup\n', { followLinks: false });
    assert.ok(!(await fs.lstat(link)).isSymbolicLink());
    assert.equal(await fs.readFile(link, 'utf8'), 'backup\n');
    assert.equal(await fs.readFile(target, 'utf8'), 'keep\n');
  });

  it('creates a file that does not exist yet, 0600, with the text as UTF-8', async () => {
    const file = path.join(tempDir(), 'fresh');
    await writeFileAtomic(file, 'clé = ü€\n');
    assert.deepEqual(await fs.readFile(file), Buffer.from('clé = ü€\n', 'utf8'));
    assert.equal((await fs.stat(file)).mode & 0o777, 0o600);
    assert.deepEqual(await fs.readdir(tempDir()), ['fresh']);
  });

  it('leaves no file descriptor open after a write', async () => {
    const file = path.join(tempDir(), 'counted');
    await writeFileAtomic(file, 'warm-up\n');
    const before = openDescriptorCount();
    for (let i = 0; i < 5; i++) await writeFileAtomic(file, `write ${i}\n`);
    assert.equal(openDescriptorCount(), before);
  });
});
