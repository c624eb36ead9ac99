// Issue #25 ("What a new user hit, round 2"), where the user meets each item, in the real host
// against the local IAM endpoint: the leak quick fix's Deactivate… on a key the tree never
// loaded, confirmations and Undo for deactivating another user's key, the palette's key and
// user picks, Create's confirmation and its lost-secret offer, the documentation's example
// key, the read-only legend, and the health report with two profiles on one account.
import * as assert from 'assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import type { HealthReportData } from '../../src/core/healthReport';
import type { TreeElement } from '../../src/explorer/nodes/treeElement';
import { CALLER_USER_NAME } from '../emulator/identities';
import { DialogScript } from '../support/dialogScript';
import { until } from '../support/wait';
import { extensionLogFiles } from '../support/reliabilityHarness';
import { PROFILES, type Session, childByLabel, children, configure, item, keyIdOf, label, startSession } from './fixture';

const SOURCE = 'IAM Access Keys';
const EXAMPLE_KEY = 'AKIAIOSFODNN7EXAMPLE';

async function allowWrites(on: boolean | undefined): Promise<void> {
  await vscode.workspace.getConfiguration('iamKeys').update('allowWriteActions', on, vscode.ConfigurationTarget.Global);
}

function workspaceFile(relative: string): vscode.Uri {
  const ws = vscode.workspace.workspaceFolders?.[0];
  assert.ok(ws, 'no workspace folder');
  return vscode.Uri.joinPath(ws.uri, relative);
}

/** The row of `userName` under the first connection's Users, loading what is needed. */
async function userRow(session: Session, userName: string): Promise<TreeElement> {
  const [connection] = await children(session.api);
  assert.ok(connection, 'a connection row');
  const [, users] = await children(session.api, connection);
  assert.ok(users, 'a Users row');
  const rows = await children(session.api, users);
  const row = rows.find((n) => (n as unknown as { user?: { UserName: string } }).user?.UserName === userName);
  assert.ok(row, `no row for ${userName}`);
  return row;
}

/** Key IDs a row lists now, as the tree asks for them. */
async function keyIdsUnder(session: Session, row: TreeElement): Promise<string[]> {
  return (await children(session.api, row)).map(keyIdOf).filter((id) => id !== '');
}

describe('Issue 25: what a new user hit (round 2)', function () {
  this.timeout(120_000);
  let session: Session;
  let dialogs: DialogScript;
  /** Users of the endpoint other than the built-in ones, each with no key yet. */
  let others: string[];
  const status = (accessKeyId: string): string | undefined => session.emulator.store.findAccessKey(accessKeyId)?.key.status;

  before(async () => {
    session = await startSession({ users: 12, seed: 2525 }, { 'hover.maxLookupsPerMinute': 600 });
    await until(() => session.api.settings.current.endpoint === session.emulator.url, 'the endpoint setting', 15_000, 50);
    const store = session.emulator.store;
    others = store
      .users()
      .map((u) => u.userName)
      .filter((name) => name !== CALLER_USER_NAME && name !== 'limited-auditor');
    for (const name of others) for (const key of [...store.keysOf({ kind: 'user', user: store.getUser(name)! })]) store.deleteAccessKey(key.accessKeyId);
    await allowWrites(true);
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

  it('the leak quick fix "Deactivate…" names the owner and profile, asks first (naming key and owner), and deactivates a key the tree never loaded', async () => {
    const owner = others[0]!;
    const leaked = session.emulator.store.addAccessKey(owner).accessKeyId;
    const uri = workspaceFile('newcomer/leaked.env');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(`AWS_ACCESS_KEY_ID=${leaked}\n`));
    const doc = await vscode.workspace.openTextDocument(uri);
    let diagnostic: vscode.Diagnostic | undefined;
    await until(() => (diagnostic = vscode.languages.getDiagnostics(uri).find((d) => d.source === SOURCE && d.message.includes(owner))) !== undefined, 'the leak diagnostic naming the owner', 15_000, 50);
    const actions = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, diagnostic!.range)) ?? [];
    const fix = actions.find((a) => a.title === `Deactivate ${leaked}…`);
    assert.ok(fix?.command, actions.map((a) => a.title).join(' | '));
    assert.deepEqual(fix.command.arguments, [{ accessKeyId: leaked, userName: owner, profile: PROFILES.admin, ask: true }]);

    const writes = session.emulator.writeLog().length;
    await vscode.commands.executeCommand(fix.command.command, ...fix.command.arguments!);
    const question = dialogs.asked.at(-1);
    assert.deepEqual(question && { text: question.text, modal: question.modal, buttons: question.buttons }, { text: `Deactivate ${leaked} of ${owner}?`, modal: true, buttons: ['Deactivate'] });
    assert.equal(session.emulator.writeLog().length, writes, 'Cancel sends nothing');
    assert.equal(status(leaked), 'Active');

    dialogs.answer(new RegExp(`^Deactivate ${leaked} of ${owner}\\?$`), 'Deactivate');
    const result = await vscode.commands.executeCommand(fix.command.command, ...fix.command.arguments!);
    assert.deepEqual(result, { accessKeyId: leaked, userName: owner, status: 'Inactive' }, dialogs.texts().slice(-2).join(' | '));
    assert.equal(status(leaked), 'Inactive');
  });

  it("Deactivate from another user's key row asks first, naming key and user; its message offers Undo, which activates it again", async () => {
    const owner = others[1]!;
    const key = session.emulator.store.addAccessKey(owner).accessKeyId;
    const user = await userRow(session, owner);
    const row = (await children(session.api, user)).find((n) => keyIdOf(n) === key);
    assert.ok(row, `the row of ${key}`);

    await vscode.commands.executeCommand('iamKeys.deactivateAccessKey', row);
    assert.equal(dialogs.asked.at(-1)?.text, `Deactivate ${key} of ${owner}?`);
    assert.equal(dialogs.asked.at(-1)?.modal, true);
    assert.equal(status(key), 'Active', 'Cancel leaves it Active');

    dialogs.answer(new RegExp(`^Deactivate ${key} of ${owner}\\?$`), 'Deactivate');
    dialogs.answer(new RegExp(`^${key} of ${owner} is now Inactive\\.$`), 'Undo');
    await vscode.commands.executeCommand('iamKeys.deactivateAccessKey', row);
    assert.ok(dialogs.asked.some((m) => m.text === `${key} of ${owner} is now Inactive.` && m.buttons.includes('Undo')), dialogs.texts().slice(-3).join(' | '));
    await until(() => status(key) === 'Active', 'Undo to activate the key again', 10_000, 50);
    assert.deepEqual(
      session.emulator.writeLog().filter((w) => w.accessKeyId === key).map((w) => w.action),
      ['UpdateAccessKey', 'UpdateAccessKey'],
    );
  });

  it('Deactivate from the palette asks for a key: a typed ID of a key the tree never loaded is looked up, confirmed and deactivated', async () => {
    const owner = others[2]!;
    const key = session.emulator.store.addAccessKey(owner).accessKeyId;
    dialogs.typeInNextPick(key, (rows) => rows.find((r) => r.label === key));
    dialogs.answer(new RegExp(`^Deactivate ${key} of ${owner}\\?$`), 'Deactivate');
    const result = await vscode.commands.executeCommand('iamKeys.deactivateAccessKey');
    assert.equal(dialogs.picks.at(-1)?.title, 'Deactivate Access Key', dialogs.texts().slice(-2).join(' | '));
    assert.deepEqual(result, { accessKeyId: key, userName: owner, status: 'Inactive' }, dialogs.texts().slice(-2).join(' | '));
    assert.equal(status(key), 'Inactive');

    // Activate: the same pick; a malformed ID is refused in the pick, before anything is sent.
    const writes = session.emulator.writeLog().length;
    dialogs.typeInNextPick('AKIA-not-a-key', () => undefined);
    assert.equal(await vscode.commands.executeCommand('iamKeys.activateAccessKey'), undefined);
    assert.equal(dialogs.picks.at(-1)?.title, 'Activate Access Key');
    assert.match(dialogs.picks.at(-1)?.active[0]?.label ?? '', /\$\(error\)/);
    assert.equal(session.emulator.writeLog().length, writes);
  });

  it('Create from a user row asks first; Cancel on the secret dialog warns the secret is gone; the row shows the new key without Refresh', async () => {
    const owner = others[3]!;
    const user = await userRow(session, owner);
    assert.deepEqual(await keyIdsUnder(session, user), [], 'the row was loaded with no key');
    dialogs.answer(new RegExp(`^Create a new access key for ${owner}\\?$`), 'Create');
    const created = (await vscode.commands.executeCommand('iamKeys.createAccessKey', user)) as { accessKeyId: string; secretNotKept?: string } | undefined;
    assert.ok(created, dialogs.texts().slice(-3).join(' | '));
    const id = created.accessKeyId;
    assert.deepEqual(
      dialogs.asked.slice(-3).map((m) => [m.text, m.modal]),
      [
        [`Create a new access key for ${owner}?`, true],
        [`New access key ${id} for ${owner}`, true],
        [`The secret of ${id} (${owner}) is gone: IAM cannot show it again.`, true],
      ],
    );
    assert.deepEqual(dialogs.asked.at(-1)?.buttons, [`Delete ${id}`, `Deactivate ${id}`]);
    assert.equal(created.secretNotKept, 'kept');
    assert.deepEqual(await keyIdsUnder(session, user), [id]);
  });

  it('Create from the palette asks which user (the signing identity first); after Cancel on the secret, Delete removes the new key', async () => {
    const owner = others[4]!;
    dialogs.typeInNextPick(owner, (rows) => rows.find((r) => r.label === owner));
    dialogs.answer(new RegExp(`^Create a new access key for ${owner}\\?$`), 'Create');
    // The button names the key, not known yet: answer the "Delete …" it offers.
    dialogs.answer(/is gone: IAM cannot show it again\.$/, (asked) => asked.buttons.find((b) => b.startsWith('Delete ')));
    const created = (await vscode.commands.executeCommand('iamKeys.createAccessKey')) as { accessKeyId: string; userName: string; secretNotKept?: string } | undefined;
    const pick = dialogs.picks.at(-1);
    assert.equal(pick?.title, 'Create Access Key');
    assert.deepEqual(pick.rows.find((r) => r.label === CALLER_USER_NAME), { label: CALLER_USER_NAME, description: 'the signing identity' });
    assert.ok(created, dialogs.texts().join(' | '));
    assert.equal(created.userName, owner);
    assert.equal(created.secretNotKept, 'deleted');
    assert.equal(session.emulator.store.findAccessKey(created.accessKeyId), undefined, 'the new key is gone');
    assert.deepEqual(
      session.emulator.writeLog().filter((w) => w.accessKeyId === created.accessKeyId).map((w) => [w.action, w.userName]),
      [['CreateAccessKey', owner], ['DeleteAccessKey', owner]],
    );
  });

  it(`hover and Find Access Key Owner name ${EXAMPLE_KEY} as the AWS documentation's example key`, async () => {
    const doc = await vscode.workspace.openTextDocument({ language: 'plaintext', content: `key = ${EXAMPLE_KEY}\n` });
    const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, new vscode.Position(0, 10))) ?? [];
    const ours = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).find((t) => t.includes(EXAMPLE_KEY));
    assert.ok(ours, 'our hover');
    assert.match(ours, /AWS documentation's example access key ID/);
    assert.doesNotMatch(ours, /account \*\*\d{12}\*\*/);
    const found = (await vscode.commands.executeCommand('iamKeys.findAccessKey', { accessKeyId: EXAMPLE_KEY, reveal: false })) as { result: string; account?: string; message: string };
    assert.equal(found.result, 'example');
    assert.equal(found.account, undefined);
    assert.equal(found.message, `${EXAMPLE_KEY} is the AWS documentation's example access key ID, not a key of any account.`);
  });

  it('the Key Health Legend opens read-only: no Untitled document to save', async () => {
    const untitled = (): string[] => vscode.workspace.textDocuments.filter((d) => d.isUntitled).map((d) => d.uri.toString());
    const before = untitled();
    const legend = (await vscode.commands.executeCommand('iamKeys.showHealthLegend')) as { markdown: string; uri?: string };
    assert.ok(legend.markdown.includes('**Root key**'));
    assert.deepEqual(untitled(), before);
    assert.match(legend.uri ?? '', /^iam-keys:/);
    // The preview's document is served by the extension (read-only), not kept in an editor buffer.
    const served = await vscode.workspace.openTextDocument(vscode.Uri.parse(legend.uri!));
    assert.equal(served.isUntitled, false);
    assert.equal(served.getText(), legend.markdown);
  });

  it('the log says a Refresh is done (not "no result"); write actions name the user and the profile', async () => {
    await vscode.commands.executeCommand('iamKeys.refresh');
    const logText = (): string => extensionLogFiles().map((f) => fs.readFileSync(f, 'utf8')).join('\n');
    await until(() => /iamKeys\.refresh: done in \d+ ms/.test(logText()), 'the refresh log line', 15_000, 200);
    assert.doesNotMatch(logText(), /iamKeys\.refresh: no result/);
    const deactivated = /UpdateAccessKey (AKIA\w+) of ([\w.+=,@-]+) → Inactive \(profile ([\w-]+)\)/.exec(logText());
    assert.ok(deactivated, 'a deactivation in the log names user and profile');
    assert.equal(deactivated[3], PROFILES.admin);
  });

  it('no "0" count beside an Access denied row under Users', async () => {
    await configure({ profile: PROFILES.limited });
    await until(() => session.api.settings.current.profiles.join() === PROFILES.limited, 'the limited profile', 15_000, 50);
    try {
      session.api.explorer.rebuild();
      const [connection] = await children(session.api);
      const users = await childByLabel(session.api, connection, 'Users');
      const rows = await children(session.api, users);
      assert.match(label(session.api, rows[0]!), /^Access denied: iam:ListUsers/);
      assert.equal(item(session.api, users).description, undefined);
    } finally {
      await configure({ profile: PROFILES.admin });
      await until(() => session.api.settings.current.profiles.join() === PROFILES.admin, 'the admin profile again', 15_000, 50);
      session.api.explorer.rebuild();
    }
  });

  it('Export as JSON writes Findings and Controls as arrays', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'iamkeys-export-')), 'keys.json');
    await vscode.commands.executeCommand('iamKeys.exportAccessKeys', { format: 'json', file, users: 'all', profiles: [PROFILES.admin] });
    const rows = (JSON.parse(fs.readFileSync(file, 'utf8')) as { AccessKeys: Array<{ AccessKeyId: string; Findings: unknown; Controls: unknown }> }).AccessKeys;
    assert.ok(rows.length > 0);
    for (const row of rows) assert.ok(Array.isArray(row.Findings) && Array.isArray(row.Controls), `${row.AccessKeyId}: ${JSON.stringify([row.Findings, row.Controls])}`);
    const flagged = rows.find((r) => (r.Findings as string[]).length > 0);
    assert.ok(flagged, 'a key with findings');
    assert.ok((flagged.Controls as string[]).every((c) => /^(IAM|CIS) [\d.]+$|^IAM\.\d+$/.test(c)), JSON.stringify(flagged.Controls));
  });

  it('the health report counts each key once when two profiles reach one account; Worst keys lists each once; Rules show labels', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'iamkeys-report-')), 'report.md');
    const store = session.emulator.store;
    const keysInAccount = store.allAccessKeys().length;
    await configure({ profiles: [PROFILES.admin, PROFILES.root] });
    await until(() => (session.api.settings.current.profiles ?? []).length === 2, 'the two profiles', 15_000, 50);
    session.api.explorer.rebuild();
    const data = (await vscode.commands.executeCommand('iamKeys.showHealthReport', { show: false, format: 'markdown', file })) as HealthReportData;
    assert.equal(data.accounts.length, 2, 'both profiles were read');
    assert.equal(data.totals.keys, keysInAccount);
    const worstIds = data.worst.map((w) => `${w.account}/${w.userName}/${w.accessKeyId}`);
    assert.deepEqual(worstIds, [...new Set(worstIds)]);
    const markdown = fs.readFileSync(file, 'utf8');
    const controls = markdown.split('## Controls')[1]?.split('\n## ')[0] ?? '';
    assert.match(controls, /\| Root key \|/);
    assert.doesNotMatch(controls, /root-key|unused-90/);
  });
});
