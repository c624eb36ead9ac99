// Rotates the static key of one profile in the shared credentials file, so that in every
// failure the user keeps a working key and no key is left that nobody knows about:
//   1. GetCallerIdentity with the old key; ListAccessKeys for that user (two keys: stop);
//   2. journal "started", CreateAccessKey, journal "created";
//   3. rewrite the profile's two key lines (atomic, 0600, backup), journal "fileWritten";
//   4. GetCallerIdentity with the new key, retried while it propagates, journal "verified";
//   5. UpdateAccessKey old → Inactive (signed with the new key); with deleteOld, DeleteAccessKey.
// Undo: file write fails → delete the new key; verify never succeeds → old key back into the
// file, delete the new key. A lost CreateAccessKey answer: any key not there before is deleted
// (its secret is gone). recoverRotations() picks up what a closed editor left in the journal.
import { randomUUID } from 'node:crypto';
import { readKeysFromFile, backupPathOf, writeProfileKeys } from '../core/credentialsFileStore';
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

export async function rotateAccessKey(request: RotationRequest, deps: RotationDeps): Promise<RotationOutcome> {
  const refusal = refusalReason(request);
  if (refusal) return { kind: 'refused', message: refusal };
  let oldPair;
  try {
    oldPair = await readKeysFromFile(request.credentialsFile, request.profile);
  } catch (error) {
    return { kind: 'refused', message: `${errorText(error)} (${request.credentialsFile})` };
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
    return await new Rotation(record, deps, false).run();
  } finally {
    old.dispose();
  }
}

/** Finishes or undoes every rotation the journal holds (at start-up). */
export async function recoverRotations(deps: RotationDeps): Promise<RotationOutcome[]> {
  const { records } = await deps.journal.list();
  const outcomes: RotationOutcome[] = [];
  for (const record of records) {
    if (isFinished(record.step)) {
      await deps.journal.remove(record.id);
      continue;
    }
    outcomes.push(await new Rotation(record, deps, true).run());
  }
  return outcomes;
}

/** One rotation walking its steps from wherever its record is. */
class Rotation {
  private connections: Array<{ dispose(): void }> = [];

  constructor(
    private record: RotationRecord,
    private readonly deps: RotationDeps,
    /** Picked up from the journal: the step in the record may have half happened. */
    private readonly resumed: boolean,
  ) {}

  async run(): Promise<RotationOutcome> {
    try {
      if (!this.resumed) await this.save(this.record);
      return await this.walk();
    } finally {
      for (const c of this.connections) c.dispose();
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
            await write(r().credentialsFile, r().profile, { accessKeyId: created.key.AccessKeyId, secret: created.secret }, { backup: true });
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
          try {
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

  /** Puts the old key back into the file if the new one is there, and deletes every key the rotation made. */
  private async undo(reason: string): Promise<RotationOutcome> {
    const r = this.record;
    const prefix = this.resumed ? `An interrupted rotation of ${r.profile} ` : `Rotation of ${r.profile} `;
    if (r.step !== 'rollingBack') await this.step('rollingBack', { note: reason });
    try {
      const inFile = await this.fileKeyId();
      if (inFile !== r.oldAccessKeyId) {
        const backup = await readKeysFromFile(backupPathOf(r.credentialsFile), r.profile);
        if (backup.accessKeyId !== r.oldAccessKeyId) throw new Error(`the backup holds ${backup.accessKeyId}, not the old key ${r.oldAccessKeyId}`);
        const write = this.deps.writeKeys ?? writeProfileKeys;
        await write(r.credentialsFile, r.profile, backup, { backup: false });
      }
      // The old key signs the clean-up; any key the user didn't have before was made by us.
      const api = await this.withFileKey();
      const keys = await api.listAllAccessKeys(r.userName, { pageSize: 100 });
      const strays = keys.filter((k) => !r.keysBefore.includes(k.AccessKeyId));
      for (const stray of strays) await api.deleteAccessKey(stray.AccessKeyId, r.userName);
      await this.step('rolledBack');
      await this.deps.journal.remove(r.id);
      const deleted = strays.length > 0 ? ` The new key ${strays.map((k) => k.AccessKeyId).join(', ')} was deleted.` : '';
      return { kind: 'rolled-back', message: `${prefix}was undone because ${reason}. ${r.profile} still uses ${r.oldAccessKeyId}.${deleted}` };
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
