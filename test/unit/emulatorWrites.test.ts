// The emulator's write side as the rotation tests use it: a new key that can't sign until the
// propagation delay has passed, the two-keys-per-user limit, deterministic faults per action
// (including an answer lost after the change was made), and the write log on its admin API.
import * as assert from 'node:assert/strict';
import { CreateAccessKeyCommand, DeleteAccessKeyCommand, UpdateAccessKeyCommand, type IAMClient } from '@aws-sdk/client-iam';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { CALLER_USER_NAME, startIamEmulator, type IamEmulator, type WriteLogEntry } from '../emulator/index';
import { captureError, iamClientFor, stsClientFor } from '../emulator/clients';

async function adminGet<T>(emulator: IamEmulator, path: string): Promise<T> {
  const response = await fetch(`${emulator.url}/__admin/${path}`);
  assert.equal(response.status, 200, `GET /__admin/${path}`);
  return (await response.json()) as T;
}

describe('IAM emulator write actions: propagation, key limit, action faults, write log', function () {
  let emulator: IamEmulator;
  let iam: IAMClient;

  beforeEach(async () => {
    emulator = await startIamEmulator({ seed: 3 });
    iam = iamClientFor(emulator, undefined, { maxAttempts: 1 });
  });
  afterEach(async () => {
    iam.destroy();
    await emulator.close();
  });

  it('a new key is refused (InvalidClientTokenId) until the propagation delay has passed, then signs', async () => {
    let now = new Date('2026-06-01T00:00:00Z');
    emulator.store.now = () => now;
    emulator.setFaults({ propagationDelayMs: 10_000 });
    const { AccessKey } = await iam.send(new CreateAccessKeyCommand({}));
    assert.ok(AccessKey?.AccessKeyId && AccessKey.SecretAccessKey);
    const sts = stsClientFor(emulator, { accessKeyId: AccessKey.AccessKeyId, secretAccessKey: AccessKey.SecretAccessKey }, { maxAttempts: 1 });
    try {
      const early = await captureError(sts.send(new GetCallerIdentityCommand({})));
      assert.equal(early.code, 'InvalidClientTokenId');
      const state = await adminGet<Array<{ accessKeyId: string; propagated: boolean }>>(emulator, `keys/${CALLER_USER_NAME}`);
      assert.deepEqual(state.find((k) => k.accessKeyId === AccessKey.AccessKeyId)?.propagated, false);
      now = new Date(now.getTime() + 10_000);
      const identity = await sts.send(new GetCallerIdentityCommand({}));
      assert.match(identity.Arn ?? '', new RegExp(`:user/${CALLER_USER_NAME}$`));
    } finally {
      sts.destroy();
    }
  });

  it('a third key for a user is LimitExceeded, and the keys route lists ID and status only', async () => {
    await iam.send(new CreateAccessKeyCommand({}));
    const third = await captureError(iam.send(new CreateAccessKeyCommand({})));
    assert.deepEqual([third.code, third.httpStatus], ['LimitExceeded', 409]);
    const keys = await adminGet<Array<Record<string, unknown>>>(emulator, `keys/${CALLER_USER_NAME}`);
    assert.equal(keys.length, 2);
    for (const key of keys) assert.deepEqual(Object.keys(key).sort(), ['accessKeyId', 'propagated', 'status']);
  });

  it("actionFaults 'serverError' fails that action only, without making the change", async () => {
    emulator.setFaults({ actionFaults: { CreateAccessKey: 'serverError' } });
    const failed = await captureError(iam.send(new CreateAccessKeyCommand({})));
    assert.equal(failed.code, 'ServiceFailure');
    assert.equal(emulator.store.getUser(CALLER_USER_NAME)?.accessKeys.length, 1);
    const [key] = emulator.store.getUser(CALLER_USER_NAME)?.accessKeys ?? [];
    await iam.send(new UpdateAccessKeyCommand({ AccessKeyId: key.accessKeyId, Status: 'Active' }));
  });

  it("actionFaults 'lostAnswer' makes the change and drops the connection", async () => {
    emulator.setFaults({ actionFaults: { CreateAccessKey: 'lostAnswer' } });
    const failed = await captureError(iam.send(new CreateAccessKeyCommand({})));
    assert.equal(failed.code, undefined, 'no IAM error: the connection closed');
    assert.equal(emulator.store.getUser(CALLER_USER_NAME)?.accessKeys.length, 2, 'the key was made anyway');
  });

  it('every write action is in the write log (admin route), with the key it touched and how it ended', async () => {
    const { AccessKey } = await iam.send(new CreateAccessKeyCommand({}));
    const id = AccessKey?.AccessKeyId ?? '';
    await iam.send(new UpdateAccessKeyCommand({ AccessKeyId: id, Status: 'Inactive' }));
    emulator.setFaults({ denyActions: ['DeleteAccessKey'] });
    await captureError(iam.send(new DeleteAccessKeyCommand({ AccessKeyId: id })));
    emulator.setFaults({ denyActions: [] });
    await iam.send(new DeleteAccessKeyCommand({ AccessKeyId: id }));
    emulator.resetCounters(); // the write log outlives counter resets
    const log = await adminGet<WriteLogEntry[]>(emulator, 'writes');
    assert.deepEqual(
      log.map((e) => [e.action, e.accessKeyId, e.status, e.errorCode]),
      [
        ['CreateAccessKey', id, 200, undefined],
        ['UpdateAccessKey', id, 200, undefined],
        ['DeleteAccessKey', id, 403, 'AccessDenied'],
        ['DeleteAccessKey', id, 200, undefined],
      ],
    );
    assert.ok(!JSON.stringify(log).includes(AccessKey?.SecretAccessKey ?? '?'), 'no secret in the log');
    await fetch(`${emulator.url}/__admin/writes/clear`, { method: 'POST' });
    assert.deepEqual(await adminGet<WriteLogEntry[]>(emulator, 'writes'), []);
  });
});
