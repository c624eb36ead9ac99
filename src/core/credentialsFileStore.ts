// The credentials file on disk: where it is, and the rewrite of one profile's keys with a
// backup of the previous content beside it (0600, one backup: each replaces the last, and a
// link planted at its path is replaced, not followed). Every writer takes the file's lock
// (credentialsFileLock.ts) and reads the file again under it, so no other window's change is lost.
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { appendProfile, profilesHoldingKey, readProfileKeys, replaceKeysOfProfiles, replaceProfileKeys, type ProfileKeys } from './credentialsFile';
import { writeFileAtomic } from './atomicFile';
import { assertLockHeld, type CredentialsFileLock } from './credentialsFileLock';
import { readTextIfExists } from './readTextIfExists';
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

/** Whether the key ID is written anywhere in the file (any profile, even a comment): such a key is never deleted. */
export async function fileMentionsKey(file: string, accessKeyId: string): Promise<boolean> {
  return (await fs.readFile(file, 'utf8')).includes(accessKeyId);
}

/** The previous content, kept once beside the file (replacing the last backup, never through a link). */
async function writeBackup(file: string, text: string): Promise<void> {
  await writeFileAtomic(backupPathOf(file), text, { followLinks: false });
}

/** The profiles of the file whose key ID is `accessKeyId` (the SDK's reading), in file order. */
export async function profilesWithKey(file: string, accessKeyId: string): Promise<string[]> {
  return profilesHoldingKey(await fs.readFile(file, 'utf8'), accessKeyId);
}

/**
 * Puts a key pair into the profile (or each of the profiles, in one atomic write). With `backup`
 * (a rotation's forward step) the previous content is kept at backupPathOf(file) first; a
 * rollback writes without touching the backup.
 */
export async function writeProfileKeys(
  lock: CredentialsFileLock,
  profile: string | readonly string[],
  keys: { accessKeyId: string; secret: SecretText },
  options: { backup: boolean },
): Promise<void> {
  assertLockHeld(lock);
  const before = await fs.readFile(lock.file, 'utf8');
  const after = replaceKeysOfProfiles(before, typeof profile === 'string' ? [profile] : profile, keys);
  if (options.backup) await writeBackup(lock.file, before);
  await writeFileAtomic(lock.file, after);
}

/** The profile exists already and the caller did not confirm replacing its keys. */
export class ProfileExists extends Error {
  constructor(
    readonly profile: string,
    readonly accessKeyId: string | undefined,
  ) {
    super(`the profile ${profile} already exists${accessKeyId ? ` (it holds ${accessKeyId})` : ''}`);
  }
}

/** The key ID [profile] holds now; undefined when the file or the profile is missing; '' when the profile has no keys. */
export async function existingProfileKey(file: string, profile: string): Promise<string | undefined> {
  const text = await readTextIfExists(file);
  if (text === undefined) return undefined;
  const read = readProfileKeys(text, profile);
  if (read.ok) return read.keys.accessKeyId;
  return read.missing ? undefined : '';
}

/**
 * Puts a key pair into the profile, adding the profile when the file has none by that name (or
 * no file yet). An existing profile is replaced only with `overwrite` (else ProfileExists).
 */
export async function writeKeysIntoProfile(
  lock: CredentialsFileLock,
  profile: string,
  keys: { accessKeyId: string; secret: SecretText },
  options: { overwrite: boolean },
): Promise<void> {
  assertLockHeld(lock);
  const file = lock.file;
  const before = await readTextIfExists(file);
  if (before === undefined) {
    await fs.mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
    await writeFileAtomic(file, appendProfile('', profile, keys));
    return;
  }
  const current = readProfileKeys(before, profile);
  const missing = !current.ok && current.missing === true;
  if (!missing && !options.overwrite) throw new ProfileExists(profile, current.ok ? current.keys.accessKeyId : undefined);
  const after = missing ? appendProfile(before, profile, keys) : replaceProfileKeys(before, profile, keys);
  await writeBackup(file, before);
  await writeFileAtomic(file, after);
}
