// Each fault mode of the emulator, observed through the real SDK v3 client with
// retries off (maxAttempts: 1): what the client sees, and what the counters say.
import * as assert from 'node:assert/strict';
import { ListAccessKeysCommand, ListUsersCommand } from '@aws-sdk/client-iam';
import { startIamEmulator } from '../emulator/index';
import { captureError, iamClientFor } from '../emulator/clients';
import { useEmulator } from '../support/emulatorFixture';
import { FaultInjector } from '../emulator/faults';

describe('IAM emulator faults (SDK v3, no retries)', function () {
  const fx = useEmulator({ users: 20, seed: 4 }, { seed: 7 });

  it('throttles roughly the configured share, deterministically for a seed', async () => {
    fx.emulator.setFaults({ throttleRate: 0.3, seed: 11 });
    const codes: string[] = [];
    for (let i = 0; i < 200; i++) {
      const error = await fx.iam.send(new ListUsersCommand({ MaxItems: 5 })).then(
        () => 'ok',
        (e: { Code?: string; $metadata?: { httpStatusCode?: number } }) => `${e.Code}/${e.$metadata?.httpStatusCode}`,
      );
      codes.push(error);
    }
    const throttled = codes.filter((c) => c === 'Throttling/400').length;
    assert.ok(throttled >= 40 && throttled <= 80, `throttled ${throttled} of 200`);
    assert.equal(codes.filter((c) => c !== 'ok' && c !== 'Throttling/400').length, 0);
    assert.equal(fx.emulator.counters().faultsInjected.throttle, throttled);
    assert.equal(fx.emulator.counters().errorsByCode.Throttling, throttled);

    fx.emulator.setFaults({ seed: 11 }); // same seed again: the same requests are throttled
    const again: string[] = [];
    for (let i = 0; i < 200; i++) {
      again.push(await fx.iam.send(new ListUsersCommand({ MaxItems: 5 })).then(() => 'ok', (e: { Code?: string; $metadata?: { httpStatusCode?: number } }) => `${e.Code}/${e.$metadata?.httpStatusCode}`));
    }
    assert.deepEqual(again, codes);
  });

  it('throttles per action when throttleRateByAction is set', async () => {
    fx.emulator.setFaults({ throttleRateByAction: { ListUsers: 1 } });
    assert.equal((await captureError(fx.iam.send(new ListUsersCommand({})))).code, 'Throttling');
    assert.ok((await fx.iam.send(new ListAccessKeysCommand({}))).AccessKeyMetadata);
  });

  it('the SDK retries injected throttling by itself when retries are on', async () => {
    fx.emulator.setFaults({ throttleRate: 0.3, seed: 3 });
    const retrying = iamClientFor(fx.emulator, undefined, { maxAttempts: 10 });
    try {
      for (let i = 0; i < 4; i++) assert.ok((await retrying.send(new ListUsersCommand({}))).Users);
      assert.ok((fx.emulator.counters().faultsInjected.throttle ?? 0) > 0, 'seed 3 throttles at least one of the first requests');
      assert.equal(fx.emulator.counters().byAction.ListUsers, 4 + (fx.emulator.counters().faultsInjected.throttle ?? 0));
    } finally {
      retrying.destroy();
    }
  });

  it('server errors: ServiceFailure 500 and ServiceUnavailable 503', async () => {
    fx.emulator.setFaults({ serverErrorRate: 1, serverErrorStatus: 500 });
    const failure = await captureError(fx.iam.send(new ListUsersCommand({})));
    assert.deepEqual([failure.code, failure.httpStatus, failure.type, failure.fault], ['ServiceFailure', 500, 'Receiver', 'server']);
    fx.emulator.setFaults({ serverErrorStatus: 503 });
    const unavailable = await captureError(fx.iam.send(new ListUsersCommand({})));
    assert.deepEqual([unavailable.code, unavailable.httpStatus], ['ServiceUnavailable', 503]);
    assert.equal(fx.emulator.counters().faultsInjected.serverError, 2);
  });

  it('a dropped connection is a network error, not an answer', async () => {
    fx.emulator.setFaults({ dropRate: 1 });
    const error = await captureError(fx.iam.send(new ListUsersCommand({})));
    assert.equal(error.httpStatus, undefined);
    assert.equal(error.errno, 'ECONNRESET');
    assert.equal(fx.emulator.counters().faultsInjected.drop, 1);
    assert.equal(fx.emulator.counters().byAction.ListUsers, 1, 'dropped requests are still counted');
  });

  for (const variant of ['html', 'truncated-xml'] as const) {
    it(`garbage answers (${variant}) fail to parse in the client`, async () => {
      fx.emulator.setFaults({ garbageRate: 1, garbageKind: variant });
      const error = await captureError(fx.iam.send(new ListUsersCommand({})));
      assert.match(error.message, /XML parse error|Deserialization error/);
      assert.equal(fx.emulator.counters().faultsInjected.garbage, 1);
    });
  }

  it('a hung request is cut by the client\'s timeout, and close() does not wait for it', async () => {
    fx.emulator.setFaults({ hangRate: 1 });
    const started = Date.now();
    const error = await captureError(fx.iam.send(new ListUsersCommand({}), { abortSignal: AbortSignal.timeout(300) }));
    assert.equal(error.name, 'AbortError');
    // Ten times the 300 ms abort for a loaded machine: a hang not cut would last until the test's timeout.
    assert.ok(Date.now() - started < 10 * 300, `aborted after ${Date.now() - started} ms`);
    assert.equal(fx.emulator.counters().faultsInjected.hang, 1);

    const other = await startIamEmulator({ users: 1, faults: { hangRate: 1 } });
    const client = iamClientFor(other, undefined, { maxAttempts: 1 });
    const pending = client.send(new ListUsersCommand({})).then(() => 'answered', () => 'failed');
    await new Promise((resolve) => setTimeout(resolve, 100));
    const closeStarted = Date.now();
    await other.close();
    // Generous: close() waiting for the hung request would wait until the test's timeout.
    assert.ok(Date.now() - closeStarted < 5_000, `close() took ${Date.now() - closeStarted} ms with a hung request open`);
    assert.equal(await pending, 'failed');
    client.destroy();
  });

  it('slow-loris: a trickled answer still parses, only later; one never finished times out', async () => {
    fx.emulator.setFaults({ slowLorisRate: 1, slowLorisChunkBytes: 64, slowLorisIntervalMs: 10 });
    const started = Date.now();
    const page = await fx.iam.send(new ListUsersCommand({ MaxItems: 5 }));
    assert.equal(page.Users?.length, 5);
    assert.ok(Date.now() - started >= 50, 'took several trickle intervals');
    fx.emulator.setFaults({ slowLorisNeverFinish: true });
    const error = await captureError(fx.iam.send(new ListUsersCommand({ MaxItems: 5 }), { abortSignal: AbortSignal.timeout(400) }));
    assert.match(error.name, /AbortError|Error/);
    assert.equal(fx.emulator.counters().faultsInjected.slowLoris, 2);
  });

  it('latency plus jitter delays answers', async () => {
    fx.emulator.setFaults({ latencyMs: 120, jitterMs: 40 });
    const started = Date.now();
    await fx.iam.send(new ListUsersCommand({}));
    const elapsed = Date.now() - started;
    assert.ok(elapsed >= 115 && elapsed < 1000, `took ${elapsed} ms`);
  });

  it('denyActions answers AccessDenied with IAM\'s message for those actions only', async () => {
    fx.emulator.setFaults({ denyActions: ['ListAccessKeys'] });
    const error = await captureError(fx.iam.send(new ListAccessKeysCommand({ UserName: 'demo-admin' })));
    assert.equal(error.code, 'AccessDenied');
    assert.equal(error.httpStatus, 403);
    assert.match(error.message, /^User: arn:aws:iam::123456789012:user\/demo-admin is not authorized to perform: iam:ListAccessKeys on resource: user demo-admin/);
    assert.ok((await fx.iam.send(new ListUsersCommand({}))).Users);
    assert.equal(fx.emulator.counters().faultsInjected.accessDenied, 1);
  });

  it('faultActions limits random faults to the named actions', async () => {
    fx.emulator.setFaults({ serverErrorRate: 1, faultActions: ['ListAccessKeys'] });
    assert.ok((await fx.iam.send(new ListUsersCommand({}))).Users);
    assert.equal((await captureError(fx.iam.send(new ListAccessKeysCommand({})))).code, 'ServiceFailure');
  });

  it('rejects unusable fault configurations', () => {
    assert.throws(() => fx.emulator.setFaults({ throttleRate: 1.5 }), /throttleRate must be a number from 0 to 1/);
    assert.throws(() => new FaultInjector({ latencyMs: -1 }), /latencyMs/);
  });

  it('keeps the fault sequence independent of other rates (fixed draws per request)', () => {
    const a = new FaultInjector({ seed: 5, throttleRate: 0.5 });
    const b = new FaultInjector({ seed: 5, throttleRate: 0.5, latencyMs: 10, jitterMs: 50, slowLorisRate: 0 });
    const kinds = (injector: FaultInjector): string[] => Array.from({ length: 50 }, () => injector.decide('ListUsers').outcome.kind);
    assert.deepEqual(kinds(a), kinds(b));
  });
});
