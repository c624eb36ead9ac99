// A new folder under the OS temp folder for each test, or for a whole suite, removed after it.
import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';

/** Registers mocha hooks that give each test of the suite a new folder; the result reads the current one. */
export function tempDirEach(prefix: string): () => string {
  let dir = '';
  beforeEach(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), prefix));
  });
  afterEach(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });
  return () => dir;
}

/** Registers mocha hooks that give the whole suite one folder; the result reads it. */
export function tempDirAll(prefix: string): () => string {
  let dir = '';
  before(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), prefix));
  });
  after(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });
  return () => dir;
}
