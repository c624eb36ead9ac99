// What a rotation leaves behind that no other test counted (issue #27, sampled survivors): the
// SDK clients it opened (each must be released, or its sockets live until collected) and the
// exact texts of two endings the user reads. Against the emulator over real HTTP.
import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import { recoverRotations, rotateAccessKey, type RotationDeps } from '../../src/aws/rotateAccessKey';
import { ClientFactory } from '../../src/aws/sdk/clientFactory';
import { sdkHost } from '../../src/aws/sdkHost';
import { RecordingRequestHandler } from '../support/recordingRequestHandler';
import { keysOf, OLD_KEY_ID, ROTATED_USER, SimulatedCrash, useRotationFixture } from '../support/rotationFixture';

/** The user's key that is not the old one (the rotation's new key), read from the emulator. */
function newKeyIn(keys: Record<string, string>): string {
  const others = Object.keys(keys).filter((id) => id !== OLD_KEY_ID);
  assert.equal(others.length, 1, JSON.stringify(keys));
  return others[0] ?? '';
}

describe('rotation: clients released, and the texts of two endings', function () {
  this.timeout(60_000);
  const rotation = useRotationFixture({ seed: 27, propagationDelayMs: 0 });

  it('every connection a rotation opens is disposed once when it ends', async () => {
    const { fixture } = rotation;
    const base = fixture.deps();
    let opened = 0;
    let disposed = 0;
    const counting: RotationDeps = {
      ...base,
      connect: (keyPair) => {
        const made = base.connect(keyPair);
        opened++;
        return { api: made.api, dispose: () => { disposed++; made.dispose(); } };
      },
    };
    const outcome = await rotateAccessKey(fixture.request(), counting);
    assert.equal(outcome.kind, 'rotated', outcome.message);
    assert.ok(opened >= 2, `the old key's and the new key's connections: ${opened}`);
    assert.equal(disposed, opened);
  });

  it('a resumed rotation whose old key cannot be deleted says it finished, naming both keys', async () => {
    const { emulator, fixture } = rotation;
    const crashing = fixture.deps({ afterStep: (step) => { if (step === 'oldDeactivated') throw new SimulatedCrash('editor closed'); } });
    await assert.rejects(rotateAccessKey(fixture.request({ deleteOld: true }), crashing), SimulatedCrash);
    const newKey = newKeyIn(keysOf(emulator));
    emulator.setFaults({ denyActions: ['DeleteAccessKey'] });
    const [outcome] = await recoverRotations(fixture.deps());
    assert.equal(outcome?.kind, 'partly', outcome?.message);
    assert.ok(
      outcome.message.startsWith(`An interrupted rotation of iam-emulator-admin finished: the new key ${newKey} is in use; the old key AKIAEMULATORADMINKEY is Inactive but could not be deleted (`),
      outcome.message,
    );
  });

  it('an undo whose new key was deleted meanwhile says that key no longer exists', async () => {
    const { emulator, fixture } = rotation;
    let newKey = '';
    const deps = fixture.deps({
      afterStep: async (step) => {
        if (step !== 'fileWritten') return;
        newKey = newKeyIn(keysOf(emulator));
        emulator.store.deleteAccessKey(newKey);
        await fs.writeFile(fixture.credentialsFile, fixture.original);
      },
    });
    const outcome = await rotateAccessKey(fixture.request(), deps);
    assert.equal(outcome.kind, 'rolled-back', outcome.message);
    assert.ok(outcome.message.endsWith(`iam-emulator-admin still uses AKIAEMULATORADMINKEY. The new key ${newKey} no longer exists.`), outcome.message);
    assert.deepEqual(keysOf(emulator, ROTATED_USER), { [OLD_KEY_ID]: 'Active' });
  });
});

describe('ClientFactory.dispose', () => {
  it('destroys the request handler of every client it made', () => {
    const handlers: RecordingRequestHandler[] = [];
    const destroyed = new Set<RecordingRequestHandler>();
    const factory = new ClientFactory({ profile: '', region: 'us-east-1', endpoint: 'http://127.0.0.1:4599', requestTimeoutMs: 5000, maxAttempts: 2 }, sdkHost, {
      requestHandler: () => {
        const handler = new RecordingRequestHandler();
        handler.destroy = () => destroyed.add(handler);
        handlers.push(handler);
        return handler;
      },
    });
    const credentials = async () => ({ accessKeyId: 'AKIADEVEXAMPLE000001', secretAccessKey: 'TESTONLYdevSecret0000000000000000000000a' });
    factory.iam(credentials);
    factory.sts(credentials);
    factory.organizations(credentials);
    assert.equal(handlers.length, 3);
    assert.equal(destroyed.size, 0);
    factory.dispose();
    assert.equal(destroyed.size, 3);
  });
});
