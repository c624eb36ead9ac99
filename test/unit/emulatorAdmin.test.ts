// Counters and the unsigned admin routes, as tests in another process use them.
import * as assert from 'node:assert/strict';
import { GetUserCommand, ListAccessKeysCommand, ListUsersCommand, type IAMClient } from '@aws-sdk/client-iam';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { startIamEmulator, type CounterSnapshot, type IamEmulator } from '../emulator/index';
import { captureError, iamClientFor, stsClientFor } from '../emulator/clients';

async function adminJson<T>(emulator: IamEmulator, method: string, path: string, body?: string): Promise<{ status: number; json: T }> {
  const response = await fetch(`${emulator.url}/__admin/${path}`, { method, body });
  return { status: response.status, json: (await response.json()) as T };
}

describe('IAM emulator counters and admin routes', function () {
  let emulator: IamEmulator;
  let iam: IAMClient;

  before(async () => {
    emulator = await startIamEmulator({ users: 10, seed: 6 });
    iam = iamClientFor(emulator, undefined, { maxAttempts: 1 });
  });
  after(async () => {
    iam.destroy();
    await emulator.close();
  });
  beforeEach(() => {
    emulator.setFaults({ throttleRate: 0, denyActions: [] });
    emulator.resetCounters();
  });

  it('counts calls per action, per action and user, errors by code, and the total', async () => {
    const [alice, bob] = emulator.store.users();
    await iam.send(new ListUsersCommand({}));
    await iam.send(new ListUsersCommand({}));
    await iam.send(new ListAccessKeysCommand({ UserName: alice.userName }));
    await iam.send(new ListAccessKeysCommand({ UserName: bob.userName }));
    await iam.send(new ListAccessKeysCommand({ UserName: bob.userName }));
    await iam.send(new ListAccessKeysCommand({})); // implied: the caller
    await captureError(iam.send(new GetUserCommand({ UserName: 'ghost' })));
    const sts = stsClientFor(emulator);
    await sts.send(new GetCallerIdentityCommand({}));
    sts.destroy();

    const counters = emulator.counters();
    assert.equal(counters.total, 8);
    assert.deepEqual(counters.byAction, { ListUsers: 2, ListAccessKeys: 4, GetUser: 1, GetCallerIdentity: 1 });
    assert.deepEqual(counters.byActionAndUser.ListAccessKeys, { [alice.userName]: 1, [bob.userName]: 2, 'demo-admin': 1 });
    assert.deepEqual(counters.byActionAndUser.GetUser, { ghost: 1 });
    assert.deepEqual(counters.errorsByCode, { NoSuchEntity: 1 });
    assert.equal(counters.faultsTotal, 0);
    const log = emulator.requestLog();
    assert.equal(log.length, 8);
    assert.deepEqual(log[6], { ...log[6], action: 'GetUser', status: 404, errorCode: 'NoSuchEntity' });
  });

  it('GET /__admin/health and /__admin/counters answer unsigned JSON', async () => {
    await iam.send(new ListUsersCommand({}));
    const health = await adminJson<{ status: string; users: number }>(emulator, 'GET', 'health');
    assert.deepEqual([health.status, health.json.status, health.json.users], [200, 'ok', emulator.store.users().length]);
    const counters = await adminJson<CounterSnapshot>(emulator, 'GET', 'counters');
    assert.equal(counters.json.byAction.ListUsers, 1);
    assert.equal(emulator.counters().total, 1, 'admin calls are not counted as API calls');
  });

  it('POST /__admin/counters/reset zeroes the counters', async () => {
    await iam.send(new ListUsersCommand({}));
    const reset = await adminJson<CounterSnapshot>(emulator, 'POST', 'counters/reset');
    assert.equal(reset.status, 200);
    assert.equal(emulator.counters().total, 0);
    assert.deepEqual(emulator.counters().byAction, {});
  });

  it('POST /__admin/faults replaces the fault config, PATCH merges, both take effect at once', async () => {
    const replaced = await adminJson<Record<string, unknown>>(emulator, 'POST', 'faults', JSON.stringify({ denyActions: ['ListUsers'], seed: 3 }));
    assert.equal(replaced.status, 200);
    assert.deepEqual(replaced.json, { denyActions: ['ListUsers'], seed: 3 });
    assert.equal((await captureError(iam.send(new ListUsersCommand({})))).code, 'AccessDenied');

    const merged = await adminJson<Record<string, unknown>>(emulator, 'PATCH', 'faults', JSON.stringify({ throttleRate: 1 }));
    assert.deepEqual(merged.json, { denyActions: ['ListUsers'], seed: 3, throttleRate: 1 });
    assert.equal((await captureError(iam.send(new ListAccessKeysCommand({})))).code, 'Throttling');

    await adminJson(emulator, 'POST', 'faults', '{}');
    assert.ok((await iam.send(new ListUsersCommand({}))).Users);
  });

  it('answers 400 for a bad fault body and 404 for an unknown route, leaving the config alone', async () => {
    emulator.setFaults({ throttleRate: 0 });
    const notJson = await adminJson<{ error: string }>(emulator, 'POST', 'faults', '{not json');
    assert.equal(notJson.status, 400);
    const badRate = await adminJson<{ error: string }>(emulator, 'POST', 'faults', JSON.stringify({ dropRate: 2 }));
    assert.equal(badRate.status, 400);
    assert.match(badRate.json.error, /dropRate/);
    assert.equal(emulator.faults().dropRate, undefined);
    const unknown = await adminJson<{ error: string }>(emulator, 'GET', 'nothing-here');
    assert.equal(unknown.status, 404);
  });
});
