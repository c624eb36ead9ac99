// Commands read the account's model, not tree rows: Find Access Key Owner reveals a key the
// collapsed tree never loaded (the model loads the pages, the tree maps the key to its row), and
// an export of the loaded users under the view's filter writes what the filter shows.
import * as assert from 'assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { PROFILES, type Session, rowId, startSession } from './fixture';

describe('Commands read the account model', function () {
  this.timeout(60_000);
  let session: Session;
  before(async () => {
    // Page size 2: the users come in several pages, and kate's five keys in three.
    session = await startSession({ users: 0, seed: 22 }, { pageSize: 2 });
    const { store } = session.emulator;
    for (const userName of ['team-anna', 'team-ben', 'ops-carl', 'kate']) store.addUser({ userName });
    for (const userName of ['team-anna', 'team-ben', 'ops-carl']) store.addAccessKey(userName);
    // More keys than IAM's quota of two (the store allows it), so that one sits on a third page.
    for (let i = 0; i < 5; i++) store.addAccessKey('kate');
  });
  after(() => session.close());

  const keyIdsOf = (userName: string): string[] => session.emulator.store.keysOf({ kind: 'user', user: session.emulator.store.getUser(userName)! }).map((k) => k.accessKeyId);

  it('findAccessKey reveals a key on page 3 of a user\'s keys while the tree is collapsed', async () => {
    const onPage3 = keyIdsOf('kate').at(-1)!; // the store lists keys in the order IAM pages them
    const found = (await vscode.commands.executeCommand('iamKeys.findAccessKey', { accessKeyId: onPage3 })) as { result: string; revealed: boolean };
    assert.equal(found.result, 'found');
    assert.equal(found.revealed, true);
    assert.equal(rowId(session.api, session.api.treeView.selection[0]), `profile/${PROFILES.admin}/user/kate/key/${onPage3}`);
    await vscode.commands.executeCommand('workbench.action.closeSidebar');
  });

  it('exportAccessKeys of the loaded users under a filter writes the keys of the users the filter shows', async () => {
    const [root] = await session.api.explorer.connectionRows();
    assert.ok(root);
    await root.users.loadAll();
    await session.api.view.setFilter('TEAM-');
    try {
      const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'iamkeys-modelreads-')), 'keys.csv');
      const summary = (await vscode.commands.executeCommand('iamKeys.exportAccessKeys', { format: 'csv', file, users: 'loaded', profiles: [PROFILES.admin] })) as { users: number; keys: number };
      const written = (fs.readFileSync(file, 'utf8').match(/AKIA[A-Z0-9]{16}/g) ?? []).sort();
      assert.deepEqual(written, [...keyIdsOf('team-anna'), ...keyIdsOf('team-ben')].sort());
      assert.equal(summary.users, 2);
    } finally {
      await session.api.view.setFilter('');
    }
  });
});
