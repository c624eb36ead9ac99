// The rotation walk's checks that Stryker found unguarded (issue #27), against the emulator over
// real HTTP: a resumed "created" whose key never reached the file, a file that lost the new key
// before verify, and verify's waits (a clock of its own: the waits are written out by hand).
import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import { recoverRotations, rotateAccessKey } from '../../src/aws/rotateAccessKey';
import { keysOf, OLD_KEY_ID, ROTATED_USER, SimulatedCrash, useRotationFixture } from '../support/rotationFixture';

const OTHER_KEY = 'AKIAOTHERKEYOFADMIN2';

describe('rotation walk: resumed steps and verify, case by case', function () {
  this.timeout(60_000);
  const rotation = useRotationFixture({ seed: 27, propagationDelayMs: 0 });

  it('a resumed "created" whose new key is not in the file is undone as such (no fileWritten is journaled)', async () => {
    const { fixture } = rotation;
    // Cut short after "created": the file still holds the old key.
    const crashing = fixture.deps({ afterStep: (step) => { if (step === 'created') throw new SimulatedCrash('editor closed'); } });
    await assert.rejects(rotateAccessKey(fixture.request(), crashing), SimulatedCrash);
    const logged: string[] = [];
    const [outcome] = await recoverRotations(fixture.deps({ log: (m) => logged.push(m) }));
    assert.equal(outcome?.kind, 'rolled-back', outcome?.message);
    assert.match(outcome.message, /was undone because it stopped before the new key was written to the credentials file\./);
    assert.deepEqual(logged.filter((m) => m.endsWith(': fileWritten')), []);
  });

  it('the file loses the new key before verify: undone, saying what the file holds', async () => {
    const { fixture } = rotation;
    const deps = fixture.deps({
      afterStep: async (step) => {
        if (step === 'fileWritten') await fs.writeFile(fixture.credentialsFile, fixture.original);
      },
    });
    const outcome = await rotateAccessKey(fixture.request(), deps);
    assert.equal(outcome.kind, 'rolled-back', outcome.message);
    assert.ok(outcome.message.includes(`was undone because the credentials file no longer holds the new key (it has ${OLD_KEY_ID})`), outcome.message);
  });

  it('make room: a rotation cut short at "started" is undone at the next start, the other key not deleted then', async () => {
    const { emulator, fixture } = rotation;
    emulator.store.addAccessKey(ROTATED_USER, { accessKeyId: OTHER_KEY, status: 'Inactive' });
    const crashing = fixture.deps({ afterStep: (step) => { if (step === 'started') throw new SimulatedCrash('editor closed'); } });
    await assert.rejects(rotateAccessKey(fixture.request({ makeRoom: true }), crashing), SimulatedCrash);
    const [outcome] = await recoverRotations(fixture.deps());
    assert.equal(outcome?.kind, 'rolled-back', outcome?.message);
    assert.match(outcome.message, /was undone because it stopped while making room\./);
    assert.deepEqual(keysOf(emulator), { [OLD_KEY_ID]: 'Active', [OTHER_KEY]: 'Inactive' });
  });

  it('make room: a DeleteAccessKey refused for the other key undoes the rotation, naming that key', async () => {
    const { emulator, fixture } = rotation;
    emulator.store.addAccessKey(ROTATED_USER, { accessKeyId: OTHER_KEY, status: 'Inactive' });
    emulator.setFaults({ denyActions: ['DeleteAccessKey'] });
    const outcome = await rotateAccessKey(fixture.request({ makeRoom: true }), fixture.deps());
    assert.equal(outcome.kind, 'rolled-back', outcome.message);
    assert.match(outcome.message, /was undone because the other key AKIAOTHERKEYOFADMIN2 could not be deleted to make room: /);
    assert.deepEqual(keysOf(emulator), { [OLD_KEY_ID]: 'Active', [OTHER_KEY]: 'Inactive' });
  });

  it('verify waits 0.5, 1, then 2 s at most, until the next wait would pass the deadline; the message says the timeout and the last error', async () => {
    const { emulator, fixture } = rotation;
    emulator.setFaults({ propagationDelayMs: 600_000 });
    let clock = Date.parse('2026-06-01T00:00:00Z');
    const waits: number[] = [];
    const deps = fixture.deps({
      now: () => new Date(clock),
      sleep: (ms) => {
        waits.push(ms);
        clock += ms;
        return Promise.resolve();
      },
      verifyTimeoutMs: 9_500,
      verifyIntervalMs: 500,
    });
    const outcome = await rotateAccessKey(fixture.request(), deps);
    assert.equal(outcome.kind, 'rolled-back', outcome.message);
    // Deadline 9.5 s: waits end at 0.5, 1.5, 3.5, 5.5, 7.5, 9.5 s; the next (2 s) would pass it.
    assert.deepEqual(waits, [500, 1000, 2000, 2000, 2000, 2000]);
    assert.match(outcome.message, /the new key did not work within 10 s \((?!no attempt)[^)]/);
  });

  it('verify logs the attempt that worked: the third, after two waits while the key propagates', async () => {
    const { emulator, fixture } = rotation;
    // The emulator's clock moves only with verify's waits: a key usable 1.2 s after it is made
    // fails attempts 1 (0 s) and 2 (0.5 s) and works at attempt 3 (1.5 s).
    let clock = Date.parse('2026-06-01T00:00:00Z');
    emulator.store.now = () => new Date(clock);
    emulator.setFaults({ propagationDelayMs: 1_200 });
    const waits: number[] = [];
    const logged: string[] = [];
    const deps = fixture.deps({
      log: (m) => logged.push(m),
      sleep: (ms) => {
        waits.push(ms);
        clock += ms;
        return Promise.resolve();
      },
      verifyIntervalMs: 500,
    });
    const outcome = await rotateAccessKey(fixture.request(), deps);
    assert.equal(outcome.kind, 'rotated', outcome.message);
    assert.deepEqual(waits, [500, 1000]);
    assert.deepEqual(logged.filter((m) => m.includes('verified on attempt')).map((m) => m.replace(/^rotation \S+: /, '')), ['new key verified on attempt 3']);
  });
});
