// No request under a refused endpoint, whatever the timing: sessions built from settings that
// allowed an endpoint must not connect, reconnect or call once the CURRENT settings refuse it.
// A small fake connection counts connections and calls (pure logic; no SDK, no network).
import * as assert from 'assert/strict';
import type { AttemptRecord, Connection } from '../../src/aws/connection';
import type { IamApi } from '../../src/aws/iamApi';
import type { IamWriteApi } from '../../src/aws/iamWriteApi';
import type { ProfileInfo } from '../../src/aws/profiles';
import { SessionRegistry, type RegistrySettings } from '../../src/aws/sessionRegistry';

const REFUSED = 'iamKeys.endpoint must be https://, or http:// on this machine. Got "http://evil.example"';

class CountingConnections {
  made = 0;
  calls: string[] = [];
  readonly connect = (profile: string, _hooks: { onAttempt: (record: AttemptRecord) => void }): Connection => {
    this.made++;
    const api = {
      getCallerIdentity: async () => {
        this.calls.push(`${profile}:GetCallerIdentity`);
        return { Account: '111111111111', Arn: `arn:aws:iam::111111111111:user/${profile}`, UserId: 'AIDA' };
      },
      listUsers: async () => {
        this.calls.push(`${profile}:ListUsers`);
        return { items: [], nextMarker: undefined };
      },
    } as unknown as IamApi;
    return {
      settings: { profile, region: 'us-east-1', endpoint: 'https://iam.example', requestTimeoutMs: 1000, maxAttempts: 1 },
      api,
      writeApi: {
        updateAccessKey: async () => {
          this.calls.push(`${profile}:UpdateAccessKey`);
        },
      } as unknown as IamWriteApi,
      accessKeyId: async () => {
        this.calls.push(`${profile}:credentials`);
        return 'AKIASIGNING000000001';
      },
      dispose: () => undefined,
    };
  };
}

function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

function setup(listProfiles?: () => Promise<ProfileInfo[]>) {
  const fake = new CountingConnections();
  const warnings: string[] = [];
  const current: { settings: RegistrySettings } = { settings: { profiles: ['a'] } };
  const registry = new SessionRegistry({
    settings: () => current.settings,
    connect: fake.connect,
    listProfiles: listProfiles ?? (async () => [{ name: 'a', kind: 'static keys', mfa: false }]),
    env: () => ({}),
    log: { warn: (m) => warnings.push(m), debug: () => undefined, trace: () => undefined },
  });
  return { fake, warnings, current, registry };
}

describe('SessionRegistry: no request under a refused endpoint', () => {
  it('a settings change during listProfiles that refuses the endpoint builds no session and connects nothing', async () => {
    const gate = deferred<ProfileInfo[]>();
    const { fake, current, registry } = setup(() => gate.promise);
    const pending = registry.state();
    current.settings = { profiles: ['a'], endpointError: REFUSED };
    gate.resolve([{ name: 'a', kind: 'static keys', mfa: false }]);
    assert.deepEqual(await pending, { kind: 'endpoint-refused', reason: REFUSED });
    assert.equal(fake.made, 0);
  });

  it('a session built while the endpoint was allowed does not connect once the current settings refuse it (before any rebuild)', async () => {
    const gate = deferred<ProfileInfo[]>();
    const { fake, current, registry, warnings } = setup(() => gate.promise);
    const pending = registry.sessions();
    gate.resolve([{ name: 'a', kind: 'static keys', mfa: false }]);
    const [session] = await pending;
    assert.ok(session, 'a session was built under the allowed settings');
    current.settings = { profiles: ['a'], endpointError: REFUSED };
    await session.ensureIdentity();
    assert.equal(session.identity(), undefined);
    assert.match(String((session.identityError() as Error | undefined)?.message), /evil\.example/);
    assert.equal(fake.made, 0, 'no connection was made');
    assert.deepEqual(fake.calls, []);
    assert.ok(warnings.some((w) => w.includes(REFUSED)), 'the refusal is logged');
  });

  it('an existing connection makes no call once the current settings refuse the endpoint', async () => {
    const { fake, current, registry } = setup();
    const [session] = await registry.sessions();
    assert.ok(session);
    await session.ensureIdentity();
    assert.deepEqual(fake.calls, ['a:GetCallerIdentity', 'a:credentials']);
    current.settings = { profiles: ['a'], endpointError: REFUSED };
    await assert.rejects(session.api.listUsers({ maxItems: 10 }), /evil\.example/);
    assert.deepEqual(fake.calls, ['a:GetCallerIdentity', 'a:credentials'], 'no call after the refusal');
  });

  it('keeps the write API through the guard, and refuses its calls too once the endpoint is refused', async () => {
    const { fake, current, registry } = setup();
    const [session] = await registry.sessions();
    assert.ok(session);
    await session.writeApi.updateAccessKey('AKIAOLD0000000000001', 'Inactive');
    assert.deepEqual(fake.calls, ['a:UpdateAccessKey']);
    current.settings = { profiles: ['a'], endpointError: REFUSED };
    await assert.rejects(session.writeApi.updateAccessKey('AKIAOLD0000000000001', 'Inactive'), /evil\.example/);
    assert.deepEqual(fake.calls, ['a:UpdateAccessKey'], 'no write after the refusal');
  });

  it('reconnect() under a refused endpoint makes no new connection and no call', async () => {
    const { fake, current, registry } = setup();
    const [session] = await registry.sessions();
    assert.ok(session);
    await session.ensureIdentity();
    assert.equal(fake.made, 1);
    current.settings = { profiles: ['a'], endpointError: REFUSED };
    session.reconnect();
    await session.ensureIdentity();
    assert.equal(fake.made, 1, 'reconnect built no new connection');
    assert.deepEqual(fake.calls, ['a:GetCallerIdentity', 'a:credentials']);
    assert.ok(session.identityError() !== undefined, 'the refusal is shown as the identity error');
  });

  it('connects again once the settings allow the endpoint again (after the rebuild)', async () => {
    const { fake, current, registry } = setup();
    current.settings = { profiles: ['a'], endpointError: REFUSED };
    assert.equal((await registry.state()).kind, 'endpoint-refused');
    current.settings = { profiles: ['a'] };
    registry.rebuild();
    const [session] = await registry.sessions();
    await session!.ensureIdentity();
    assert.equal(session!.account(), '111111111111');
    assert.equal(fake.made, 1);
  });
});
