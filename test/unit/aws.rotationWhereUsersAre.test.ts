// Rotation in the cases users have (issue #23), against the emulator over real HTTP with the
// real SDK: two keys already (make room), two profiles holding the same key, an admin profile
// signing the IAM calls, and profiles whose key aws-vault or Granted keeps.
// Rows: docs/reliability.md, section "Rotation where users are".
import * as assert from 'node:assert/strict';
import { promises as fs, readFileSync } from 'node:fs';
import { createKeyPairConnection } from '../../src/aws/connection';
import { recoverRotations, rotateAccessKey } from '../../src/aws/rotateAccessKey';
import { readProfileKeys } from '../../src/core/credentialsFile';
import { readKeysFromFile } from '../../src/core/credentialsFileStore';
import type { RotationStep } from '../../src/core/rotationJournal';
import type { IamEmulator } from '../emulator/index';
import { LIMITED_USER_NAME } from '../emulator/identities';
import { keysOf, OLD_KEY_ID, ROTATED_PROFILE, ROTATED_USER, SimulatedCrash, useRotationFixture, type RotationFixture } from '../support/rotationFixture';

const OTHER_KEY = 'AKIAOTHERKEYOFADMIN1';
const LAST_USED = new Date('2026-03-04T05:06:07Z');

describe('rotation where users are (emulator over real HTTP)', function () {
  this.timeout(60_000);
  const rotation = useRotationFixture({ seed: 23, propagationDelayMs: 200 });
  let emulator: IamEmulator;
  let fixture: RotationFixture;
  beforeEach(() => {
    ({ emulator, fixture } = rotation);
  });

  function addOtherKey(status: 'Active' | 'Inactive'): void {
    emulator.store.addAccessKey(ROTATED_USER, { accessKeyId: OTHER_KEY, status, lastUsed: { date: LAST_USED, serviceName: 's3', region: 'eu-west-1' } });
  }
  function newKeyId(userName = ROTATED_USER, old = OLD_KEY_ID): string {
    const ids = Object.keys(keysOf(emulator, userName)).filter((id) => id !== old && id !== OTHER_KEY);
    assert.equal(ids.length, 1, `one new key: ${ids.join()}`);
    return ids[0];
  }
  function secretOf(accessKeyId: string): string {
    const secret = emulator.store.findAccessKey(accessKeyId)?.key.secretAccessKey;
    assert.ok(secret);
    return secret;
  }

  describe('two keys already (make room)', () => {
    it('without makeRoom: names the other key, its status and last use, offers to make room, sends no write', async () => {
      addOtherKey('Inactive');
      const outcome = await rotateAccessKey(fixture.request(), fixture.deps());
      assert.equal(outcome.kind, 'two-keys');
      assert.ok(outcome.kind === 'two-keys');
      assert.equal(outcome.canMakeRoom, true);
      assert.deepEqual(outcome.other, { accessKeyId: OTHER_KEY, status: 'Inactive', lastUse: 'last used 2026-03-04 05:06 UTC (s3)' });
      assert.equal(
        outcome.message,
        `${ROTATED_USER} already has two access keys, the most IAM allows: the other key ${OTHER_KEY} is Inactive, last used 2026-03-04 05:06 UTC (s3). Delete ${OTHER_KEY} and rotate (makeRoom) to make room; undo would not bring it back. Nothing was changed.`,
      );
      assert.deepEqual(emulator.writeLog(), []);
      assert.equal(await fs.readFile(fixture.credentialsFile, 'utf8'), fixture.original);
    });

    it('with makeRoom and an Inactive other key: deletes it (journaled), then rotates; the result names it', async () => {
      addOtherKey('Inactive');
      const steps: RotationStep[] = [];
      const outcome = await rotateAccessKey(fixture.request({ makeRoom: true }), fixture.deps({ afterStep: (step) => void steps.push(step) }));
      assert.equal(outcome.kind, 'rotated', outcome.message);
      assert.ok(outcome.kind === 'rotated');
      const newId = newKeyId();
      assert.equal(outcome.result.deletedAccessKeyId, OTHER_KEY);
      assert.deepEqual(outcome.result.updatedProfiles, [ROTATED_PROFILE]);
      assert.deepEqual(steps, ['started', 'roomMade', 'created', 'fileWritten', 'verified', 'oldDeactivated', 'done']);
      assert.deepEqual(keysOf(emulator), { [OLD_KEY_ID]: 'Inactive', [newId]: 'Active' });
      assert.deepEqual(emulator.writeLog().map((w) => [w.action, w.accessKeyId === OTHER_KEY ? 'other' : '']), [['DeleteAccessKey', 'other'], ['CreateAccessKey', ''], ['UpdateAccessKey', '']]);
      assert.equal(outcome.message, `Rotation of ${ROTATED_PROFILE} done: ${newId} is now in ${ROTATED_PROFILE}; the old key ${OLD_KEY_ID} is Inactive. ${OTHER_KEY} (Inactive) was deleted to make room.`);
      // The bench's minimum (docs/benchmarks.md): no GetAccessKeyLastUsed when nothing is told about the other key.
      assert.deepEqual([emulator.counters().byAction.GetAccessKeyLastUsed ?? 0, emulator.counters().byAction.DeleteAccessKey], [0, 1]);
    });

    it('an Active other key is never deleted, even with makeRoom: told to deactivate it first, with its last use', async () => {
      addOtherKey('Active');
      const outcome = await rotateAccessKey(fixture.request({ makeRoom: true }), fixture.deps());
      assert.equal(outcome.kind, 'two-keys');
      assert.ok(outcome.kind === 'two-keys' && !outcome.canMakeRoom);
      assert.equal(
        outcome.message,
        `${ROTATED_USER} already has two access keys, the most IAM allows: the other key ${OTHER_KEY} is Active, last used 2026-03-04 05:06 UTC (s3). An Active key is never deleted to make room: deactivate it first (once nothing uses it), then rotate again. Nothing was changed.`,
      );
      assert.deepEqual(emulator.writeLog(), []);
      assert.deepEqual(keysOf(emulator), { [OLD_KEY_ID]: 'Active', [OTHER_KEY]: 'Active' });
    });

    it('an Inactive other key written in the credentials file is not deleted to make room', async () => {
      addOtherKey('Inactive');
      await fs.appendFile(fixture.credentialsFile, `[spare]\naws_access_key_id = ${OTHER_KEY}\naws_secret_access_key = x\n`);
      const outcome = await rotateAccessKey(fixture.request({ makeRoom: true }), fixture.deps());
      assert.equal(outcome.kind, 'two-keys');
      assert.match(outcome.message, /It is written in the credentials file, so it is not deleted to make room/);
      assert.deepEqual(emulator.writeLog(), []);
    });

    it('CreateAccessKey fails after making room: undone, and the message says undo does not bring the deleted key back', async () => {
      addOtherKey('Inactive');
      emulator.setFaults({ denyActions: ['CreateAccessKey'] });
      const outcome = await rotateAccessKey(fixture.request({ makeRoom: true }), fixture.deps());
      assert.equal(outcome.kind, 'rolled-back', outcome.message);
      assert.match(outcome.message, new RegExp(`${OTHER_KEY}, deleted to make room, is not brought back: undo never recreates a deleted key\\.$`));
      assert.deepEqual(keysOf(emulator), { [OLD_KEY_ID]: 'Active' });
      assert.equal(await fs.readFile(fixture.credentialsFile, 'utf8'), fixture.original);
    });

    it('a restart after "roomMade": recovery undoes it, the old key stays, and says the other key is not recreated', async () => {
      addOtherKey('Inactive');
      const crashing = fixture.deps({ afterStep: (step) => { if (step === 'roomMade') throw new SimulatedCrash('closed'); } });
      await assert.rejects(rotateAccessKey(fixture.request({ makeRoom: true }), crashing), SimulatedCrash);
      const [outcome] = await recoverRotations(fixture.deps());
      assert.equal(outcome.kind, 'rolled-back', outcome.message);
      assert.match(outcome.message, /An interrupted rotation of iam-emulator-admin was undone because it stopped while the new key was being created\./);
      assert.match(outcome.message, /AKIAOTHERKEYOFADMIN1, deleted to make room, is not brought back: undo never recreates a deleted key\./);
      assert.deepEqual(keysOf(emulator), { [OLD_KEY_ID]: 'Active' });
    });
  });

  it('every profile holding the old key gets the new one in one write; bytes outside their lines kept (literal text)', async () => {
    const before =
      '[iam-emulator-admin]\n' +
      `aws_access_key_id = ${OLD_KEY_ID}\n` +
      'aws_secret_access_key = TESTONLY/emulator/admin/notARealSecret00\n' +
      '\n' +
      '# a copy for the scripts\r\n' +
      '[scripts]\r\n' +
      `aws_access_key_id=${OLD_KEY_ID}\r\n` +
      'aws_secret_access_key=TESTONLY/emulator/admin/notARealSecret00\r\n' +
      'region=eu-west-1\r\n' +
      '[other]\n' +
      'aws_access_key_id = AKIAEMULATORLIMITED2\n' +
      'aws_secret_access_key = TESTONLY/emulator/limited/notARealSecret\n';
    await fs.writeFile(fixture.credentialsFile, before);
    const outcome = await rotateAccessKey(fixture.request(), fixture.deps());
    assert.equal(outcome.kind, 'rotated', outcome.message);
    assert.ok(outcome.kind === 'rotated');
    const newId = newKeyId();
    const secret = secretOf(newId);
    assert.deepEqual(outcome.result.updatedProfiles, [ROTATED_PROFILE, 'scripts']);
    assert.equal(
      await fs.readFile(fixture.credentialsFile, 'utf8'),
      '[iam-emulator-admin]\n' +
        `aws_access_key_id = ${newId}\n` +
        `aws_secret_access_key = ${secret}\n` +
        '\n' +
        '# a copy for the scripts\r\n' +
        '[scripts]\r\n' +
        `aws_access_key_id=${newId}\r\n` +
        `aws_secret_access_key=${secret}\r\n` +
        'region=eu-west-1\r\n' +
        '[other]\n' +
        'aws_access_key_id = AKIAEMULATORLIMITED2\n' +
        'aws_secret_access_key = TESTONLY/emulator/limited/notARealSecret\n',
    );
    assert.deepEqual(keysOf(emulator), { [OLD_KEY_ID]: 'Inactive', [newId]: 'Active' }, 'the old key is deactivated: no profile holds it now');
    assert.equal(outcome.message, `Rotation of ${ROTATED_PROFILE} done: ${newId} is now in ${ROTATED_PROFILE}, scripts (every profile that held the old key); the old key ${OLD_KEY_ID} is Inactive.`);
  });

  it('an undo puts the old key back into every profile that got the new one', async () => {
    await fs.appendFile(fixture.credentialsFile, `\n[copy]\naws_access_key_id = ${OLD_KEY_ID}\naws_secret_access_key = TESTONLY/emulator/admin/notARealSecret00\n`);
    const original = await fs.readFile(fixture.credentialsFile, 'utf8');
    emulator.setFaults({ propagationDelayMs: 600_000 });
    const outcome = await rotateAccessKey(fixture.request(), fixture.deps({ verifyTimeoutMs: 300 }));
    assert.equal(outcome.kind, 'rolled-back', outcome.message);
    assert.match(outcome.message, new RegExp(`${ROTATED_PROFILE}, copy still use ${OLD_KEY_ID}\\.`));
    // The admin profile's session token line went with the forward write and does not come back; the rest is as it was.
    assert.equal(await fs.readFile(fixture.credentialsFile, 'utf8'), original.replace('aws_session_token = FwoGZXIvYXdzEOLDTOKENOLDTOKEN\n', ''));
    assert.deepEqual(keysOf(emulator), { [OLD_KEY_ID]: 'Active' });
  });

  describe('an admin profile (authProfile)', () => {
    const LIMITED_PROFILE = 'iam-emulator-limited';
    const LIMITED_OLD_KEY = 'AKIAEMULATORLIMITED2';
    function denyIamToLimitedUser(): void {
      const user = emulator.store.getUser(LIMITED_USER_NAME);
      assert.ok(user);
      for (const action of ['ListAccessKeys', 'GetAccessKeyLastUsed', 'CreateAccessKey', 'UpdateAccessKey', 'DeleteAccessKey']) user.deniedActions.add(action);
    }
    /** The admin profile's own key from the credentials file signs (the command reads the profile through the SDK's chain). */
    function withAuthProfile(): ReturnType<RotationFixture['deps']> {
      return fixture.deps({
        connectProfile: (profile) => {
          const read = readProfileKeys(readFileSync(fixture.credentialsFile, 'utf8'), profile);
          if (!read.ok) throw new Error(read.reason);
          return createKeyPairConnection({ profile: '', region: 'us-east-1', endpoint: emulator.url, requestTimeoutMs: 5000, maxAttempts: 2 }, read.keys);
        },
      });
    }

    it('a user who may not call IAM: refused without authProfile, rotated with it; verify signs with the new key itself', async () => {
      denyIamToLimitedUser();
      const refused = await rotateAccessKey(fixture.request({ profile: LIMITED_PROFILE }), withAuthProfile());
      assert.equal(refused.kind, 'refused');
      assert.match(refused.message, /^The keys of limited-auditor could not be listed with the key in iam-emulator-limited \(AccessDenied/);
      emulator.resetCounters();
      const outcome = await rotateAccessKey(fixture.request({ profile: LIMITED_PROFILE, authProfile: ROTATED_PROFILE }), withAuthProfile());
      assert.equal(outcome.kind, 'rotated', outcome.message);
      const newId = newKeyId(LIMITED_USER_NAME, LIMITED_OLD_KEY);
      assert.deepEqual(keysOf(emulator, LIMITED_USER_NAME), { [LIMITED_OLD_KEY]: 'Inactive', [newId]: 'Active' });
      assert.equal((await readKeysFromFile(fixture.credentialsFile, LIMITED_PROFILE)).accessKeyId, newId);
      assert.equal((await readKeysFromFile(fixture.credentialsFile, ROTATED_PROFILE)).accessKeyId, OLD_KEY_ID, 'the admin profile is not rewritten');
      const signers = emulator.requestLog().map((r) => `${r.action} ${r.accessKeyId === OLD_KEY_ID ? 'admin' : r.accessKeyId === newId ? 'new' : r.accessKeyId === LIMITED_OLD_KEY ? 'old' : r.accessKeyId}`);
      assert.ok(signers.includes('GetCallerIdentity new'), `verify signed with the new key: ${signers.join(', ')}`);
      for (const action of ['ListAccessKeys', 'CreateAccessKey', 'UpdateAccessKey']) assert.ok(signers.includes(`${action} admin`), `${action} signed by the admin profile: ${signers.join(', ')}`);
      assert.ok(!signers.some((s) => /^(ListAccessKeys|CreateAccessKey|UpdateAccessKey|DeleteAccessKey) (old|new)$/.test(s)), signers.join(', '));
    });

    it('an authProfile that holds the key being rotated is refused before anything is sent', async () => {
      const outcome = await rotateAccessKey(fixture.request({ authProfile: ROTATED_PROFILE }), withAuthProfile());
      assert.equal(outcome.kind, 'refused');
      assert.match(outcome.message, /^The authProfile iam-emulator-admin holds the key being rotated/);
      assert.equal(emulator.counters().total, 0);
    });
  });

  describe('profiles whose key another tool keeps', () => {
    const cases: Array<[string, string | undefined]> = [
      ['aws-vault export --format=json dev', 'aws-vault rotate dev'],
      ['/usr/local/bin/aws-vault export --duration 1h --no-session dev-admin', 'aws-vault rotate dev-admin'],
      ['granted credential-process --profile prod', 'granted credentials rotate prod'],
      ['granted credential-process --profile=prod.eu', 'granted credentials rotate prod.eu'],
      ['aws-vault export "dev; rm -rf ~"', undefined],
      ['/opt/bin/my-helper --profile prod', undefined],
      // Issue #27, survivors of the sampled src/aws run: options whose value is the next word, and
      // a granted subcommand that is not credential-process.
      ['aws-vault export --backend file -t 123456 --pass-dir store dev', 'aws-vault rotate dev'],
      ['granted sso-tokens --profile prod', undefined],
    ];
    for (const [line, command] of cases) {
      it(`credential_process = ${line}: ${command ? `refused, offering "${command}"` : 'refused without an offer'}; nothing sent`, async () => {
        const outcome = await rotateAccessKey(fixture.request({ profileKind: 'credential process', credentialProcess: line }), fixture.deps());
        assert.equal(outcome.kind, 'refused');
        assert.ok(outcome.kind === 'refused');
        if (command) {
          assert.deepEqual({ reason: outcome.reason, command: outcome.command }, { reason: 'toolManaged', command });
          assert.ok(outcome.message.endsWith(`rotate it with "${command}" (in a terminal).`), outcome.message);
        } else {
          assert.deepEqual({ reason: outcome.reason, command: outcome.command }, { reason: undefined, command: undefined });
          assert.match(outcome.message, /gets its keys from credential_process/);
        }
        assert.equal(emulator.counters().total, 0);
      });
    }
  });
});
