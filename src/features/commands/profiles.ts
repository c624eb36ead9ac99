// Select the main profile, or add/remove more profiles shown side by side.
import * as vscode from 'vscode';
import { SECTION } from '../../config';
import { host } from '../host';
import { profileOfArgument } from './targets';

/**
 * Where a setting's effective value comes from: a change must be written there, or a
 * workspace value would keep winning over the global one and the command would seem to do nothing.
 */
function effectiveTarget(config: vscode.WorkspaceConfiguration, key: string): vscode.ConfigurationTarget {
  const where = config.inspect(key);
  if (where?.workspaceFolderValue !== undefined) return vscode.ConfigurationTarget.WorkspaceFolder;
  if (where?.workspaceValue !== undefined) return vscode.ConfigurationTarget.Workspace;
  return vscode.ConfigurationTarget.Global;
}

async function pickProfile(title: string, exclude: readonly string[]): Promise<string | undefined> {
  const profiles = (await host().listProfiles()).filter((p) => !exclude.includes(p.name));
  if (profiles.length === 0) {
    const open = vscode.l10n.t('How to configure profiles');
    const choice = await vscode.window.showWarningMessage(vscode.l10n.t('No AWS profiles found in the shared config or credentials files.'), open);
    if (choice === open) await vscode.env.openExternal(vscode.Uri.parse('https://docs.aws.amazon.com/cli/latest/userguide/cli-configure-files.html'));
    return undefined;
  }
  const pick = await vscode.window.showQuickPick(
    profiles.map((p) => ({ label: p.name, description: [p.kind, p.region].filter(Boolean).join(' · ') })),
    { title, placeHolder: vscode.l10n.t('AWS profile') },
  );
  return pick?.label;
}

export async function selectProfile(profile: string | undefined): Promise<string | undefined> {
  const chosen = typeof profile === 'string' ? profile : await pickProfile(vscode.l10n.t('Select AWS profile'), []);
  if (chosen === undefined) return undefined;
  const config = vscode.workspace.getConfiguration(SECTION);
  await config.update('profile', chosen, effectiveTarget(config, 'profile'));
  return chosen;
}

export async function addProfile(profile: string | undefined): Promise<string | undefined> {
  const config = vscode.workspace.getConfiguration(SECTION);
  const current = config.get<string[]>('profiles') ?? [];
  const chosen = typeof profile === 'string' ? profile : await pickProfile(vscode.l10n.t('Add AWS profile to the explorer'), [config.get<string>('profile') ?? '', ...current]);
  if (chosen === undefined || current.includes(chosen)) return chosen;
  await config.update('profiles', [...current, chosen], effectiveTarget(config, 'profiles'));
  return chosen;
}

export async function removeProfile(arg: unknown): Promise<string | undefined> {
  const config = vscode.workspace.getConfiguration(SECTION);
  const current = config.get<string[]>('profiles') ?? [];
  const shown = [...new Set([config.get<string>('profile') ?? '', ...current].filter(Boolean))];
  let name = profileOfArgument(arg);
  if (name !== undefined) {
    // a row or a name: no question
  } else if (shown.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No profile to remove: the explorer shows the default credentials only.'));
    return undefined;
  } else name = await vscode.window.showQuickPick(shown, { title: vscode.l10n.t('Remove AWS profile from the explorer') });
  if (name === undefined) return undefined;
  if (current.includes(name)) {
    await config.update('profiles', current.filter((p) => p !== name), effectiveTarget(config, 'profiles'));
  } else if (config.get<string>('profile') === name) {
    await config.update('profile', '', effectiveTarget(config, 'profile'));
  }
  return name;
}
