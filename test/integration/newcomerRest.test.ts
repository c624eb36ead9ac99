// Issue #25, the remaining items, where the user meets them in the real host against the local
// IAM endpoint: List Access Keys… picks the exact user name, key rows say one unused label and
// no "UTC (UTC local)", the empty list and "Load more…" rows, the export's suggested file outside
// the workspace, quick fixes on a leaked secret (and the way to turn write actions on), error rows
// and the log naming the host tried, the rotation dialog naming key and file, the partition in
// the profile tooltip, and the report naming the root account key.
import * as assert from 'assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import type { TreeElement } from '../../src/explorer/nodes/treeElement';
import { makeSecretAccessKey } from '../emulator/keyIds';
import { SeededRandom } from '../emulator/random';
import { DialogScript } from '../support/dialogScript';
import { freePort } from '../support/freePort';
import { extensionLogFiles } from '../support/reliabilityHarness';
import { until } from '../support/wait';
import { sessionOf } from '../../src/model/rowResource';
import { PROFILES, type Session, childByLabel, children, configure, item, keyIdOf, rowLine, startSession, writeWorkspaceFile } from './fixture';

const DAY = 86_400_000;
const LEAK_SOURCE = 'IAM Access Keys';

async function allowWrites(on: boolean | undefined): Promise<void> {
  await vscode.workspace.getConfiguration('iamKeys').update('allowWriteActions', on, vscode.ConfigurationTarget.Global);
}


/** The rows under `userName` (Users loaded as needed). */
async function rowsOfUser(session: Session, userName: string): Promise<TreeElement[]> {
  const [connection] = await children(session.api);
  const users = await childByLabel(session.api, connection, 'Users');
  const user = await childByLabel(session.api, users, userName);
  return children(session.api, user);
}

function tooltipText(tooltip: vscode.TreeItem['tooltip']): string {
  return typeof tooltip === 'string' ? tooltip : (tooltip?.value ?? '');
}

describe('Issue 25: the remaining newcomer items', function () {
  this.timeout(120_000);
  let session: Session;
  let dialogs: DialogScript;

  before(async () => {
    session = await startSession({ users: 4, seed: 2526 });
    await until(() => session.api.settings.current.endpoint === session.emulator.url, 'the endpoint setting', 15_000, 50);
    dialogs = new DialogScript();
  });
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
  after(async () => {
    dialogs?.dispose();
    await allowWrites(undefined);
    await session?.close();
  });

  it('List Access Keys…: typing an existing user name exactly and Enter lists that user (not "as typed", not bob.smith), with Users never expanded', async () => {
    const store = session.emulator.store;
    store.addUser({ userName: 'bob.smith' });
    store.addUser({ userName: 'bob' });
    const bobsKey = store.addAccessKey('bob').accessKeyId;
    session.api.explorer.rebuild();
    // Enter takes the active row.
    dialogs.typeInNextPick('bob', (_rows, active) => active[0]);
    const output = (await vscode.commands.executeCommand('iamKeys.listAccessKeys')) as { AccessKeyMetadata: Array<{ AccessKeyId: string; UserName: string }> } | undefined;
    const shown = dialogs.picks.at(-1);
    assert.deepEqual(shown?.active, [{ label: 'bob', description: undefined }], JSON.stringify(shown?.active));
    assert.deepEqual(output?.AccessKeyMetadata.map((k) => [k.UserName, k.AccessKeyId]), [['bob', bobsKey]]);
  });

  it('a key row names "unused" once; its tooltip gives the creation time once when local time is UTC; the partition is in the profile tooltip', async () => {
    const store = session.emulator.store;
    store.addUser({ userName: 'idle-user' });
    const now = Date.now();
    const idle = store.addAccessKey('idle-user', { createDate: new Date(now - 400 * DAY), lastUsed: { date: new Date(now - 120 * DAY), serviceName: 's3', region: 'us-east-1' } }).accessKeyId;
    session.api.explorer.rebuild();
    const row = (await rowsOfUser(session, 'idle-user')).find((n) => keyIdOf(n) === idle);
    assert.ok(row, 'the key row');
    await sessionOf(row)?.lastUsed(idle); // what hovering the row fetches
    const line = rowLine(session.api, row);
    assert.deepEqual(line.split(/ · | \| /).filter((part) => /unused/i.test(part)), ['Unused 90+ days'], line);

    const resolved = await session.api.explorer.resolveTreeItem(new vscode.TreeItem(idle), row, new vscode.CancellationTokenSource().token);
    // The tooltip's Markdown escapes "-" and ":"; read it as shown.
    const tooltip = tooltipText(resolved?.tooltip).replace(/\\/g, '');
    assert.match(tooltip, /\| Created \| \d{4}-\d\d-\d\d \d\d:\d\d UTC/, tooltip);
    if (new Intl.DateTimeFormat('en-US').resolvedOptions().timeZone === 'UTC') assert.doesNotMatch(tooltip, /UTC \([^)]*UTC local\)/, tooltip);

    const [connection] = await children(session.api);
    assert.match(tooltipText(item(session.api, connection!).tooltip), /Partition: aws(\s|$)/);
  });

  it('an empty key list does not wear the Inactive icon; "Load more…" says how many are loaded and what a click loads', async () => {
    session.emulator.store.addUser({ userName: 'no-keys-yet' });
    session.api.explorer.rebuild();
    const [empty] = await rowsOfUser(session, 'no-keys-yet');
    const emptyItem = item(session.api, empty!);
    assert.equal(emptyItem.label, 'No access keys');
    assert.notEqual((emptyItem.iconPath as vscode.ThemeIcon | undefined)?.id, 'circle-slash');

    await configure({ pageSize: 2 });
    try {
      await until(() => session.api.settings.current.pageSize === 2, 'pageSize 2', 15_000, 50);
      session.api.explorer.rebuild();
      const [connection] = await children(session.api);
      const users = await childByLabel(session.api, connection, 'Users');
      const loadMore = (await children(session.api, users)).at(-1)!;
      const loadMoreItem = item(session.api, loadMore);
      assert.equal(loadMoreItem.label, 'Load more…');
      assert.equal(tooltipText(loadMoreItem.tooltip), '2 loaded so far; a click loads up to 2 more (iamKeys.pageSize).');
    } finally {
      await configure({ pageSize: 100 });
      await until(() => session.api.settings.current.pageSize === 100, 'pageSize 100', 15_000, 50);
      session.api.explorer.rebuild();
    }
  });

  it("Export Access Keys…' save dialog suggests a file outside the workspace (the export would count as leaks inside it)", async () => {
    const win = vscode.window as unknown as { showSaveDialog: (options?: vscode.SaveDialogOptions) => Thenable<vscode.Uri | undefined> };
    const original = win.showSaveDialog;
    let asked: vscode.SaveDialogOptions | undefined;
    win.showSaveDialog = (options) => {
      asked = options;
      return Promise.resolve(undefined);
    };
    try {
      const result = await vscode.commands.executeCommand('iamKeys.exportAccessKeys', { format: 'csv', users: 'all', profiles: [PROFILES.admin] });
      assert.equal(result, undefined, 'Cancel in the save dialog exports nothing');
    } finally {
      win.showSaveDialog = original;
    }
    const suggested = asked?.defaultUri?.fsPath;
    assert.ok(suggested, 'a suggested file');
    assert.equal(path.basename(suggested), 'access-keys.csv');
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      assert.ok(path.relative(folder.uri.fsPath, suggested).startsWith('..'), `${suggested} is inside the workspace ${folder.uri.fsPath}`);
    }
    assert.ok(suggested.startsWith(os.homedir() + path.sep), `${suggested} is under the home folder`);
  });

  it('a leaked secret gets "Deactivate <its key>…"; with write actions off, a fix opens the iamKeys.allowWriteActions setting', async () => {
    const store = session.emulator.store;
    store.addUser({ userName: 'leaky' });
    const key = store.addAccessKey('leaky').accessKeyId;
    const secret = makeSecretAccessKey(new SeededRandom(2527));
    const uri = await writeWorkspaceFile('newcomer/secret.env', `AWS_ACCESS_KEY_ID=${key}\nAWS_SECRET_ACCESS_KEY=${secret}\n`);
    const doc = await vscode.workspace.openTextDocument(uri);
    let secretDiagnostic: vscode.Diagnostic | undefined;
    await until(
      () => (secretDiagnostic = vscode.languages.getDiagnostics(uri).find((d) => d.source === LEAK_SOURCE && d.code === 'leaked-secret-access-key' && d.message.includes('leaky'))) !== undefined,
      'the secret diagnostic naming its key owner',
      15_000,
      50,
    );
    const fixesOnSecret = async (): Promise<vscode.CodeAction[]> =>
      (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, secretDiagnostic!.range)) ?? [];

    await allowWrites(true);
    await until(() => vscode.workspace.getConfiguration('iamKeys').get('allowWriteActions') === true, 'write actions on', 15_000, 50);
    const on = await fixesOnSecret();
    const deactivate = on.find((a) => a.title === `Deactivate ${key}…`);
    assert.ok(deactivate?.command, on.map((a) => a.title).join(' | '));
    assert.deepEqual(deactivate.command.arguments, [{ accessKeyId: key, userName: 'leaky', profile: PROFILES.admin, ask: true }]);
    assert.ok(on.every((a) => !a.title.includes(secret.slice(0, 8))), 'no fix shows the secret');

    await allowWrites(false);
    await until(() => vscode.workspace.getConfiguration('iamKeys').get('allowWriteActions') === false, 'write actions off', 15_000, 50);
    const off = await fixesOnSecret();
    assert.ok(!off.some((a) => a.title.startsWith('Deactivate')), off.map((a) => a.title).join(' | '));
    const turnOn = off.find((a) => a.title === `Turn on write actions to deactivate ${key} (iamKeys.allowWriteActions)`);
    assert.ok(turnOn?.command, off.map((a) => a.title).join(' | '));
    assert.deepEqual([turnOn.command.command, turnOn.command.arguments], ['workbench.action.openSettings', ['iamKeys.allowWriteActions']]);
    await allowWrites(true);
  });

  it('the rotation dialog names the key and the credentials file', async () => {
    const win = vscode.window as unknown as Record<string, unknown>;
    const original = win.showWarningMessage;
    let asked: { text: string; detail?: string } | undefined;
    win.showWarningMessage = (text: string, options?: vscode.MessageOptions) => {
      asked = { text, detail: options?.detail };
      return Promise.resolve(undefined); // Cancel
    };
    try {
      const [connection] = await children(session.api);
      assert.ok(connection);
      await until(() => (connection as unknown as { session: { signingKeyId(): string | undefined } }).session.signingKeyId() !== undefined, 'the signing key', 15_000, 50);
      const signing = (connection as unknown as { session: { signingKeyId(): string } }).session.signingKeyId();
      assert.equal(await vscode.commands.executeCommand('iamKeys.rotateAccessKey', { profile: PROFILES.admin }), undefined);
      assert.equal(asked?.text, `Rotate the access key of ${PROFILES.admin}?`);
      const credentialsFile = process.env.AWS_SHARED_CREDENTIALS_FILE ?? path.join(os.homedir(), '.aws', 'credentials');
      assert.ok(asked?.detail?.includes(signing), asked?.detail);
      assert.ok(asked?.detail?.includes(credentialsFile), `${asked?.detail} names ${credentialsFile}`);
    } finally {
      win.showWarningMessage = original;
    }
  });

  it('an error row and the log name the host that was tried', async () => {
    const closed = `127.0.0.1:${await freePort()}`;
    await configure({ endpoint: `http://${closed}` });
    try {
      await until(() => session.api.settings.current.endpoint === `http://${closed}`, 'the closed endpoint', 15_000, 50);
      session.api.explorer.rebuild();
      const [connection] = await children(session.api);
      const [errorRow] = await children(session.api, connection);
      const errorItem = item(session.api, errorRow!);
      assert.match(String(errorItem.description), new RegExp(`^${closed.replace(/\./g, '\\.')} · click to retry$`), `${String(errorItem.label)} | ${tooltipText(errorItem.tooltip)}`);
      assert.match(tooltipText(errorItem.tooltip), new RegExp(`Host tried: ${closed.replace(/\./g, '\\.')}`));
      const logText = (): string => extensionLogFiles().map((f) => fs.readFileSync(f, 'utf8')).join('\n');
      await until(() => logText().includes(`(host ${closed})`), 'the log line naming the host', 15_000, 200);
    } finally {
      await configure({ endpoint: session.emulator.url });
      await until(() => session.api.settings.current.endpoint === session.emulator.url, 'the endpoint again', 15_000, 50);
      session.api.explorer.rebuild();
    }
  });

  it('the health report names the root account key (no "(slot in report)")', async () => {
    session.emulator.store.addRootAccessKey({ createDate: new Date(Date.now() - 1400 * DAY) });
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'iamkeys-report-')), 'report.md');
    await vscode.commands.executeCommand('iamKeys.showHealthReport', { show: false, format: 'markdown', file });
    const worst = fs.readFileSync(file, 'utf8').split('## Worst keys')[1] ?? '';
    assert.match(worst, /\| root account key \| Active \| 1400 \|/, worst);
    assert.doesNotMatch(worst, /slot in report/);
  });
});
