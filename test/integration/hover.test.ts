// Hovers over key IDs in real documents, in the extension host, against the local IAM endpoint.
// Other extensions' hovers may be in the answer too: ours are recognised by their first line.
import * as assert from 'assert/strict';
import * as vscode from 'vscode';
import type { StoredAccessKey, StoredUser } from '../emulator/index';
import { EMULATOR_ACCOUNT_ID, SESSION_CREDENTIALS } from '../emulator/index';
import { accountIdFromAccessKeyId, makeAccessKeyId } from '../emulator/keyIds';
import { SeededRandom } from '../emulator/random';
import { until } from '../support/wait';
import { type Session, calls, callsAbout, childByLabel, children, configure, delay, keyIdOf, label, startSession, totalCalls } from './fixture';

/** First line of every hover we make: an icon, the bold ID, then what kind of ID it is. */
const OURS = /^\$\([\w~-]+\) \*\*(A[A-Z0-9]{15,20})\*\* · /;

async function hoverTexts(document: vscode.TextDocument, offset: number): Promise<string[]> {
  const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, document.positionAt(offset))) ?? [];
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value)));
}

/** Our hover over the `nth` occurrence of `id` in `document`, if any. */
async function ourHover(document: vscode.TextDocument, id: string, nth = 0): Promise<string | undefined> {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = document.getText().indexOf(id, at + 1);
  assert.ok(at >= 0, `${id} is not in the document`);
  const texts = await hoverTexts(document, at + 5);
  return texts.find((t) => OURS.exec(t)?.[1] === id);
}

/** Like ourHover, but hovers again while it says "looking up" (the first lookup may be slow). */
async function answeredHover(document: vscode.TextDocument, id: string): Promise<string> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const text = await ourHover(document, id);
    assert.ok(text, `no hover from IAM Access Keys over ${id}`);
    if (!text.includes('Looking up')) return text;
    await delay(250);
  }
  throw new Error(`the hover over ${id} kept saying "looking up"`);
}

/** Once the leak diagnostic of `document` holds its lookup's answer. */
async function leakJudged(document: vscode.TextDocument): Promise<void> {
  const judged = (): boolean =>
    vscode.languages.getDiagnostics(document.uri).some((d) => d.code === 'leaked-access-key-id' && !/not looked up/.test(d.message));
  await until(judged, `the leak diagnostic of ${document.uri.toString()}`);
}

async function workspaceFile(name: string, content: string): Promise<vscode.TextDocument> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'no workspace folder');
  const uri = vscode.Uri.joinPath(folder.uri, name);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(content));
  return vscode.workspace.openTextDocument(uri);
}

function untitled(content: string, language = 'plaintext'): Thenable<vscode.TextDocument> {
  return vscode.workspace.openTextDocument({ language, content });
}

async function setHover(session: Session, values: { enabled?: boolean; maxLookupsPerMinute?: number }): Promise<void> {
  // Only the given keys: updating a key to undefined would reset it to its default.
  if (values.enabled !== undefined) await configure({ 'hover.enabled': values.enabled });
  if (values.maxLookupsPerMinute !== undefined) await configure({ 'hover.maxLookupsPerMinute': values.maxLookupsPerMinute });
  const hover = (): typeof session.api.settings.current.hover => session.api.settings.current.hover;
  await until(
    () => (values.enabled === undefined || hover().enabled === values.enabled) && (values.maxLookupsPerMinute === undefined || hover().maxLookupsPerMinute === values.maxLookupsPerMinute),
    'the hover settings',
  );
}

/** An access key ID STS will place in `account`, unknown to IAM. */
function unknownKeyOf(account: string, seed: number): string {
  return makeAccessKeyId(account, new SeededRandom(seed));
}

describe('hover: access key IDs in documents', function () {
  this.timeout(60_000);
  let session: Session;
  let users: StoredUser[];
  // Hand-built keys whose hover text the tests write out by hand: names with Markdown
  // punctuation (escaped as \_ \. \+ \@), dates with known UTC minutes.
  let opsBotKey: StoredAccessKey;
  let treeUserKey: StoredAccessKey;
  let slowListedKey: StoredAccessKey;

  before(async () => {
    // Leak diagnostics stay on (the default): they look up the same IDs in opened documents,
    // sharing the hover's requests, so the counts below are the same with or without them.
    session = await startSession({ users: 12, seed: 21 }, { 'hover.enabled': true, 'hover.cacheSeconds': 300, 'hover.maxLookupsPerMinute': 600 });
    await until(() => session.api.settings.current.endpoint === session.emulator.url, 'the endpoint setting');
    users = session.emulator.store.users().filter((u) => u.accessKeys.length > 0 && u.userName !== 'demo-admin' && u.userName !== 'limited-auditor');
    assert.ok(users.length >= 3, 'the generated account has users with keys');
    const store = session.emulator.store;
    store.addUser({ userName: 'ops_bot.ci' });
    opsBotKey = store.addAccessKey('ops_bot.ci', {
      status: 'Inactive',
      createDate: new Date('2024-03-05T14:07:09Z'),
      lastUsed: { date: new Date('2025-01-02T03:04:05Z'), serviceName: 's3', region: 'us-east-1' },
    });
    store.addUser({ userName: 'tree+user@example' });
    treeUserKey = store.addAccessKey('tree+user@example', { createDate: new Date('2023-11-20T08:30:00Z') });
    store.addUser({ userName: 'slow.listed' });
    slowListedKey = store.addAccessKey('slow.listed', { lastUsed: { date: new Date('2025-06-07T08:09:00Z'), serviceName: 'iam', region: 'us-east-1' } });
  });

  after(async () => {
    await session?.close();
  });

  beforeEach(() => session.emulator.resetCounters());

  it('names the owner and status of a key of the account (JSON file), as IAM has them', async () => {
    const stored = opsBotKey;
    const document = await workspaceFile('hover-key.json', JSON.stringify({ AccessKey: { UserName: 'ops_bot.ci', AccessKeyId: stored.accessKeyId } }, null, 2));
    const text = await answeredHover(document, stored.accessKeyId);
    assert.ok(text.includes('Owner: **ops\\_bot\\.ci**'), text);
    assert.ok(text.includes('Status: Inactive'), text);
    assert.ok(text.includes('Created: 2024-03-05 14:07 UTC'), text);
    assert.ok(text.includes('Account: 123456789012'), text);
    assert.ok(text.includes('Last used: 2025-01-02 03:04 UTC'), text);
    assert.ok(text.includes('command:iamKeys.revealAccessKey?'), 'offers to reveal the key');
    // The ID carries its account: STS is not asked which account it is.
    assert.equal(calls(session.emulator, 'GetAccessKeyInfo'), 0);
    assert.equal(calls(session.emulator, 'GetAccessKeyLastUsed'), 1);
  });

  it('answers a second hover over the same key from the cache, in another document (YAML)', async () => {
    const stored = opsBotKey;
    const document = await workspaceFile('hover-key.yaml', `credentials:\n  aws_access_key_id: ${stored.accessKeyId}\n`);
    const text = await ourHover(document, stored.accessKeyId);
    assert.ok(text?.includes('Owner: **ops\\_bot\\.ci**'), text);
    assert.equal(totalCalls(session.emulator), 0);
  });

  it('says a key of the account that IAM does not hold was not found', async () => {
    const id = unknownKeyOf(EMULATOR_ACCOUNT_ID, 4242);
    const document = await untitled(`deleted key: ${id}\n`);
    const text = await answeredHover(document, id);
    assert.match(text, new RegExp(`Not found in account \\*\\*${EMULATOR_ACCOUNT_ID}\\*\\*`));
  });

  it('names the account of an old-format key no profile covers, asking STS but not IAM', async () => {
    const id = 'AKIAIOSFODNN7PARTNER'; // old format, like the documentation's (whose IDs are named as examples, no lookup)
    const document = await untitled(`export AWS_ACCESS_KEY_ID=${id}\n`, 'shellscript');
    const text = await answeredHover(document, id);
    assert.ok(text.includes(`Belongs to account **${accountIdFromAccessKeyId(id)}**`), text);
    assert.equal(calls(session.emulator, 'GetAccessKeyInfo'), 1);
    assert.equal(calls(session.emulator, 'GetAccessKeyLastUsed'), 0);
  });

  it('says an ASIA key (.env file) is temporary and which account issued it', async () => {
    const id = SESSION_CREDENTIALS.accessKeyId;
    const document = await workspaceFile('hover.env', `AWS_ACCESS_KEY_ID=${id}\nAWS_REGION=us-east-1\n`);
    const text = await answeredHover(document, id);
    assert.ok(text.startsWith(`$(clock) **${id}**`), text);
    assert.ok(text.includes(`Temporary key issued by account **${EMULATOR_ACCOUNT_ID}**`), text);
    assert.equal(calls(session.emulator, 'GetAccessKeyLastUsed'), 0);
  });

  it('ignores near-keys: 15 characters after AKIA, or lower case', async () => {
    const short = 'AKIA' + 'ABCDEFGHIJKLMNO';
    const lower = 'akiaiosfodnn7example';
    const document = await untitled(`short=${short}\nlower=${lower}\n`);
    for (const id of [short, lower]) {
      const texts = await hoverTexts(document, document.getText().indexOf(id) + 5);
      assert.deepEqual(texts.filter((t) => OURS.test(t)), [], `no hover of ours over ${id}`);
    }
    assert.equal(totalCalls(session.emulator), 0);
  });

  it('says what other unique IDs are, without a call', async () => {
    const user = users[1]!;
    const document = await untitled(`{"UserId": "${user.userId}"}`, 'json');
    const text = await ourHover(document, user.userId);
    assert.ok(text?.includes('IAM user'), text);
    assert.equal(totalCalls(session.emulator), 0);
  });

  it('answers a key already loaded in the tree with one call, for its last use, shared with the tooltip', async () => {
    const stored = treeUserKey;
    const [root] = await children(session.api);
    const usersRow = await childByLabel(session.api, root, 'Users');
    const userRow = (await children(session.api, usersRow)).find((row) => label(session.api, row) === 'tree+user@example');
    assert.ok(userRow, 'tree+user@example is listed');
    await children(session.api, userRow);
    session.emulator.resetCounters();

    const document = await untitled(`key ${stored.accessKeyId} in plain text`);
    const text = await ourHover(document, stored.accessKeyId);
    assert.ok(text?.includes('Owner: **tree\\+user\\@example**'), text);
    assert.ok(text?.includes('Status: Active'), text);
    assert.match(text ?? '', /Last used/);
    assert.equal(calls(session.emulator, 'GetAccessKeyLastUsed'), 1);
    assert.equal(totalCalls(session.emulator), 1);
    // A second hover and the row's tooltip ask nothing more.
    await ourHover(document, stored.accessKeyId);
    const keyRow = (await children(session.api, userRow)).find((row) => keyIdOf(row) === stored.accessKeyId)!;
    await session.api.explorer.resolveTreeItem(session.api.explorer.getTreeItem(keyRow) as vscode.TreeItem, keyRow, new vscode.CancellationTokenSource().token);
    assert.equal(totalCalls(session.emulator), 1);
  });

  it('names the account of a new-format key no profile covers from the ID alone, with no call', async () => {
    const id = unknownKeyOf('210987654321', 8080);
    const document = await untitled(`other ${id}\n`);
    const text = await answeredHover(document, id);
    assert.ok(text.includes('Belongs to account **210987654321**'), text);
    assert.equal(calls(session.emulator, 'GetAccessKeyInfo') + calls(session.emulator, 'GetAccessKeyLastUsed'), 0);
  });

  it('stops looking up past iamKeys.hover.maxLookupsPerMinute', async () => {
    // One unit a request; a lookup takes the 2 a key of the account usually costs up front: 2 lookups.
    await setHover(session, { maxLookupsPerMinute: 4 });
    try {
      // Keys the ID places in the account but IAM doesn't hold: each costs an IAM call.
      const ids = [1, 2, 3].map((seed) => unknownKeyOf(EMULATOR_ACCOUNT_ID, 9000 + seed));
      const document = await untitled(ids.join('\n'));
      assert.match(await answeredHover(document, ids[0]!), /Not found in account/);
      assert.match(await answeredHover(document, ids[1]!), /Not found in account/);
      assert.match(await answeredHover(document, ids[2]!), /Lookup limit reached, try again in a moment/);
      assert.equal(calls(session.emulator, 'GetAccessKeyLastUsed'), 2);
      // Answers already known are still shown.
      assert.match((await ourHover(document, ids[0]!)) ?? '', /Not found in account/);
      assert.equal(calls(session.emulator, 'GetAccessKeyLastUsed'), 2);
    } finally {
      await setHover(session, { maxLookupsPerMinute: 600 });
    }
  });

  it('says "looking up" rather than block when AWS is slow; the next hover shows the answer of the same request', async () => {
    // The hover waits LOOKUP_WAIT_MS (1.5 s) at most; the request takes 4× that. "Did not block"
    // is the hover's own answer, not a clock: a blocked hover would show the request's answer.
    const latencyMs = 6000;
    session.emulator.setFaults({ latencyMs });
    try {
      const id = unknownKeyOf(EMULATOR_ACCOUNT_ID, 777);
      const document = await untitled(`slow ${id}`);
      const first = await ourHover(document, id);
      assert.match(first ?? '', /Looking up/);
      assert.doesNotMatch(first ?? '', /Not found in account/);
      assert.match(await answeredHover(document, id), /Not found in account/);
      // Counted by the key asked about: lookups of earlier tests' documents may still arrive.
      assert.equal(callsAbout(session.emulator, 'GetAccessKeyLastUsed', id), 1);
    } finally {
      session.emulator.setFaults({ latencyMs: 0 });
    }
  });

  it('a hover while the leak diagnostic\'s lookup is in flight, the key listed by the tree meanwhile, makes no second GetAccessKeyLastUsed', async () => {
    // The diagnostic asks IAM who owns the key (the owner lookup); the tree lists the key while
    // that lookup is out; the hover then finds the key listed and needs its last use: the one
    // request the owner lookup made, through the session's memo, not a second one.
    const [root] = await children(session.api);
    const usersRow = await childByLabel(session.api, root, 'Users');
    const userRow = (await children(session.api, usersRow)).find((row) => label(session.api, row) === 'slow.listed');
    assert.ok(userRow, 'slow.listed is listed');
    session.emulator.resetCounters();
    const latencyMs = 6000;
    session.emulator.setFaults({ latencyMs });
    try {
      const id = slowListedKey.accessKeyId;
      const document = await untitled(`pasted: ${id}\n`);
      const leak = (): vscode.Diagnostic | undefined => vscode.languages.getDiagnostics(document.uri).find((d) => d.code === 'leaked-access-key-id');
      // The diagnostic's GetAccessKeyLastUsed is out (counted on arrival)…
      await until(() => callsAbout(session.emulator, 'GetAccessKeyLastUsed', id) === 1, 'the diagnostic\'s GetAccessKeyLastUsed');
      // …the tree lists the user's keys (one ListAccessKeys, as slow, sent after it)…
      await children(session.api, userRow);
      // …and the hover finds the key listed, while the diagnostic's lookup still asks for the key's status.
      const text = await answeredHover(document, id);
      assert.ok(text.includes('Owner: **slow\\.listed**'), text);
      assert.ok(text.includes('Last used: 2025-06-07 08:09 UTC'), text);
      await until(() => /^Active access key of slow\.listed in /.test(leak()?.message ?? ''), 'the leak diagnostic', 20_000);
      assert.equal(callsAbout(session.emulator, 'GetAccessKeyLastUsed', id), 1);
    } finally {
      session.emulator.setFaults({ latencyMs: 0 });
    }
  });

  it('shows nothing when iamKeys.hover.enabled is false, and again once it is true', async () => {
    const stored = users[0]!.accessKeys[0]!;
    const document = await untitled(`id: ${stored.accessKeyId}`);
    // The leak diagnostic looks the key up on its own: counted from here, the hover's calls only.
    await leakJudged(document);
    session.emulator.resetCounters();
    await setHover(session, { enabled: false });
    try {
      assert.equal(await ourHover(document, stored.accessKeyId), undefined);
      assert.equal(totalCalls(session.emulator), 0);
    } finally {
      await setHover(session, { enabled: true });
    }
    assert.ok(await ourHover(document, stored.accessKeyId));
  });

  it('marks key IDs in open files only when iamKeys.decorations.enabled is on; one Problems entry per ID beside the leak diagnostics', async () => {
    const id = users[0]!.accessKeys[0]!.accessKeyId;
    const docsExample = 'AKIAIOSFODNN7EXAMPLE'; // the leak scan skips the documentation's IDs
    const document = await workspaceFile('hover-marked.txt', `first line\nleaked: ${id}\nfrom the docs: ${docsExample}\n`);
    await vscode.window.showTextDocument(document);
    const all = (): vscode.Diagnostic[] => vscode.languages.getDiagnostics(document.uri).filter((d) => d.source === 'IAM Access Keys');
    const markers = (): vscode.Diagnostic[] => all().filter((d) => d.code === 'access-key-id');
    /** Problems entries per ID, as `ID code` sorted. */
    const entries = (): string[] => all().map((d) => `${document.getText(d.range)} ${String(d.code)}`).sort();
    // Markers are set as the editor shows, before the leak diagnostic (which waits for a lookup)
    // is judged: by then a marker would be there (the positive control below shows it is).
    await leakJudged(document);
    assert.deepEqual(markers(), [], 'off by default');
    const config = vscode.workspace.getConfiguration('iamKeys');
    await config.update('decorations.enabled', true, vscode.ConfigurationTarget.Global);
    try {
      // The leak diagnostic has the key's entry; the marker adds one only for the ID it doesn't report.
      await until(() => markers().length === 1, 'the marker diagnostic');
      // Positive control of the "off by default" wait: with the setting on, the same wait sees a marker.
      const control = await untitled(`leaked: ${id}\nfrom the docs: ${docsExample}\n`);
      await vscode.window.showTextDocument(control);
      await leakJudged(control);
      const controlMarkers = vscode.languages.getDiagnostics(control.uri).filter((d) => d.source === 'IAM Access Keys' && d.code === 'access-key-id');
      assert.equal(controlMarkers.length, 1, 'a marker by the time the leak diagnostic is judged');
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      await vscode.window.showTextDocument(document);
      // The marker pass that added the docs example's entry decided the leaked ID's too.
      assert.deepEqual(entries(), [`${docsExample} access-key-id`, `${id} leaked-access-key-id`]);
      const [marker] = markers();
      assert.equal(marker!.severity, vscode.DiagnosticSeverity.Information);
      assert.match(marker!.message, /often half of a leaked credential/);
      assert.deepEqual([marker!.range.start.line, marker!.range.start.character, marker!.range.end.character], [2, 15, 35]);
      // Leak diagnostics off: the markers list every ID.
      await configure({ 'diagnostics.enabled': false });
      try {
        await until(() => entries().join() === [`${docsExample} access-key-id`, `${id} access-key-id`].join(), `marker entries for both IDs (${entries().join(', ')})`);
        const mine = markers().find((d) => document.getText(d.range) === id)!;
        assert.deepEqual([mine.range.start.line, mine.range.start.character, mine.range.end.character], [1, 8, 28]);
      } finally {
        await configure({ 'diagnostics.enabled': true });
      }
      await until(() => entries().join() === [`${docsExample} access-key-id`, `${id} leaked-access-key-id`].join(), `one entry per ID again (${entries().join(', ')})`);
    } finally {
      await config.update('decorations.enabled', undefined, vscode.ConfigurationTarget.Global);
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    }
    await until(() => markers().length === 0, 'the marker diagnostics to go');
  });
});
