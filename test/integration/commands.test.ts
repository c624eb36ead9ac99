// Commands through executeCommand in the real host, against the local IAM endpoint; the
// List Access Keys JSON is compared with what the real `aws` CLI prints for the same data.
import * as assert from 'assert/strict';
import { execFile } from 'child_process';
import { promisify } from 'util';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { BUILT_IN_IDENTITIES } from '../emulator/identities';
import type { StoredUser } from '../emulator/index';
import { PROFILES, type Session, childByLabel, children, isLoadMore, keyIdOf, label, rowId, startSession } from './fixture';
import { isolatedAwsEnv } from '../support/awsEnv';
import { AWS_CLI, requireTool } from '../support/requiredTool';

// Asynchronous on purpose: the emulator runs in this same process, so a synchronous child
// process would block the very server it talks to.
const run = promisify(execFile);

/** Runs the aws CLI against the session's emulator; a missing CLI fails the test (never a skip). */
async function awsCli(session: Session, args: string[]): Promise<string> {
  requireTool(AWS_CLI);
  const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'iamkeys-cli-'));
  const { stdout } = await run('aws', ['--endpoint-url', session.emulator.url, '--region', 'us-east-1', '--output', 'json', ...args], {
    encoding: 'utf8',
    env: isolatedAwsEnv(empty, {}, {
      HOME: empty,
      AWS_ACCESS_KEY_ID: BUILT_IN_IDENTITIES.caller.credentials.accessKeyId,
      AWS_SECRET_ACCESS_KEY: BUILT_IN_IDENTITIES.caller.credentials.secretAccessKey,
    }),
  });
  return stdout;
}

describe('Commands', function () {
  this.timeout(60_000);
  let session: Session;
  let twoKeyUser: StoredUser;
  before(async () => {
    session = await startSession({ users: 150, seed: 21 }, { pageSize: 50 });
    const { store } = session.emulator;
    twoKeyUser = store.users().filter((u) => store.keysOf({ kind: 'user', user: u }).length === 2).at(-1)!;
    assert.ok(twoKeyUser, 'seeded data has a user with two keys');
  });
  after(() => session.close());

  const keysOf = (user: StoredUser) => session.emulator.store.keysOf({ kind: 'user', user });

  it('copyAccessKeyId puts the ID on the clipboard and returns it', async () => {
    const id = keysOf(twoKeyUser)[0].accessKeyId;
    const copied = await vscode.commands.executeCommand('iamKeys.copyAccessKeyId', { accessKeyId: id });
    assert.equal(copied, id);
    assert.equal(await vscode.env.clipboard.readText(), id);
  });

  it('copyAccessKeyId refuses a malformed ID without throwing and leaves the clipboard alone', async () => {
    await vscode.env.clipboard.writeText('unchanged');
    const copied = await vscode.commands.executeCommand('iamKeys.copyAccessKeyId', { accessKeyId: 'akia-not-a-key' });
    assert.equal(copied, undefined);
    assert.equal(await vscode.env.clipboard.readText(), 'unchanged');
  });

  it('showAccessKeyJson opens read-only JSON in IAM\'s shape for a key row', async () => {
    const [root] = await children(session.api);
    const users = await childByLabel(session.api, root, 'Users');
    // The first listed user who has keys: on the first page, whatever the seed.
    const owner = session.emulator.store.users().find((u) => keysOf(u).length > 0);
    assert.ok(owner, 'the seeded account has a user with keys');
    const userRow = await childByLabel(session.api, users, owner.userName);
    const expectedId = keysOf(owner)[0].accessKeyId;
    const keyRow = (await children(session.api, userRow)).find((k) => keyIdOf(k) === expectedId);
    assert.ok(keyRow, `${owner.userName}'s key ${expectedId} has a row`);
    const shown = (await vscode.commands.executeCommand('iamKeys.showAccessKeyJson', keyRow)) as Record<string, unknown>;
    assert.deepEqual(Object.keys(shown).slice(0, 4), ['UserName', 'AccessKeyId', 'Status', 'CreateDate']);
    assert.equal(shown.UserName, owner.userName);
    assert.equal(shown.AccessKeyId, expectedId);
    const editor = vscode.window.activeTextEditor!;
    assert.equal(editor.document.uri.scheme, 'iam-keys');
    assert.equal(editor.document.languageId, 'json');
    assert.deepEqual(JSON.parse(editor.document.getText()), shown);
  });

  it('showAccessKeyJson looks up a key that is not loaded, with last use apart', async () => {
    const stored = keysOf(twoKeyUser)[1];
    const shown = (await vscode.commands.executeCommand('iamKeys.showAccessKeyJson', stored.accessKeyId)) as Record<string, unknown>;
    assert.equal(shown.UserName, twoKeyUser.userName);
    assert.equal(shown.AccessKeyId, stored.accessKeyId);
    assert.equal(shown.Status, stored.status);
    assert.ok('AccessKeyLastUsed' in shown);
    assert.ok(!JSON.stringify(shown).includes(BUILT_IN_IDENTITIES.caller.credentials.secretAccessKey));
  });

  it('listAccessKeys returns and shows the aws CLI shape; maxItems cuts with a NextToken that continues', async () => {
    const all = keysOf(twoKeyUser);
    const first = (await vscode.commands.executeCommand('iamKeys.listAccessKeys', { userName: twoKeyUser.userName, maxItems: 1 })) as {
      AccessKeyMetadata: { AccessKeyId: string }[];
      NextToken?: string;
    };
    assert.equal(first.AccessKeyMetadata.length, 1);
    assert.ok(first.NextToken, 'cut by maxItems → NextToken');
    const rest = (await vscode.commands.executeCommand('iamKeys.listAccessKeys', {
      userName: twoKeyUser.userName,
      startingToken: first.NextToken,
    })) as { AccessKeyMetadata: { AccessKeyId: string }[]; NextToken?: string };
    assert.equal(rest.NextToken, undefined);
    assert.deepEqual([...first.AccessKeyMetadata, ...rest.AccessKeyMetadata].map((k) => k.AccessKeyId), all.map((k) => k.accessKeyId));
    assert.deepEqual(JSON.parse(vscode.window.activeTextEditor!.document.getText()), rest);
  });

  it('listAccessKeys prints exactly what `aws iam list-access-keys` prints for the same user', async () => {
    const ours = await vscode.commands.executeCommand('iamKeys.listAccessKeys', { userName: twoKeyUser.userName });
    const text = vscode.window.activeTextEditor!.document.getText();
    const theirs = await awsCli(session, ['iam', 'list-access-keys', '--user-name', twoKeyUser.userName]);
    assert.deepEqual(ours, JSON.parse(theirs));
    assert.equal(text, theirs, 'same text, key order and formatting');
  });

  it('our NextToken and the CLI\'s are interchangeable', async () => {
    const ours = (await vscode.commands.executeCommand('iamKeys.listAccessKeys', { userName: twoKeyUser.userName, maxItems: 1 })) as { NextToken: string };
    const theirs = JSON.parse(await awsCli(session, ['iam', 'list-access-keys', '--user-name', twoKeyUser.userName, '--max-items', '1']));
    assert.equal(ours.NextToken, theirs.NextToken);
    const continued = JSON.parse(await awsCli(session, ['iam', 'list-access-keys', '--user-name', twoKeyUser.userName, '--starting-token', ours.NextToken]));
    assert.equal(continued.AccessKeyMetadata[0].AccessKeyId, keysOf(twoKeyUser)[1].accessKeyId);
  });

  it('listAccessKeys without a user name lists the caller\'s own keys', async () => {
    const out = (await vscode.commands.executeCommand('iamKeys.listAccessKeys', {})) as { AccessKeyMetadata: { UserName: string; AccessKeyId: string }[] };
    assert.ok(out.AccessKeyMetadata.some((k) => k.AccessKeyId === BUILT_IN_IDENTITIES.caller.credentials.accessKeyId));
    assert.ok(out.AccessKeyMetadata.every((k) => k.UserName === BUILT_IN_IDENTITIES.caller.userName));
  });

  for (const bad of ['has space', 'slash/name', 'x'.repeat(65), 'émile']) {
    it(`listAccessKeys refuses the user name ${JSON.stringify(bad.slice(0, 12))} before calling IAM`, async () => {
      session.emulator.resetCounters();
      const out = await vscode.commands.executeCommand('iamKeys.listAccessKeys', { userName: bad });
      assert.equal(out, undefined);
      assert.equal(session.emulator.counters().total, 0);
    });
  }

  it('listAccessKeys for a user that does not exist answers nothing and does not throw', async () => {
    const out = await vscode.commands.executeCommand('iamKeys.listAccessKeys', { userName: 'nobody-by-this-name' });
    assert.equal(out, undefined);
    assert.equal(session.emulator.counters().errorsByCode.NoSuchEntity, 1);
  });

  it('findAccessKey names the owner and reveals the key in the tree, loading the pages needed', async () => {
    const key = keysOf(twoKeyUser)[0];
    const found = (await vscode.commands.executeCommand('iamKeys.findAccessKey', { accessKeyId: key.accessKeyId })) as Record<string, unknown>;
    assert.equal(found.result, 'found');
    assert.equal(found.userName, twoKeyUser.userName);
    assert.equal(found.account, session.emulator.store.accountId);
    assert.equal(found.revealed, true);
    const selected = session.api.treeView.selection[0];
    assert.equal(rowId(session.api, selected), `profile/${PROFILES.admin}/user/${twoKeyUser.userName}/key/${key.accessKeyId}`);
    // Hide the view again: a visible tree fetches on its own and would skew later call counts.
    await vscode.commands.executeCommand('workbench.action.closeSidebar');
  });

  it('findAccessKey tells another account\'s key, a temporary key and a deleted key apart', async () => {
    const other = (await vscode.commands.executeCommand('iamKeys.findAccessKey', { accessKeyId: 'AKIAZZZZZZZZZZZZZZZZ', reveal: false })) as Record<string, unknown>;
    assert.equal(other.result, 'other-account');
    assert.notEqual(other.account, session.emulator.store.accountId);
    const temp = (await vscode.commands.executeCommand('iamKeys.findAccessKey', { accessKeyId: BUILT_IN_IDENTITIES.session.credentials.accessKeyId, reveal: false })) as Record<string, unknown>;
    assert.equal(temp.result, 'temporary');
    const victim = session.emulator.store.addAccessKey(session.emulator.store.users()[0].userName);
    session.emulator.store.deleteAccessKey(victim.accessKeyId);
    const gone = (await vscode.commands.executeCommand('iamKeys.findAccessKey', { accessKeyId: victim.accessKeyId, reveal: false })) as Record<string, unknown>;
    assert.equal(gone.result, 'not-found');
  });

  it('copyCliCommand on a user row copies the equivalent aws command', async () => {
    const [root] = await children(session.api);
    const users = await childByLabel(session.api, root, 'Users');
    const user = (await children(session.api, users))[0];
    const line = await vscode.commands.executeCommand('iamKeys.copyCliCommand', user);
    assert.match(String(line), new RegExp(`^aws iam list-access-keys --user-name ${label(session.api, user)} --profile ${PROFILES.admin}`));
    assert.equal(await vscode.env.clipboard.readText(), line);
  });

  it('copyCliCommand on a key row copies the key\'s own command with region and endpoint', async () => {
    const [root] = await children(session.api);
    const users = await childByLabel(session.api, root, 'Users');
    let keyRow: Awaited<ReturnType<typeof children>>[number] | undefined;
    for (const user of (await children(session.api, users)).slice(0, 10)) {
      keyRow ??= (await children(session.api, user)).find((n) => /^accessKey/.test(session.api.explorer.getTreeItem(n).contextValue ?? ''));
    }
    assert.ok(keyRow, 'a key row under one of the first users');
    const id = String(session.api.explorer.getTreeItem(keyRow).id).split('/').pop();
    const line = await vscode.commands.executeCommand('iamKeys.copyCliCommand', keyRow, 'get-access-key-last-used');
    assert.equal(line, `aws iam get-access-key-last-used --access-key-id ${id} --profile ${PROFILES.admin} --region us-east-1 --endpoint-url ${session.emulator.url}`);
    assert.equal(await vscode.env.clipboard.readText(), line);
  });

  it('exportAccessKeys writes every key of every user with bounded concurrency', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'iamkeys-export-')), 'keys.csv');
    // Fresh sessions: no last use cached by the tests before.
    session.api.explorer.rebuild();
    session.emulator.resetCounters();
    const summary = (await vscode.commands.executeCommand('iamKeys.exportAccessKeys', { format: 'csv', file, users: 'all', profiles: [PROFILES.admin] })) as { keys: number; users: number; failedProfiles: unknown[] };
    const store = session.emulator.store;
    const expectedKeys = store.users().reduce((n, u) => n + keysOf(u).length, 0);
    assert.equal(summary.keys, expectedKeys);
    assert.equal(summary.users, store.users().length);
    const lines = fs.readFileSync(file, 'utf8').trim().split(/\r\n/);
    assert.equal(lines[0], 'Profile,Account,UserName,AccessKeyId,Status,CreateDate,LastUsedDate,LastUsedService,LastUsedRegion,Findings,Controls');
    assert.equal(lines.length - 1, expectedKeys);
    assert.ok(lines.slice(1).every((line) => line.startsWith(`${PROFILES.admin},${store.accountId},`)), lines[1]);
    assert.deepEqual(summary.failedProfiles, []);
    // One ListUsers page, one ListAccessKeys per user, one GetAccessKeyLastUsed per key.
    assert.equal(session.emulator.counters().byAction.ListUsers, 1);
    assert.equal(session.emulator.counters().byAction.ListAccessKeys, store.users().length);
    assert.equal(session.emulator.counters().byAction.GetAccessKeyLastUsed, expectedKeys);
  });

  it('filterUsers narrows the loaded users and says so in the view message', async () => {
    const [root] = await children(session.api);
    const users = await childByLabel(session.api, root, 'Users');
    // A user on the loaded page, whatever earlier tests loaded: the filter narrows what is loaded.
    const loadedNames = (await children(session.api, users)).filter((n) => !isLoadMore(session.api, n)).map((n) => label(session.api, n));
    const needle = loadedNames[loadedNames.length - 1];
    assert.ok(needle, 'the first page is loaded');
    await vscode.commands.executeCommand('iamKeys.filterUsers', { text: needle });
    try {
      // "Load more…" stays under a filter: unloaded pages may hold more matches.
      const shown = (await children(session.api, users)).filter((n) => !isLoadMore(session.api, n)).map((n) => label(session.api, n));
      assert.ok(shown.includes(needle), shown.join(','));
      assert.ok(shown.length < loadedNames.length, 'the filter hides users');
      assert.ok(shown.every((name) => name.toLowerCase().includes(needle.toLowerCase())), shown.join(','));
      assert.match(session.api.treeView.message ?? '', new RegExp(needle));
    } finally {
      await vscode.commands.executeCommand('iamKeys.clearFilter');
    }
    assert.equal(session.api.treeView.message, undefined);
  });
});
