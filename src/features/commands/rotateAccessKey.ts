// Rotate Access Key…: the orchestrator of src/aws/rotateAccessKey.ts with the editor around it —
// the switch, a confirmation unless `confirm: true`, progress, the message, and afterwards the
// profile's session reconnects (its key changed) and cached facts about both keys are dropped.
// recoverInterruptedRotations() runs at activation for rotations a closed editor cut short.
import * as vscode from 'vscode';
import { connectProfileForWrites } from '../../aws/profileWriteApi';
import type { MfaSigning } from '../../aws/connection';
import { recoverRotations, rotateAccessKey as rotate, type RotationDeps, type RotationOutcome, type RotationResult } from '../../aws/rotateAccessKey';
import { credentialsFilePath } from '../../core/credentialsFileStore';
import { RotationJournal, unreadableRecordsMessage } from '../../core/rotationJournal';
import { host } from '../host';
import { resourceOfKind } from '../../model/rowResource';
import type { CommandDeps } from '../../commands/deps';
import { confirmMakeRoom, offerToolRotation } from './rotationOffers';
import { keyChanged } from './writeAccess';

const MAX_ATTEMPTS = 3;

/** `mfa`: the rotated profile has an MFA device; its IAM calls sign with a GetSessionToken session. */
export function rotationDeps(deps: Pick<CommandDeps, 'settings' | 'log' | 'journalDir'>, mfa?: MfaSigning): RotationDeps {
  const s = deps.settings.current;
  return {
    connect: (keyPair) =>
      host().createKeyPairConnection({ profile: '', region: s.region, endpoint: s.endpoint, requestTimeoutMs: s.requestTimeoutMs, maxAttempts: MAX_ATTEMPTS }, keyPair, mfa ? { mfaSession: mfa } : {}),
    mfaSigned: mfa !== undefined,
    connectProfile: (profile) => connectProfileForWrites(host().createConnection, { profile, region: s.region, endpoint: s.endpoint, requestTimeoutMs: s.requestTimeoutMs, maxAttempts: MAX_ATTEMPTS }),
    journal: new RotationJournal(deps.journalDir),
    now: () => new Date(),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    verifyTimeoutMs: 30_000,
    verifyIntervalMs: 500,
    log: (message) => deps.log.info(message),
    t: (message, ...args) => vscode.l10n.t(message, ...args),
  };
}

/** What the argument form answers when it was refused for a reason a script can act on. */
export type RotationRefusal =
  | { readonly refused: 'toolManaged'; readonly command: string; readonly message: string }
  | { readonly refused: 'twoKeys'; readonly otherAccessKeyId: string; readonly otherStatus: string; readonly canMakeRoom: boolean; readonly message: string };

export async function rotateAccessKey(arg: unknown, deps: CommandDeps): Promise<RotationResult | RotationRefusal | undefined> {
  const what = vscode.l10n.t('Rotate Access Key');
  if (deps.settings.current.endpointError) {
    void vscode.window.showErrorMessage(deps.settings.current.endpointError);
    return undefined;
  }
  const given = (typeof arg === 'object' && arg !== null && !(arg instanceof vscode.TreeItem) ? arg : {}) as {
    profile?: unknown;
    deleteOld?: unknown;
    confirm?: unknown;
    makeRoom?: unknown;
    authProfile?: unknown;
  };
  const fromRow = resourceOfKind(arg, 'ownKeys', 'key')?.session.profile;
  let profile = fromRow ?? (typeof given.profile === 'string' ? given.profile : undefined);
  const profiles = await host().listProfiles();
  if (profile === undefined) {
    const picked = await vscode.window.showQuickPick(
      profiles.filter((p) => p.kind === 'static keys').map((p) => ({ label: p.name, description: p.kind })),
      { title: what, placeHolder: vscode.l10n.t('Profile whose access key to rotate') },
    );
    if (!picked) return undefined;
    profile = picked.label;
  }
  const deleteOld = given.deleteOld === true;
  if (given.confirm !== true) {
    const go = vscode.l10n.t('Rotate');
    const choice = await vscode.window.showWarningMessage(
      vscode.l10n.t('Rotate the access key of {0}?', profile || 'default'),
      {
        modal: true,
        // Names the key and the file, so the user knows what changes where.
        detail: vscode.l10n.t(
          'A new key is created and written into {0} (profile {1}); once it works, the old key {2} is {3}. Other programs using {2} stop working.',
          credentialsFilePath(),
          profile || 'default',
          (resourceOfKind(arg, 'key')?.key.AccessKeyId ?? (await deps.sessions.byProfile(profile))?.signingKeyId()) ?? vscode.l10n.t('(not known yet)'),
          deleteOld ? vscode.l10n.t('deleted') : vscode.l10n.t('deactivated'),
        ),
      },
      go,
    );
    if (choice !== go) return undefined;
  }
  const info = profiles.find((p) => p.name === profile);
  const authProfile = typeof given.authProfile === 'string' && given.authProfile !== '' ? given.authProfile : undefined;
  const serial = authProfile === undefined ? host().keyChangeMfaSerial(info) : undefined;
  // The code: the input box, or the argument's mfaCode (runCommand hands it to askMfaCode).
  const mfa: MfaSigning | undefined = serial === undefined ? undefined : { profile: profile ?? '', serial: async () => serial, code: host().askMfaCode };
  const run = (makeRoom: boolean): Thenable<RotationOutcome> =>
    vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Rotating the access key of {0}…', profile || 'default') }, () =>
      rotate(
        {
          profile: profile ?? '',
          credentialsFile: credentialsFilePath(),
          deleteOld,
          makeRoom,
          authProfile,
          profileKind: info?.kind,
          credentialProcess: info?.credentialProcess,
          environmentKeys: Boolean(process.env.AWS_ACCESS_KEY_ID),
        },
        rotationDeps(deps, mfa),
      ),
    );
  let outcome = await run(given.makeRoom === true);
  if (outcome.kind === 'two-keys' && outcome.canMakeRoom && given.confirm !== true) {
    if (!(await confirmMakeRoom(outcome))) return undefined;
    outcome = await run(true);
  }
  await afterRotation(outcome, deps);
  if (outcome.kind === 'rotated') return outcome.result;
  if (outcome.kind === 'refused' && outcome.reason === 'toolManaged' && outcome.command) return { refused: 'toolManaged', command: outcome.command, message: outcome.message };
  if (outcome.kind === 'two-keys') return { refused: 'twoKeys', otherAccessKeyId: outcome.other.accessKeyId, otherStatus: outcome.other.status, canMakeRoom: outcome.canMakeRoom, message: outcome.message };
  return undefined;
}

/** Finishes or undoes rotations left in the journal; only with the switch on (else says one waits). */
export async function recoverInterruptedRotations(deps: Pick<CommandDeps, 'settings' | 'log' | 'journalDir' | 'sessions' | 'explorer' | 'forgetHoverKey'>): Promise<RotationOutcome[]> {
  const journal = new RotationJournal(deps.journalDir);
  const { records, unreadable } = await journal.list();
  const unreadableMessage = unreadableRecordsMessage(unreadable, (message, ...args) => vscode.l10n.t(message, ...args));
  if (unreadableMessage && (records.length === 0 || !deps.settings.current.allowWriteActions)) {
    // Otherwise recoverRotations reports them with its outcomes.
    deps.log.warn(unreadableMessage);
    void vscode.window.showWarningMessage(unreadableMessage);
  }
  if (records.length === 0) return [];
  if (!deps.settings.current.allowWriteActions) {
    void vscode.window.showWarningMessage(
      vscode.l10n.t('A key rotation of {0} was interrupted. Turn on "iamKeys.allowWriteActions" and reload to finish or undo it.', records.map((r) => r.profile).join(', ')),
    );
    return [];
  }
  const outcomes = await recoverRotations(rotationDeps(deps));
  for (const outcome of outcomes) await afterRotation(outcome, deps);
  return outcomes;
}

async function afterRotation(outcome: RotationOutcome, deps: Pick<CommandDeps, 'log' | 'sessions' | 'explorer' | 'forgetHoverKey'>): Promise<void> {
  deps.log.info(`rotation: ${outcome.kind}: ${outcome.message}`);
  if (outcome.kind === 'refused' && outcome.reason === 'toolManaged') {
    void offerToolRotation(outcome);
    return;
  }
  const show = outcome.kind === 'rotated' ? vscode.window.showInformationMessage : outcome.kind === 'refused' || outcome.kind === 'two-keys' ? vscode.window.showErrorMessage : vscode.window.showWarningMessage;
  void show(outcome.message);
  if (outcome.kind === 'rotated' || outcome.kind === 'partly') {
    const { profile, oldAccessKeyId, newAccessKeyId } = outcome.result;
    for (const session of await deps.sessions.sessions()) {
      if (session.profile === profile) session.reconnect(); // its credentials changed
      session.forgetKey(oldAccessKeyId);
    }
    deps.forgetHoverKey?.(oldAccessKeyId);
    deps.forgetHoverKey?.(newAccessKeyId);
    deps.explorer.refresh();
  } else if (outcome.kind === 'rolled-back' || outcome.kind === 'failed') {
    deps.explorer.refresh();
  }
}

export { keyChanged };
