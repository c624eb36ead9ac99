// One writer of a credentials file at a time, across windows and processes: a lock directory
// beside the file (proper-lockfile: mkdir is atomic; the holder refreshes the lock's mtime, so a
// lock an editor left when it crashed goes stale and is taken over). Every write of the file
// takes a CredentialsFileLock, so the writers in credentialsFileStore.ts can't run without one.
import { promises as fs } from 'node:fs';
import lockfile from 'proper-lockfile';

/** A lock whose mtime is older than this is taken over (its holder is gone). */
export const LOCK_STALE_MS = 10_000;
/** How often the holder refreshes the lock (well inside LOCK_STALE_MS). */
export const LOCK_UPDATE_MS = 2_000;
const RETRY_INTERVAL_MS = 250;

export interface CredentialsFileLock {
  /** The credentials file, as the caller named it. */
  readonly file: string;
  /** True once the lock was lost (its refresh failed or another process took it as stale). */
  readonly compromised: boolean;
}

/** The lock is held by another rotation or write (in this window or another) and was not freed in time. */
export class CredentialsFileBusy extends Error {
  constructor(
    readonly file: string,
    /** What the holder said it is doing (see `holder`), when it said so; stopped at once for it. */
    readonly holder?: string,
  ) {
    super(`another window or command is changing ${file}`);
  }
}

/** Where the lock directory sits: beside the file the path resolves to, so a linked file has one lock. */
export async function lockPathOf(file: string): Promise<string> {
  return `${await fs.realpath(file).catch(() => file)}.iamkeys-lock`;
}

/** A note beside the lock naming what its holder does (no secret): read only while the lock is held. */
function holderPathOf(lockPath: string): string {
  return `${lockPath}.holder`;
}

export interface LockOptions {
  /** How long to wait for the lock (0: don't wait). */
  readonly waitMs: number;
  readonly log?: (message: string) => void;
  /** What this holder does, for a caller that finds the lock held (e.g. the profile it rotates). */
  readonly holder?: string;
  /** Asked when the lock is found held, with its holder's note: true stops at once (CredentialsFileBusy). */
  readonly stopFor?: (holder: string | undefined) => boolean;
}

/**
 * Runs `work` holding the file's lock, waiting up to `waitMs` for it (0: don't wait).
 * Throws CredentialsFileBusy when it stays held; the lock is released however `work` ends.
 */
export async function withCredentialsFileLock<T>(file: string, work: (lock: CredentialsFileLock) => Promise<T>, options: LockOptions): Promise<T> {
  const held = { file, compromised: false };
  const lockfilePath = await lockPathOf(file);
  const take = (waitMs: number): Promise<() => Promise<void>> =>
    lockfile.lock(file, {
      realpath: false,
      lockfilePath,
      stale: LOCK_STALE_MS,
      update: LOCK_UPDATE_MS,
      retries: { retries: Math.ceil(waitMs / RETRY_INTERVAL_MS), factor: 1, minTimeout: RETRY_INTERVAL_MS, maxTimeout: RETRY_INTERVAL_MS },
      // The default throws from a timer (an uncaught error in the extension host): note it instead.
      onCompromised: (error) => {
        held.compromised = true;
        options.log?.(`the lock on ${file} was lost: ${error.message}`);
      },
    });
  let release: () => Promise<void>;
  try {
    try {
      release = await take(0);
    } catch (error) {
      if ((error as { code?: unknown }).code !== 'ELOCKED') throw error;
      const holder = await fs.readFile(holderPathOf(lockfilePath), 'utf8').catch(() => undefined);
      if (options.stopFor?.(holder)) throw new CredentialsFileBusy(file, holder);
      release = await take(options.waitMs);
    }
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ELOCKED') throw new CredentialsFileBusy(file);
    throw error;
  }
  try {
    if (options.holder !== undefined) await fs.writeFile(holderPathOf(lockfilePath), options.holder, { mode: 0o600 });
    else await fs.rm(holderPathOf(lockfilePath), { force: true });
    return await work(held);
  } finally {
    await fs.rm(holderPathOf(lockfilePath), { force: true }).catch(() => undefined);
    // A compromised lock is no longer ours to remove.
    if (!held.compromised) await release().catch((error: unknown) => options.log?.(`the lock on ${file} could not be released: ${String(error)}`));
  }
}

/** Throws when the lock was lost: a write now could overwrite another writer's. */
export function assertLockHeld(lock: CredentialsFileLock): void {
  if (lock.compromised) throw new Error(`the lock on ${lock.file} was lost; nothing was written`);
}
