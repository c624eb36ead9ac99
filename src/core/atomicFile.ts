// Writes a file so that a reader sees the old or the new content, never a mix: a temp file
// beside it (mode 0600 from the start, so a secret is never readable by others), flushed,
// then renamed over it. Symlinks are followed, so a linked credentials file stays linked.
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';

export const PRIVATE_MODE = 0o600;

export async function writeFileAtomic(file: string, text: string): Promise<void> {
  const target = await fs.realpath(file).catch(() => file);
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await fs.open(temp, 'wx', PRIVATE_MODE);
  try {
    await handle.writeFile(text, 'utf8');
    await handle.chmod(PRIVATE_MODE); // the umask may have narrowed it further; never wider
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await fs.rename(temp, target);
  } catch (error) {
    await fs.rm(temp, { force: true });
    throw error;
  }
}
