// Writes a file so that a reader sees the old or the new content, never a mix: a temp file
// beside it (mode 0600 from the start, so a secret is never readable by others), flushed,
// then renamed over it. The temp file is removed whatever fails. By default symlinks are
// followed, so a linked credentials file stays linked; with `followLinks: false` (backups) a
// link at the path is replaced, never written through.
import { randomBytes } from 'node:crypto';
import { constants, promises as fs } from 'node:fs';
import * as path from 'node:path';

export const PRIVATE_MODE = 0o600;

// O_EXCL already refuses any existing entry (a link included); O_NOFOLLOW says so twice.
const CREATE_NEW = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW;

export async function writeFileAtomic(file: string, text: string, options: { followLinks?: boolean } = {}): Promise<void> {
  const target = options.followLinks === false ? file : await fs.realpath(file).catch(() => file);
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await fs.open(temp, CREATE_NEW, PRIVATE_MODE);
  try {
    try {
      await handle.writeFile(text, 'utf8');
      await handle.chmod(PRIVATE_MODE); // the umask may have narrowed it further; never wider
      await handle.sync();
    } finally {
      await handle.close();
    }
    // rename() replaces the entry at `target` itself: a symlink there is replaced, not followed.
    await fs.rename(temp, target);
  } catch (error) {
    await fs.rm(temp, { force: true });
    throw error;
  }
}
