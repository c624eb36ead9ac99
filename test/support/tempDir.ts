// A new folder under the OS temp folder for each test, or for a whole suite, removed after it.
import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';

type Hook = (fn: () => Promise<void>) => void;

/** Registers `setUp`/`tearDown` hooks that make and remove a folder; the result reads the current one. */
function tempDirWith(prefix: string, setUp: Hook, tearDown: Hook): () => string {
  let dir = '';
  setUp(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), prefix));
  });
  tearDown(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });
  return () => dir;
}

/** A new folder for each test of the suite. */
export function tempDirEach(prefix: string): () => string {
  return tempDirWith(prefix, beforeEach, afterEach);
}

/** One folder for the whole suite. */
export function tempDirAll(prefix: string): () => string {
  return tempDirWith(prefix, before, after);
}
