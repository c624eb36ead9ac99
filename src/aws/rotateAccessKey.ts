// Rotates the static key of one profile in the shared credentials file, so that in every
// failure the user keeps a working key and no key is left that nobody knows about:
//   1. GetCallerIdentity with the old key; ListAccessKeys for that user (two keys: stop, or with
//      makeRoom delete the other one when it is Inactive — makeRoom.ts);
//   2. journal "started", (make room: DeleteAccessKey other, "roomMade"), CreateAccessKey, "created";
//   3. rewrite the key lines of every profile holding the old key (one atomic write, 0600,
//      backup), journal "fileWritten";
//   4. GetCallerIdentity with the new key, retried while it propagates, journal "verified";
//   5. UpdateAccessKey old → Inactive; with deleteOld, DeleteAccessKey.
// The order of the steps is the table in src/core/rotationJournal.ts (STEP_TABLE): the walk asks
// it where each step leads and does that step's work. IAM calls are signed with the key in the
// file (the new one once written), or with `authProfile` when given; verify always signs with
// the new key itself.
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
import { readKeysFromFile, backupPathOf, fileMentionsKey, profilesWithKey, writeProfileKeys } from '../core/credentialsFileStore';
import { advance, forwardStep, isFinished, RECORD_VERSION, unreadableRecordsMessage, type RotationJournal, type RotationRecord, type RotationStep } from '../core/rotationJournal';
import type { AccessKey, CallerIdentity } from '../core/types';
import type { KeyPair } from './connection';
import { classifyError } from './errors';
import type { IamApi } from './iamApi';
import type { CreatedAccessKey, IamWriteApi } from './iamWriteApi';
import { decideRoom, type OtherKey } from './makeRoom';
import type { CredentialKind } from './profiles';
import { toolRotation } from './toolManagedProfile';
import { englishText, type Translate } from '../core/translate';

export type KeyPairApi = Pick<IamApi, 'getCallerIdentity' | 'listAllAccessKeys' | 'getAccessKeyLastUsed'> & IamWriteApi;

export interface RotationDeps {
  /** An API signed with exactly this key pair; released with dispose(). */
  connect(keyPair: KeyPair): { readonly api: KeyPairApi; dispose(): void };
  /** An API signed with a profile's own credentials (`authProfile`); released with dispose(). */
  connectProfile?(profile: string): { readonly api: KeyPairApi; dispose(): void };
  /**
   * The profile has an MFA device: every IAM call of the rotation signs with the old key's
   * connection (its MFA session, one code), not a new connection per step (a new key would ask again).
   */
  readonly mfaSigned?: boolean;
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
  /** Translates every message the user is told (vscode.l10n.t in the editor); English by default. */
  readonly t?: Translate;
}

export interface RotationRequest {
  readonly profile: string;
  readonly credentialsFile: string;
  readonly deleteOld: boolean;
  /** With two keys already: delete the other one first when it is Inactive (never when Active). */
  readonly makeRoom?: boolean;
  /** The profile that signs the IAM calls (an admin); the rotated profile's key still signs verify. */
  readonly authProfile?: string;
  /** How the profile gets its credentials (from the config files). */
  readonly profileKind: CredentialKind | undefined;
  /** Its credential_process command line, if any (aws-vault or Granted keep the key: their own rotate command is offered). */
  readonly credentialProcess?: string;
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
  /** The other key, deleted to make room (IAM allows two). */
  readonly deletedAccessKeyId?: string;
  /** Every profile of the file that held the old key and now holds the new one. */
  readonly updatedProfiles: readonly string[];
}

export type RotationOutcome =
  | { readonly kind: 'rotated'; readonly result: RotationResult; readonly message: string }
  /** The new key is in the file and works; the old one could not be deactivated (or deleted). */
  | { readonly kind: 'partly'; readonly result: Omit<RotationResult, 'oldKeyStatus'> & { oldKeyStatus: 'Active' | 'Inactive' }; readonly message: string }
  /** toolManaged: the profile's key is kept by aws-vault or Granted; `command` is that tool's own rotate command. */
  | { readonly kind: 'refused'; readonly message: string; readonly reason?: 'toolManaged'; readonly command?: string }
  /** Another rotation of the profile (or of its file) is running or just ran: nothing was done. */
  | { readonly kind: 'busy'; readonly message: string }
  /** canMakeRoom: the other key is Inactive and in no profile, so asking again with makeRoom deletes it. */
  | { readonly kind: 'two-keys'; readonly keys: readonly AccessKey[]; readonly userName: string; readonly other: OtherKey; readonly canMakeRoom: boolean; readonly message: string }
  | { readonly kind: 'rolled-back'; readonly message: string }
  /** Undo could not finish: the journal keeps it for the next start, the message says what is where. */
  | { readonly kind: 'failed'; readonly message: string };

/** A refusal before anything is sent: the reason, and for a tool-managed profile the tool's own rotate command. */
export function refusalOf(request: Pick<RotationRequest, 'profile' | 'profileKind' | 'environmentKeys' | 'credentialProcess'>, t: Translate = englishText): Extract<RotationOutcome, { kind: 'refused' }> | undefined {
  const tool = request.profileKind === 'credential process' && !request.environmentKeys ? toolRotation(request.credentialProcess) : undefined;
  if (tool) {
    return {
      kind: 'refused',
      reason: 'toolManaged',
      command: tool.command,
      message: t('The profile {0} gets its keys from {1}, which keeps the key in its own store: rotate it with "{2}" (in a terminal).', request.profile, tool.tool, tool.command),
    };
  }
  const message = refusalReason(request, t);
  return message === undefined ? undefined : { kind: 'refused', message };
}

/** Why a profile can't be rotated here, or undefined when it can. */
export function refusalReason(request: Pick<RotationRequest, 'profile' | 'profileKind' | 'environmentKeys'>, t: Translate = englishText): string | undefined {
  if (request.environmentKeys) return t('AWS_ACCESS_KEY_ID is set in the environment: its key wins over any profile, so rotating a profile would not change the key in use. Rotate it where it is set.');
  if (!request.profile) return t('No profile is named: rotation rewrites one profile in the credentials file.');
  switch (request.profileKind) {
    case undefined:
      return t('The profile {0} is not in the AWS config or credentials files.', request.profile);
    case 'static keys':
      return undefined;
    case 'SSO':
      return t('The profile {0} signs in with SSO: its credentials are temporary and issued by IAM Identity Center, there is no access key to rotate.', request.profile);
    case 'credential process':
      return t('The profile {0} gets its keys from credential_process: rotate them in the tool that process runs.', request.profile);
    default:
      return t('The profile {0} gets its credentials by {1}, not from static keys in the credentials file.', request.profile, request.profileKind);
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
  const t = deps.t ?? englishText;
  const refusal = refusalOf(request, t);
  if (refusal) return refusal;
  const running = `${request.credentialsFile}\n${request.profile}`;
  if (rotating.has(running)) {
    return { kind: 'busy', message: t('A rotation of {0} is in progress; this one was not started (nothing was changed). Its own message says how it ended.', request.profile) };
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
      return { kind: 'busy', message: t('A rotation of {0} is in progress in another window; this one was not started (nothing was changed).', request.profile) };
    }
    return {
      kind: 'busy',
      message: t(
        'A rotation of a profile in {0} is in progress (in this or another window) and did not end within {1} s; {2} was not rotated (nothing was changed). Try again once it has finished.',
        request.credentialsFile,
        Math.round((deps.lockWaitMs ?? DEFAULT_LOCK_WAIT_MS) / 1000),
        request.profile,
      ),
    };
  } finally {
    rotating.delete(running);
  }
}

async function rotateHoldingLock(request: RotationRequest, keyBeforeWait: string, lock: CredentialsFileLock, deps: RotationDeps): Promise<RotationOutcome> {
  const t = deps.t ?? englishText;
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
      message: t(
        'A rotation of {0} was in progress (in another window) and finished while this one waited: {0} now uses {1} instead of {2}. This rotation was not started (nothing was changed).',
        request.profile,
        oldPair.accessKeyId,
        keyBeforeWait,
      ),
    };
  }
  if (!oldPair.accessKeyId.startsWith('AKIA')) {
    return { kind: 'refused', message: t('The profile {0} holds a temporary key ({1}); only long-term IAM user keys (AKIA…) can be rotated.', request.profile, oldPair.accessKeyId) };
  }
  const profiles = await profilesWithKey(request.credentialsFile, oldPair.accessKeyId);
  if (request.authProfile !== undefined && profiles.includes(request.authProfile)) {
    return {
      kind: 'refused',
      message: t('The authProfile {0} holds the key being rotated ({1}); leave authProfile out to sign with that key itself, or name a profile with another key.', request.authProfile, oldPair.accessKeyId),
    };
  }
  if (request.authProfile !== undefined && !deps.connectProfile) throw new Error('authProfile needs connectProfile');
  const old = deps.connect({ accessKeyId: oldPair.accessKeyId, secret: oldPair.secret });
  const auth = request.authProfile !== undefined ? deps.connectProfile?.(request.authProfile) : undefined;
  const iam = auth?.api ?? old.api;
  try {
    let identity: CallerIdentity;
    try {
      identity = await old.api.getCallerIdentity();
    } catch (error) {
      return { kind: 'refused', message: t('The key in {0} does not work now ({1}); nothing was changed.', request.profile, errorText(error)) };
    }
    const userName = userNameOf(identity.Arn);
    if (!userName) {
      return {
        kind: 'refused',
        message: t('The key in {0} belongs to {1}, not an IAM user; the root user should have no access keys: delete it in the IAM console instead.', request.profile, identity.Arn),
      };
    }
    let keys: AccessKey[];
    try {
      keys = await iam.listAllAccessKeys(userName, { pageSize: 100 });
    } catch (error) {
      const message =
        request.authProfile !== undefined
          ? t('The keys of {0} could not be listed with the authProfile {1} ({2}); nothing was changed.', userName, request.authProfile, errorText(error))
          : t('The keys of {0} could not be listed with the key in {1} ({2}); nothing was changed.', userName, request.profile, errorText(error));
      return { kind: 'refused', message };
    }
    const room = await decideRoom({
      keys,
      oldAccessKeyId: oldPair.accessKeyId,
      userName,
      makeRoom: request.makeRoom === true,
      lastUsed: (id) => iam.getAccessKeyLastUsed(id),
      inCredentialsFile: (id) => fileMentionsKey(request.credentialsFile, id),
      errorText,
      t,
    });
    if (room.kind === 'full') return { kind: 'two-keys', keys, userName, other: room.other, canMakeRoom: room.canMakeRoom, message: room.message };
    const now = deps.now().toISOString();
    const record: RotationRecord = {
      version: RECORD_VERSION,
      id: randomUUID(),
      profile: request.profile,
      credentialsFile: request.credentialsFile,
      userName,
      oldAccessKeyId: oldPair.accessKeyId,
      keysBefore: keys.map((k) => k.AccessKeyId),
      deleteOld: request.deleteOld,
      ...(room.kind === 'makeRoom' ? { makeRoomKeyId: room.other.accessKeyId } : {}),
      ...(profiles.length > 1 ? { profiles } : {}),
      ...(request.authProfile !== undefined ? { authProfile: request.authProfile } : {}),
      step: 'started',
      startedAt: now,
      updatedAt: now,
    };
    return await new Rotation(record, deps, lock, false, deps.mfaSigned && !auth ? old.api : undefined).run();
  } finally {
    old.dispose();
    auth?.dispose();
  }
}

/** Finishes or undoes every rotation the journal holds (at start-up), each under its file's lock. */
export async function recoverRotations(deps: RotationDeps): Promise<RotationOutcome[]> {
  const t = deps.t ?? englishText;
  const { records, unreadable } = await deps.journal.list();
  const outcomes: RotationOutcome[] = [];
  const unreadableMessage = unreadableRecordsMessage(unreadable, t);
  if (unreadableMessage) outcomes.push({ kind: 'failed', message: unreadableMessage });
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
        outcomes.push({ kind: 'busy', message: t('A rotation of {0} is in progress in another window; it was left to that window (the journal keeps it in case that window closes).', listed.profile) });
      } else {
        outcomes.push({ kind: 'failed', message: t('An interrupted rotation of {0} could not be picked up ({1}); it will be tried again at the next start.', listed.profile, errorText(error)) });
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
  private readonly t: Translate;

  constructor(
    private record: RotationRecord,
    private readonly deps: RotationDeps,
    private readonly lock: CredentialsFileLock,
    /** Picked up from the journal: the step in the record may have half happened. */
    private readonly resumed: boolean,
    /** Signs every IAM call when given (the old key's MFA session). */
    private readonly signer?: KeyPairApi,
  ) {
    this.t = deps.t ?? englishText;
  }

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
    const t = this.t;
    const inFile = await this.fileKeyId().catch((error: unknown) => t('nothing readable ({0})', errorText(error)));
    let inIam: string;
    try {
      const keys = await this.listKeysWithAnyKnownKey();
      inIam = keys.map((k) => `${k.AccessKeyId} ${k.Status}`).join(', ') || t('no key');
    } catch (error) {
      inIam = t('unreadable ({0})', errorText(error));
    }
    this.found = t('Found at start: the journal at "{0}", {1} holding {2} in the file, IAM keys of {3}: {4}.', r.step, r.profile, inFile, r.userName, inIam);
    this.deps.log?.(`rotation ${r.id} (${r.profile}): ${this.found}`);
  }

  /** The user's keys, signed with the file's key, else (a new key IAM has not propagated yet) with the old key from the backup. */
  private async listKeysWithAnyKnownKey(): Promise<AccessKey[]> {
    const r = this.record;
    try {
      return await (await this.iam()).listAllAccessKeys(r.userName, { pageSize: 100 });
    } catch (error) {
      const backup = await readKeysFromFile(backupPathOf(r.credentialsFile), r.profile).catch(() => undefined);
      if (backup?.accessKeyId !== r.oldAccessKeyId) throw error;
      return this.connect(backup).listAllAccessKeys(r.userName, { pageSize: 100 });
    }
  }

  /** Follows the journal's table (STEP_TABLE) from the record's step until the rotation ends. */
  private async walk(): Promise<RotationOutcome> {
    for (;;) {
      const r = this.record;
      if (r.step === 'rollingBack') return this.undo(r.note ?? this.t('it was being undone'));
      if (r.step === 'done') return this.finished();
      if (r.step === 'rolledBack') {
        await this.deps.journal.remove(r.id);
        const note = r.note ?? '';
        return { kind: 'rolled-back', message: this.resumed ? this.t('An interrupted rotation of {0} was undone: {1}', r.profile, note) : this.t('Rotation of {0} was undone: {1}', r.profile, note) };
      }
      const to = forwardStep(r);
      if (!to) throw new Error(`rotation ${r.id}: no step leads on from ${r.step}`);
      const stop = await this.enter(to);
      if (stop) return stop;
    }
  }

  /** Does the work that leads to `to` and saves it; an outcome when the rotation ends early (undone, or finished partly). */
  private async enter(to: RotationStep): Promise<RotationOutcome | undefined> {
    switch (to) {
      case 'roomMade':
        return this.makeRoom();
      case 'created':
        return this.createKey();
      case 'fileWritten':
        return this.writeFile();
      case 'verified': {
        const problem = await this.verifyNewKey();
        if (problem) return this.undo(problem);
        await this.step('verified');
        return undefined;
      }
      case 'oldDeactivated':
        return this.deactivateOld();
      case 'oldDeleted':
        return this.deleteOld();
      case 'done':
        await this.step('done');
        return undefined;
      default:
        throw new Error(`rotation ${this.record.id}: ${to} is not reached by work`);
    }
  }

  /** The new key's secret, in memory only between CreateAccessKey and the file write. */
  private created?: CreatedAccessKey;

  private async makeRoom(): Promise<RotationOutcome | undefined> {
    const r = this.record;
    // Resumed at "started": whether the delete happened is unknown; undo says what it finds.
    if (this.resumed) return this.undo(this.t('it stopped while making room'));
    const other = r.makeRoomKeyId ?? '';
    try {
      await (await this.iam()).deleteAccessKey(other, r.userName);
    } catch (error) {
      return this.undo(this.t('the other key {0} could not be deleted to make room: {1}', other, errorText(error)));
    }
    await this.step('roomMade');
    return undefined;
  }

  private async createKey(): Promise<RotationOutcome | undefined> {
    const r = this.record;
    if (this.resumed) return this.undo(this.t('it stopped while the new key was being created'));
    try {
      this.created = await (await this.iam()).createAccessKey(r.userName);
    } catch (error) {
      return this.undo(this.t('CreateAccessKey failed: {0}', errorText(error)));
    }
    await this.step('created', { newAccessKeyId: this.created.key.AccessKeyId });
    return undefined;
  }

  private async writeFile(): Promise<RotationOutcome | undefined> {
    const r = this.record;
    const created = this.created;
    this.created = undefined;
    if (!created) {
      // Resumed at "created": the file is the truth about whether the write happened.
      if ((await this.fileKeyId()) !== r.newAccessKeyId) return this.undo(this.t('it stopped before the new key was written to the credentials file'));
    } else {
      try {
        const write = this.deps.writeKeys ?? writeProfileKeys;
        await write(this.lock, this.profiles(), { accessKeyId: created.key.AccessKeyId, secret: created.secret }, { backup: true });
      } catch (error) {
        return this.undo(this.t('the credentials file could not be written: {0}', errorText(error)));
      }
    }
    await this.step('fileWritten');
    return undefined;
  }

  private async deactivateOld(): Promise<RotationOutcome | undefined> {
    const r = this.record;
    // Read again: the old key is deactivated only while the file holds the new one.
    const inFile = await this.fileKeyId();
    if (inFile !== r.newAccessKeyId) return this.keepFileAsItIs(inFile);
    if (await fileMentionsKey(r.credentialsFile, r.oldAccessKeyId)) {
      return this.endPartlyActive(
        this.t('the new key {0} is in the file and works, but the old key {1} is still written elsewhere in the credentials file (another profile holds it), so it was left Active.', r.newAccessKeyId ?? '', r.oldAccessKeyId),
      );
    }
    try {
      await (await this.iam()).updateAccessKey(r.oldAccessKeyId, 'Inactive', r.userName);
    } catch (error) {
      return this.endPartlyActive(
        this.t('the new key {0} is in the file and works, but the old key {1} could not be deactivated ({2}): it is still Active — deactivate it in the explorer.', r.newAccessKeyId ?? '', r.oldAccessKeyId, errorText(error)),
      );
    }
    await this.step('oldDeactivated');
    return undefined;
  }

  private async deleteOld(): Promise<RotationOutcome | undefined> {
    const r = this.record;
    const held = await fileMentionsKey(r.credentialsFile, r.oldAccessKeyId);
    try {
      if (held) throw new Error(this.t('a profile in the credentials file holds it'));
      await (await this.iam()).deleteAccessKey(r.oldAccessKeyId, r.userName);
    } catch (error) {
      const note = this.t('the old key {0} is Inactive but could not be deleted ({1}).', r.oldAccessKeyId, errorText(error));
      const newId = r.newAccessKeyId ?? '';
      return this.endPartly(
        'Inactive',
        note,
        this.resumed
          ? this.t('An interrupted rotation of {0} finished: the new key {1} is in use; {2}', r.profile, newId, note)
          : this.t('Rotation of {0} finished: the new key {1} is in use; {2}', r.profile, newId, note),
      );
    }
    await this.step('oldDeleted');
    return undefined;
  }

  /** Ends at "done" with the old key left Active (the note says why). */
  private endPartlyActive(note: string): Promise<RotationOutcome> {
    const profile = this.record.profile;
    return this.endPartly('Active', note, this.resumed ? this.t('An interrupted rotation of {0} finished only partly: {1}', profile, note) : this.t('Rotation of {0} finished only partly: {1}', profile, note));
  }

  /** Ends at "done" with the old key left in `status`: the journal keeps the note, the user is told the message. */
  private async endPartly(status: 'Active' | 'Inactive', note: string, message: string): Promise<RotationOutcome> {
    await this.step('done', { note });
    await this.deps.journal.remove(this.record.id);
    return { kind: 'partly', result: this.result(status), message };
  }

  private async finished(): Promise<RotationOutcome> {
    const r = this.record;
    await this.deps.journal.remove(r.id);
    const status = r.deleteOld ? 'Deleted' : 'Inactive';
    const profiles = this.profiles();
    const t = this.t;
    const where = profiles.length > 1 ? t('{0} (every profile that held the old key)', profiles.join(', ')) : r.profile;
    const madeRoom = r.makeRoomKeyId ? ` ${t('{0} (Inactive) was deleted to make room.', r.makeRoomKeyId)}` : '';
    const args = [r.profile, r.newAccessKeyId ?? '', where, r.oldAccessKeyId] as const;
    let done: string;
    if (this.resumed) {
      done =
        status === 'Deleted'
          ? t('An interrupted rotation of {0} was finished: {1} is now in {2}; the old key {3} is deleted.', ...args)
          : t('An interrupted rotation of {0} was finished: {1} is now in {2}; the old key {3} is Inactive.', ...args);
    } else {
      done = status === 'Deleted' ? t('Rotation of {0} done: {1} is now in {2}; the old key {3} is deleted.', ...args) : t('Rotation of {0} done: {1} is now in {2}; the old key {3} is Inactive.', ...args);
    }
    return {
      kind: 'rotated',
      result: { ...this.result('Inactive'), oldKeyStatus: status },
      message: `${done}${madeRoom}`,
    };
  }

  /** The profiles this rotation rewrites: every one that held the old key. */
  private profiles(): readonly string[] {
    return this.record.profiles ?? [this.record.profile];
  }

  /**
   * After "verified" the file no longer holds the new key (the user put the old one back, or
   * wrote another): nothing is deactivated, the file is left as it is, and this rotation's key
   * goes unless a profile holds it. verified → done (the journal's table has no undo after verify).
   */
  private async keepFileAsItIs(inFile: string): Promise<RotationOutcome> {
    const r = this.record;
    const t = this.t;
    const deleted = await this.deleteOwnNewKey();
    const note = t('the credentials file holds {0} for {1}, not the new key {2}, so nothing was deactivated and the file was left as it is. {3}', inFile, r.profile, r.newAccessKeyId ?? '', deleted);
    await this.step('done', { note });
    await this.deps.journal.remove(r.id);
    return { kind: 'rolled-back', message: this.resumed ? t('An interrupted rotation of {0} was not finished: {1}', r.profile, note) : t('Rotation of {0} was not finished: {1}', r.profile, note) };
  }

  /** Deletes the key this rotation's CreateAccessKey returned, if it still exists and no profile in the file holds it; says what happened. */
  private async deleteOwnNewKey(): Promise<string> {
    const r = this.record;
    const newId = r.newAccessKeyId;
    const api = await this.iam();
    const keys = await api.listAllAccessKeys(r.userName, { pageSize: 100 });
    if (!newId) {
      // CreateAccessKey's answer never came: a key that appeared since may be its key, or someone else's.
      const unknown = keys.filter((k) => !r.keysBefore.includes(k.AccessKeyId));
      if (unknown.length === 0) return '';
      return this.t(
        'IAM now also has {0}, which {1} did not have when the rotation started; it was left as it is: if it was made by this rotation (its answer was lost), nobody has its secret — delete it in the explorer unless someone else made it.',
        unknown.map((k) => `${k.AccessKeyId} (${k.Status})`).join(', '),
        r.userName,
      );
    }
    if (!keys.some((k) => k.AccessKeyId === newId)) return this.t('The new key {0} no longer exists.', newId);
    if (await fileMentionsKey(r.credentialsFile, newId)) return this.t('The new key {0} is kept: the credentials file holds it.', newId);
    await api.deleteAccessKey(newId, r.userName);
    return this.t('The new key {0} was deleted.', newId);
  }

  /** Puts the old key back into the file if it holds this rotation's new key, and deletes that key (only that one). */
  private async undo(reason: string): Promise<RotationOutcome> {
    const r = this.record;
    const t = this.t;
    if (r.step !== 'rollingBack') await this.step('rollingBack', { note: reason });
    try {
      let inFile = await this.fileKeyId();
      const holdingNew = r.newAccessKeyId ? (await profilesWithKey(r.credentialsFile, r.newAccessKeyId)).filter((p) => this.profiles().includes(p)) : [];
      if (holdingNew.length > 0) {
        const backup = await readKeysFromFile(backupPathOf(r.credentialsFile), r.profile);
        if (backup.accessKeyId !== r.oldAccessKeyId) throw new Error(t('the backup holds {0}, not the old key {1}', backup.accessKeyId, r.oldAccessKeyId));
        const write = this.deps.writeKeys ?? writeProfileKeys;
        await write(this.lock, holdingNew, backup, { backup: false });
        inFile = await this.fileKeyId();
      }
      const deleted = await this.deleteOwnNewKey();
      const roomNote = await this.madeRoomNote();
      await this.step('rolledBack');
      await this.deps.journal.remove(r.id);
      const who = this.profiles().length > 1 ? this.profiles().join(', ') : r.profile;
      let holds: string;
      if (inFile !== r.oldAccessKeyId) holds = t('{0} holds {1} (written by someone else), left as it is.', r.profile, inFile);
      else holds = this.profiles().length > 1 ? t('{0} still use {1}.', who, r.oldAccessKeyId) : t('{0} still uses {1}.', who, r.oldAccessKeyId);
      const undone = this.resumed ? t('An interrupted rotation of {0} was undone because {1}. {2}', r.profile, reason, holds) : t('Rotation of {0} was undone because {1}. {2}', r.profile, reason, holds);
      return { kind: 'rolled-back', message: `${undone}${deleted ? ` ${deleted}` : ''}${roomNote}` };
    } catch (error) {
      const inFile = await this.fileKeyId().catch(() => t('an unreadable key'));
      const newKey = r.newAccessKeyId ? t('the new key {0} may still exist', r.newAccessKeyId) : t('a new key may exist');
      const args = [r.profile, errorText(error), reason, inFile, newKey] as const;
      return {
        kind: 'failed',
        message: this.resumed
          ? t('An interrupted rotation of {0} could not be undone ({1}) after {2}. {0} holds {3}; {4}. It will be tried again at the next start.', ...args)
          : t('Rotation of {0} could not be undone ({1}) after {2}. {0} holds {3}; {4}. It will be tried again at the next start.', ...args),
      };
    }
  }

  /** For an undo after make room: whether the other key is gone (undo never recreates a deleted key). */
  private async madeRoomNote(): Promise<string> {
    const other = this.record.makeRoomKeyId;
    if (!other) return '';
    const keys = await (await this.iam()).listAllAccessKeys(this.record.userName, { pageSize: 100 });
    if (keys.some((k) => k.AccessKeyId === other)) return ` ${this.t('{0} (the other key) was not deleted.', other)}`;
    return ` ${this.t('{0}, deleted to make room, is not brought back: undo never recreates a deleted key.', other)}`;
  }

  /** GetCallerIdentity with the key now in the file, retried while IAM propagates it. */
  private async verifyNewKey(): Promise<string | undefined> {
    const r = this.record;
    const deadline = this.deps.now().getTime() + this.deps.verifyTimeoutMs;
    let wait = this.deps.verifyIntervalMs;
    const t = this.t;
    let last = t('no attempt');
    for (let attempt = 1; ; attempt++) {
      try {
        const pair = await readKeysFromFile(r.credentialsFile, r.profile);
        if (pair.accessKeyId !== r.newAccessKeyId) return t('the credentials file no longer holds the new key (it has {0})', pair.accessKeyId);
        const identity = await this.connect(pair).getCallerIdentity();
        if (userNameOf(identity.Arn) !== r.userName) return t('the new key signs as {0}, not {1}', identity.Arn, r.userName);
        this.deps.log?.(`rotation ${r.id}: new key verified on attempt ${attempt}`);
        return undefined;
      } catch (error) {
        last = errorText(error);
      }
      if (this.deps.now().getTime() + wait > deadline) return t('the new key did not work within {0} s ({1})', Math.round(this.deps.verifyTimeoutMs / 1000), last);
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
      ...(r.makeRoomKeyId ? { deletedAccessKeyId: r.makeRoomKeyId } : {}),
      updatedProfiles: this.profiles(),
    };
  }

  private async fileKeyId(): Promise<string> {
    return (await readKeysFromFile(this.record.credentialsFile, this.record.profile)).accessKeyId;
  }

  /** What signs the IAM calls: the authProfile when the rotation has one, else the key in the file. */
  private async iam(): Promise<KeyPairApi> {
    if (this.signer) return this.signer;
    const authProfile = this.record.authProfile;
    if (authProfile === undefined) return this.withFileKey();
    if (!this.deps.connectProfile) throw new Error('authProfile needs connectProfile');
    if (!this.auth) {
      const connection = this.deps.connectProfile(authProfile);
      this.connections.push(connection);
      this.auth = connection.api;
    }
    return this.auth;
  }

  private auth?: KeyPairApi;

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
