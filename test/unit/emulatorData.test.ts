// The emulator's data: seeded generation, the demo account, identifier shapes,
// built-in identities; and its command line.
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { createInterface } from 'node:readline';
import { buildStore, BUILT_IN_IDENTITIES, CALLER_USER_NAME, credentialsFileText, LIMITED_USER_NAME } from '../emulator/index';
import { accountIdFromAccessKeyId, base32Decode, base32Encode, makeAccessKeyId } from '../emulator/keyIds';
import { SeededRandom } from '../emulator/random';
import { parseCliArgs } from '../emulator/cli';
import type { IamStore } from '../emulator/store';

const YEAR_MS = 365 * 86_400_000;

function snapshotOf(store: IamStore): unknown {
  return store.users().map((u) => [u.userName, u.userId, u.path, u.createDate.toISOString(), u.accessKeys.map((k) => [k.accessKeyId, k.status, k.createDate.toISOString(), k.lastUsed?.date.toISOString()])]);
}

describe('IAM emulator data', () => {
  const big = buildStore({ users: 5000 }, 21);
  const allKeys = big.users().flatMap((u) => u.accessKeys);

  it('generates the requested number of users on top of the two built-in ones', () => {
    assert.equal(big.users().length, 5002);
    assert.ok(big.getUser(CALLER_USER_NAME) && big.getUser(LIMITED_USER_NAME));
  });

  it('is deterministic per seed and differs between seeds', () => {
    assert.deepEqual(snapshotOf(buildStore({ users: 300 }, 5)), snapshotOf(buildStore({ users: 300 }, 5)));
    assert.notDeepEqual(snapshotOf(buildStore({ users: 300 }, 5)), snapshotOf(buildStore({ users: 300 }, 6)));
  });

  it('has realistic shapes: AKIA + 16 base32 key IDs, AIDA user IDs, valid unique names', () => {
    const names = new Set<string>();
    for (const user of big.users()) {
      assert.match(user.userName, /^[\w+=,.@-]{1,64}$/);
      assert.match(user.userId, /^AIDA[A-Z2-7]{17}$/);
      assert.ok(!names.has(user.userName.toLowerCase()), `duplicate ${user.userName}`);
      names.add(user.userName.toLowerCase());
      assert.ok(user.accessKeys.length <= 2);
    }
    for (const key of allKeys) assert.match(key.accessKeyId, /^AKIA[A-Z2-7]{16}$/);
  });

  it('mixes key counts, statuses, never-used keys, dates over years, and team paths', () => {
    const byCount = [0, 1, 2].map((n) => big.users().filter((u) => u.accessKeys.length === n).length);
    assert.ok(byCount.every((n) => n > 500), `users with 0/1/2 keys: ${byCount.join('/')}`);
    const inactive = allKeys.filter((k) => k.status === 'Inactive').length / allKeys.length;
    assert.ok(inactive > 0.1 && inactive < 0.35, `inactive share ${inactive}`);
    const neverUsed = allKeys.filter((k) => !k.lastUsed).length / allKeys.length;
    assert.ok(neverUsed > 0.05 && neverUsed < 0.3, `never-used share ${neverUsed}`);
    const created = big.users().map((u) => u.createDate.getTime());
    assert.ok(Math.max(...created) - Math.min(...created) > 4 * YEAR_MS, 'creation spread over years');
    const paths = new Set(big.users().map((u) => u.path));
    for (const p of ['/', '/engineering/', '/service-accounts/']) assert.ok(paths.has(p), p);
    for (const key of allKeys) if (key.lastUsed) assert.ok(key.lastUsed.date >= key.createDate, 'used after creation');
  });

  it('demo account: ~25 readable users covering the interesting cases', () => {
    const demo = buildStore({ demo: true, referenceDate: new Date('2026-03-01T00:00:00Z') }, 1);
    const users = demo.users();
    assert.ok(users.length >= 20 && users.length <= 30, `${users.length} users`);
    assert.equal(demo.accountId, '123456789012');
    const now = new Date('2026-03-01T00:00:00Z').getTime();
    assert.ok(users.some((u) => u.accessKeys.filter((k) => k.status === 'Active').length === 2), 'two active keys');
    assert.ok(users.some((u) => u.accessKeys.some((k) => k.status === 'Active' && now - k.createDate.getTime() > 3 * YEAR_MS)), 'old unrotated key');
    assert.ok(users.some((u) => u.accessKeys.some((k) => k.status === 'Inactive')), 'inactive key');
    assert.ok(users.some((u) => u.accessKeys.some((k) => !k.lastUsed)), 'never-used key');
    assert.ok(users.some((u) => u.accessKeys.length === 0), 'user without keys');
    assert.ok(demo.root.accessKeys.length > 0, 'root has a key');
  });

  it('access key IDs carry their account, and decoding reads it back', () => {
    const random = new SeededRandom(1);
    for (const account of ['123456789012', '000000000001', '999999999999']) {
      const id = makeAccessKeyId(account, random);
      assert.equal(accountIdFromAccessKeyId(id), account);
    }
    for (const key of allKeys.slice(0, 50)) assert.equal(accountIdFromAccessKeyId(key.accessKeyId), big.accountId);
    assert.deepEqual([...(base32Decode(base32Encode(Uint8Array.from([0, 255, 16, 32, 64]))) ?? [])], [0, 255, 16, 32, 64]);
    assert.equal(base32Decode('AB0'), undefined);
  });

  it('writes a credentials file with one profile per built-in identity', () => {
    const text = credentialsFileText();
    for (const identity of Object.values(BUILT_IN_IDENTITIES)) {
      assert.ok(text.includes(`[${identity.profile}]\naws_access_key_id = ${identity.credentials.accessKeyId}\n`));
    }
    assert.ok(text.includes(`aws_session_token = ${BUILT_IN_IDENTITIES.session.credentials.sessionToken}`));
  });
});

describe('IAM emulator command line', () => {
  it('parses every flag', () => {
    assert.deepEqual(
      parseCliArgs(['--port', '0', '--users', '50', '--seed', '9', '--latency-ms', '20', '--jitter-ms', '5', '--short-pages', '--demo', '--throttle-rate', '0.25', '--deny', 'ListUsers, GetUser']),
      { port: 0, users: 50, seed: 9, latencyMs: 20, jitterMs: 5, shortPages: true, demo: true, faults: { throttleRate: 0.25, denyActions: ['ListUsers', 'GetUser'] } },
    );
  });

  it('rejects missing ports, unknown flags and bad values', () => {
    assert.throws(() => parseCliArgs([]), /--port is required/);
    assert.throws(() => parseCliArgs(['--port', '1', '--verbose']), /unknown option --verbose/);
    assert.throws(() => parseCliArgs(['--port', 'x']), /--port must be an integer/);
    assert.throws(() => parseCliArgs(['--port', '0', '--throttle-rate', '2']), /--throttle-rate must be a number from 0 to 1/);
  });

  it('prints the URL first, answers health checks, and exits 0 on SIGTERM', async function () {
    this.timeout(10_000);
    const cli = path.join(__dirname, '..', 'emulator', 'cli.js');
    const child = spawn(process.execPath, [cli, '--port', '0', '--users', '3'], { stdio: ['ignore', 'pipe', 'inherit'] });
    try {
      const firstLine = await new Promise<string>((resolve, reject) => {
        createInterface({ input: child.stdout }).once('line', resolve);
        child.once('exit', () => reject(new Error('CLI exited early')));
      });
      const match = /^IAM emulator listening on (http:\/\/127\.0\.0\.1:\d+)$/.exec(firstLine);
      assert.ok(match, firstLine);
      const health = (await (await fetch(`${match[1]}/__admin/health`)).json()) as { users: number };
      assert.equal(health.users, 5);
      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      child.kill('SIGTERM');
      assert.equal(await exited, 0);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });
});
