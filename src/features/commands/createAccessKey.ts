// Create Access Key…: the two-keys limit is checked first; the secret is then shown once (a
// modal with Copy; the clipboard is cleared after 30 s) or written straight into the named
// profile. It is never logged and never in the result. A profile name is checked first (the
// SDK's rule, profileName.ts), and a profile that exists is replaced only when the user
// confirmed it by name: `overwrite: "<profile>"` in the argument, or the modal's
// "Overwrite <profile>" button. The write holds the credentials file's lock and checks again.
// A person (palette, a row's menu) is asked first; the palette also asks which user (the
// signing identity first). Closing the secret dialog without Copy offers to delete or
// deactivate the key, whose secret is then gone. The user's lists reload with the new key.
import * as vscode from 'vscode';
import { classifyError } from '../../aws/errors';
import { inOperation } from '../../aws/operationError';
import { CredentialsFileBusy, withCredentialsFileLock } from '../../core/credentialsFileLock';
import { credentialsFilePath, existingProfileKey, ProfileExists, writeKeysIntoProfile } from '../../core/credentialsFileStore';
import { profileNameProblem } from '../../core/profileName';
import type { SecretText } from '../../core/secretText';
import type { CommandDeps } from '../../commands/deps';
import { keyChanged, operationOf, ownUserName } from './writeAccess';
import { keyListOfRow, sessionByProfile } from './targets';
import { pickOrType } from './pickOrType';

export interface CreatedKeyResult {
  readonly accessKeyId: string;
  readonly userName: string;
  readonly profile?: string;
  /** Set when the secret dialog was closed without Copy: what was done with the key then. */
  readonly secretNotKept?: 'deleted' | 'deactivated' | 'kept';
}

const CLIPBOARD_CLEAR_MS = 30_000;
/** A write waits this long for a rotation (or another window's write) of the same file. */
const WRITE_LOCK_WAIT_MS = 60_000;

export async function createAccessKey(arg: unknown, deps: CommandDeps): Promise<CreatedKeyResult | undefined> {
  const row = keyListOfRow(arg);
  const given = (row ? {} : typeof arg === 'object' && arg !== null ? arg : {}) as { userName?: unknown; profile?: unknown; connection?: unknown; overwrite?: unknown };
  if ((given.userName !== undefined && typeof given.userName !== 'string') || (given.profile !== undefined && typeof given.profile !== 'string')) {
    void vscode.window.showErrorMessage(vscode.l10n.t('userName and profile must be text.'));
    return undefined;
  }
  const profile = given.profile as string | undefined;
  const file = credentialsFilePath();
  let overwrite = false;
  if (profile !== undefined) {
    const problem = profileNameProblem(profile);
    if (problem) {
      void vscode.window.showErrorMessage(vscode.l10n.t('No key was created: {0}', problem));
      return undefined;
    }
    const existing = await existingProfileKey(file, profile);
    if (existing !== undefined) {
      overwrite = given.overwrite === profile || (given.overwrite === undefined && (await confirmOverwrite(profile, existing)));
      if (!overwrite) {
        if (given.overwrite !== undefined) void vscode.window.showErrorMessage(vscode.l10n.t('No key was created: the profile {0} exists; to replace its keys, pass overwrite: "{0}" (its name).', profile));
        return undefined;
      }
    }
  }
  const session = row ? row.session : await sessionByProfile(undefined, deps);
  if (!session) return undefined;
  const rowUser = row?.userName;
  // A person (palette or a row's menu) is asked; a caller passing an argument is not.
  const interactive = arg === undefined || row !== undefined;
  const named = (given.userName as string | undefined) ?? rowUser;
  const ownUser = named === undefined ? await ownUserName(session) : undefined;
  const userName = named ?? (arg === undefined ? await pickUser(ownUser) : ownUser);
  if (arg === undefined && userName === undefined) return undefined;
  if (!userName) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Name the user: the signing identity is not an IAM user.'));
    return undefined;
  }
  const keys = await inOperation(operationOf(session, 'iam:ListAccessKeys'), () => session.api.listAllAccessKeys(userName, { pageSize: 100 }));
  if (keys.length >= 2) {
    const explain = vscode.l10n.t('{0} already has two access keys ({1}), the most IAM allows. Deactivate and delete the one not in use first.', userName, keys.map((k) => `${k.AccessKeyId} ${k.Status}`).join(', '));
    void vscode.window.showWarningMessage(explain);
    return undefined;
  }
  if (interactive && !(await confirmCreate(userName, session.profile, profile))) return undefined;
  // The signing user's own key is made without UserName, as the CLI does.
  const userArgument = named === undefined && userName === ownUser ? undefined : userName;
  const created = await inOperation(operationOf(session, 'iam:CreateAccessKey'), () => session.writeApi.createAccessKey(userArgument));
  const accessKeyId = created.key.AccessKeyId;
  deps.log.info(`CreateAccessKey ${accessKeyId} for ${userName} (profile ${session.profile || 'default'})`);
  const shown = (): void => {
    // The user's lists load again, so the new key (or its new state) shows without a Refresh.
    for (const list of deps.explorer.keyListsOf(session, userName)) list.reset();
    keyChanged(deps, session, [accessKeyId], undefined);
  };
  shown();
  if (profile !== undefined) {
    try {
      await withCredentialsFileLock(file, (lock) => writeKeysIntoProfile(lock, profile, { accessKeyId, secret: created.secret }, { overwrite }), {
        waitMs: WRITE_LOCK_WAIT_MS,
        log: (message) => deps.log.warn(message),
      });
    } catch (error) {
      // Nobody could ever use a key whose secret was not kept: take it back.
      await session.writeApi.deleteAccessKey(accessKeyId, userName).catch(() => undefined);
      shown();
      const why = error instanceof ProfileExists ? vscode.l10n.t('the profile {0} was added meanwhile; nothing in it was replaced', profile) : writeFailure(error);
      void vscode.window.showErrorMessage(vscode.l10n.t('The new key could not be written to {0} ({1}); it was deleted again.', file, why));
      return undefined;
    }
    void vscode.window.showInformationMessage(vscode.l10n.t('{0} was created for {1} and written into the profile {2}.', accessKeyId, userName, profile));
    return { accessKeyId, userName, profile };
  }
  if (await showSecretOnce(accessKeyId, userName, created.secret)) return { accessKeyId, userName };
  const afterward = await secretLost(accessKeyId, userName, async (action) => {
    await inOperation(operationOf(session, action === 'deleted' ? 'iam:DeleteAccessKey' : 'iam:UpdateAccessKey'), () =>
      action === 'deleted' ? session.writeApi.deleteAccessKey(accessKeyId, userArgument) : session.writeApi.updateAccessKey(accessKeyId, 'Inactive', userArgument),
    );
    deps.log.info(`${action === 'deleted' ? 'DeleteAccessKey' : 'UpdateAccessKey'} ${accessKeyId} of ${userName} after its secret was not kept (profile ${session.profile || 'default'})`);
    shown();
  });
  return { accessKeyId, userName, secretNotKept: afterward };
}

/** Which user gets the key: the signing identity (first), or any typed user name. */
async function pickUser(ownUser: string | undefined): Promise<string | undefined> {
  return pickOrType({
    title: vscode.l10n.t('Create Access Key'),
    placeholder: vscode.l10n.t('The IAM user to create a key for'),
    items: ownUser ? [{ label: ownUser, description: vscode.l10n.t('the signing identity'), value: ownUser }] : [],
    validate: (typed) => (USER_NAME.test(typed) ? undefined : vscode.l10n.t('A user name is 1–64 letters, digits and + = , . @ _ -')),
    fromTyped: (typed) => typed,
    typedDescription: vscode.l10n.t('create a key for this user'),
  });
}

const USER_NAME = /^[\w+=,.@-]{1,64}$/;

async function confirmCreate(userName: string, connection: string, profile: string | undefined): Promise<boolean> {
  const go = vscode.l10n.t('Create');
  const choice = await vscode.window.showWarningMessage(
    vscode.l10n.t('Create a new access key for {0}?', userName),
    {
      modal: true,
      detail:
        profile !== undefined
          ? vscode.l10n.t('Made with the profile {0}; its secret goes into the profile {1}.', connection || 'default', profile)
          : vscode.l10n.t('Made with the profile {0}. Its secret is shown once, next: IAM cannot show it again.', connection || 'default'),
    },
    go,
  );
  return choice === go;
}

/**
 * The secret dialog was closed without Copy: the secret is gone for good. Offers to delete the
 * key (nobody can use it) or deactivate it; `act` does it. Resolves to what was done.
 */
async function secretLost(accessKeyId: string, userName: string, act: (action: 'deleted' | 'deactivated') => Promise<void>): Promise<'deleted' | 'deactivated' | 'kept'> {
  const remove = vscode.l10n.t('Delete {0}', accessKeyId);
  const deactivate = vscode.l10n.t('Deactivate {0}', accessKeyId);
  const choice = await vscode.window.showWarningMessage(
    vscode.l10n.t('The secret of {0} ({1}) is gone: IAM cannot show it again.', accessKeyId, userName),
    { modal: true, detail: vscode.l10n.t('Unless you kept it, nobody can use this key. Delete it now, or deactivate it; Cancel keeps it Active.') },
    remove,
    deactivate,
  );
  const action = choice === remove ? 'deleted' : choice === deactivate ? 'deactivated' : undefined;
  if (!action) return 'kept';
  await act(action);
  void vscode.window.showInformationMessage(action === 'deleted' ? vscode.l10n.t('{0} was deleted.', accessKeyId) : vscode.l10n.t('{0} of {1} is now Inactive.', accessKeyId, userName));
  return action;
}

/** Asks before replacing an existing profile's keys; the button names the profile. */
async function confirmOverwrite(profile: string, existingKey: string): Promise<boolean> {
  const go = vscode.l10n.t('Overwrite {0}', profile);
  const choice = await vscode.window.showWarningMessage(
    vscode.l10n.t('The profile {0} already exists in the credentials file.', profile),
    { modal: true, detail: existingKey ? vscode.l10n.t('It holds {0}; the new key would replace it there (the file is backed up first).', existingKey) : vscode.l10n.t('The new key would replace its settings (the file is backed up first).') },
    go,
  );
  return choice === go;
}

/** A file-system failure in words, without echoing anything but its code and path. */
function writeFailure(error: unknown): string {
  if (error instanceof CredentialsFileBusy) return vscode.l10n.t('another window or command is changing it');
  return classifyError(error).message;
}

/** True when the secret was copied; false when the dialog was closed without it. */
async function showSecretOnce(accessKeyId: string, userName: string, secret: SecretText): Promise<boolean> {
  const copy = vscode.l10n.t('Copy Secret');
  const choice = await vscode.window.showWarningMessage(
    vscode.l10n.t('New access key {0} for {1}', accessKeyId, userName),
    { modal: true, detail: vscode.l10n.t('Secret access key (shown only now, IAM cannot show it again):\n{0}', secret.reveal()) },
    copy,
  );
  if (choice !== copy) return false;
  await vscode.env.clipboard.writeText(secret.reveal());
  vscode.window.setStatusBarMessage(vscode.l10n.t('$(check) Secret copied; the clipboard is cleared in 30 s'), 5000);
  setTimeout(() => {
    void vscode.env.clipboard.readText().then((now) => (now === secret.reveal() ? vscode.env.clipboard.writeText('') : undefined));
  }, CLIPBOARD_CLEAR_MS);
  return true;
}
