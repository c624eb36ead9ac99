// Counters and the unsigned admin routes, as tests in another process use them.
import * as assert from 'node:assert/strict';
import { GetUserCommand, ListAccessKeysCommand, ListUsersCommand } from '@aws-sdk/client-iam';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import type { CounterSnapshot, IamEmulator } from '../emulator/index';
import { captureError, stsClientFor } from '../emulator/clients';
import { useEmulator } from '../support/emulatorFixture';

async function adminJson<T>(emulator: IamEmulator, method: string, path: string, body?: string): Promise<{ status: number; json: T }> {
  const response = await fetch(`${emulator.url}/__admin/${path}`, { method, body });
  return { status: response.status, json: (await response.json()) as T };
}

describe('IAM emulator counters and admin routes', function () {
  const fx = useEmulator({ users: 10, seed: 6 });

  it('counts calls per action, per action and user, errors by code, and the total', async () => {
    const [alice, bob] = fx.emulator.store.users();
    await fx.iam.send(new ListUsersCommand({}));
    await fx.iam.send(new ListUsersCommand({}));
    await fx.iam.send(new ListAccessKeysCommand({ UserName: alice.userName }));
    await fx.iam.send(new ListAccessKeysCommand({ UserName: bob.userName }));
    await fx.iam.send(new ListAccessKeysCommand({ UserName: bob.userName }));
    await fx.iam.send(new ListAccessKeysCommand({})); // implied: the caller
    await captureError(fx.iam.send(new GetUserCommand({ UserName: 'ghost' })));
    const sts = stsClientFor(fx.emulator);
    await sts.send(new GetCallerIdentityCommand({}));
    sts.destroy();

    const counters = fx.emulator.counters();
    assert.equal(counters.total, 8);
    assert.deepEqual(counters.byAction, { ListUsers: 2, ListAccessKeys: 4, GetUser: 1, GetCallerIdentity: 1 });
    assert.deepEqual(counters.byActionAndUser.ListAccessKeys, { [alice.userName]: 1, [bob.userName]: 2, 'demo-admin': 1 });
    assert.deepEqual(counters.byActionAndUser.GetUser, { ghost: 1 });
    assert.deepEqual(counters.errorsByCode, { NoSuchEntity: 1 });
    assert.equal(counters.faultsTotal, 0);
    const log = fx.emulator.requestLog();
    assert.equal(log.length, 8);
    assert.deepEqual(log[6], { ...log[6], action: 'GetUser', status: 404, errorCode: 'NoSuchEntity' });
  });

  it('GET /__admin/health and /__admin/counters answer unsigned JSON', async () => {
    await fx.iam.send(new ListUsersCommand({}));
    const health = await adminJson<{ status: string; users: number }>(fx.emulator, 'GET', 'health');
    assert.deepEqual([health.status, health.json.status, health.json.users], [200, 'ok', fx.emulator.store.users().length]);
    const counters = await adminJson<CounterSnapshot>(fx.emulator, 'GET', 'counters');
    assert.equal(counters.json.byAction.ListUsers, 1);
    assert.equal(fx.emulator.counters().total, 1, 'admin calls are not counted as API calls');
  });

  it('POST /__admin/counters/reset zeroes the counters', async () => {
    await fx.iam.send(new ListUsersCommand({}));
    const reset = await adminJson<CounterSnapshot>(fx.emulator, 'POST', 'counters/reset');
    assert.equal(reset.status, 200);
    assert.equal(fx.emulator.counters().total, 0);
    assert.deepEqual(fx.emulator.counters().byAction, {});
  });

  it('POST /__admin/faults replaces the fault config, PATCH merges, both take effect at once', async () => {
    const replaced = await adminJson<Record<string, unknown>>(fx.emulator, 'POST', 'faults', JSON.stringify({ denyActions: ['ListUsers'], seed: 3 }));
    assert.equal(replaced.status, 200);
    assert.deepEqual(replaced.json, { denyActions: ['ListUsers'], seed: 3 });
    assert.equal((await captureError(fx.iam.send(new ListUsersCommand({})))).code, 'AccessDenied');

    const merged = await adminJson<Record<string, unknown>>(fx.emulator, 'PATCH', 'faults', JSON.stringify({ throttleRate: 1 }));
    assert.deepEqual(merged.json, { denyActions: ['ListUsers'], seed: 3, throttleRate: 1 });
    assert.equal((await captureError(fx.iam.send(new ListAccessKeysCommand({})))).code, 'Throttling');

    await adminJson(fx.emulator, 'POST', 'faults', '{}');
    assert.ok((await fx.iam.send(new ListUsersCommand({}))).Users);
  });

  it('answers 400 for a bad fault body and 404 for an unknown route, leaving the config alone', async () => {
    fx.emulator.setFaults({ throttleRate: 0 });
    const notJson = await adminJson<{ error: string }>(fx.emulator, 'POST', 'faults', '{not json');
    assert.equal(notJson.status, 400);
    const badRate = await adminJson<{ error: string }>(fx.emulator, 'POST', 'faults', JSON.stringify({ dropRate: 2 }));
    assert.equal(badRate.status, 400);
    assert.match(badRate.json.error, /dropRate/);
    assert.equal(fx.emulator.faults().dropRate, undefined);
    const unknown = await adminJson<{ error: string }>(fx.emulator, 'GET', 'nothing-here');
    assert.equal(unknown.status, 404);
  });
});
