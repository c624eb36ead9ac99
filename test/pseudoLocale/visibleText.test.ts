// In a host whose display language is the pseudo-locale qps-ploc (test/host/pseudoLocaleRun.ts),
// every text of ours a user meets is pseudo-translated: tree rows (label, description, tooltip,
// accessible name), the hover over a key ID and the leak diagnostic on it. A word of plain
// English left after taking out data (key IDs, ARNs, user and profile names, account IDs,
// dates and time zones, regions, control IDs, codicons, links, IAM's status values Active and
// Inactive, and ages, which Intl formats in English for a locale it does not know) is a string
// that never reached l10n/bundle.l10n.json.
import * as assert from 'assert/strict';
import * as vscode from 'vscode';
import type { TreeElement } from '../../src/explorer/nodes/treeElement';
import { EMULATOR_ACCOUNT_ID } from '../emulator/index';
import { BUILT_IN_IDENTITIES } from '../emulator/identities';
import { englishIn } from '../support/pseudoEnglish';
import { until } from '../support/wait';
import { PROFILES, type Session, children, item, startSession, writeWorkspaceFile } from '../integration/fixture';

const DAY = 86_400_000;
const USERS = ['pseudo-old', 'pseudo-unused'];

function texts(value: string | vscode.MarkdownString | vscode.TreeItemLabel | undefined | boolean): string {
  if (value === undefined || typeof value === 'boolean') return '';
  if (typeof value === 'string') return value;
  if ('value' in value) return value.value;
  return value.label;
}

describe('pseudo-locale qps-ploc: no English left in what the user meets', function () {
  this.timeout(120_000);
  let session: Session | undefined;
  let keyIds: string[] = [];
  let data: string[] = [];
  const leftovers: string[] = [];
  const check = (where: string, text: string): void => {
    const english = englishIn(text, data);
    if (english.length > 0) leftovers.push(`${where}: "${text}" (English: ${english.join(' ')})`);
  };

  before(async () => {
    assert.equal(vscode.env.language, 'qps-ploc', 'the host runs with display language qps-ploc');
    session = await startSession({ users: 0 }, { rotationWarningDays: 90 });
    const store = session.emulator.store;
    for (const userName of USERS) store.addUser({ userName });
    keyIds = [
      store.addAccessKey('pseudo-old', { createDate: new Date(Date.now() - 200 * DAY), lastUsed: { date: new Date(Date.now() - DAY), serviceName: 's3', region: 'us-east-1' } }).accessKeyId,
      store.addAccessKey('pseudo-unused', { createDate: new Date(Date.now() - 120 * DAY) }).accessKeyId,
    ];
    data = [...USERS, ...Object.values(PROFILES), ...Object.values(BUILT_IN_IDENTITIES).flatMap((identity) => identity.userName ?? []), EMULATOR_ACCOUNT_ID, 's3', 'iam']; // 's3', 'iam': services in "last used"
  });
  after(async () => {
    await session?.close();
  });

  it('tree rows: labels, descriptions, tooltips and accessible names', async () => {
    const { api } = session!;
    const labels: string[] = [];
    const visit = async (node: TreeElement | undefined, depth: number): Promise<number> => {
      let rows = 0;
      for (const child of await children(api, node)) {
        const tree = item(api, child);
        const resolved = (await api.explorer.resolveTreeItem?.(tree, child, new vscode.CancellationTokenSource().token)) ?? tree;
        const name = texts(tree.label) || tree.id || '?';
        labels.push(texts(tree.label));
        check(`row "${name}" label`, texts(tree.label));
        check(`row "${name}" description`, texts(tree.description));
        check(`row "${name}" tooltip`, texts(resolved.tooltip));
        check(`row "${name}" accessible name`, tree.accessibilityInformation?.label ?? '');
        rows++;
        if (depth < 3 && tree.collapsibleState !== vscode.TreeItemCollapsibleState.None) rows += await visit(child, depth + 1);
      }
      return rows;
    };
    const rows = await visit(undefined, 0);
    assert.ok(rows >= 6, `${rows} rows walked`);
    assert.deepEqual(leftovers.splice(0), [], 'rows showing English');
    // The bundle loaded: rows read pseudo-letters, not only no English.
    assert.match(labels.join(' '), /[\u0100-\u024f\u1e00-\u1eff]/, `row labels: ${labels.join(' | ')}`);
  });

  it('the hover over a key ID and its leak diagnostic', async () => {
    const uri = await writeWorkspaceFile('pseudo.env', `AWS_ACCESS_KEY_ID=${keyIds[0]}\n`);
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    let hover = '';
    await until(async () => {
      const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, document.positionAt(document.getText().indexOf(keyIds[0]!) + 5))) ?? [];
      hover = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).find((text) => text.includes(keyIds[0]!)) ?? '';
      return hover.includes('pseudo\\-old'); // the lookup's answer names the owner (Markdown-escaped)
    }, 'a hover naming the key\'s owner', 30_000, 200).catch((error: Error) => assert.fail(`${error.message}; last hover: ${hover}`));
    check('hover', hover);
    let messages: string[] = [];
    await until(() => {
      messages = vscode.languages.getDiagnostics(uri).map((d) => d.message);
      return messages.some((m) => m.includes('pseudo-old'));
    }, 'a leak diagnostic naming the key\'s owner', 30_000, 200);
    for (const message of messages) check('diagnostic', message);
    assert.deepEqual(leftovers.splice(0), [], 'hover and diagnostic showing English');
  });
});
