// Shared set-up for the in-host suites: a local IAM emulator over real HTTP, an AWS
// credentials file with its test profiles, the extension's settings pointed at it, and
// helpers to read the tree the way VS Code does (getChildren/getTreeItem on the provider).
import * as assert from 'assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import * as os from 'os';
import * as vscode from 'vscode';
import type { IamKeysApi, IamKeysInternals } from '../../src/extension';
import type { TreeElement } from '../../src/explorer/nodes/treeElement';
import { resourceOf } from '../../src/model/rowResource';
import { BUILT_IN_IDENTITIES, credentialsFileText } from '../emulator/identities';
import { startIamEmulator, type IamEmulator, type IamEmulatorOptions } from '../emulator/index';
import { isolateThisProcess } from '../support/awsEnv';

export const EXTENSION_ID = 'iam-keys-team.iam-access-keys';
export const PROFILES = {
  admin: BUILT_IN_IDENTITIES.caller.profile,
  root: BUILT_IN_IDENTITIES.root.profile,
  limited: BUILT_IN_IDENTITIES.limited.profile,
};

/** The extension's internal objects, through the test-only handle of its API. */
export async function extensionApi(): Promise<IamKeysInternals> {
  const extension = vscode.extensions.getExtension<IamKeysApi>(EXTENSION_ID);
  if (!extension) throw new Error(`${EXTENSION_ID} is not installed in this host`);
  return (await extension.activate()).internalsForTests;
}

/** Points AWS_SHARED_CREDENTIALS_FILE/AWS_CONFIG_FILE at fresh files with the emulator's profiles; no other AWS_* variable is left. */
export function writeAwsFiles(extraConfig = ''): { credentials: string; config: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'iamkeys-aws-'));
  return isolateThisProcess(dir, { awsCredentials: credentialsFileText(), awsConfig: extraConfig });
}

export interface Settings {
  profile?: string;
  profiles?: string[];
  endpoint?: string;
  pageSize?: unknown;
  region?: string;
  rotationWarningDays?: number;
  rotationReminders?: boolean;
  requestTimeoutSeconds?: number;
  'hover.enabled'?: boolean;
  'hover.cacheSeconds'?: number;
  'hover.maxLookupsPerMinute'?: number;
  'diagnostics.enabled'?: boolean;
}

const TOUCHED = new Set<string>();

/** The test workspace's folder. */
export function workspaceFolder(): vscode.Uri {
  const ws = vscode.workspace.workspaceFolders?.[0];
  assert.ok(ws, 'no workspace folder');
  return ws.uri;
}

/** Writes `content` to `relative` in the test workspace. */
export async function writeWorkspaceFile(relative: string, content: string): Promise<vscode.Uri> {
  const uri = vscode.Uri.joinPath(workspaceFolder(), relative);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(content));
  return uri;
}

export async function configure(settings: Settings): Promise<void> {
  const config = vscode.workspace.getConfiguration('iamKeys');
  for (const [key, value] of Object.entries(settings)) {
    TOUCHED.add(key);
    await config.update(key, value, vscode.ConfigurationTarget.Global);
  }
}

export async function resetSettings(): Promise<void> {
  const config = vscode.workspace.getConfiguration('iamKeys');
  for (const key of TOUCHED) await config.update(key, undefined, vscode.ConfigurationTarget.Global);
  TOUCHED.clear();
}

export interface Session {
  readonly emulator: IamEmulator;
  readonly api: IamKeysInternals;
  close(): Promise<void>;
}

/** Starts an emulator, writes the profiles, points the extension at it and rebuilds the tree. */
export async function startSession(options: IamEmulatorOptions = {}, settings: Settings = {}): Promise<Session> {
  // A visible Access Keys view fetches on its own after a rebuild, and those calls would land
  // in the counters of whichever test runs then: tests read the tree through the provider.
  await vscode.commands.executeCommand('workbench.action.closeSidebar');
  const emulator = await startIamEmulator({ port: 0, ...options });
  writeAwsFiles();
  const api = await extensionApi();
  await configure({ profile: PROFILES.admin, profiles: [], endpoint: emulator.url, pageSize: 100, ...settings });
  api.explorer.rebuild();
  emulator.resetCounters();
  return {
    emulator,
    api,
    close: async () => {
      await resetSettings();
      api.explorer.rebuild();
      await emulator.close();
    },
  };
}

/** Calls per IAM/STS action the emulator has answered since the last reset. */
export function calls(emulator: IamEmulator, action: string): number {
  return emulator.counters().byAction[action] ?? 0;
}

/** Requests for `action` that asked about `accessKeyId` (its AccessKeyId parameter), from the emulator's request log. */
export function callsAbout(emulator: IamEmulator, action: string, accessKeyId: string): number {
  return emulator.requestLog().filter((entry) => entry.action === action && entry.askedAccessKeyId === accessKeyId).length;
}

export function totalCalls(emulator: IamEmulator): number {
  return emulator.counters().total;
}

export async function children(api: IamKeysInternals, node?: TreeElement): Promise<TreeElement[]> {
  return (await api.explorer.getChildren(node)) ?? [];
}

export function label(api: IamKeysInternals, node: TreeElement): string {
  const item = api.explorer.getTreeItem(node) as vscode.TreeItem;
  return typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
}

/** The access key ID of a key row ('' for any other row): its label shows only the ID's end. */
export function keyIdOf(node: TreeElement): string {
  // A key's row is its record (treeElement.ts): the resource is read the way commands read it.
  const resource = resourceOf(node);
  return resource?.kind === 'key' ? resource.key.AccessKeyId : '';
}

/** A row's label and description as one line, "label | description", as the eye reads the row. */
export function rowLine(api: IamKeysInternals, node: TreeElement): string {
  return `${label(api, node)} | ${String(item(api, node).description ?? '')}`;
}

/** A row's id, as VS Code knows it. */
export function rowId(api: IamKeysInternals, node: TreeElement | undefined): string | undefined {
  return node && item(api, node).id;
}

export function item(api: IamKeysInternals, node: TreeElement): vscode.TreeItem {
  return api.explorer.getTreeItem(node) as vscode.TreeItem;
}

export async function childByLabel(api: IamKeysInternals, parent: TreeElement | undefined, wanted: string | RegExp): Promise<TreeElement> {
  const kids = await children(api, parent);
  const found = kids.find((k) => (typeof wanted === 'string' ? label(api, k) === wanted : wanted.test(label(api, k))));
  if (!found) throw new Error(`no child ${String(wanted)} under ${parent ? String(item(api, parent).id) : 'root'}: ${kids.map((k) => label(api, k)).join(', ')}`);
  return found;
}

export function isLoadMore(api: IamKeysInternals, node: TreeElement): boolean {
  return item(api, node).contextValue === 'loadMore';
}

// The suites' name for sleep (test/support/wait.ts).
export { sleep as delay } from '../support/wait';
