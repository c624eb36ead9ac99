// Leak diagnostics at scale and the lookup budget, in the extension host against the local IAM
// endpoint: a file with 8,000 key-ID/secret pairs must not freeze the host (the largest
// event-loop stall is measured with a 10 ms interval in this same host), a workspace's
// settings can't move the budget, the cache or the ignore list, and a document nobody edits
// makes no lookups after its first pass. Requests are counted at the endpoint.
import * as assert from 'assert/strict';
import * as vscode from 'vscode';
import { EMULATOR_ACCOUNT_ID } from '../emulator/index';
import { makeAccessKeyId } from '../emulator/keyIds';
import { SeededRandom } from '../emulator/random';
import { leakPairsText } from '../support/leakPairsText';
import { until } from '../support/wait';
import { type Session, callsAbout, configure, startSession, totalCalls, workspaceFolder as folder, writeWorkspaceFile as writeFile } from './fixture';

const SOURCE = 'IAM Access Keys';

function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE && String(d.code).startsWith('leaked-'));
}

/** The next change of `uri`'s diagnostics (subscribe before causing it). */
function nextDiagnostics(uri: vscode.Uri): Promise<void> {
  return new Promise((resolve) => {
    const subscription = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString())) {
        subscription.dispose();
        resolve();
      }
    });
  });
}

/** True once `count()` differs from what it was at the call, false if it hasn't within `ms`. */
async function changesWithin(count: () => number, ms: number): Promise<boolean> {
  const start = count();
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (count() !== start) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return count() !== start;
}

/** Access key IDs of the emulator's account that IAM doesn't hold: one GetAccessKeyLastUsed each. */
function unknownKeys(count: number, seed: number): string[] {
  const random = new SeededRandom(seed);
  return Array.from({ length: count }, () => makeAccessKeyId(EMULATOR_ACCOUNT_ID, random));
}

async function appendLine(uri: vscode.Uri): Promise<void> {
  const doc = await vscode.workspace.openTextDocument(uri);
  const edit = new vscode.WorkspaceEdit();
  edit.insert(uri, new vscode.Position(doc.lineCount, 0), '\n');
  assert.ok(await vscode.workspace.applyEdit(edit));
}

describe('leak diagnostics at scale and the lookup budget', function () {
  this.timeout(360_000);
  let session: Session;

  before(async () => {
    session = await startSession({ users: 4, seed: 77 });
    await until(() => session.api.settings.current.endpoint === session.emulator.url, 'the endpoint setting');
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(vscode.Uri.joinPath(folder(), '.vscode', 'settings.json')).then(undefined, () => undefined);
    await session?.close();
  });

  it('a file with 8,000 key-ID/secret pairs opens without stalling the host (largest gap of a 10 ms timer < 1 s), and its diagnostics appear', async () => {
    // Keys of another account: their verdicts need no lookup, so the time is the scan's.
    const { text } = leakPairsText(8000, { account: '210987654321' });
    const uri = await writeFile('scale/many-keys.env', text);
    let last = performance.now();
    let longestGap = 0;
    const probe = setInterval(() => {
      const now = performance.now();
      longestGap = Math.max(longestGap, now - last);
      last = now;
    }, 10);
    try {
      const started = performance.now();
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
      await until(() => ours(uri).length === 16_000, '16,000 diagnostics', 120_000, 100);
      console.log(`leakScale: 8,000 pairs (${(text.length / 1e6).toFixed(2)} MB): diagnostics after ${(performance.now() - started).toFixed(0)} ms, largest event-loop gap ${longestGap.toFixed(0)} ms`);
      assert.ok(longestGap < 1000, `the extension host stalled ${longestGap.toFixed(0)} ms`);
    } finally {
      clearInterval(probe);
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    }
  });

  it('workspace values of maxLookupsPerMinute (600), cacheSeconds (0) and diagnostics.ignore have no effect', async () => {
    // Earlier suites' open documents would go on drawing on the same budget.
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await configure({ 'hover.maxLookupsPerMinute': 10 });
    await until(() => session.api.settings.current.hover.maxLookupsPerMinute === 10, 'the user cap of 10');
    const ids = unknownKeys(20, 4242);
    // What a cloned repository would carry.
    await writeFile('.vscode/settings.json', JSON.stringify({ 'editor.tabSize': 7, 'iamKeys.hover.maxLookupsPerMinute': 600, 'iamKeys.hover.cacheSeconds': 0, 'iamKeys.diagnostics.ignore': [ids[0]] }));
    // Positive control: the editor has read the repository's settings file.
    await until(() => vscode.workspace.getConfiguration('editor').inspect('tabSize')?.workspaceValue === 7, 'the workspace settings file', 20_000);
    try {
      const before = totalCalls(session.emulator);
      const uri = await writeFile('scale/twenty-keys.txt', ids.map((id) => `key: ${id}`).join('\n') + '\n');
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
      await until(() => ours(uri).length === 20, 'a diagnostic for each of the 20 IDs, the workspace-ignored one too', 30_000, 100);
      const made = totalCalls(session.emulator) - before;
      assert.ok(made >= 1 && made <= 10, `${made} requests with a user cap of 10 a minute (the workspace said 600)`);
      // cacheSeconds 0 would make the rescan after an edit ask again about every answered key.
      // Earlier suites' lookups may have spent this minute's budget: wait for the window to turn.
      await until(() => ids.some((id) => callsAbout(session.emulator, 'GetAccessKeyLastUsed', id) > 0), 'a first answered key', 75_000, 200);
      const answered = ids.filter((id) => callsAbout(session.emulator, 'GetAccessKeyLastUsed', id) > 0);
      const rescanned = nextDiagnostics(uri);
      await appendLine(uri);
      await rescanned;
      assert.deepEqual(
        answered.map((id) => callsAbout(session.emulator, 'GetAccessKeyLastUsed', id)),
        answered.map(() => 1),
        'answered keys come from the cache after an edit',
      );
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      // The next test must not see the repository's values (before the fix they applied).
      await vscode.workspace.fs.delete(vscode.Uri.joinPath(folder(), '.vscode', 'settings.json'));
    }
  });

  it('hover, diagnostics and the workspace scan share one cap: together they make at most maxLookupsPerMinute requests', async () => {
    // Each source alone wants more than the cap (4 keys, 2 units a lookup = 8): with a cap of
    // its own each, the three would make up to 18 requests in the minute.
    await configure({ 'hover.maxLookupsPerMinute': 6 });
    await until(() => session.api.settings.current.hover.maxLookupsPerMinute === 6, 'the user cap of 6');
    const ids = unknownKeys(12, 6161);
    const asked = (): number => ids.reduce((sum, id) => sum + callsAbout(session.emulator, 'GetAccessKeyLastUsed', id), 0);
    const hovered = await writeFile('shared-cap/hovered.txt', ids.slice(0, 4).map((id) => `key: ${id}`).join('\n') + '\n');
    const open = await writeFile('shared-cap/open.txt', ids.slice(4, 8).map((id) => `key: ${id}`).join('\n') + '\n');
    await writeFile('shared-cap/closed.txt', ids.slice(8).map((id) => `key: ${id}`).join('\n') + '\n');
    const before = totalCalls(session.emulator);
    const started = Date.now();
    const hoverDoc = await vscode.workspace.openTextDocument(hovered);
    const hovers = ids.slice(0, 4).map((id) =>
      vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', hoverDoc.uri, hoverDoc.positionAt(hoverDoc.getText().indexOf(id) + 2)),
    );
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(open));
    const scan = vscode.commands.executeCommand('iamKeys.scanWorkspace', { include: 'shared-cap/**' });
    try {
      // Positive control: the sources do ask (the first lookups go through at once).
      await until(() => asked() >= 1, 'a first lookup', 20_000, 100);
      // Well inside the budget's one-minute window: whatever is still waiting waits for room.
      await new Promise((resolve) => setTimeout(resolve, 15_000));
      assert.ok(Date.now() - started < 50_000, 'the check ran inside one budget window');
      const made = totalCalls(session.emulator) - before;
      assert.ok(made >= 1 && made <= 6, `${made} requests from hover, diagnostics and scan together with a cap of 6 a minute`);
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await Promise.allSettled([scan, ...hovers]);
    }
  });

  it('a visible document nobody edits makes no lookups after its first pass, though its answers expire; an edit does', async () => {
    // 5 keys, 4 requests a minute: the first pass takes the budget's retries over the next two
    // minutes (a lookup takes 2 units up front), and the first answers expire in between.
    await configure({ 'hover.maxLookupsPerMinute': 4, 'hover.cacheSeconds': 5 });
    await until(() => session.api.settings.current.hover.maxLookupsPerMinute === 4 && session.api.settings.current.hover.cacheSeconds === 5, 'the user settings', 20_000);
    const ids = unknownKeys(5, 5151);
    const requests = (): number => ids.reduce((sum, id) => sum + callsAbout(session.emulator, 'GetAccessKeyLastUsed', id), 0);
    const uri = await writeFile('scale/five-keys.txt', ids.map((id) => `key: ${id}`).join('\n') + '\n');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    // The first pass: every ID asked about once (the last ones after the budget's retries).
    await until(() => ids.every((id) => callsAbout(session.emulator, 'GetAccessKeyLastUsed', id) === 1), 'each key looked up once', 170_000, 200);
    // Answers expire after 5 s and the budget's window turns over: nothing may ask again.
    assert.equal(await changesWithin(requests, 75_000), false, 'lookups of an unchanged document after its first pass');
    // Positive control: the same wait sees lookups once the document is edited.
    await appendLine(uri);
    assert.equal(await changesWithin(requests, 75_000), true, 'no lookup after an edit');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });
});
