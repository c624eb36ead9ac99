// In the pseudo-locale host (test/host/pseudoLocaleRun.ts): what commands show outside the
// tree — notification toasts and their buttons, a quick pick's title and placeholder, a status
// bar message, an exported report — read where the user reads them (toasts, quick input and
// status bar in the real browser's DOM) and required to be pseudo-translated, data aside.
import * as assert from 'assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { EMULATOR_ACCOUNT_ID } from '../emulator/index';
import { BUILT_IN_IDENTITIES } from '../emulator/identities';
import type { IamKeysInternals } from '../../src/extension';
import type { TreeElement } from '../../src/explorer/nodes/treeElement';
import { PROFILES, type Session, children, item, startSession, writeWorkspaceFile } from '../integration/fixture';
import { englishIn } from '../support/pseudoEnglish';
import type { CaptureKind } from '../support/workbenchCapture';
import { workbenchText } from './capture';

const DAY = 86_400_000;
const USER = 'pseudo-msg';
const MISSING_USER = 'pseudo-nobody';
const MALFORMED_ID = 'AKIA123';
/** Pseudo-localized letters (l10n-dev's pseudo-localizer): proof that the text came through the bundle. */
const PSEUDO = /[\u0100-\u024f\u1e00-\u1eff]/;

/** Opens every row down to the keys, so their keys are loaded (Find Access Key Owner offers them). */
async function loadTree(api: IamKeysInternals, node?: TreeElement, depth = 0): Promise<void> {
  for (const child of await children(api, node)) {
    if (depth < 3 && item(api, child).collapsibleState !== vscode.TreeItemCollapsibleState.None) await loadTree(api, child, depth + 1);
  }
}

describe('pseudo-locale qps-ploc: messages, quick input, status bar and exports', function () {
  this.timeout(120_000);
  let session: Session | undefined;
  let keyId = '';
  let data: string[] = [];
  const leftovers: string[] = [];
  const check = (where: string, text: string): void => {
    const english = englishIn(text, data);
    if (english.length > 0) leftovers.push(`${where}: "${text}" (English: ${english.join(' ')})`);
  };
  /** Runs `trigger`, reads the `kind` text the workbench then shows, checks it; returns it. */
  const shown = async (name: string, kind: CaptureKind, trigger: () => Thenable<unknown> | void): Promise<string[]> => {
    await trigger();
    const texts = await workbenchText(name, kind);
    for (const t of texts) check(`${name}: ${t.kind} ${t.where}`, t.text);
    await vscode.commands.executeCommand('notifications.clearAll');
    const ofKind = texts.filter((t) => t.kind === kind).map((t) => t.text);
    assert.ok(ofKind.some((text) => PSEUDO.test(text)), `${name}: the ${kind} read pseudo-translated: ${JSON.stringify(texts)}`);
    return ofKind;
  };

  before(async () => {
    assert.equal(vscode.env.language, 'qps-ploc', 'the host runs with display language qps-ploc');
    session = await startSession({ users: 0 }, { rotationWarningDays: 90 });
    session.emulator.store.addUser({ userName: USER });
    keyId = session.emulator.store.addAccessKey(USER, { createDate: new Date(Date.now() - 200 * DAY) }).accessKeyId;
    data = [USER, MISSING_USER, MALFORMED_ID, ...Object.values(PROFILES), ...Object.values(BUILT_IN_IDENTITIES).flatMap((identity) => identity.userName ?? []), EMULATOR_ACCOUNT_ID];
  });
  beforeEach(() => leftovers.splice(0));
  after(async () => {
    await vscode.commands.executeCommand('notifications.clearAll');
    await session?.close();
  });

  it('error, warning and information toasts with their buttons', async () => {
    await shown('find-malformed', 'notification', () => vscode.commands.executeCommand('iamKeys.findAccessKey', MALFORMED_ID));
    // Write actions are off (the default): the refusal names the setting and offers to open it.
    data.push('iamKeys.allowWriteActions');
    const refusal = await shown('write-refused', 'notification', () => vscode.commands.executeCommand('iamKeys.deactivateAccessKey', { accessKeyId: keyId }));
    assert.ok(refusal.length >= 2, `a message and its button: ${JSON.stringify(refusal)}`);
    // A classified AWS error (NoSuchEntity).
    await shown('classified-error', 'notification', () => vscode.commands.executeCommand('iamKeys.listAccessKeys', { userName: MISSING_USER }));
    await writeWorkspaceFile('pseudo-scan.env', `AWS_ACCESS_KEY_ID=${keyId}\n`);
    await shown('scan-workspace', 'notification', () => vscode.commands.executeCommand('iamKeys.scanWorkspace'));
    assert.deepEqual(leftovers.splice(0), [], 'toasts showing English');
  });

  it('a quick pick\'s title, placeholder and items, and a status bar message', async () => {
    await loadTree(session!.api);
    const picking = vscode.commands.executeCommand('iamKeys.findAccessKey');
    await shown('find-pick', 'quickInput', () => undefined);
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    await picking;
    await shown('copy-status', 'status', () => vscode.commands.executeCommand('iamKeys.copyAccessKeyId', { accessKeyId: keyId }));
    assert.deepEqual(leftovers.splice(0), [], 'quick input and status bar showing English');
  });

  it('the health report exported as Markdown', async () => {
    const file = path.join(os.tmpdir(), `iamkeys-pseudo-report-${process.pid}.md`);
    try {
      await vscode.commands.executeCommand('iamKeys.showHealthReport', { format: 'markdown', file, show: false });
      const markdown = fs.readFileSync(file, 'utf8');
      assert.match(markdown, PSEUDO, markdown.slice(0, 400));
      for (const line of markdown.split('\n')) check('report Markdown', line);
    } finally {
      fs.rmSync(file, { force: true });
    }
    assert.deepEqual(leftovers.splice(0), [], 'report Markdown showing English');
  });
});
