// Rotation endings the seed-1206 Stryker sample found no unit test reading (issue #27): each
// message a user reads written out in full, against the emulator over real HTTP with the real SDK.
import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import { lockPathOf } from '../../src/core/credentialsFileLock';
import { recoverRotations, rotateAccessKey, type RotationDeps } from '../../src/aws/rotateAccessKey';
import type { RotationStep } from '../../src/core/rotationJournal';
import { fixtureCredentialsText, keysOf, OLD_KEY_ID, ROTATED_USER, SimulatedCrash, useRotationFixture } from '../support/rotationFixture';

describe('rotation sampled survivors (seed 1206): the endings a user reads', function () {
  this.timeout(60_000);
  const rotation = useRotationFixture({ seed: 1206, propagationDelayMs: 0 });

  function newKeyId(): string {
    const others = Object.keys(keysOf(rotation.emulator)).filter((id) => id !== OLD_KEY_ID);
    assert.equal(others.length, 1, JSON.stringify(keysOf(rotation.emulator)));
    return others[0] ?? '';
  }

  /** Runs a rotation that the editor's closing cuts short right after `step`, then the next start's recovery; its one outcome. */
  async function cutShortAfter(step: RotationStep, request = rotation.fixture.request(), overrides: Partial<RotationDeps> = {}) {
    const { fixture } = rotation;
    const crashing = fixture.deps({
      ...overrides,
      afterStep: (reached) => {
        if (reached === step) throw new SimulatedCrash(`editor closed after ${reached}`);
      },
    });
    await assert.rejects(rotateAccessKey(request, crashing), SimulatedCrash);
    const outcomes = await recoverRotations(fixture.deps());
    assert.equal(outcomes.length, 1);
    return outcomes[0];
  }

  it('an authProfile without a way to connect it is a programming error, not a rotation signed with the old key', async () => {
    const { emulator, fixture } = rotation;
    await assert.rejects(rotateAccessKey(fixture.request({ authProfile: 'iam-emulator-root' }), fixture.deps()), { message: 'authProfile needs connectProfile' });
    assert.deepEqual(keysOf(emulator), { [OLD_KEY_ID]: 'Active' });
  });

  it('a key in the file that IAM does not know is refused: the user reads that it does not work now', async () => {
    const { emulator, fixture } = rotation;
    await fs.writeFile(fixture.credentialsFile, fixtureCredentialsText().replace('AKIAEMULATORADMINKEY', 'AKIAEMULATORUNKNOWN1'));
    const outcome = await rotateAccessKey(fixture.request(), fixture.deps());
    assert.equal(outcome.kind, 'refused', outcome.message);
    assert.equal(outcome.message, 'The key in iam-emulator-admin does not work now (InvalidClientTokenId: AWS does not recognise these credentials); nothing was changed.');
    assert.deepEqual(keysOf(emulator), { [OLD_KEY_ID]: 'Active' });
  });

  it('with deleteOld the user reads that the old key is deleted', async () => {
    const { fixture } = rotation;
    const outcome = await rotateAccessKey(fixture.request({ deleteOld: true }), fixture.deps());
    assert.equal(outcome.kind, 'rotated', outcome.message);
    assert.equal(outcome.message, `Rotation of iam-emulator-admin done: ${newKeyId()} is now in iam-emulator-admin; the old key AKIAEMULATORADMINKEY is deleted.`);
  });

  it('without deleteOld the user reads that the old key is Inactive', async () => {
    const { fixture } = rotation;
    const outcome = await rotateAccessKey(fixture.request(), fixture.deps());
    assert.equal(outcome.kind, 'rotated', outcome.message);
    assert.equal(outcome.message, `Rotation of iam-emulator-admin done: ${newKeyId()} is now in iam-emulator-admin; the old key AKIAEMULATORADMINKEY is Inactive.`);
  });

  it('resumed with the old key put back and the new key copied to another profile: nothing deactivated, the new key kept', async () => {
    const { emulator, fixture } = rotation;
    await assert.rejects(
      rotateAccessKey(fixture.request(), fixture.deps({ afterStep: (step) => { if (step === 'verified') throw new SimulatedCrash('closed'); } })),
      SimulatedCrash,
    );
    const created = newKeyId();
    const secret = emulator.store.findAccessKey(created)?.key.secretAccessKey ?? '';
    await fs.writeFile(fixture.credentialsFile, `${fixtureCredentialsText()}[copy]\naws_access_key_id = ${created}\naws_secret_access_key = ${secret}\n`);
    const [outcome] = await recoverRotations(fixture.deps());
    assert.equal(outcome.kind, 'rolled-back', outcome.message);
    assert.equal(
      outcome.message,
      `An interrupted rotation of iam-emulator-admin was not finished: the credentials file holds AKIAEMULATORADMINKEY for iam-emulator-admin, not the new key ${created}, so nothing was deactivated and the file was left as it is. The new key ${created} is kept: the credentials file holds it. Found at start: the journal at "verified", iam-emulator-admin holding AKIAEMULATORADMINKEY in the file, IAM keys of demo-admin: AKIAEMULATORADMINKEY Active, ${created} Active.`,
    );
    assert.deepEqual(keysOf(emulator), { [OLD_KEY_ID]: 'Active', [created]: 'Active' });
  });

  it('a rotation cut short while making room is undone at the next start, saying so', async () => {
    const { emulator, fixture } = rotation;
    const other = emulator.store.addAccessKey(ROTATED_USER, { status: 'Inactive' }).accessKeyId;
    const outcome = await cutShortAfter('started', fixture.request({ makeRoom: true }));
    assert.equal(outcome.kind, 'rolled-back', outcome.message);
    assert.equal(
      outcome.message,
      `An interrupted rotation of iam-emulator-admin was undone because it stopped while making room. iam-emulator-admin still uses AKIAEMULATORADMINKEY. ${other} (the other key) was not deleted. Found at start: the journal at "started", iam-emulator-admin holding AKIAEMULATORADMINKEY in the file, IAM keys of demo-admin: AKIAEMULATORADMINKEY Active, ${other} Inactive.`,
    );
  });

  it('resumed after verify, an old key IAM will not deactivate ends partly, the old key Active', async () => {
    const outcome = await cutShortAfterVerifiedThenDeny();
    assert.equal(outcome.kind, 'partly', outcome.message);
    const created = newKeyId();
    assert.equal(
      outcome.message,
      `An interrupted rotation of iam-emulator-admin finished only partly: the new key ${created} is in the file and works, but the old key AKIAEMULATORADMINKEY could not be deactivated (AccessDenied: Access denied: iam:UpdateAccessKey): it is still Active — deactivate it in the explorer. Found at start: the journal at "verified", iam-emulator-admin holding ${created} in the file, IAM keys of demo-admin: AKIAEMULATORADMINKEY Active, ${created} Active.`,
    );
    assert.deepEqual(keysOf(rotation.emulator), { [OLD_KEY_ID]: 'Active', [created]: 'Active' });
  });

  async function cutShortAfterVerifiedThenDeny() {
    const { emulator, fixture } = rotation;
    await assert.rejects(
      rotateAccessKey(fixture.request(), fixture.deps({ afterStep: (step) => { if (step === 'verified') throw new SimulatedCrash('closed'); } })),
      SimulatedCrash,
    );
    emulator.setFaults({ denyActions: ['UpdateAccessKey'] });
    const [outcome] = await recoverRotations(fixture.deps());
    return outcome;
  }

  it('at start-up a lock a crashed editor left is waited out until stale (10 s), and the interrupted rotation finishes', async function () {
    this.timeout(40_000);
    const { emulator, fixture } = rotation;
    await assert.rejects(
      rotateAccessKey(fixture.request(), fixture.deps({ afterStep: (step) => { if (step === 'fileWritten') throw new SimulatedCrash('closed'); } })),
      SimulatedCrash,
    );
    // The crashed editor's lock, last refreshed 4 s ago: stale 6 s from now, later than a 5 s wait would last.
    const lock = await lockPathOf(fixture.credentialsFile);
    await fs.mkdir(lock);
    const refreshed = new Date(Date.now() - 4_000);
    await fs.utimes(lock, refreshed, refreshed);
    const [outcome, ...more] = await recoverRotations(fixture.deps());
    assert.deepEqual(more, []);
    assert.equal(outcome.kind, 'rotated', outcome.message);
    assert.deepEqual(keysOf(emulator), { [OLD_KEY_ID]: 'Inactive', [newKeyId()]: 'Active' });
  });
});
