// Key rotation against the emulator over real HTTP with the real SDK: the happy path, a fault
// at every step, and a restart (the journal picked up by recoverRotations) after every step.
// Each case ends in a state listed in docs/reliability.md ("Key rotation").
import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { recoverRotations, rotateAccessKey, type RotationOutcome } from '../../src/aws/rotateAccessKey';
import { readProfileKeys } from '../../src/core/credentialsFile';
import type { RotationStep } from '../../src/core/rotationJournal';
import type { IamEmulator } from '../emulator/index';
import { fixtureTextWith, keysOf, ROTATED_USER, OLD_KEY_ID, OLD_SECRET, ROTATED_PROFILE, SimulatedCrash, useRotationFixture, type RotationFixture } from '../support/rotationFixture';

describe('rotateAccessKey against the emulator (real HTTP, real SDK)', function () {
  this.timeout(60_000);
  const rotation = useRotationFixture({ seed: 12, propagationDelayMs: 400 });
  let emulator: IamEmulator;
  let fixture: RotationFixture;
  beforeEach(() => {
    ({ emulator, fixture } = rotation);
  });

  async function fileKey(): Promise<string> {
    const read = readProfileKeys(await fs.readFile(fixture.credentialsFile, 'utf8'), ROTATED_PROFILE);
    assert.ok(read.ok);
    return read.keys.accessKeyId;
  }
  async function journalFiles(): Promise<string[]> {
    return fs.readdir(fixture.journalDir).catch(() => []);
  }
  function newKeyIds(): string[] {
    return Object.keys(keysOf(emulator)).filter((id) => id !== OLD_KEY_ID);
  }
  async function assertUntouched(outcome: RotationOutcome, kind: RotationOutcome['kind']): Promise<void> {
    assert.equal(outcome.kind, kind, outcome.message);
    assert.equal(await fs.readFile(fixture.credentialsFile, 'utf8'), fixture.original, 'the file is as it was');
    assert.deepEqual(keysOf(emulator), { [OLD_KEY_ID]: 'Active' }, 'only the old key, still Active');
    assert.deepEqual(await journalFiles(), []);
  }

  /** Undone with the file as it was; a key made by a CreateAccessKey whose answer never came is named and left Active, nothing deleted. */
  async function assertUnknownKeyLeft(outcome: RotationOutcome): Promise<void> {
    assert.equal(outcome.kind, 'rolled-back', outcome.message);
    const [unknown] = newKeyIds();
    assert.ok(unknown, 'CreateAccessKey made a key');
    assert.ok(outcome.message.includes(`IAM now also has ${unknown} (Active), which ${ROTATED_USER} did not have when the rotation started; it was left as it is`), outcome.message);
    assert.equal(await fs.readFile(fixture.credentialsFile, 'utf8'), fixture.original, 'the file is as it was');
    assert.deepEqual(keysOf(emulator), { [OLD_KEY_ID]: 'Active', [unknown]: 'Active' });
    assert.deepEqual(emulator.writeLog().filter((w) => w.action === 'DeleteAccessKey'), [], 'no key was deleted');
    assert.deepEqual(await journalFiles(), []);
  }

  it('rotates: new key in the file (other bytes kept, 0600), verified through propagation, old key Inactive; 5 calls plus verify retries', async () => {
    emulator.resetCounters();
    const outcome = await rotateAccessKey(fixture.request(), fixture.deps());
    assert.equal(outcome.kind, 'rotated', outcome.message);
    assert.ok(outcome.kind === 'rotated');
    const [newId] = newKeyIds();
    assert.deepEqual(outcome.result, {
      profile: ROTATED_PROFILE,
      credentialsFile: fixture.credentialsFile,
      oldAccessKeyId: OLD_KEY_ID,
      newAccessKeyId: newId,
      oldKeyStatus: 'Inactive',
      verified: true,
      updatedProfiles: [ROTATED_PROFILE],
    });
    assert.deepEqual(keysOf(emulator), { [OLD_KEY_ID]: 'Inactive', [newId]: 'Active' });
    const after = await fs.readFile(fixture.credentialsFile, 'utf8');
    const newSecretInFile = emulator.store.findAccessKey(newId)?.key.secretAccessKey ?? '?';
    assert.equal(after, fixtureTextWith({ admin: { id: newId, secret: newSecretInFile } }));
    assert.equal(await fileKey(), newId);
    assert.ok(!after.includes(OLD_SECRET) && !after.includes('OLDTOKEN'), 'old secret and session token are gone');
    assert.equal((await fs.stat(fixture.credentialsFile)).mode & 0o777, 0o600);
    assert.equal(await fs.readFile(`${fixture.credentialsFile}.iamkeys-backup`, 'utf8'), fixture.original);
    assert.deepEqual(await journalFiles(), []);
    const byAction = emulator.counters().byAction;
    assert.equal(byAction.CreateAccessKey, 1);
    assert.equal(byAction.UpdateAccessKey, 1);
    assert.equal(byAction.ListAccessKeys, 1);
    assert.ok((byAction.GetCallerIdentity ?? 0) >= 2, 'old key once, new key until it propagated');
    assert.ok(!JSON.stringify(outcome).includes(OLD_SECRET));
    const newSecret = emulator.store.findAccessKey(newId)?.key.secretAccessKey ?? '?';
    assert.ok(!JSON.stringify(outcome).includes(newSecret) && !outcome.message.includes(newSecret));
  });

  it('with deleteOld, deletes the old key only after the new one was verified', async () => {
    const outcome = await rotateAccessKey(fixture.request({ deleteOld: true }), fixture.deps());
    assert.equal(outcome.kind, 'rotated', outcome.message);
    assert.ok(outcome.kind === 'rotated' && outcome.result.oldKeyStatus === 'Deleted');
    const [newId] = newKeyIds();
    assert.deepEqual(keysOf(emulator), { [newId]: 'Active' });
    const writes = emulator.writeLog().map((w) => w.action);
    assert.deepEqual(writes, ['CreateAccessKey', 'UpdateAccessKey', 'DeleteAccessKey']);
  });

  it('two keys already: stops before any write and lists them', async () => {
    emulator.store.addAccessKey(ROTATED_USER, { status: 'Inactive' });
    const outcome = await rotateAccessKey(fixture.request(), fixture.deps());
    assert.equal(outcome.kind, 'two-keys');
    assert.deepEqual(emulator.writeLog(), []);
    assert.equal(await fs.readFile(fixture.credentialsFile, 'utf8'), fixture.original);
  });

  it('refuses SSO, credential_process, environment keys and missing profiles with the reason, sending nothing', async () => {
    const cases: Array<[Parameters<typeof fixture.request>[0], RegExp]> = [
      [{ profileKind: 'SSO' }, /SSO/],
      [{ profileKind: 'credential process' }, /credential_process/],
      [{ environmentKeys: true }, /AWS_ACCESS_KEY_ID/],
      [{ profileKind: undefined }, /not in the AWS config/],
      [{ profile: 'crlf-profile-missing', profileKind: 'static keys' }, /no \[crlf-profile-missing\]/],
    ];
    for (const [request, reason] of cases) {
      const outcome = await rotateAccessKey(fixture.request(request), fixture.deps());
      assert.equal(outcome.kind, 'refused');
      assert.match(outcome.message, reason);
    }
    assert.equal(emulator.counters().total, 0);
  });

  describe('a fault at every step', () => {
    it('CreateAccessKey fails: nothing changed', async () => {
      emulator.setFaults({ actionFaults: { CreateAccessKey: 'serverError' } });
      await assertUntouched(await rotateAccessKey(fixture.request(), fixture.deps()), 'rolled-back');
    });

    it('CreateAccessKey answer lost (key made): the key nobody knew of is named, not deleted (its ID was never returned)', async () => {
      emulator.setFaults({ actionFaults: { CreateAccessKey: 'lostAnswer' } });
      const outcome = await rotateAccessKey(fixture.request(), fixture.deps());
      await assertUnknownKeyLeft(outcome);
    });

    it('the credentials file cannot be written: the new key is deleted', async () => {
      const outcome = await rotateAccessKey(fixture.request(), fixture.deps({ writeKeys: async () => { throw new Error('EACCES: permission denied'); } }));
      await assertUntouched(outcome, 'rolled-back');
      assert.match(outcome.message, /could not be written/);
    });

    it('the new key never works: the file gets the old key back, the new key is deleted', async () => {
      emulator.setFaults({ propagationDelayMs: 600_000 });
      const outcome = await rotateAccessKey(fixture.request(), fixture.deps({ verifyTimeoutMs: 800 }));
      assert.equal(outcome.kind, 'rolled-back', outcome.message);
      assert.match(outcome.message, /did not work within/);
      const text = await fs.readFile(fixture.credentialsFile, 'utf8');
      assert.equal(text, fixtureTextWith({ admin: { id: OLD_KEY_ID, secret: OLD_SECRET } }));
      assert.equal(await fileKey(), OLD_KEY_ID);
      assert.deepEqual(keysOf(emulator), { [OLD_KEY_ID]: 'Active' });
    });

    it('UpdateAccessKey (deactivate) fails: said so; the new key stays in the file; both Active', async () => {
      emulator.setFaults({ denyActions: ['UpdateAccessKey'] });
      const outcome = await rotateAccessKey(fixture.request(), fixture.deps());
      assert.equal(outcome.kind, 'partly', outcome.message);
      assert.match(outcome.message, /could not be deactivated/);
      const [newId] = newKeyIds();
      assert.equal(await fileKey(), newId);
      assert.deepEqual(keysOf(emulator), { [OLD_KEY_ID]: 'Active', [newId]: 'Active' });
      assert.deepEqual(await journalFiles(), []);
    });

    it('DeleteAccessKey (old) fails: the old key stays Inactive, said so', async () => {
      emulator.setFaults({ denyActions: ['DeleteAccessKey'] });
      const outcome = await rotateAccessKey(fixture.request({ deleteOld: true }), fixture.deps());
      assert.equal(outcome.kind, 'partly', outcome.message);
      const [newId] = newKeyIds();
      assert.deepEqual(keysOf(emulator), { [OLD_KEY_ID]: 'Inactive', [newId]: 'Active' });
      assert.equal(await fileKey(), newId);
    });

    it('the undo itself fails: kept in the journal and finished at the next start', async () => {
      emulator.setFaults({ denyActions: ['DeleteAccessKey'] });
      const failing = fixture.deps({ writeKeys: async () => { throw new Error('disk full'); } });
      const outcome = await rotateAccessKey(fixture.request(), failing);
      assert.equal(outcome.kind, 'failed', outcome.message);
      assert.match(outcome.message, /next start/);
      assert.equal((await journalFiles()).length, 1);
      emulator.setFaults({ denyActions: [] });
      const [recovered] = await recoverRotations(fixture.deps());
      await assertUntouched(recovered, 'rolled-back');
    });
  });

  describe('a restart after every step (recoverRotations at the next start)', () => {
    const cases: Array<{ after: RotationStep; deleteOld?: boolean; verifyFails?: boolean; expect: RotationOutcome['kind']; inFile: 'old' | 'new'; keys: 'old only' | 'old Inactive + new' | 'new only' }> = [
      { after: 'started', expect: 'rolled-back', inFile: 'old', keys: 'old only' },
      { after: 'created', expect: 'rolled-back', inFile: 'old', keys: 'old only' },
      { after: 'fileWritten', expect: 'rotated', inFile: 'new', keys: 'old Inactive + new' },
      { after: 'verified', expect: 'rotated', inFile: 'new', keys: 'old Inactive + new' },
      { after: 'oldDeactivated', expect: 'rotated', inFile: 'new', keys: 'old Inactive + new' },
      { after: 'oldDeactivated', deleteOld: true, expect: 'rotated', inFile: 'new', keys: 'new only' },
      { after: 'oldDeleted', deleteOld: true, expect: 'rotated', inFile: 'new', keys: 'new only' },
      { after: 'rollingBack', verifyFails: true, expect: 'rolled-back', inFile: 'old', keys: 'old only' },
    ];
    for (const c of cases) {
      it(`after "${c.after}"${c.deleteOld ? ' (deleteOld)' : ''}${c.verifyFails ? ' (verify failing)' : ''}: ${c.expect}, ${c.inFile} key in the file, ${c.keys}`, async () => {
        if (c.verifyFails) emulator.setFaults({ propagationDelayMs: 600_000 });
        const crashing = fixture.deps({
          verifyTimeoutMs: c.verifyFails ? 500 : 30_000,
          afterStep: (step) => {
            if (step === c.after) throw new SimulatedCrash(`editor closed after ${step}`);
          },
        });
        await assert.rejects(rotateAccessKey(fixture.request({ deleteOld: c.deleteOld ?? false }), crashing), SimulatedCrash);
        assert.equal((await journalFiles()).length, 1, 'the journal holds the cut-short rotation');
        if (c.verifyFails) emulator.setFaults({ propagationDelayMs: 0 });
        const outcomes = await recoverRotations(fixture.deps());
        assert.equal(outcomes.length, 1);
        assert.equal(outcomes[0].kind, c.expect, outcomes[0].message);
        assert.match(outcomes[0].message, /interrupted rotation/);
        const newIds = newKeyIds();
        assert.equal(await fileKey(), c.inFile === 'old' ? OLD_KEY_ID : newIds[0]);
        const expectedKeys =
          c.keys === 'old only' ? { [OLD_KEY_ID]: 'Active' } : c.keys === 'new only' ? { [newIds[0]]: 'Active' } : { [OLD_KEY_ID]: 'Inactive', [newIds[0]]: 'Active' };
        assert.deepEqual(keysOf(emulator), expectedKeys);
        assert.deepEqual(await journalFiles(), []);
        assert.deepEqual(await recoverRotations(fixture.deps()), [], 'nothing left for the start after');
      });
    }

    it('cut short between CreateAccessKey and saving "created" (answer received, journal not written): the unknown key is named, not deleted', async () => {
      const deps = fixture.deps();
      const journal = deps.journal;
      const crashing = {
        ...deps,
        journal: Object.assign(Object.create(Object.getPrototypeOf(journal)) as typeof journal, journal, {
          save: async (record: Parameters<typeof journal.save>[0]) => {
            if (record.step === 'created') throw new SimulatedCrash('closed before the journal was written');
            return journal.save(record);
          },
        }),
      };
      await assert.rejects(rotateAccessKey(fixture.request(), crashing), SimulatedCrash);
      assert.equal(newKeyIds().length, 1, 'a key nobody knows the secret of exists now');
      const [outcome] = await recoverRotations(fixture.deps());
      await assertUnknownKeyLeft(outcome);
    });

    it('a journal record it cannot read (broken JSON, a newer version) is shown with its file and kept; a readable one beside it is finished', async () => {
      await assert.rejects(
        rotateAccessKey(fixture.request(), fixture.deps({ afterStep: (step) => { if (step === 'fileWritten') throw new SimulatedCrash('closed'); } })),
        SimulatedCrash,
      );
      const broken = path.join(fixture.journalDir, 'rotation-broken.json');
      const newer = path.join(fixture.journalDir, 'rotation-newer.json');
      await fs.writeFile(broken, '{"id": "broken", "step": "crea');
      await fs.writeFile(newer, JSON.stringify({ version: 3, id: 'newer', step: 'created', profile: ROTATED_PROFILE }));
      const outcomes = await recoverRotations(fixture.deps());
      assert.deepEqual(
        outcomes.map((o) => o.kind),
        ['failed', 'rotated'],
        outcomes.map((o) => o.message).join(' | '),
      );
      assert.equal(
        outcomes[0].message,
        `2 journal records could not be read: ${broken}, ${newer}. Nothing was done with them: check the keys of the profiles that were being rotated, then delete the files.`,
      );
      assert.deepEqual((await journalFiles()).sort(), ['rotation-broken.json', 'rotation-newer.json']);
    });
  });
});
