// Rotation of a profile with mfa_serial under a policy that denies IAM key changes without MFA
// (the emulator's requireMfaForWrites), over real HTTP with the real SDK: the IAM calls sign
// with a GetSessionToken session from the typed code, one code per rotation, the code and the
// session's token in no log line, message or result; a wrong code is a classified message.
// Rows: docs/reliability.md, section "MFA for key changes".
import * as assert from 'node:assert/strict';
import { createKeyPairConnection, type MfaSigning } from '../../src/aws/connection';
import { rotateAccessKey } from '../../src/aws/rotateAccessKey';
import { forgetMfaSessions } from '../../src/aws/sdk/mfaSession';
import { SecretText } from '../../src/core/secretText';
import { EMULATOR_ACCOUNT_ID } from '../emulator/identities';
import { EMULATOR_MFA_CODE } from '../emulator/actions/sessionToken';
import { keysOf, OLD_KEY_ID, OLD_SECRET, ROTATED_PROFILE, ROTATED_USER, useRotationFixture } from '../support/rotationFixture';

const SERIAL = `arn:aws:iam::${EMULATOR_ACCOUNT_ID}:mfa/rotated-user-device`;

describe('rotation of a profile with mfa_serial (emulator over real HTTP)', function () {
  this.timeout(60_000);
  const rotation = useRotationFixture({ seed: 2323, propagationDelayMs: 100 });
  beforeEach(() => {
    forgetMfaSessions();
    rotation.emulator.setFaults({ requireMfaForWrites: true });
  });

  function withMfa(code: string, asked: string[]) {
    const mfa: MfaSigning = {
      profile: ROTATED_PROFILE,
      serial: async () => SERIAL,
      code: async (serial) => {
        asked.push(serial);
        return code;
      },
    };
    const { emulator } = rotation;
    const settings = { profile: '', region: 'us-east-1', endpoint: emulator.url, requestTimeoutMs: 5000, maxAttempts: 2 };
    return { connect: (keyPair: Parameters<typeof createKeyPairConnection>[1]) => createKeyPairConnection(settings, keyPair, { mfaSession: mfa }), mfaSigned: true };
  }

  it('without MFA the policy denies the key change: undone, the old key still in use', async () => {
    const { emulator, fixture } = rotation;
    const outcome = await rotateAccessKey(fixture.request(), fixture.deps());
    assert.equal(outcome.kind, 'rolled-back', outcome.message);
    assert.match(outcome.message, /CreateAccessKey failed: AccessDenied: Access denied: iam:CreateAccessKey/);
    assert.deepEqual(keysOf(emulator), { [OLD_KEY_ID]: 'Active' });
  });

  it('with the code: signs with an MFA session, asks once, and the code and token are in no log line or result', async () => {
    const { emulator, fixture } = rotation;
    const asked: string[] = [];
    const lines: string[] = [];
    const outcome = await rotateAccessKey(fixture.request({ deleteOld: true }), fixture.deps({ ...withMfa(EMULATOR_MFA_CODE, asked), log: (line) => lines.push(line) }));
    assert.equal(outcome.kind, 'rotated', outcome.message);
    assert.deepEqual(asked, [SERIAL]);
    assert.equal(emulator.counters().byAction.GetSessionToken, 1);
    const writes = emulator.requestLog().filter((r) => ['CreateAccessKey', 'UpdateAccessKey', 'DeleteAccessKey'].includes(r.action));
    assert.deepEqual(
      writes.map((w) => [w.action, w.status, w.accessKeyId?.slice(0, 4)]),
      [['CreateAccessKey', 200, 'ASIA'], ['UpdateAccessKey', 200, 'ASIA'], ['DeleteAccessKey', 200, 'ASIA']],
    );
    const newIds = Object.keys(keysOf(emulator));
    assert.equal(newIds.length, 1);
    assert.notEqual(newIds[0], OLD_KEY_ID);
    const sessionKeyId = writes[0].accessKeyId ?? '';
    const token = emulator.store.findSession(sessionKeyId)?.sessionToken ?? '';
    assert.ok(token.startsWith('TESTONLY-mfa-session-'), 'the writes signed with a session the emulator issued');
    assert.equal(emulator.store.findSession(sessionKeyId)?.mfa, true);
    const told = [...lines, outcome.message, JSON.stringify(outcome)].join('\n');
    for (const secret of [EMULATOR_MFA_CODE, token, emulator.store.findSession(sessionKeyId)?.secretAccessKey ?? '']) {
      assert.ok(!told.includes(secret), 'a secret of the MFA session was told');
    }
  });

  it('a wrong code: refused with "The MFA code was not accepted", no raw SDK text, nothing changed', async () => {
    const { emulator, fixture } = rotation;
    const outcome = await rotateAccessKey(fixture.request(), fixture.deps(withMfa('654321', [])));
    assert.equal(outcome.kind, 'refused', outcome.message);
    assert.match(outcome.message, /The MFA code was not accepted/);
    assert.doesNotMatch(outcome.message, /MultiFactorAuthentication|654321/);
    assert.deepEqual(keysOf(emulator), { [OLD_KEY_ID]: 'Active' });
    assert.equal(emulator.writeLog().length, 0);
  });

  it('one code per profile and key for the session: a second connection asks no more, another key asks again; the key itself is still denied', async () => {
    const { emulator } = rotation;
    const asked: string[] = [];
    const { connect } = withMfa(EMULATOR_MFA_CODE, asked);
    const otherKey = emulator.store.addAccessKey(ROTATED_USER, { accessKeyId: 'AKIAOTHERKEYOFADMIN4', status: 'Active' });
    const first = connect({ accessKeyId: OLD_KEY_ID, secret: new SecretText(OLD_SECRET) });
    const second = connect({ accessKeyId: OLD_KEY_ID, secret: new SecretText(OLD_SECRET) });
    const third = connect({ accessKeyId: otherKey.accessKeyId, secret: new SecretText(otherKey.secretAccessKey) });
    try {
      await first.api.updateAccessKey(otherKey.accessKeyId, 'Inactive', ROTATED_USER);
      await second.api.updateAccessKey(otherKey.accessKeyId, 'Active', ROTATED_USER);
      assert.deepEqual([asked.length, emulator.counters().byAction.GetSessionToken], [1, 1]);
      await third.api.updateAccessKey(otherKey.accessKeyId, 'Inactive', ROTATED_USER);
      assert.deepEqual([asked.length, emulator.counters().byAction.GetSessionToken], [2, 2]);
    } finally {
      for (const c of [first, second, third]) c.dispose();
    }
    // The same write signed with the key itself: the mode still denies it.
    const plain = createKeyPairConnection({ profile: '', region: 'us-east-1', endpoint: emulator.url, requestTimeoutMs: 5000, maxAttempts: 1 }, { accessKeyId: OLD_KEY_ID, secret: new SecretText(OLD_SECRET) });
    try {
      await assert.rejects(plain.api.updateAccessKey(otherKey.accessKeyId, 'Active', ROTATED_USER), /not authorized to perform: iam:UpdateAccessKey/);
    } finally {
      plain.dispose();
    }
  });
});
