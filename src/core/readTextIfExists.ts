// A file's text, or undefined when there is no such file (any other failure is thrown): for
// files that may not be written yet (the credentials file, a rotation's journal record).
import { promises as fs } from 'node:fs';

export async function readTextIfExists(file: string): Promise<string | undefined> {
  try {
    return await fs.readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}
