// A rotation that waits for the credentials file's lock in vain (held by a writer that says
// nothing of what it does, e.g. another profile's write): it gives up after its wait, says for how
// long, and changes nothing (emulator over real HTTP). Issue #27: in the sampled folder run this
// path had no test at all (the wait's seconds `/ 1000` → `* 1000` survived as "no coverage").
import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import { rotateAccessKey } from '../../src/aws/rotateAccessKey';
import { withCredentialsFileLock } from '../../src/core/credentialsFileLock';
import { ROTATED_PROFILE, useRotationFixture } from '../support/rotationFixture';
import { until } from '../support/wait';

describe('a rotation that waits for the credentials file lock in vain (emulator over real HTTP)', function () {
  this.timeout(60_000);
  const rotation = useRotationFixture({ seed: 27, propagationDelayMs: 0 });

  it('gives up after its wait, says how long it waited, and changes nothing', async () => {
    const { emulator, fixture } = rotation;
    let release!: () => void;
    const otherWriter = withCredentialsFileLock(fixture.credentialsFile, () => new Promise<void>((resolve) => (release = resolve)), { waitMs: 0 });
    await until(() => release !== undefined, 'the other writer to hold the lock');
    try {
      const outcome = await rotateAccessKey(fixture.request(), fixture.deps({ lockWaitMs: 1000 }));
      assert.deepEqual(outcome, {
        kind: 'busy',
        message: `A rotation of a profile in ${fixture.credentialsFile} is in progress (in this or another window) and did not end within 1 s; ${ROTATED_PROFILE} was not rotated (nothing was changed). Try again once it has finished.`,
      });
    } finally {
      release();
      await otherWriter;
    }
    assert.deepEqual(emulator.writeLog(), [], 'nothing was sent');
    assert.equal(await fs.readFile(fixture.credentialsFile, 'utf8'), fixture.original);
    assert.deepEqual(await fs.readdir(fixture.journalDir).catch(() => []), [], 'nothing was journaled');
  });
});
