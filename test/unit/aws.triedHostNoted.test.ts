// The host a failed request went to, as error rows show it ("Network error ([::1]:port)"):
// noted by the client factory's attempt observer on the real SDK's error (src/aws/triedHost.ts).
// An IPv6 endpoint keeps one pair of brackets (issue #27: survivors of the seed-1206 sample).
import * as assert from 'node:assert/strict';
import { ListUsersCommand } from '@aws-sdk/client-iam';
import { ClientFactory } from '../../src/aws/sdk/clientFactory';
import { sdkHost } from '../../src/aws/sdkHost';
import { triedHost } from '../../src/aws/triedHost';
import { CALLER_CREDENTIALS } from '../emulator';
import { useEmulator } from '../support/emulatorFixture';

/** The error of one ListUsers at `endpoint`, through a factory that observes attempts as connections do. */
async function listUsersFailure(endpoint: string): Promise<unknown> {
  const factory = new ClientFactory({ profile: '', region: 'us-east-1', endpoint, requestTimeoutMs: 5_000, maxAttempts: 1 }, sdkHost, { onAttempt: () => undefined });
  try {
    return await factory.iam(async () => CALLER_CREDENTIALS).send(new ListUsersCommand({})).then(
      () => assert.fail('ListUsers was expected to fail'),
      (error: unknown) => error,
    );
  } finally {
    factory.dispose();
  }
}

describe('aws/triedHost: where a failed request was sent', () => {
  const fixture = useEmulator({ users: 0 });

  it('an IAM error answer carries the endpoint host and port', async () => {
    fixture.emulator.replaceFaults({ denyActions: ['ListUsers'] });
    assert.equal(triedHost(await listUsersFailure(fixture.emulator.url)), `127.0.0.1:${fixture.emulator.port}`);
  });

  it('a refused connection to an IPv6 loopback endpoint keeps one pair of brackets', async () => {
    // Port 1: nothing listens there; no bind, so it fails alike where the machine has no IPv6
    // loopback (then the connect fails with EADDRNOTAVAIL instead of ECONNREFUSED).
    assert.equal(triedHost(await listUsersFailure('http://[::1]:1')), '[::1]:1');
  });
});
