// Leaked credentials in the Problems view and the workspace scan, in the extension host,
// against the local IAM endpoint: JSON, YAML, .env, INI and TypeScript files holding keys the
// endpoint has (active, inactive), had (deleted), or that belong to another account, and
// secrets. Severity and wording are what the user sees; call counts come from the endpoint.
import * as assert from 'assert/strict';
import * as vscode from 'vscode';
import { EMULATOR_ACCOUNT_ID } from '../emulator/index';
import { makeAccessKeyId, makeSecretAccessKey } from '../emulator/keyIds';
import { SeededRandom } from '../emulator/random';
import { type Session, calls, configure, delay, startSession, workspaceFolder as folder, writeWorkspaceFile as writeFile } from './fixture';

const SOURCE = 'IAM Access Keys';
const DAY_MS = 86_400_000;

function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE && String(d.code).startsWith('leaked-'));
}

/** Our diagnostics once there are `count` of them and none is still waiting for a lookup. */
async function settled(uri: vscode.Uri, count: number): Promise<vscode.Diagnostic[]> {
  for (let i = 0; i < 200; i++) {
    const found = ours(uri);
    if (found.length === count && !found.some((d) => /not looked up/.test(d.message))) return found.sort((a, b) => a.range.start.compareTo(b.range.start));
    await delay(50);
  }
  throw new Error(`diagnostics of ${uri.path}: ${JSON.stringify(ours(uri).map((d) => d.message))}`);
}

async function until(condition: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 200 && !condition(); i++) await delay(50);
  assert.ok(condition(), `timed out waiting for ${what}`);
}

const SEVERITY = ['Error', 'Warning', 'Information', 'Hint'];
const brief = (d: vscode.Diagnostic): string => `${d.range.start.line}:${d.range.start.character} ${SEVERITY[d.severity]} ${d.message}`;

describe('diagnostics: leaked keys in files', function () {
  this.timeout(120_000);
  let session: Session;
  let active: string;
  let inactive: string;
  let deleted: string;
  let activeUser: string;
  let inactiveUser: string;
  const other = makeAccessKeyId('210987654321', new SeededRandom(505));
  const secret = makeSecretAccessKey(new SeededRandom(606));

  before(async () => {
    session = await startSession({ users: 12, seed: 31 }, { 'hover.maxLookupsPerMinute': 600 });
    await until(() => session.api.settings.current.endpoint === session.emulator.url, 'the endpoint setting');
    const store = session.emulator.store;
    const [u1, u2] = store.users().filter((u) => u.userName !== 'demo-admin' && u.userName !== 'limited-auditor');
    activeUser = u1!.userName;
    inactiveUser = u2!.userName;
    active = store.addAccessKey(activeUser, { status: 'Active', lastUsed: { date: new Date(Date.now() - 2 * DAY_MS - 3_600_000), serviceName: 's3', region: 'us-east-1' } }).accessKeyId;
    inactive = store.addAccessKey(inactiveUser, { status: 'Inactive' }).accessKeyId;
    deleted = store.addAccessKey(activeUser).accessKeyId;
    store.deleteAccessKey(deleted);
    session.emulator.resetCounters();
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await session?.close();
  });

  it('JSON: an Active key of the account is an Error naming owner, account and last use; the secret an Error naming its key, without its value', async () => {
    const uri = await writeFile('leaks/creds.json', JSON.stringify({ AccessKey: { UserName: activeUser, AccessKeyId: active, SecretAccessKey: secret } }, null, 2));
    const doc = await vscode.workspace.openTextDocument(uri);
    const found = await settled(doc.uri, 2);
    // Line 3: `    "AccessKeyId": "` is 20 characters; line 4: `    "SecretAccessKey": "` is 24.
    assert.deepEqual(found.map(brief), [
      `3:20 Error Active access key of ${activeUser} in ${EMULATOR_ACCOUNT_ID}, last used 2 days ago`,
      `4:24 Error Secret access key of ${active}, an Active key of ${activeUser} in ${EMULATOR_ACCOUNT_ID}, in a file (SecretAccessKey): deactivate the key, make a new one, and keep secrets out of files`,
    ]);
    for (const d of found) assert.ok(!d.message.includes(secret) && !d.message.includes(secret.slice(0, 10)), 'the message never repeats the secret');
    // The ID carries the account: STS was not asked.
    assert.equal(calls(session.emulator, 'GetAccessKeyInfo'), 0);
  });

  it('YAML: an Inactive key is a Warning', async () => {
    const doc = await vscode.workspace.openTextDocument(await writeFile('leaks/config.yaml', `aws:\n  aws_access_key_id: ${inactive}\n  region: us-east-1\n`));
    assert.deepEqual((await settled(doc.uri, 1)).map(brief), [`1:21 Warning Inactive access key of ${inactiveUser} in ${EMULATOR_ACCOUNT_ID}, never used`]);
  });

  it('.env: a deleted key is a Hint; the secret beside it a Hint too, naming the key', async () => {
    const doc = await vscode.workspace.openTextDocument(await writeFile('leaks/.env', `AWS_ACCESS_KEY_ID=${deleted}\nAWS_SECRET_ACCESS_KEY=${secret}\n`));
    assert.deepEqual((await settled(doc.uri, 2)).map(brief), [
      `0:18 Hint Access key ID not found in ${EMULATOR_ACCOUNT_ID}: deleted, or never existed`,
      `1:22 Hint Secret access key of ${deleted}, a key that no longer exists, in a file (AWS_SECRET_ACCESS_KEY): remove it from the file`,
    ]);
  });

  it('INI: each profile\'s secret goes with its own key ID: Warning beside an Inactive key, Error beside an Active one, Error alone; the workspace scan says the same', async () => {
    const text = `[old]\naws_access_key_id = ${inactive}\naws_secret_access_key = ${secret}\n[new]\naws_access_key_id = ${active}\naws_secret_access_key = ${secret}\n[lone]\naws_secret_access_key = ${secret}\n`;
    const doc = await vscode.workspace.openTextDocument(await writeFile('leaks-pair/credentials', text));
    assert.deepEqual((await settled(doc.uri, 5)).map(brief), [
      `1:20 Warning Inactive access key of ${inactiveUser} in ${EMULATOR_ACCOUNT_ID}, never used`,
      `2:24 Warning Secret access key of ${inactive}, an Inactive key of ${inactiveUser} in ${EMULATOR_ACCOUNT_ID}, in a file (aws_secret_access_key): delete the key, and keep secrets out of files`,
      `4:20 Error Active access key of ${activeUser} in ${EMULATOR_ACCOUNT_ID}, last used 2 days ago`,
      `5:24 Error Secret access key of ${active}, an Active key of ${activeUser} in ${EMULATOR_ACCOUNT_ID}, in a file (aws_secret_access_key): deactivate the key, make a new one, and keep secrets out of files`,
      '7:24 Error Secret access key in a file (aws_secret_access_key): deactivate the key, make a new one, and keep secrets out of files',
    ]);
    const result = (await vscode.commands.executeCommand('iamKeys.scanWorkspace', { include: 'leaks-pair/**' })) as {
      findings: Array<{ line: number; kind: string; severity: string; accessKeyId?: string; status?: string; userName?: string }>;
    };
    const secrets = result.findings.filter((f) => f.kind === 'secret-access-key').map((f) => `${f.line} ${f.severity} ${f.accessKeyId ?? '-'} ${f.status ?? '-'} ${f.userName ?? '-'}`);
    assert.deepEqual(secrets, [`3 warning ${inactive} Inactive ${inactiveUser}`, `6 error ${active} Active ${activeUser}`, '8 error - - -']);
  });

  it("INI: another account's key is Information naming that account, with no call", async () => {
    const doc = await vscode.workspace.openTextDocument(await writeFile('leaks/credentials.ini', `[partner]\naws_access_key_id = ${other}\n`));
    assert.deepEqual((await settled(doc.uri, 1)).map(brief), ['1:20 Information Access key ID of account 210987654321, which none of your profiles can see']);
    // No request names the key (IAM's or STS's lookups); other requests of the window (a tree
    // still loading after an earlier suite) are not this file's.
    const about = session.emulator.requestLog().filter((entry) => entry.askedAccessKeyId === other);
    assert.deepEqual(about.map((entry) => entry.action), []);
  });

  it('TypeScript: every kind on one line', async () => {
    const line = `const creds = { a: '${active}', b: '${inactive}', c: '${other}', secretAccessKey: '${secret}' };\n`;
    const doc = await vscode.workspace.openTextDocument(await writeFile('leaks/client.ts', `// test data\n${line}`));
    const found = await settled(doc.uri, 4);
    assert.deepEqual(found.map((d) => SEVERITY[d.severity]), ['Error', 'Warning', 'Information', 'Error']);
    assert.deepEqual(found.map((d) => d.range.start.character), [line.indexOf(active), line.indexOf(inactive), line.indexOf(other), line.indexOf(secret)]);
  });

  it('quick fixes offer show, copy and ignore (no deactivate without write actions)', async () => {
    // On the JSON file: the TypeScript server's own code actions take long to start here.
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder(), 'leaks/creds.json'));
    const found = await settled(doc.uri, 2);
    const actions = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, found[0]!.range)) ?? [];
    const titles = actions.map((a) => a.title);
    assert.ok(titles.includes(`Show ${active} in the Access Keys explorer`), titles.join(' | '));
    assert.ok(titles.includes(`Copy ${active}`), titles.join(' | '));
    assert.ok(titles.includes(`Ignore ${active} in Problems`), titles.join(' | '));
    assert.ok(!titles.some((t) => t.startsWith('Deactivate')), titles.join(' | '));

    const copy = actions.find((a) => a.title === `Copy ${active}`)!;
    assert.equal(await vscode.commands.executeCommand(copy.command!.command, ...(copy.command!.arguments ?? [])), active);
  });

  it('Ignore this key: the quick fix adds it to iamKeys.diagnostics.ignore and its diagnostics go', async () => {
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder(), 'leaks/config.yaml'));
    const [diagnostic] = await settled(doc.uri, 1);
    const actions = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, diagnostic!.range)) ?? [];
    const ignore = actions.find((a) => a.title === `Ignore ${inactive} in Problems`);
    assert.ok(ignore?.command, actions.map((a) => a.title).join(' | '));
    try {
      const list = await vscode.commands.executeCommand(ignore.command.command, ...(ignore.command.arguments ?? []));
      assert.deepEqual(list, [inactive]);
      await until(() => ours(doc.uri).length === 0, 'the ignored key to leave the Problems view');
      const ts = ours(vscode.Uri.joinPath(folder(), 'leaks/client.ts'));
      await until(() => ours(vscode.Uri.joinPath(folder(), 'leaks/client.ts')).length === 3, `the TypeScript file to drop it too (${ts.length})`);
    } finally {
      await vscode.workspace.getConfiguration('iamKeys').update('diagnostics.ignore', undefined, vscode.ConfigurationTarget.Global);
    }
    await settled(doc.uri, 1);
  });

  it('iamKeys.diagnostics.enabled false clears them; true brings them back', async () => {
    const uri = vscode.Uri.joinPath(folder(), 'leaks/creds.json');
    await vscode.workspace.openTextDocument(uri);
    await settled(uri, 2);
    await configure({ 'diagnostics.enabled': false });
    try {
      await until(() => ours(uri).length === 0, 'diagnostics to clear');
    } finally {
      await vscode.workspace.getConfiguration('iamKeys').update('diagnostics.enabled', undefined, vscode.ConfigurationTarget.Global);
    }
    await settled(uri, 2);
  });

  it('lookups stay within iamKeys.hover.maxLookupsPerMinute; the rest name the account the ID carries', async () => {
    // One unit a request; a lookup takes the 2 a key of the account usually costs up front: 3 lookups.
    await configure({ 'hover.maxLookupsPerMinute': 6 });
    await until(() => session.api.settings.current.hover.maxLookupsPerMinute === 6, 'the cap');
    try {
      session.emulator.resetCounters();
      // Ten keys the IDs place in the account, unknown to IAM: each lookup costs a call.
      const ids = Array.from({ length: 10 }, (_, i) => makeAccessKeyId(EMULATOR_ACCOUNT_ID, new SeededRandom(7000 + i)));
      const doc = await vscode.workspace.openTextDocument({ language: 'plaintext', content: ids.map((id) => `key ${id}`).join('\n') });
      await until(() => ours(doc.uri).length === 10 && ours(doc.uri).filter((d) => /lookup limit reached/.test(d.message)).length === 7, 'ten diagnostics, seven over the cap');
      const diagnostics = ours(doc.uri);
      assert.equal(diagnostics.filter((d) => d.severity === vscode.DiagnosticSeverity.Hint).length, 3);
      for (const d of diagnostics.filter((x) => /limit/.test(x.message))) {
        assert.equal(d.message, `Access key ID of account ${EMULATOR_ACCOUNT_ID} (lookup limit reached)`);
        assert.equal(d.severity, vscode.DiagnosticSeverity.Information);
      }
      assert.equal(calls(session.emulator, 'GetAccessKeyLastUsed'), 3);
      await delay(500);
      assert.equal(calls(session.emulator, 'GetAccessKeyLastUsed'), 3, 'no more calls while the minute lasts');
    } finally {
      await configure({ 'hover.maxLookupsPerMinute': 600 });
    }
  });

  it('iamKeys.scanWorkspace: 200 files, honouring .gitignore, search.exclude and the exclude argument', async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    session.emulator.resetCounters();
    const expected: string[] = [];
    for (let i = 0; i < 200; i++) {
      const name = `scan/f${String(i).padStart(3, '0')}.${['json', 'yaml', 'env', 'ini', 'ts'][i % 5]}`;
      let text = `// file ${i}\nnothing to see here\n`;
      if (i % 10 === 0) {
        text += `id = ${active}\n`;
        expected.push(`${name}:3 access-key-id error ${active} Active`);
      } else if (i % 10 === 1) {
        text += `\n\nprevious = "${deleted}"\n`;
        expected.push(`${name}:5 access-key-id hint ${deleted} not-found`);
      } else if (i % 10 === 2) {
        text += `aws_secret_access_key = ${secret}\n`;
        expected.push(`${name}:3 secret-access-key error - -`);
      } else if (i === 3) {
        text += `partner ${other} and the docs' AKIAIOSFODNN7EXAMPLE\n`;
        expected.push(`${name}:3 access-key-id information ${other} other-account`);
      }
      await writeFile(name, text);
    }
    // Not scanned: git-ignored, search-excluded, excluded by the argument.
    await writeFile('scan/ignored-by-git/a.txt', `key ${active}\n`);
    await writeFile('scan/excluded-by-search/a.txt', `key ${active}\n`);
    await writeFile('scan/excluded-by-arg/a.txt', `key ${active}\n`);
    await writeFile('.gitignore', 'ignored-by-git/\n*.local\n!keep.local\n');
    // git's rules: a negation re-includes, a nested .gitignore applies below its folder.
    await writeFile('scan/keep.local', `key ${active}\n`);
    expected.push(`scan/keep.local:1 access-key-id error ${active} Active`);
    await writeFile('scan/drop.local', `key ${active}\n`);
    await writeFile('scan/sub/.gitignore', 'hidden.txt\n');
    await writeFile('scan/sub/hidden.txt', `key ${active}\n`);
    const search = vscode.workspace.getConfiguration('search');
    await search.update('exclude', { '**/excluded-by-search': true }, vscode.ConfigurationTarget.Global);
    try {
      const result = (await vscode.commands.executeCommand('iamKeys.scanWorkspace', { include: 'scan/**', exclude: '**/excluded-by-arg/**' })) as {
        files: number;
        findings: Array<{ uri: string; line: number; kind: string; severity: string; accessKeyId?: string; status?: string; account?: string; userName?: string }>;
        cancelled: boolean;
      };
      assert.equal(result.files, 202, '200 files, scan/keep.local and scan/sub/.gitignore');
      assert.equal(result.cancelled, false);
      const root = folder().toString();
      const got = result.findings.map((f) => `${f.uri.slice(root.length + 1)}:${f.line} ${f.kind} ${f.severity} ${f.accessKeyId ?? '-'} ${f.status ?? '-'}`);
      assert.deepEqual(got, expected.sort());
      const activeFinding = result.findings.find((f) => f.accessKeyId === active)!;
      assert.deepEqual([activeFinding.account, activeFinding.userName], [EMULATOR_ACCOUNT_ID, activeUser]);
      // One lookup per distinct ID, answered from the cache where earlier tests asked.
      assert.ok(calls(session.emulator, 'GetAccessKeyLastUsed') <= 2, `${calls(session.emulator, 'GetAccessKeyLastUsed')} GetAccessKeyLastUsed calls`);
      assert.equal(calls(session.emulator, 'GetAccessKeyInfo'), 0);
    } finally {
      await search.update('exclude', undefined, vscode.ConfigurationTarget.Global);
      await vscode.workspace.fs.delete(vscode.Uri.joinPath(folder(), '.gitignore'));
    }
  });

  it('iamKeys.scanWorkspace skips files over maxFileBytes and binary files, and says so', async () => {
    await writeFile('scan-caps/big.txt', `key ${active}\n${'x'.repeat(3000)}\n`);
    await writeFile('scan-caps/small.txt', `key ${active}\n`);
    const binary = vscode.Uri.joinPath(folder(), 'scan-caps/blob.bin');
    await vscode.workspace.fs.writeFile(binary, Uint8Array.from([0, 1, 2, ...new TextEncoder().encode(` ${active} `)]));
    const result = (await vscode.commands.executeCommand('iamKeys.scanWorkspace', { include: 'scan-caps/**', maxFileBytes: 1000 })) as {
      files: number;
      findings: Array<{ uri: string }>;
      skipped: { tooLarge: number; binary: number; unreadable: number };
    };
    assert.equal(result.files, 1);
    assert.deepEqual(result.skipped, { tooLarge: 1, binary: 1, unreadable: 0 });
    assert.deepEqual(result.findings.map((f) => f.uri.split('/').pop()), ['small.txt']);
  });

  it('iamKeys.scanWorkspace refuses a bad argument with a message, and resolves to undefined', async () => {
    assert.equal(await vscode.commands.executeCommand('iamKeys.scanWorkspace', { include: 42 }), undefined);
    assert.equal(await vscode.commands.executeCommand('iamKeys.scanWorkspace', { maxFiles: -1 }), undefined);
  });
});
