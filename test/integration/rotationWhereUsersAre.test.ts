// Rotate Access Key where users are (issue #23), in the real host against the local IAM
// endpoint: two keys with an Inactive other key (the make-room confirmation), an Active other
// key refused, two profiles holding the same key both updated (bytes outside their lines kept),
// an admin profile signing for a user who may not call IAM, and an aws-vault profile whose
// refusal offers `aws-vault rotate` in a terminal.
import * as assert from 'assert/strict';
import * as fs from 'fs';
import * as vscode from 'vscode';
import { CALLER_CREDENTIALS, CALLER_USER_NAME, LIMITED_CREDENTIALS, LIMITED_USER_NAME } from '../emulator/identities';
import { DialogScript } from '../support/dialogScript';
import { useRotationSession } from '../support/rotationSession';
import { PROFILES, type Session } from './fixture';

const ROTATE = 'iamKeys.rotateAccessKey';
const OTHER_KEY = 'AKIAOTHERKEYOFADMIN2';

describe('Rotation where users are (real host, local endpoint)', function () {
  this.timeout(60_000);
  const rotation = useRotationSession({ seed: 23 }, () => new DialogScript());
  let session: Session;
  let dialogs: DialogScript;
  let credentialsFile: string;
  beforeEach(() => {
    ({ session, watch: dialogs, credentialsFile } = rotation());
  });

  function keysOf(userName: string): Record<string, string> {
    return Object.fromEntries((session.emulator.store.getUser(userName)?.accessKeys ?? []).map((k) => [k.accessKeyId, k.status]));
  }
  function newKeyOf(userName: string, ...known: string[]): { id: string; secret: string } {
    const key = (session.emulator.store.getUser(userName)?.accessKeys ?? []).filter((k) => !known.includes(k.accessKeyId));
    assert.equal(key.length, 1, JSON.stringify(keysOf(userName)));
    return { id: key[0].accessKeyId, secret: key[0].secretAccessKey };
  }
  const said = (): string => dialogs.asked.map((m) => `${m.kind}: ${m.text} [${m.buttons.join(', ')}]`).join(' | ');

  it('two keys, the other Inactive: the confirmation names it, "Delete AKIA… and rotate" deletes it and rotates', async () => {
    session.emulator.store.addAccessKey(CALLER_USER_NAME, { accessKeyId: OTHER_KEY, status: 'Inactive' });
    dialogs.answer(/^Rotate the access key of /, 'Rotate');
    dialogs.answer(/already has two access keys/, `Delete ${OTHER_KEY} and rotate`);
    const result = await vscode.commands.executeCommand<Record<string, unknown> | undefined>(ROTATE, { profile: PROFILES.admin });
    const makeRoom = dialogs.asked.find((m) => /already has two access keys/.test(m.text));
    assert.deepEqual(makeRoom, { kind: 'showWarningMessage', text: `${CALLER_USER_NAME} already has two access keys, the most IAM allows.`, modal: true, buttons: [`Delete ${OTHER_KEY} and rotate`] }, said());
    const created = newKeyOf(CALLER_USER_NAME, CALLER_CREDENTIALS.accessKeyId);
    assert.equal(result?.deletedAccessKeyId, OTHER_KEY, said());
    assert.deepEqual(result?.updatedProfiles, [PROFILES.admin]);
    assert.deepEqual(keysOf(CALLER_USER_NAME), { [CALLER_CREDENTIALS.accessKeyId]: 'Inactive', [created.id]: 'Active' });
    assert.ok(dialogs.texts('showInformationMessage').some((t) => t.endsWith(`${OTHER_KEY} (Inactive) was deleted to make room.`)), said());
  });

  it('two keys, the other Active: refused even with makeRoom, told to deactivate it first; nothing written', async () => {
    session.emulator.store.addAccessKey(CALLER_USER_NAME, { accessKeyId: OTHER_KEY, status: 'Active' });
    const before = fs.readFileSync(credentialsFile, 'utf8');
    const result = await vscode.commands.executeCommand<Record<string, unknown> | undefined>(ROTATE, { profile: PROFILES.admin, confirm: true, makeRoom: true });
    assert.deepEqual({ refused: result?.refused, otherAccessKeyId: result?.otherAccessKeyId, otherStatus: result?.otherStatus, canMakeRoom: result?.canMakeRoom }, { refused: 'twoKeys', otherAccessKeyId: OTHER_KEY, otherStatus: 'Active', canMakeRoom: false });
    assert.ok(dialogs.texts('showErrorMessage').some((t) => t.includes(`the other key ${OTHER_KEY} is Active, never used. An Active key is never deleted to make room: deactivate it first`)), said());
    assert.deepEqual(session.emulator.writeLog(), []);
    assert.equal(fs.readFileSync(credentialsFile, 'utf8'), before);
  });

  it('two profiles holding the same key: both get the new one, every byte outside their key lines kept', async () => {
    fs.appendFileSync(credentialsFile, `\n# scripts use a copy\n[copy]\nregion = eu-west-1\naws_access_key_id=${CALLER_CREDENTIALS.accessKeyId}\naws_secret_access_key=${CALLER_CREDENTIALS.secretAccessKey}\n`);
    const before = fs.readFileSync(credentialsFile, 'utf8');
    const result = await vscode.commands.executeCommand<Record<string, unknown> | undefined>(ROTATE, { profile: PROFILES.admin, confirm: true });
    assert.deepEqual(result?.updatedProfiles, [PROFILES.admin, 'copy'], said());
    const created = newKeyOf(CALLER_USER_NAME, CALLER_CREDENTIALS.accessKeyId);
    const expected =
      before
        .replace(`[${PROFILES.admin}]\naws_access_key_id = ${CALLER_CREDENTIALS.accessKeyId}\naws_secret_access_key = ${CALLER_CREDENTIALS.secretAccessKey}\n`, `[${PROFILES.admin}]\naws_access_key_id = ${created.id}\naws_secret_access_key = ${created.secret}\n`)
        .split(`# scripts use a copy`)[0] + `# scripts use a copy\n[copy]\nregion = eu-west-1\naws_access_key_id=${created.id}\naws_secret_access_key=${created.secret}\n`;
    assert.ok(before.includes(`[${PROFILES.admin}]\naws_access_key_id = ${CALLER_CREDENTIALS.accessKeyId}\n`), 'the fixture file has the admin profile as written out here');
    assert.equal(fs.readFileSync(credentialsFile, 'utf8'), expected);
    assert.deepEqual(keysOf(CALLER_USER_NAME), { [CALLER_CREDENTIALS.accessKeyId]: 'Inactive', [created.id]: 'Active' });
  });

  it('an admin profile (authProfile) rotates the key of a user who may not call IAM; verify signs with the new key', async () => {
    const limited = session.emulator.store.getUser(LIMITED_USER_NAME);
    assert.ok(limited);
    for (const action of ['ListAccessKeys', 'GetAccessKeyLastUsed', 'CreateAccessKey', 'UpdateAccessKey', 'DeleteAccessKey']) limited.deniedActions.add(action);
    const result = await vscode.commands.executeCommand<Record<string, unknown> | undefined>(ROTATE, { profile: PROFILES.limited, confirm: true, authProfile: PROFILES.admin });
    const created = newKeyOf(LIMITED_USER_NAME, LIMITED_CREDENTIALS.accessKeyId);
    assert.equal(result?.newAccessKeyId, created.id, said());
    assert.deepEqual(keysOf(LIMITED_USER_NAME), { [LIMITED_CREDENTIALS.accessKeyId]: 'Inactive', [created.id]: 'Active' });
    const writes = session.emulator
      .requestLog()
      .filter((r) => /^(List|Create|Update|Delete)AccessKey/.test(r.action))
      .map((r) => `${r.action} by ${r.accessKeyId === CALLER_CREDENTIALS.accessKeyId ? 'admin' : r.accessKeyId}`);
    assert.deepEqual(writes, ['ListAccessKeys by admin', 'CreateAccessKey by admin', 'UpdateAccessKey by admin']);
    assert.ok(session.emulator.requestLog().some((r) => r.action === 'GetCallerIdentity' && r.accessKeyId === created.id), 'verify signed with the new key');
  });

  it('a profile aws-vault keeps: refused with its rotate command, offered in a terminal', async () => {
    fs.appendFileSync(credentialsFile, '\n[vaulted]\ncredential_process = aws-vault export --format=json vaulted\n');
    const opened = new Promise<vscode.Terminal>((resolve) => {
      const listener = vscode.window.onDidOpenTerminal((terminal) => {
        listener.dispose();
        resolve(terminal);
      });
    });
    dialogs.answer(/aws-vault rotate vaulted/, 'Run in Terminal');
    const result = await vscode.commands.executeCommand<Record<string, unknown> | undefined>(ROTATE, { profile: 'vaulted', confirm: true });
    assert.deepEqual(result, {
      refused: 'toolManaged',
      command: 'aws-vault rotate vaulted',
      message: 'The profile vaulted gets its keys from aws-vault, which keeps the key in its own store: rotate it with "aws-vault rotate vaulted" (in a terminal).',
    });
    const terminal = await opened;
    assert.equal(terminal.name, 'aws-vault');
    assert.deepEqual(dialogs.asked.at(-1)?.buttons, ['Run in Terminal'], said());
    terminal.dispose();
    assert.equal(session.emulator.counters().total, 0, 'nothing sent');
  });
});
