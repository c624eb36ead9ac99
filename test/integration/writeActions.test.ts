// Key-changing commands in the real host against the local IAM endpoint: the switch (off:
// refused, nothing sent), a full rotation (the file's expected bytes as literal text, mode
// 0600, endpoint state read through its own admin API), deactivate / activate / delete with
// confirmation, create into a profile and the two-keys limit, and a scan of everything shown,
// logged or returned for the old and the new secret.
import * as assert from 'assert/strict';
import * as fs from 'fs';
import * as vscode from 'vscode';
import { readProfileKeys } from '../../src/core/credentialsFile';
import { BUILT_IN_IDENTITIES, CALLER_USER_NAME } from '../emulator/identities';
import { PROFILES, type Session, startSession } from './fixture';
import { MessageWatch, extensionLogFiles } from '../support/reliabilityHarness';
import { until } from '../support/wait';

const OLD_KEY = BUILT_IN_IDENTITIES.caller.credentials.accessKeyId;
const OLD_SECRET = BUILT_IN_IDENTITIES.caller.credentials.secretAccessKey;

async function allowWrites(on: boolean | undefined): Promise<void> {
  await vscode.workspace.getConfiguration('iamKeys').update('allowWriteActions', on, vscode.ConfigurationTarget.Global);
}

async function endpointKeys(session: Session, userName = CALLER_USER_NAME): Promise<Record<string, string>> {
  const response = await fetch(`${session.emulator.url}/__admin/keys/${encodeURIComponent(userName)}`);
  assert.equal(response.status, 200);
  const keys = (await response.json()) as Array<{ accessKeyId: string; status: string }>;
  return Object.fromEntries(keys.map((k) => [k.accessKeyId, k.status]));
}

/** The credentials file this suite starts from (the session's profiles plus a CRLF section), with the admin profile's keys given: literal text. */
function credentialsText(admin: { id: string; secret: string }): string {
  return (
    '[iam-emulator-admin]\n' +
    `aws_access_key_id = ${admin.id}\n` +
    `aws_secret_access_key = ${admin.secret}\n` +
    '\n' +
    '[iam-emulator-root]\n' +
    'aws_access_key_id = AKIAEMULATORROOTKEY2\n' +
    'aws_secret_access_key = TESTONLY/emulator/root/notARealSecret000\n' +
    '\n' +
    '[iam-emulator-limited]\n' +
    'aws_access_key_id = AKIAEMULATORLIMITED2\n' +
    'aws_secret_access_key = TESTONLY/emulator/limited/notARealSecret\n' +
    '\n' +
    '[iam-emulator-session]\n' +
    'aws_access_key_id = ASIAEMULATORSESSION2\n' +
    'aws_secret_access_key = TESTONLY/emulator/session/notARealSecret\n' +
    'aws_session_token = TESTONLY-emulator-session-token-for-demo-admin\n' +
    '\r\n' +
    '# kept comment\r\n' +
    '[crlf]\r\n' +
    'aws_access_key_id = AKIAIOSFODNN7EXAMPLE\r\n' +
    'aws_secret_access_key = x\r\n'
  );
}

describe('Write actions (rotate, deactivate, activate, delete, create)', function () {
  this.timeout(120_000);
  let session: Session;
  let messages: MessageWatch;
  let credentialsFile: string;
  const results: unknown[] = [];
  const secrets = new Map<string, string>([[OLD_SECRET, 'the old secret']]);
  let newKey = '';

  before(async () => {
    session = await startSession({ seed: 41, faults: { propagationDelayMs: 700 } });
    credentialsFile = process.env.AWS_SHARED_CREDENTIALS_FILE ?? '';
    assert.ok(credentialsFile && fs.existsSync(credentialsFile));
    // Comments and CRLF lines the rewrite must keep, byte for byte.
    fs.appendFileSync(credentialsFile, '\r\n# kept comment\r\n[crlf]\r\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\r\naws_secret_access_key = x\r\n');
    session.emulator.clearWriteLog();
    messages = new MessageWatch();
    await allowWrites(undefined);
  });
  after(async () => {
    messages.dispose();
    await allowWrites(undefined);
    await session.close();
  });

  it('with iamKeys.allowWriteActions off, every write command refuses naming the setting, and no write action reaches the endpoint', async () => {
    const calls: Array<[string, unknown]> = [
      ['iamKeys.rotateAccessKey', { profile: PROFILES.admin, confirm: true }],
      ['iamKeys.deactivateAccessKey', { accessKeyId: OLD_KEY }],
      ['iamKeys.activateAccessKey', { accessKeyId: OLD_KEY }],
      ['iamKeys.deleteAccessKey', { accessKeyId: OLD_KEY, confirm: OLD_KEY }],
      ['iamKeys.createAccessKey', { profile: 'never-made' }],
    ];
    for (const [command, arg] of calls) {
      const before = messages.texts('showErrorMessage').length;
      assert.equal(await vscode.commands.executeCommand(command, arg), undefined, command);
      const said = messages.texts('showErrorMessage').slice(before);
      assert.ok(said.some((t) => t.includes('iamKeys.allowWriteActions')), `${command} names the setting: ${said.join(' | ')}`);
    }
    assert.deepEqual(session.emulator.writeLog(), []);
    assert.deepEqual(await endpointKeys(session), { [OLD_KEY]: 'Active' });
  });

  it('with writes allowed, a key ID that is not a 20-character long-term ID is refused by the one key rule before anything is sent', async () => {
    await allowWrites(true);
    const sent = session.emulator.requestLog().length;
    const cases: Array<[string, string]> = [
      ['iamKeys.deactivateAccessKey', `AKIA${'B'.repeat(20)}`],
      ['iamKeys.activateAccessKey', `AKIA${'C'.repeat(13)}`],
      ['iamKeys.deleteAccessKey', `ASIA${'D'.repeat(16)}`],
    ];
    for (const [command, accessKeyId] of cases) {
      const before = messages.texts('showErrorMessage').length;
      assert.equal(await vscode.commands.executeCommand(command, { accessKeyId, confirm: accessKeyId }), undefined, command);
      const told = messages.texts('showErrorMessage').slice(before);
      assert.equal(told.length, 1, `${command}(${accessKeyId}): one reason, got ${told.join(' | ')}`);
      assert.match(told[0], /^Access key IDs are 20 characters|is not a long-term access key ID/, told[0]);
    }
    assert.equal(session.emulator.requestLog().length, sent, 'nothing reached the endpoint');
    await allowWrites(undefined);
  });

  it('rotates the profile: new key in the file (other bytes kept, 0600), verified, old key Inactive on the endpoint', async () => {
    await allowWrites(true);
    assert.equal(fs.readFileSync(credentialsFile, 'utf8'), credentialsText({ id: OLD_KEY, secret: OLD_SECRET }));
    const result = (await vscode.commands.executeCommand('iamKeys.rotateAccessKey', { profile: PROFILES.admin, confirm: true })) as Record<string, unknown> | undefined;
    results.push(result);
    assert.ok(result, `rotation resolved to a result: ${messages.texts().slice(-2).join(' | ')}`);
    newKey = String(result.newAccessKeyId);
    assert.deepEqual(result, {
      profile: PROFILES.admin,
      credentialsFile,
      oldAccessKeyId: OLD_KEY,
      newAccessKeyId: newKey,
      oldKeyStatus: 'Inactive',
      verified: true,
      updatedProfiles: [PROFILES.admin],
    });
    const newSecret = session.emulator.store.findAccessKey(newKey)?.key.secretAccessKey ?? '';
    secrets.set(newSecret, 'the new secret');
    assert.equal(fs.readFileSync(credentialsFile, 'utf8'), credentialsText({ id: newKey, secret: newSecret }));
    assert.equal(fs.statSync(credentialsFile).mode & 0o777, 0o600);
    assert.deepEqual(await endpointKeys(session), { [OLD_KEY]: 'Inactive', [newKey]: 'Active' });
    assert.deepEqual(session.emulator.writeLog().map((w) => [w.action, w.accessKeyId]), [
      ['CreateAccessKey', newKey],
      ['UpdateAccessKey', OLD_KEY],
    ]);
    // The view's session reconnected: its calls are now signed with the new key.
    const listed = (await vscode.commands.executeCommand('iamKeys.listAccessKeys', {})) as { AccessKeyMetadata: Array<{ AccessKeyId: string }> };
    results.push(listed);
    assert.deepEqual(listed.AccessKeyMetadata.map((k) => k.AccessKeyId).sort(), [OLD_KEY, newKey].sort());
    assert.equal(session.emulator.requestLog().at(-1)?.accessKeyId, newKey);
  });

  /** What the user was told last, for a failing assertion's message. */
  const said = (): string => ['showErrorMessage', 'showWarningMessage', 'showInformationMessage'].map((kind) => `${kind}: ${messages.texts(kind).at(-1) ?? '-'}`).join(' | ');

  it('delete refuses an Active key and a wrong confirmation; activate/deactivate flip the status; delete with the key ID removes it', async () => {
    const activated = await vscode.commands.executeCommand('iamKeys.activateAccessKey', { accessKeyId: OLD_KEY, userName: CALLER_USER_NAME });
    results.push(activated);
    assert.deepEqual(activated, { accessKeyId: OLD_KEY, userName: CALLER_USER_NAME, status: 'Active' }, said());
    assert.equal(await vscode.commands.executeCommand('iamKeys.deleteAccessKey', { accessKeyId: OLD_KEY, confirm: OLD_KEY }), undefined);
    assert.match(messages.texts('showErrorMessage').at(-1) ?? '', /is Active: deactivate it first/);
    const deactivated = await vscode.commands.executeCommand('iamKeys.deactivateAccessKey', { accessKeyId: OLD_KEY });
    results.push(deactivated);
    assert.deepEqual(deactivated, { accessKeyId: OLD_KEY, userName: CALLER_USER_NAME, status: 'Inactive' });
    assert.equal(await vscode.commands.executeCommand('iamKeys.deleteAccessKey', { accessKeyId: OLD_KEY, confirm: 'AKIAWRONG' }), undefined);
    assert.deepEqual(await endpointKeys(session), { [OLD_KEY]: 'Inactive', [newKey]: 'Active' });
    const deleted = await vscode.commands.executeCommand('iamKeys.deleteAccessKey', { accessKeyId: OLD_KEY, confirm: OLD_KEY });
    results.push(deleted);
    assert.deepEqual(deleted, { accessKeyId: OLD_KEY, userName: CALLER_USER_NAME, deleted: true });
    assert.deepEqual(await endpointKeys(session), { [newKey]: 'Active' });
  });

  it('createAccessKey writes the secret into the named profile only, and the two-keys limit is checked before any write', async () => {
    const created = (await vscode.commands.executeCommand('iamKeys.createAccessKey', { profile: 'made-by-test' })) as Record<string, unknown> | undefined;
    results.push(created);
    assert.ok(created, said());
    const madeId = String(created.accessKeyId);
    assert.deepEqual(created, { accessKeyId: madeId, userName: CALLER_USER_NAME, profile: 'made-by-test' });
    const secret = session.emulator.store.findAccessKey(madeId)?.key.secretAccessKey ?? '';
    secrets.set(secret, 'the created secret');
    const read = readProfileKeys(fs.readFileSync(credentialsFile, 'utf8'), 'made-by-test');
    assert.ok(read.ok && read.keys.accessKeyId === madeId && read.keys.secret.reveal() === secret);
    const writes = session.emulator.writeLog().length;
    assert.equal(await vscode.commands.executeCommand('iamKeys.createAccessKey', {}), undefined);
    assert.match(messages.texts('showWarningMessage').at(-1) ?? '', /already has two access keys/);
    assert.equal(session.emulator.writeLog().length, writes, 'no CreateAccessKey was sent');
  });

  it('neither the old, the new nor the created secret is in anything shown, logged or returned', async () => {
    const logs = extensionLogFiles();
    assert.ok(logs.length > 0, 'the extension log file was found');
    await until(() => logs.some((f) => fs.readFileSync(f, 'utf8').includes('CreateAccessKey')), 'the log to catch up', 15_000, 300);
    const corpus = [
      ...logs.map((f) => ({ source: f, text: fs.readFileSync(f, 'utf8') })),
      ...messages.shown.map((m) => ({ source: m.kind, text: m.text })),
      ...results.map((r, i) => ({ source: `result ${i}`, text: JSON.stringify(r) })),
      { source: 'the endpoint write log', text: JSON.stringify(session.emulator.writeLog()) },
      { source: 'the clipboard', text: await vscode.env.clipboard.readText() },
    ];
    assert.equal(secrets.size, 3);
    const leaks = corpus.flatMap(({ source, text }) => [...secrets].filter(([secret]) => text.includes(secret)).map(([, what]) => `${what} in ${source}`));
    console.log(`[security] write actions: scanned ${corpus.length} texts for ${secrets.size} secrets: ${leaks.length} leaks`);
    assert.deepEqual(leaks, []);
  });
});
