// MFA required and given (issue #23), in the real host against the local IAM endpoint with
// requireMfaForWrites (IAM writes denied without an MFA session): the admin profile names an
// mfa_serial, so its key changes sign with a GetSessionToken session from the code typed in the
// input box (rotation) or given as `mfaCode` (a script deactivating a key).
import * as assert from 'assert/strict';
import * as fs from 'fs';
import * as vscode from 'vscode';
import { EMULATOR_MFA_CODE } from '../emulator/actions/sessionToken';
import { CALLER_CREDENTIALS, CALLER_USER_NAME, EMULATOR_ACCOUNT_ID } from '../emulator/identities';
import { DialogScript } from '../support/dialogScript';
import { useRotationSession } from '../support/rotationSession';
import { PROFILES, type Session } from './fixture';

const SERIAL = `arn:aws:iam::${EMULATOR_ACCOUNT_ID}:mfa/admin-device`;
const OTHER_KEY = 'AKIAOTHERKEYOFADMIN3';
const WRITES = ['CreateAccessKey', 'UpdateAccessKey', 'DeleteAccessKey'];

describe('MFA for key changes (real host, local endpoint)', function () {
  this.timeout(60_000);
  const rotation = useRotationSession({ seed: 2323 }, () => new DialogScript());
  let session: Session;
  let dialogs: DialogScript;

  beforeEach(() => {
    const { credentialsFile } = rotation();
    ({ session, watch: dialogs } = rotation());
    const text = fs.readFileSync(credentialsFile, 'utf8');
    assert.ok(text.includes(`[${PROFILES.admin}]\n`), 'the fixture file has the admin profile');
    fs.writeFileSync(credentialsFile, text.replace(`[${PROFILES.admin}]\n`, `[${PROFILES.admin}]\nmfa_serial = ${SERIAL}\n`));
    session.emulator.setFaults({ requireMfaForWrites: true });
  });

  const said = (): string => dialogs.asked.map((m) => `${m.kind}: ${m.text}`).join(' | ');
  function writes(): string[] {
    return session.emulator.requestLog().filter((r) => WRITES.includes(r.action)).map((r) => `${r.action} ${r.status} ${r.accessKeyId?.slice(0, 4)}`);
  }

  it('rotation: the code typed in the input box signs every key change (one box, masked, naming the device)', async () => {
    dialogs.typeInNextInputBox(EMULATOR_MFA_CODE);
    const result = await vscode.commands.executeCommand<Record<string, unknown> | undefined>('iamKeys.rotateAccessKey', { profile: PROFILES.admin, confirm: true });
    assert.equal(result?.oldKeyStatus, 'Inactive', said());
    assert.deepEqual(dialogs.inputBoxes, [{ title: 'MFA code', prompt: `Code from the MFA device ${SERIAL}`, password: true }]);
    assert.deepEqual(writes(), ['CreateAccessKey 200 ASIA', 'UpdateAccessKey 200 ASIA']);
    assert.equal(session.emulator.store.getUser(CALLER_USER_NAME)?.accessKeys.find((k) => k.accessKeyId === CALLER_CREDENTIALS.accessKeyId)?.status, 'Inactive');
  });

  it('deactivate with mfaCode: signed with the MFA session, no input box; a wrong code is "The MFA code was not accepted"', async () => {
    session.emulator.store.addAccessKey(CALLER_USER_NAME, { accessKeyId: OTHER_KEY, status: 'Active' });
    await vscode.commands.executeCommand('iamKeys.deactivateAccessKey', { accessKeyId: OTHER_KEY, profile: PROFILES.admin, mfaCode: '000000' });
    assert.ok(dialogs.texts('showErrorMessage').some((t) => /The MFA code was not accepted/.test(t) && !/MultiFactorAuthentication|000000/.test(t)), said());
    await vscode.commands.executeCommand('iamKeys.deactivateAccessKey', { accessKeyId: OTHER_KEY, profile: PROFILES.admin, mfaCode: EMULATOR_MFA_CODE });
    assert.deepEqual(dialogs.inputBoxes, []);
    assert.deepEqual(writes(), ['UpdateAccessKey 200 ASIA']);
    assert.equal(session.emulator.store.getUser(CALLER_USER_NAME)?.accessKeys.find((k) => k.accessKeyId === OTHER_KEY)?.status, 'Inactive');
  });
});
