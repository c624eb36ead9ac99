// The journal of a key rotation: which step it reached, persisted (atomically) before and
// after each change in AWS or on disk, so a rotation cut short (editor closed, crash) is found
// at the next start and finished or undone. It holds key IDs only: a secret is never stored
// here — the new secret lives only in the credentials file, the old one only in its backup.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { writeFileAtomic } from './atomicFile';
import { SecretText } from './secretText';
import { JOURNAL_FILE_PATTERN } from './journalFileName';

export type RotationStep =
  | 'started' // about to call CreateAccessKey (its answer may be lost: the new key ID is unknown)
  | 'created' // the new key exists; the file still holds the old one
  | 'fileWritten' // the file holds the new key (the backup the old one)
  | 'verified' // the new key signed GetCallerIdentity
  | 'oldDeactivated'
  | 'oldDeleted'
  | 'done'
  | 'rollingBack' // undoing: the file gets the old key back, the new key is deleted
  | 'rolledBack';

export interface RotationRecord {
  readonly id: string;
  readonly profile: string;
  readonly credentialsFile: string;
  readonly userName: string;
  readonly oldAccessKeyId: string;
  /** The user's keys before the rotation: any other key found later was made by it. */
  readonly keysBefore: readonly string[];
  readonly newAccessKeyId?: string;
  readonly deleteOld: boolean;
  readonly step: RotationStep;
  readonly startedAt: string;
  readonly updatedAt: string;
  /** Why the rotation is being undone, or what went wrong after the new key was in place. */
  readonly note?: string;
}

/** Steps each step may go to; terminal steps go nowhere. */
export const NEXT_STEPS: Readonly<Record<RotationStep, readonly RotationStep[]>> = {
  started: ['created', 'rollingBack'],
  created: ['fileWritten', 'rollingBack'],
  fileWritten: ['verified', 'rollingBack'],
  // The old key may fail to deactivate: the rotation ends with both keys active (said so).
  verified: ['oldDeactivated', 'done'],
  oldDeactivated: ['oldDeleted', 'done'],
  oldDeleted: ['done'],
  rollingBack: ['rolledBack'],
  rolledBack: [],
  done: [],
};

export function isFinished(step: RotationStep): boolean {
  return NEXT_STEPS[step].length === 0;
}

export class IllegalRotationStep extends Error {}

/** The record at its next step; throws on a step the machine doesn't allow from here. */
export function advance(record: RotationRecord, step: RotationStep, now: Date, patch: Partial<Pick<RotationRecord, 'newAccessKeyId' | 'note'>> = {}): RotationRecord {
  if (!NEXT_STEPS[record.step].includes(step)) throw new IllegalRotationStep(`rotation ${record.id}: ${record.step} → ${step} is not a step`);
  if (step === 'created' && !(patch.newAccessKeyId ?? record.newAccessKeyId)) throw new IllegalRotationStep('created needs the new key ID');
  return { ...record, ...patch, step, updatedAt: now.toISOString() };
}

/** Throws when a value about to be stored holds a secret (belt and braces: the type has no field for one). */
export function assertNoSecret(value: unknown): void {
  if (value instanceof SecretText) throw new Error('a secret must not be stored in the rotation journal');
  if (value && typeof value === 'object') for (const inner of Object.values(value)) assertNoSecret(inner);
}

const FILE_PATTERN = JOURNAL_FILE_PATTERN;

/** One JSON file per rotation in a directory (the extension's global storage in the editor). */
export class RotationJournal {
  constructor(private readonly dir: string) {}

  fileOf(id: string): string {
    return path.join(this.dir, `rotation-${id}.json`);
  }

  async save(record: RotationRecord): Promise<void> {
    assertNoSecret(record);
    await fs.mkdir(this.dir, { recursive: true });
    await writeFileAtomic(this.fileOf(record.id), JSON.stringify(record, null, 2) + '\n');
  }

  async remove(id: string): Promise<void> {
    await fs.rm(this.fileOf(id), { force: true });
  }

  /** The stored record with this ID, read now; undefined when there is none (finished and removed). */
  async get(id: string): Promise<RotationRecord | undefined> {
    let text: string;
    try {
      text = await fs.readFile(this.fileOf(id), 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
    return parseRecord(text);
  }

  /** Every stored rotation, oldest first; unreadable files are skipped and reported. */
  async list(): Promise<{ records: RotationRecord[]; unreadable: string[] }> {
    let names: string[];
    try {
      names = await fs.readdir(this.dir);
    } catch {
      return { records: [], unreadable: [] };
    }
    const records: RotationRecord[] = [];
    const unreadable: string[] = [];
    for (const name of names.filter((n) => FILE_PATTERN.test(n))) {
      try {
        records.push(parseRecord(await fs.readFile(path.join(this.dir, name), 'utf8')));
      } catch {
        unreadable.push(name);
      }
    }
    records.sort((a, b) => a.startedAt.localeCompare(b.startedAt));
    return { records, unreadable };
  }
}

function parseRecord(text: string): RotationRecord {
  const parsed = JSON.parse(text) as RotationRecord;
  if (typeof parsed.id !== 'string' || !Object.hasOwn(NEXT_STEPS, parsed.step)) throw new Error('not a rotation record');
  return parsed;
}
