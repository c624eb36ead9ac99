// Self-checks of the Reliability harness (test/support/reliabilityHarness.ts): each watcher
// really sees what it claims to, so a green fault test is not green because its watcher was blind.
import * as assert from 'assert/strict';
import * as fs from 'fs';
import * as vscode from 'vscode';
import {
  EXTENSION_LOG_LEVEL,
  MessageWatch,
  RejectionWatch,
  RequestWatch,
  click,
  extensionLogFiles,
  loadMoreRow,
  logRoots,
  setExtensionLogLevel,
  userRows,
  usersNode,
} from '../support/reliabilityHarness';
import { until } from '../support/wait';
import { type Session, EXTENSION_ID, children, label, startSession } from './fixture';


describe('Reliability harness self-checks', function () {
  this.timeout(60_000);
  let session: Session | undefined;
  afterEach(async () => {
    await session?.close();
    session = undefined;
  });

  it('RequestWatch sees the extension\'s requests to the emulator (diagnostics channel)', async () => {
    const watch = new RequestWatch();
    try {
      session = await startSession({ users: 3 });
      await children(session.api, await usersNode(session.api));
      assert.ok(watch.requests.some((r) => r.host === '127.0.0.1'), JSON.stringify(watch.requests));
      assert.deepEqual(watch.external(), []);
    } finally {
      watch.dispose();
    }
  });

  it('RejectionWatch sees an unhandled rejection in this host', async () => {
    const watch = new RejectionWatch();
    try {
      const probe = Promise.reject(new Error('harness probe'));
      await until(() => watch.rejections.length > 0, 'the probe rejection', 3_000);
      probe.catch(() => undefined); // handled now: nothing else reports it
      assert.match(watch.rejections[0], /harness probe/);
    } finally {
      watch.dispose();
    }
  });

  it('MessageWatch sees the notifications the extension shows', async () => {
    const watch = new MessageWatch();
    try {
      session = await startSession({ users: 3 });
      await vscode.commands.executeCommand('iamKeys.listAccessKeys', { userName: 'has space' });
      assert.ok(watch.texts('showErrorMessage').some((t) => /User names can't contain a space/.test(t)), JSON.stringify(watch.shown));
    } finally {
      watch.dispose();
    }
  });

  it('the extension\'s log file is found and trace lines reach it once its level is trace', async () => {
    const files = extensionLogFiles();
    assert.ok(files.length > 0, `no log file of ${EXTENSION_ID} under ${logRoots().join(', ')}`);
    await setExtensionLogLevel(EXTENSION_LOG_LEVEL.trace);
    try {
      session = await startSession({ users: 3 });
      await children(session.api, await usersNode(session.api));
      await until(() => /\[trace\] profile\/\S+ ListUsersCommand \d+ ms/.test(fs.readFileSync(extensionLogFiles()[0], 'utf8')), 'a trace line in the log file', 10_000, 200);
    } finally {
      await setExtensionLogLevel(EXTENSION_LOG_LEVEL.info);
    }
  });

  it('loadMoreRow/click drive "Load more…" like a click in the view', async () => {
    session = await startSession({ users: 150 }, { pageSize: 100 });
    const users = await usersNode(session.api);
    const more = loadMoreRow(session.api, await children(session.api, users));
    assert.ok(more);
    await click(session.api, more);
    assert.equal(userRows(session.api, await children(session.api, users)).length, session.emulator.store.users().length);
    assert.equal(label(session.api, users), 'Users');
  });
});
