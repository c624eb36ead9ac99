// Issue #25 item 21: an Active root key 1,400 days old was in the key health report but not in
// the tree's attention filter when the profile is an IAM user: only root can list root's keys,
// so the tree never had it. The credential report the filter reads has it; the filter now shows
// it as a row under the profile, with a tooltip saying where it comes from.
import * as assert from 'assert/strict';
import * as vscode from 'vscode';
import { type Session, childByLabel, children, item, label, startSession } from './fixture';

const DAY = 86_400_000;
const ROOT_ROW = /^Root account key · /;

describe('Issue 25: the root key of the credential report in the attention filter', function () {
  this.timeout(120_000);
  let session: Session | undefined;

  after(async () => {
    await vscode.commands.executeCommand('iamKeys.showAllKeys');
    await session?.close();
  });

  it('a profile that isn\'t root shows the old Active root key under the filter: "Root account key · Active · 1,400 days"', async () => {
    session = await startSession({ users: 2, referenceDate: new Date() }, { pageSize: 100 });
    const { api, emulator } = session;
    emulator.store.addRootAccessKey({ createDate: new Date(Date.now() - 1400 * DAY) });
    const [connection] = await children(api);
    assert.ok(connection, 'the profile row');
    await children(api, await childByLabel(api, connection, 'Users')); // the filter checks loaded users
    assert.ok(!(await children(api, connection)).some((row) => ROOT_ROW.test(label(api, row))), 'no root row without the filter');

    await vscode.commands.executeCommand('iamKeys.showNeedsAttention');
    const rows = await children(api, connection);
    const root = rows.find((row) => ROOT_ROW.test(label(api, row)));
    assert.ok(root, `a root key row under the profile: ${rows.map((row) => label(api, row)).join(' | ')}`);
    assert.equal(label(api, root), 'Root account key · Active · 1,400 days');
    const tooltip = item(api, root).tooltip;
    const text = (tooltip instanceof vscode.MarkdownString ? tooltip.value : String(tooltip)).replace(/\\(.)/g, '$1');
    assert.match(text, /From the credential report of /, text);
    assert.match(text, /Root user access key: delete it/, text);

    await vscode.commands.executeCommand('iamKeys.showAllKeys');
    assert.ok(!(await children(api, connection)).some((row) => ROOT_ROW.test(label(api, row))), 'gone with the filter');
  });
});
