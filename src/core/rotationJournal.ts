// The journal of a key rotation: which step it reached, persisted (atomically) before and
// after each change in AWS or on disk, so a rotation cut short (editor closed, crash) is found
// at the next start and finished or undone. It holds key IDs only: a secret is never stored
// here — the new secret lives only in the credentials file, the old one only in its backup.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { writeFileAtomic } from './atomicFile';
import { isSecretText } from './secretText';
import { JOURNAL_FILE_PATTERN } from './journalFileName';
import { readTextIfExists } from './readTextIfExists';
import { englishText, type Translate } from './translate';

export type RotationStep =
  | 'started' // about to call CreateAccessKey (its answer may be lost: the new key ID is unknown)
  | 'roomMade' // make room: the other (Inactive) key named in the record was deleted first
  | 'created' // the new key exists; the file still holds the old one
  | 'fileWritten' // the file holds the new key (the backup the old one)
  | 'verified' // the new key signed GetCallerIdentity
  | 'oldDeactivated'
  | 'oldDeleted'
  | 'done'
  | 'rollingBack' // undoing: the file gets the old key back, the new key is deleted
  | 'rolledBack';

/** The record format written now; a record from a newer release is reported as unreadable, not guessed at. */
export const RECORD_VERSION = 2;

export interface RotationRecord {
  /** The format (absent in records from before versions: read as 1, a subset of 2). */
  readonly version?: number;
  readonly id: string;
  readonly profile: string;
  readonly credentialsFile: string;
  readonly userName: string;
  readonly oldAccessKeyId: string;
  /** The user's keys before the rotation: any other key found later was made by it. */
  readonly keysBefore: readonly string[];
  readonly newAccessKeyId?: string;
  readonly deleteOld: boolean;
  /** Make room: the user's other (Inactive) key, deleted before CreateAccessKey. Undo never recreates it. */
  readonly makeRoomKeyId?: string;
  /** Every profile of the file that held the old key, rewritten together (absent: `profile` alone). */
  readonly profiles?: readonly string[];
  /** The profile whose credentials sign the IAM calls (absent: the rotated key itself). */
  readonly authProfile?: string;
  readonly step: RotationStep;
  readonly startedAt: string;
  readonly updatedAt: string;
  /** Why the rotation is being undone, or what went wrong after the new key was in place. */
  readonly note?: string;
}

/**
 * One way out of a step. `forward`: where the step's work leads when it succeeds (the first
 * forward one whose `when` holds for the record); `exit`: ends the rotation early, said so;
 * `undo`: starts undoing. The walk in src/aws/rotateAccessKey.ts follows this table and
 * nothing else, and advance() refuses any transition not in it.
 */
export interface StepTransition {
  readonly to: RotationStep;
  readonly kind: 'forward' | 'exit' | 'undo';
  readonly when?: (record: RotationRecord) => boolean;
}

export const STEP_TABLE: Readonly<Record<RotationStep, readonly StepTransition[]>> = {
  started: [
    { to: 'roomMade', kind: 'forward', when: (r) => r.makeRoomKeyId !== undefined },
    { to: 'created', kind: 'forward' },
    { to: 'rollingBack', kind: 'undo' },
  ],
  roomMade: [
    { to: 'created', kind: 'forward' },
    { to: 'rollingBack', kind: 'undo' },
  ],
  created: [
    { to: 'fileWritten', kind: 'forward' },
    { to: 'rollingBack', kind: 'undo' },
  ],
  fileWritten: [
    { to: 'verified', kind: 'forward' },
    { to: 'rollingBack', kind: 'undo' },
  ],
  // The old key may fail to deactivate: the rotation ends with both keys active (said so).
  verified: [
    { to: 'oldDeactivated', kind: 'forward' },
    { to: 'done', kind: 'exit' },
  ],
  oldDeactivated: [
    { to: 'oldDeleted', kind: 'forward', when: (r) => r.deleteOld },
    { to: 'done', kind: 'forward' },
  ],
  oldDeleted: [{ to: 'done', kind: 'forward' }],
  rollingBack: [{ to: 'rolledBack', kind: 'forward' }],
  rolledBack: [],
  done: [],
};

/** Steps each step may go to; terminal steps go nowhere. */
export const NEXT_STEPS: Readonly<Record<RotationStep, readonly RotationStep[]>> = Object.fromEntries(
  Object.entries(STEP_TABLE).map(([step, transitions]) => [step, transitions.map((t) => t.to)]),
) as unknown as Record<RotationStep, readonly RotationStep[]>;

export function isFinished(step: RotationStep): boolean {
  return NEXT_STEPS[step].length === 0;
}

/** Where the record's step leads when its work succeeds; undefined at a final step. */
export function forwardStep(record: RotationRecord): RotationStep | undefined {
  return STEP_TABLE[record.step].find((t) => t.kind === 'forward' && (t.when?.(record) ?? true))?.to;
}

export class IllegalRotationStep extends Error {}

type Patch = Partial<Pick<RotationRecord, 'newAccessKeyId' | 'note'>>;

/** The record at its next step; throws on a step the machine doesn't allow from here. */
export function advance(record: RotationRecord, step: RotationStep, now: Date, patch: Patch = {}): RotationRecord {
  if (!NEXT_STEPS[record.step].includes(step)) throw new IllegalRotationStep(`rotation ${record.id}: ${record.step} → ${step} is not a step`);
  if (step === 'created' && !(patch.newAccessKeyId ?? record.newAccessKeyId)) throw new IllegalRotationStep('created needs the new key ID');
  if (step === 'roomMade' && !record.makeRoomKeyId) throw new IllegalRotationStep('roomMade needs the key that made room');
  return { ...record, ...patch, step, updatedAt: now.toISOString() };
}

/** Throws when a value about to be stored holds a secret (belt and braces: the type has no field for one). */
export function assertNoSecret(value: unknown): void {
  if (isSecretText(value)) throw new Error('a secret must not be stored in the rotation journal');
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
    record = { ...record, version: RECORD_VERSION };
    await fs.mkdir(this.dir, { recursive: true });
    await writeFileAtomic(this.fileOf(record.id), JSON.stringify(record, null, 2) + '\n');
  }

  async remove(id: string): Promise<void> {
    await fs.rm(this.fileOf(id), { force: true });
  }

  /** The stored record with this ID, read now; undefined when there is none (finished and removed). */
  async get(id: string): Promise<RotationRecord | undefined> {
    const text = await readTextIfExists(this.fileOf(id));
    return text === undefined ? undefined : parseRecord(text);
  }

  /** Every stored rotation, oldest first; the paths of files that could not be read are returned for the user to see. */
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
        unreadable.push(path.join(this.dir, name));
      }
    }
    records.sort((a, b) => a.startedAt.localeCompare(b.startedAt));
    unreadable.sort();
    return { records, unreadable };
  }
}

function parseRecord(text: string): RotationRecord {
  const parsed = JSON.parse(text) as RotationRecord;
  if (typeof parsed.id !== 'string' || !Object.hasOwn(NEXT_STEPS, parsed.step)) throw new Error('not a rotation record');
  const version = parsed.version ?? 1;
  if (!Number.isInteger(version) || version < 1 || version > RECORD_VERSION) throw new Error(`rotation record version ${String(parsed.version)} is not one this release reads`);
  return parsed;
}

/** What the user is told about journal files that could not be read (they are kept, not acted on). */
export function unreadableRecordsMessage(files: readonly string[], t: Translate = englishText): string | undefined {
  if (files.length === 0) return undefined;
  if (files.length === 1) {
    return t('1 journal record could not be read: {0}. Nothing was done with it: check the keys of the profiles that were being rotated, then delete the file.', files[0]);
  }
  return t('{0} journal records could not be read: {1}. Nothing was done with them: check the keys of the profiles that were being rotated, then delete the files.', files.length, files.join(', '));
}
