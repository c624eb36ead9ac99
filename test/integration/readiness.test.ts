// What a new user, a screen-reader user and a keyboard user meet first, in the real host: the
// walkthrough's steps run real commands and its policy covers every call the view makes; every
// row has an accessible name with the facts of its icon and description; Enter on a key row
// shows its details and the view's copy shortcut copies the selected key's ID.
import * as assert from 'assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { TreeElement } from '../../src/explorer/nodes/treeElement';
import type { IamKeysApi, IamKeysInternals } from '../../src/extension';
import { until } from '../support/wait';
import { type ConfigurationContribution, contributedSettings } from '../support/manifestSettings';
import { EXTENSION_ID, type Session, calls, childByLabel, children, item, label, startSession } from './fixture';

const DAY = 86_400_000;

interface WalkthroughStep { id: string; title: string; description: string; media: { markdown?: string }; completionEvents: string[] }
interface Manifest {
  contributes: {
    walkthroughs: { id: string; steps: WalkthroughStep[] }[];
    configuration: ConfigurationContribution;
    keybindings: { command: string; key: string; mac?: string; when: string; args?: unknown }[];
    menus: Record<string, { command: string; when?: string }[]>;
  };
}

function extension(): vscode.Extension<IamKeysApi> {
  const found = vscode.extensions.getExtension<IamKeysApi>(EXTENSION_ID);
  assert.ok(found, EXTENSION_ID);
  return found;
}

/** A manifest string as the user reads it: `%key%` looked up in package.nls.json. */
function localized(text: string): string {
  const nls = JSON.parse(fs.readFileSync(path.join(extension().extensionUri.fsPath, 'package.nls.json'), 'utf8')) as Record<string, string>;
  return text.replace(/^%(.+)%$/, (whole, key: string) => nls[key] ?? whole);
}

function accessibleName(api: IamKeysInternals, node: TreeElement): string {
  return item(api, node).accessibilityInformation?.label ?? '';
}

describe('Ready for users', function () {
  this.timeout(120_000);
  let session: Session | undefined;
  afterEach(async () => {
    await session?.close();
    session = undefined;
  });

  it('the walkthrough has the four set-up steps, each with a button for a command that exists and a completion event', async () => {
    const manifest = extension().packageJSON as Manifest;
    const walkthrough = manifest.contributes.walkthroughs.find((w) => w.id === 'iamKeys.setup');
    assert.ok(walkthrough, 'walkthrough iamKeys.setup');
    assert.deepEqual(walkthrough.steps.map((s) => s.id), ['profile', 'policy', 'organization', 'writeActions']);
    const commands = new Set(await vscode.commands.getCommands(true));
    const settings = new Set(Object.keys(contributedSettings(manifest)));
    for (const step of walkthrough.steps) {
      const links = [...localized(step.description).matchAll(/\]\(command:([\w.]+)/g)].map((m) => m[1]!);
      assert.ok(links.length > 0, `${step.id}: a command button`);
      for (const command of links) assert.ok(commands.has(command), `${step.id}: command ${command} exists`);
      assert.ok(step.completionEvents.length > 0, `${step.id}: a completion event`);
      for (const event of step.completionEvents) {
        const [kind, target] = event.split(':');
        if (kind === 'onCommand') assert.ok(commands.has(target!), `${step.id}: ${event}`);
        else if (kind === 'onSettingChanged') assert.ok(settings.has(target!), `${step.id}: ${event}`);
        else assert.fail(`${step.id}: unexpected completion event ${event}`);
      }
      assert.ok(step.media.markdown && fs.existsSync(path.join(extension().extensionUri.fsPath, step.media.markdown)), `${step.id}: media ${step.media.markdown}`);
    }
  });

  it('the walkthrough\'s read-only policy allows every action the view, tooltips and attention filter call', async () => {
    const markdown = fs.readFileSync(path.join(extension().extensionUri.fsPath, 'media/walkthrough/policy.md'), 'utf8');
    const json = /```json\n([\s\S]*?)```/.exec(markdown)?.[1];
    assert.ok(json, 'a JSON policy block');
    const policy = JSON.parse(json) as { Statement: { Action: string[] }[] };
    const allowed = new Set(policy.Statement.flatMap((s) => s.Action).map((a) => a.split(':')[1]));
    session = await startSession({ users: 0 });
    const { api, emulator } = session;
    emulator.store.addUser({ userName: 'walk-user' });
    emulator.store.addAccessKey('walk-user', { createDate: new Date(Date.now() - 200 * DAY) });
    const [root] = await children(api);
    await children(api, await childByLabel(api, root, 'My access keys'));
    const users = await childByLabel(api, root, 'Users');
    const [key] = await children(api, await childByLabel(api, users, 'walk-user'));
    await api.explorer.resolveTreeItem(item(api, key!), key!, new vscode.CancellationTokenSource().token);
    await vscode.commands.executeCommand('iamKeys.showNeedsAttention');
    await vscode.commands.executeCommand('iamKeys.showAllKeys');
    const called = Object.keys(emulator.counters().byAction).filter((action) => calls(emulator, action) > 0);
    assert.ok(called.length >= 5, `calls made: ${called.join(', ')}`);
    for (const action of called) assert.ok(allowed.has(action), `${action} is called but not in the walkthrough's policy`);
  });

  it('every row has an accessible name with its icon\'s and description\'s facts; user rows keep their age in the tooltip', async () => {
    session = await startSession({ users: 0 }, { rotationWarningDays: 90 });
    const { api, emulator } = session;
    const recently = { date: new Date(Date.now() - DAY), serviceName: 's3', region: 'us-east-1' };
    emulator.store.addUser({ userName: 'a11y-old' });
    const old = emulator.store.addAccessKey('a11y-old', { createDate: new Date(Date.now() - 200 * DAY), lastUsed: recently }).accessKeyId;
    emulator.store.addUser({ userName: 'a11y-unused' });
    const unused = emulator.store.addAccessKey('a11y-unused', { createDate: new Date(Date.now() - 120 * DAY) }).accessKeyId;
    emulator.store.addUser({ userName: 'a11y-empty' });
    const [root] = await children(api);
    const users = await childByLabel(api, root, 'Users');
    await children(api, users);
    const oldUser = await childByLabel(api, users, 'a11y-old');
    const [oldKey] = await children(api, oldUser);
    const oldName = accessibleName(api, oldKey!);
    assert.equal(oldName, `Access key ${old}, Active, created 200 days ago, warning, Rotation due`);
    const [unusedKey] = await children(api, await childByLabel(api, users, 'a11y-unused'));
    const unusedName = accessibleName(api, unusedKey!);
    assert.match(unusedName, new RegExp(`^Access key ${unused}, Active, created 120 days ago, (warning|critical), `));
    const unusedParts = [...label(api, unusedKey!).split(' · '), ...String(item(api, unusedKey!).description).split(' · ')];
    for (const flag of unusedParts.filter((part) => !/^(Active|\d+d|…\w{4})$/.test(part))) {
      assert.ok(unusedName.includes(flag), `"${flag}" of the row is in its accessible name: ${unusedName}`);
    }
    // Health first and the ID's end, then status and the age, short: "Rotation due · …ABCD", "Active · 200d".
    assert.equal(label(api, oldKey!), `Rotation due · …${old.slice(-4)}`);
    assert.equal(item(api, oldKey!).description, 'Active · 200d');
    // The user row: no age in the row; the tooltip and the accessible name say it.
    const userItem = item(api, oldUser);
    assert.doesNotMatch(String(userItem.description ?? ''), /created/);
    assert.match((userItem.tooltip as vscode.MarkdownString).value, /created today/);
    assert.equal(accessibleName(api, oldUser), 'User a11y-old, created today');
    const [empty] = await children(api, await childByLabel(api, users, 'a11y-empty'));
    assert.equal(accessibleName(api, empty!), 'No access keys');
    assert.match(accessibleName(api, users), /^Users, \d+$/);
  });

  it('error and "Load more…" rows are named with what their icon and description say', async () => {
    session = await startSession({ users: 30 }, { pageSize: 10 });
    const { api, emulator } = session;
    const [root] = await children(api);
    const users = await childByLabel(api, root, 'Users');
    const loadMore = (await children(api, users)).find((n) => item(api, n).contextValue === 'loadMore');
    assert.ok(loadMore);
    assert.equal(accessibleName(api, loadMore), 'Load more…, 10 loaded');
    emulator.setFaults({ denyActions: ['ListAccessKeys'] });
    const [error] = await children(api, await childByLabel(api, root, 'My access keys'));
    assert.match(accessibleName(api, error!), /^Access denied.*, error, 127\.0\.0\.1:\d+ · click to retry$/);
  });

  it('Enter on a key row shows its details with the focus kept in the tree; the view\'s Ctrl+C copies the selected key\'s ID', async () => {
    session = await startSession({ users: 0 });
    const { api, emulator } = session;
    emulator.store.addUser({ userName: 'kb-user' });
    const id = emulator.store.addAccessKey('kb-user', { createDate: new Date(Date.now() - 3 * DAY) }).accessKeyId;
    const [root] = await children(api);
    const [key] = await children(api, await childByLabel(api, await childByLabel(api, root, 'Users'), 'kb-user'));
    const command = item(api, key!).command;
    assert.ok(command, 'a key row has a default action');
    await vscode.commands.executeCommand(command.command, ...(command.arguments ?? []));
    await until(() => vscode.window.activeTextEditor?.document.getText().includes(`"AccessKeyId": "${id}"`) === true, 'the key\'s JSON in an editor', 20_000, 100);

    const manifest = extension().packageJSON as Manifest;
    const binding = manifest.contributes.keybindings.find((k) => k.command === 'iamKeys.copyAccessKeyId');
    assert.ok(binding, 'a copy keybinding');
    assert.equal(binding.key, 'ctrl+c');
    assert.equal(binding.mac, 'cmd+c');
    assert.match(binding.when, /focusedView == iamKeys\.explorer/);
    await vscode.env.clipboard.writeText('before');
    await api.treeView.reveal(key!, { select: true, focus: true });
    await until(() => api.treeView.selection.includes(key!), 'the key row selected', 10_000, 50);
    assert.equal(await vscode.commands.executeCommand(binding.command, binding.args), id);
    assert.equal(await vscode.env.clipboard.readText(), id);
  });

  it('Scan Workspace is in the view\'s "…" menu; Find Keys Needing Attention only with an organization set', () => {
    const manifest = extension().packageJSON as Manifest;
    const title = manifest.contributes.menus['view/title']!;
    assert.ok(title.some((m) => m.command === 'iamKeys.scanWorkspace' && m.when === 'view == iamKeys.explorer'));
    const find = title.find((m) => m.command === 'iamKeys.findKeysNeedingAttention');
    assert.match(find?.when ?? '', /iamKeys\.organizationConfigured/);
    const palette = manifest.contributes.menus.commandPalette!.find((m) => m.command === 'iamKeys.findKeysNeedingAttention');
    assert.equal(palette?.when, 'iamKeys.organizationConfigured');
  });
});
