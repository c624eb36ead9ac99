// Rotates the static key of one profile in the shared credentials file, so that in every
// failure the user keeps a working key and no key is left that nobody knows about:
//   1. GetCallerIdentity with the old key; ListAccessKeys for that user (two keys: stop);
//   2. journal "started", CreateAccessKey, journal "created";
//   3. rewrite the profile's two key lines (atomic, 0600, backup), journal "fileWritten";
//   4. GetCallerIdentity with the new key, retried while it propagates, journal "verified";
//   5. UpdateAccessKey old → Inactive (signed with the new key); with deleteOld, DeleteAccessKey.
// One rotation per credentials file at a time, across windows: the whole rotation holds the
// file's lock (credentialsFileLock.ts). A second rotation of the same profile (this window, or
// another one: the lock's holder note names the profile) is told at once that one is in
// progress; any other waits for the lock, and if the profile's key changed meanwhile it is told
// so and does nothing.
// Undo: the file gets the old key back if it holds this rotation's new key; the only key ever
// deleted is the one this rotation's CreateAccessKey returned (recorded in the journal), and
// never while any profile in the file holds it. A lost CreateAccessKey answer leaves an unknown
// key: it is named to the user, not deleted (someone else may have made it).
// recoverRotations() picks up what a closed editor left in the journal, re-reading the file
// and IAM before acting and saying what it found.
import { randomUUID } from 'node:crypto';
import { CredentialsFileBusy, LOCK_STALE_MS, withCredentialsFileLock, type CredentialsFileLock } from '../core/credentialsFileLock';
import { readKeysFromFile, backupPathOf, fileMentionsKey, writeProfileKeys } from '../core/credentialsFileStore';
import { advance, isFinished, type RotationJournal, type RotationRecord, type RotationStep } from '../core/rotationJournal';
import type { AccessKey, CallerIdentity } from '../core/types';
import type { KeyPair } from './connection';
import { classifyError } from './errors';
import type { IamApi } from './iamApi';
import type { IamWriteApi } from './iamWriteApi';
import type { CredentialKind } from './profiles';

export type KeyPairApi = Pick<IamApi, 'getCallerIdentity' | 'listAllAccessKeys'> & IamWriteApi;

export interface RotationDeps {
  /** An API signed with exactly this key pair; released with dispose(). */
  connect(keyPair: KeyPair): { readonly api: KeyPairApi; dispose(): void };
  readonly journal: RotationJournal;
  readonly now: () => Date;
  readonly sleep: (ms: number) => Promise<void>;
  /** How long the new key may take to work (IAM is eventually consistent); about 30 s. */
  readonly verifyTimeoutMs: number;
  /** First wait between verify attempts; doubles up to 2 s. */
  readonly verifyIntervalMs: number;
  /** How long a rotation waits for another one of the same file (another window, another profile); default 2 min. */
  readonly lockWaitMs?: number;
  /** Called after each journal save (tests cut the rotation short here). */
  readonly afterStep?: (step: RotationStep) => Promise<void> | void;
  /** The file writer (tests make it fail); defaults to writeProfileKeys. */
  readonly writeKeys?: typeof writeProfileKeys;
  readonly log?: (message: string) => void;
}

export interface RotationRequest {
  readonly profile: string;
  readonly credentialsFile: string;
  readonly deleteOld: boolean;
  /** How the profile gets its credentials (from the config files). */
  readonly profileKind: CredentialKind | undefined;
  /** Keys in AWS_ACCESS_KEY_ID would win over any profile: rotating the file would change nothing used. */
  readonly environmentKeys: boolean;
}

export interface RotationResult {
  readonly profile: string;
  readonly credentialsFile: string;
  readonly oldAccessKeyId: string;
  readonly newAccessKeyId: string;
  readonly oldKeyStatus: 'Inactive' | 'Deleted';
  readonly verified: true;
}

export type RotationOutcome =
  | { readonly kind: 'rotated'; readonly result: RotationResult; readonly message: string }
  /** The new key is in the file and works; the old one could not be deactivated (or deleted). */
  | { readonly kind: 'partly'; readonly result: Omit<RotationResult, 'oldKeyStatus'> & { oldKeyStatus: 'Active' | 'Inactive' }; readonly message: string }
  | { readonly kind: 'refused'; readonly message: string }
  /** Another rotation of the profile (or of its file) is running or just ran: nothing was done. */
  | { readonly kind: 'busy'; readonly message: string }
  | { readonly kind: 'two-keys'; readonly keys: readonly AccessKey[]; readonly userName: string; readonly message: string }
  | { readonly kind: 'rolled-back'; readonly message: string }
  /** Undo could not finish: the journal keeps it for the next start, the message says what is where. */
  | { readonly kind: 'failed'; readonly message: string };

/** Why a profile can't be rotated here, or undefined when it can. */
export function refusalReason(request: Pick<RotationRequest, 'profile' | 'profileKind' | 'environmentKeys'>): string | undefined {
  if (request.environmentKeys) return 'AWS_ACCESS_KEY_ID is set in the environment: its key wins over any profile, so rotating a profile would not change the key in use. Rotate it where it is set.';
  if (!request.profile) return 'No profile is named: rotation rewrites one profile in the credentials file.';
  switch (request.profileKind) {
    case undefined:
      return `The profile ${request.profile} is not in the AWS config or credentials files.`;
    case 'static keys':
      return undefined;
    case 'SSO':
      return `The profile ${request.profile} signs in with SSO: its credentials are temporary and issued by IAM Identity Center, there is no access key to rotate.`;
    case 'credential process':
      return `The profile ${request.profile} gets its keys from credential_process: rotate them in the tool that process runs.`;
    default:
      return `The profile ${request.profile} gets its credentials by ${request.profileKind}, not from static keys in the credentials file.`;
  }
}

// Capped low: a propagation of a few seconds should not cost a 5 s overshoot (GetCallerIdentity is cheap).
const VERIFY_MAX_INTERVAL_MS = 2000;
/** Long enough for another rotation of the file to run to its end (verify alone may take 30 s). */
const DEFAULT_LOCK_WAIT_MS = 120_000;
/** At start-up a lock a crashed editor left goes stale after LOCK_STALE_MS: wait a little longer. */
const RECOVERY_LOCK_WAIT_MS = LOCK_STALE_MS + 5_000;

/** Profiles being rotated by this process ("file\nprofile"): a second click is answered at once. */
const rotating = new Set<string>();

export async function rotateAccessKey(request: RotationRequest, deps: RotationDeps): Promise<RotationOutcome> {
  const refusal = refusalReason(request);
  if (refusal) return { kind: 'refused', message: refusal };
  const running = `${request.credentialsFile}\n${request.profile}`;
  if (rotating.has(running)) {
    return { kind: 'busy', message: `A rotation of ${request.profile} is in progress; this one was not started (nothing was changed). Its own message says how it ended.` };
  }
  rotating.add(running);
  try {
    let before;
    try {
      before = await readKeysFromFile(request.credentialsFile, request.profile);
    } catch (error) {
      return { kind: 'refused', message: `${errorText(error)} (${request.credentialsFile})` };
    }
    const waitMs = deps.lockWaitMs ?? DEFAULT_LOCK_WAIT_MS;
    const holder = JSON.stringify({ rotating: request.profile });
    return await withCredentialsFileLock(request.credentialsFile, (lock) => rotateHoldingLock(request, before.accessKeyId, lock, deps), {
      waitMs,
      log: deps.log,
      holder,
      // Another window rotating this very profile: say so now rather than rotate it twice.
      stopFor: (held) => held === holder,
    });
  } catch (error) {
    if (!(error instanceof CredentialsFileBusy)) throw error;
    if (error.holder !== undefined) {
      return { kind: 'busy', message: `A rotation of ${request.profile} is in progress in another window; this one was not started (nothing was changed).` };
    }
    return {
      kind: 'busy',
      message: `A rotation of a profile in ${request.credentialsFile} is in progress (in this or another window) and did not end within ${Math.round((deps.lockWaitMs ?? DEFAULT_LOCK_WAIT_MS) / 1000)} s; ${request.profile} was not rotated (nothing was changed). Try again once it has finished.`,
    };
  } finally {
    rotating.delete(running);
  }
}

async function rotateHoldingLock(request: RotationRequest, keyBeforeWait: string, lock: CredentialsFileLock, deps: RotationDeps): Promise<RotationOutcome> {
  let oldPair;
  try {
    oldPair = await readKeysFromFile(request.credentialsFile, request.profile);
  } catch (error) {
    return { kind: 'refused', message: `${errorText(error)} (${request.credentialsFile})` };
  }
  if (oldPair.accessKeyId !== keyBeforeWait) {
    // Another window rotated this profile while this one waited for the lock.
    return {
      kind: 'busy',
      message: `A rotation of ${request.profile} was in progress (in another window) and finished while this one waited: ${request.profile} now uses ${oldPair.accessKeyId} instead of ${keyBeforeWait}. This rotation was not started (nothing was changed).`,
    };
  }
  if (!oldPair.accessKeyId.startsWith('AKIA')) {
    return { kind: 'refused', message: `The profile ${request.profile} holds a temporary key (${oldPair.accessKeyId}); only long-term IAM user keys (AKIA…) can be rotated.` };
  }
  const old = deps.connect({ accessKeyId: oldPair.accessKeyId, secret: oldPair.secret });
  try {
    let identity: CallerIdentity;
    try {
      identity = await old.api.getCallerIdentity();
    } catch (error) {
      return { kind: 'refused', message: `The key in ${request.profile} does not work now (${errorText(error)}); nothing was changed.` };
    }
    const userName = userNameOf(identity.Arn);
    if (!userName) {
      return { kind: 'refused', message: `The key in ${request.profile} belongs to ${identity.Arn}, not an IAM user; the root user should have no access keys: delete it in the IAM console instead.` };
    }
    let keys: AccessKey[];
    try {
      keys = await old.api.listAllAccessKeys(userName, { pageSize: 100 });
    } catch (error) {
      return { kind: 'refused', message: `The keys of ${userName} could not be listed (${errorText(error)}); nothing was changed.` };
    }
    if (keys.length >= 2) {
      return {
        kind: 'two-keys',
        keys,
        userName,
        message: `${userName} already has two access keys (${keys.map((k) => `${k.AccessKeyId} ${k.Status}`).join(', ')}), the most IAM allows. Delete the one not in use first.`,
      };
    }
    const now = deps.now().toISOString();
    const record: RotationRecord = {
      id: randomUUID(),
      profile: request.profile,
      credentialsFile: request.credentialsFile,
      userName,
      oldAccessKeyId: oldPair.accessKeyId,
      keysBefore: keys.map((k) => k.AccessKeyId),
      deleteOld: request.deleteOld,
      step: 'started',
      startedAt: now,
      updatedAt: now,
    };
    return await new Rotation(record, deps, lock, false).run();
  } finally {
    old.dispose();
  }
}

/** Finishes or undoes every rotation the journal holds (at start-up), each under its file's lock. */
export async function recoverRotations(deps: RotationDeps): Promise<RotationOutcome[]> {
  const { records } = await deps.journal.list();
  const outcomes: RotationOutcome[] = [];
  for (const listed of records) {
    if (isFinished(listed.step)) {
      await deps.journal.remove(listed.id);
      continue;
    }
    try {
      const outcome = await withCredentialsFileLock(
        listed.credentialsFile,
        async (lock) => {
          // Read again under the lock: the window that owned it may have finished it meanwhile.
          const record = await deps.journal.get(listed.id);
          if (!record) {
            deps.log?.(`rotation ${listed.id} (${listed.profile}): finished by its own window meanwhile; nothing to recover`);
            return undefined;
          }
          if (isFinished(record.step)) {
            await deps.journal.remove(record.id);
            return undefined;
          }
          return new Rotation(record, deps, lock, true).run();
        },
        { waitMs: deps.lockWaitMs ?? RECOVERY_LOCK_WAIT_MS, log: deps.log },
      );
      if (outcome) outcomes.push(outcome);
    } catch (error) {
      if (error instanceof CredentialsFileBusy) {
        outcomes.push({ kind: 'busy', message: `A rotation of ${listed.profile} is in progress in another window; it was left to that window (the journal keeps it in case that window closes).` });
      } else {
        outcomes.push({ kind: 'failed', message: `An interrupted rotation of ${listed.profile} could not be picked up (${errorText(error)}); it will be tried again at the next start.` });
      }
    }
  }
  return outcomes;
}

/** One rotation walking its steps from wherever its record is, holding its file's lock. */
class Rotation {
  private connections: Array<{ dispose(): void }> = [];
  /** What a resumed rotation found in the file and IAM, told to the user with its outcome. */
  private found = '';

  constructor(
    private record: RotationRecord,
    private readonly deps: RotationDeps,
    private readonly lock: CredentialsFileLock,
    /** Picked up from the journal: the step in the record may have half happened. */
    private readonly resumed: boolean,
  ) {}

  async run(): Promise<RotationOutcome> {
    try {
      if (this.resumed) await this.describeWhatIsThere();
      else await this.save(this.record);
      const outcome = await this.walk();
      return this.found ? { ...outcome, message: `${outcome.message} ${this.found}` } : outcome;
    } finally {
      for (const c of this.connections) c.dispose();
    }
  }

  /** The file's key and the user's keys in IAM, read before a resumed rotation acts (logged, and told). */
  private async describeWhatIsThere(): Promise<void> {
    const r = this.record;
    const inFile = await this.fileKeyId().catch((error: unknown) => `nothing readable (${errorText(error)})`);
    let inIam: string;
    try {
      const keys = await this.listKeysWithAnyKnownKey();
      inIam = keys.map((k) => `${k.AccessKeyId} ${k.Status}`).join(', ') || 'no key';
    } catch (error) {
      inIam = `unreadable (${errorText(error)})`;
    }
    this.found = `Found at start: the journal at "${r.step}", ${r.profile} holding ${inFile} in the file, IAM keys of ${r.userName}: ${inIam}.`;
    this.deps.log?.(`rotation ${r.id} (${r.profile}): ${this.found}`);
  }

  /** The user's keys, signed with the file's key, else (a new key IAM has not propagated yet) with the old key from the backup. */
  private async listKeysWithAnyKnownKey(): Promise<AccessKey[]> {
    const r = this.record;
    try {
      return await (await this.withFileKey()).listAllAccessKeys(r.userName, { pageSize: 100 });
    } catch (error) {
      const backup = await readKeysFromFile(backupPathOf(r.credentialsFile), r.profile).catch(() => undefined);
      if (backup?.accessKeyId !== r.oldAccessKeyId) throw error;
      return this.connect(backup).listAllAccessKeys(r.userName, { pageSize: 100 });
    }
  }

  private async walk(): Promise<RotationOutcome> {
    const r = (): RotationRecord => this.record;
    const prefix = this.resumed ? `An interrupted rotation of ${r().profile} ` : `Rotation of ${r().profile} `;
    for (;;) {
      switch (r().step) {
        case 'started': {
          if (this.resumed) return this.undo('it stopped while the new key was being created');
          let created;
          try {
            created = await (await this.withFileKey()).createAccessKey(r().userName);
          } catch (error) {
            return this.undo(`CreateAccessKey failed: ${errorText(error)}`);
          }
          await this.step('created', { newAccessKeyId: created.key.AccessKeyId });
          try {
            const write = this.deps.writeKeys ?? writeProfileKeys;
            await write(this.lock, r().profile, { accessKeyId: created.key.AccessKeyId, secret: created.secret }, { backup: true });
          } catch (error) {
            return this.undo(`the credentials file could not be written: ${errorText(error)}`);
          }
          await this.step('fileWritten');
          break;
        }
        case 'created': {
          // Resumed only: the file is the truth about whether the write happened.
          const inFile = await this.fileKeyId();
          if (inFile === r().newAccessKeyId) await this.step('fileWritten');
          else return this.undo('it stopped before the new key was written to the credentials file');
          break;
        }
        case 'fileWritten': {
          const problem = await this.verifyNewKey();
          if (problem) return this.undo(problem);
          await this.step('verified');
          break;
        }
        case 'verified': {
          // Read again: the old key is deactivated only while the file holds the new one.
          const inFile = await this.fileKeyId();
          if (inFile !== r().newAccessKeyId) return this.keepFileAsItIs(inFile);
          if (await fileMentionsKey(r().credentialsFile, r().oldAccessKeyId)) {
            const note = `the new key ${r().newAccessKeyId} is in the file and works, but the old key ${r().oldAccessKeyId} is still written elsewhere in the credentials file (another profile holds it), so it was left Active.`;
            await this.step('done', { note });
            await this.deps.journal.remove(r().id);
            return { kind: 'partly', result: this.result('Active'), message: `${prefix}finished only partly: ${note}` };
          }
          try {
            await (await this.withFileKey()).updateAccessKey(r().oldAccessKeyId, 'Inactive', r().userName);
          } catch (error) {
            const note = `the new key ${r().newAccessKeyId} is in the file and works, but the old key ${r().oldAccessKeyId} could not be deactivated (${errorText(error)}): it is still Active — deactivate it in the explorer.`;
            await this.step('done', { note });
            await this.deps.journal.remove(r().id);
            return { kind: 'partly', result: this.result('Active'), message: `${prefix}finished only partly: ${note}` };
          }
          await this.step('oldDeactivated');
          break;
        }
        case 'oldDeactivated': {
          if (!r().deleteOld) {
            await this.step('done');
            break;
          }
          const held = await fileMentionsKey(r().credentialsFile, r().oldAccessKeyId);
          try {
            if (held) throw new Error('a profile in the credentials file holds it');
            await (await this.withFileKey()).deleteAccessKey(r().oldAccessKeyId, r().userName);
          } catch (error) {
            const note = `the old key ${r().oldAccessKeyId} is Inactive but could not be deleted (${errorText(error)}).`;
            await this.step('done', { note });
            await this.deps.journal.remove(r().id);
            return { kind: 'partly', result: this.result('Inactive'), message: `${prefix}finished: the new key ${r().newAccessKeyId} is in use; ${note}` };
          }
          await this.step('oldDeleted');
          break;
        }
        case 'oldDeleted':
          await this.step('done');
          break;
        case 'done': {
          await this.deps.journal.remove(r().id);
          const status = r().deleteOld ? 'Deleted' : 'Inactive';
          return {
            kind: 'rotated',
            result: { ...this.result('Inactive'), oldKeyStatus: status },
            message: `${prefix}${this.resumed ? 'was finished' : 'done'}: ${r().newAccessKeyId} is now in ${r().profile}; the old key ${r().oldAccessKeyId} is ${status === 'Deleted' ? 'deleted' : 'Inactive'}.`,
          };
        }
        case 'rollingBack':
          return this.undo(r().note ?? 'it was being undone');
        case 'rolledBack':
          await this.deps.journal.remove(r().id);
          return { kind: 'rolled-back', message: `${prefix}was undone: ${r().note ?? ''}` };
      }
    }
  }

  /**
   * After "verified" the file no longer holds the new key (the user put the old one back, or
   * wrote another): nothing is deactivated, the file is left as it is, and this rotation's key
   * goes unless a profile holds it. verified → done (the journal's table has no undo after verify).
   */
  private async keepFileAsItIs(inFile: string): Promise<RotationOutcome> {
    const r = this.record;
    const prefix = this.resumed ? `An interrupted rotation of ${r.profile} ` : `Rotation of ${r.profile} `;
    const deleted = await this.deleteOwnNewKey();
    const note = `the credentials file holds ${inFile} for ${r.profile}, not the new key ${r.newAccessKeyId}, so nothing was deactivated and the file was left as it is. ${deleted}`;
    await this.step('done', { note });
    await this.deps.journal.remove(r.id);
    return { kind: 'rolled-back', message: `${prefix}was not finished: ${note}` };
  }

  /** Deletes the key this rotation's CreateAccessKey returned, if it still exists and no profile in the file holds it; says what happened. */
  private async deleteOwnNewKey(): Promise<string> {
    const r = this.record;
    const newId = r.newAccessKeyId;
    const api = await this.withFileKey();
    const keys = await api.listAllAccessKeys(r.userName, { pageSize: 100 });
    if (!newId) {
      // CreateAccessKey's answer never came: a key that appeared since may be its key, or someone else's.
      const unknown = keys.filter((k) => !r.keysBefore.includes(k.AccessKeyId));
      if (unknown.length === 0) return '';
      return `IAM now also has ${unknown.map((k) => `${k.AccessKeyId} (${k.Status})`).join(', ')}, which ${r.userName} did not have when the rotation started; it was left as it is: if it was made by this rotation (its answer was lost), nobody has its secret — delete it in the explorer unless someone else made it.`;
    }
    if (!keys.some((k) => k.AccessKeyId === newId)) return `The new key ${newId} no longer exists.`;
    if (await fileMentionsKey(r.credentialsFile, newId)) return `The new key ${newId} is kept: the credentials file holds it.`;
    await api.deleteAccessKey(newId, r.userName);
    return `The new key ${newId} was deleted.`;
  }

  /** Puts the old key back into the file if it holds this rotation's new key, and deletes that key (only that one). */
  private async undo(reason: string): Promise<RotationOutcome> {
    const r = this.record;
    const prefix = this.resumed ? `An interrupted rotation of ${r.profile} ` : `Rotation of ${r.profile} `;
    if (r.step !== 'rollingBack') await this.step('rollingBack', { note: reason });
    try {
      let inFile = await this.fileKeyId();
      if (r.newAccessKeyId && inFile === r.newAccessKeyId) {
        const backup = await readKeysFromFile(backupPathOf(r.credentialsFile), r.profile);
        if (backup.accessKeyId !== r.oldAccessKeyId) throw new Error(`the backup holds ${backup.accessKeyId}, not the old key ${r.oldAccessKeyId}`);
        const write = this.deps.writeKeys ?? writeProfileKeys;
        await write(this.lock, r.profile, backup, { backup: false });
        inFile = await this.fileKeyId();
      }
      const deleted = await this.deleteOwnNewKey();
      await this.step('rolledBack');
      await this.deps.journal.remove(r.id);
      const holds = inFile === r.oldAccessKeyId ? `${r.profile} still uses ${r.oldAccessKeyId}.` : `${r.profile} holds ${inFile} (written by someone else), left as it is.`;
      return { kind: 'rolled-back', message: `${prefix}was undone because ${reason}. ${holds}${deleted ? ` ${deleted}` : ''}` };
    } catch (error) {
      return {
        kind: 'failed',
        message: `${prefix}could not be undone (${errorText(error)}) after ${reason}. ${r.profile} holds ${await this.fileKeyId().catch(() => 'an unreadable key')}; ${r.newAccessKeyId ? `the new key ${r.newAccessKeyId} may still exist` : 'a new key may exist'}. It will be tried again at the next start.`,
      };
    }
  }

  /** GetCallerIdentity with the key now in the file, retried while IAM propagates it. */
  private async verifyNewKey(): Promise<string | undefined> {
    const r = this.record;
    const deadline = this.deps.now().getTime() + this.deps.verifyTimeoutMs;
    let wait = this.deps.verifyIntervalMs;
    let last = 'no attempt';
    for (let attempt = 1; ; attempt++) {
      try {
        const pair = await readKeysFromFile(r.credentialsFile, r.profile);
        if (pair.accessKeyId !== r.newAccessKeyId) return `the credentials file no longer holds the new key (it has ${pair.accessKeyId})`;
        const identity = await this.connect(pair).getCallerIdentity();
        if (userNameOf(identity.Arn) !== r.userName) return `the new key signs as ${identity.Arn}, not ${r.userName}`;
        this.deps.log?.(`rotation ${r.id}: new key verified on attempt ${attempt}`);
        return undefined;
      } catch (error) {
        last = errorText(error);
      }
      if (this.deps.now().getTime() + wait > deadline) return `the new key did not work within ${Math.round(this.deps.verifyTimeoutMs / 1000)} s (${last})`;
      await this.deps.sleep(wait);
      wait = Math.min(wait * 2, VERIFY_MAX_INTERVAL_MS);
    }
  }

  private result(oldKeyStatus: 'Active' | 'Inactive'): RotationResult & { oldKeyStatus: 'Active' | 'Inactive' } {
    const r = this.record;
    return {
      profile: r.profile,
      credentialsFile: r.credentialsFile,
      oldAccessKeyId: r.oldAccessKeyId,
      newAccessKeyId: r.newAccessKeyId ?? '',
      oldKeyStatus: oldKeyStatus as 'Inactive',
      verified: true,
    };
  }

  private async fileKeyId(): Promise<string> {
    return (await readKeysFromFile(this.record.credentialsFile, this.record.profile)).accessKeyId;
  }

  /** An API signed with whatever key the file holds now (the new key once written, else the old). */
  private async withFileKey(): Promise<KeyPairApi> {
    return this.connect(await readKeysFromFile(this.record.credentialsFile, this.record.profile));
  }

  private connect(pair: KeyPair): KeyPairApi {
    const connection = this.deps.connect({ accessKeyId: pair.accessKeyId, secret: pair.secret });
    this.connections.push(connection);
    return connection.api;
  }

  private async step(step: RotationStep, patch: Partial<Pick<RotationRecord, 'newAccessKeyId' | 'note'>> = {}): Promise<void> {
    await this.save(advance(this.record, step, this.deps.now(), patch));
  }

  private async save(record: RotationRecord): Promise<void> {
    await this.deps.journal.save(record);
    this.record = record;
    this.deps.log?.(`rotation ${record.id} (${record.profile}): ${record.step}`);
    await this.deps.afterStep?.(record.step);
  }
}

/** The user name in an IAM user ARN (arn:aws:iam::123:user/path/name); undefined for root and roles. */
export function userNameOf(arn: string): string | undefined {
  const m = /^arn:[^:]+:iam::\d+:user\/(?:.*\/)?([^/]+)$/.exec(arn);
  return m?.[1];
}

function errorText(error: unknown): string {
  if (error instanceof Error && !('$metadata' in error) && !('$fault' in error) && !(error as { code?: unknown }).code) return error.message;
  const c = classifyError(error);
  return c.code ? `${c.code}: ${c.message}` : c.message;
}
