// The credentials file on disk: where it is, and the rewrite of one profile's keys with a
// backup of the previous content beside it (also 0600), both written atomically.
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { appendProfile, readProfileKeys, replaceProfileKeys, type ProfileKeys } from './credentialsFile';
import { writeFileAtomic } from './atomicFile';
import type { SecretText } from './secretText';

/** Where the SDK reads static keys from: AWS_SHARED_CREDENTIALS_FILE, else ~/.aws/credentials. */
export function credentialsFilePath(env: NodeJS.ProcessEnv = process.env, home: string = os.homedir()): string {
  const configured = env.AWS_SHARED_CREDENTIALS_FILE;
  if (configured) return configured.startsWith('~/') ? path.join(home, configured.slice(2)) : configured;
  return path.join(home, '.aws', 'credentials');
}

export function backupPathOf(file: string): string {
  return `${file}.iamkeys-backup`;
}

export async function readKeysFromFile(file: string, profile: string): Promise<ProfileKeys> {
  const read = readProfileKeys(await fs.readFile(file, 'utf8'), profile);
  if (!read.ok) throw new Error(read.reason);
  return read.keys;
}

/**
 * Puts a key pair into the profile. With `backup` (a rotation's forward step) the previous
 * content is kept at backupPathOf(file) first; a rollback writes without touching the backup.
 */
export async function writeProfileKeys(
  file: string,
  profile: string,
  keys: { accessKeyId: string; secret: SecretText },
  options: { backup: boolean },
): Promise<void> {
  const before = await fs.readFile(file, 'utf8');
  const after = replaceProfileKeys(before, profile, keys);
  if (options.backup) await writeFileAtomic(backupPathOf(file), before);
  await writeFileAtomic(file, after);
}

/** Puts a key pair into the profile, adding the profile when the file has none by that name (or no file yet). */
export async function writeKeysIntoProfile(file: string, profile: string, keys: { accessKeyId: string; secret: SecretText }): Promise<void> {
  const before = await fs.readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
  if (before === undefined) {
    await fs.mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
    await writeFileAtomic(file, appendProfile('', profile, keys));
    return;
  }
  const current = readProfileKeys(before, profile);
  const missing = !current.ok && current.reason.startsWith('The credentials file has no [');
  const after = missing ? appendProfile(before, profile, keys) : replaceProfileKeys(before, profile, keys);
  await writeFileAtomic(backupPathOf(file), before);
  await writeFileAtomic(file, after);
}
