// Cross-check against moto (moto_server, preinstalled): both are seeded with the
// same users and keys through the SDK, then answer the same calls. Compared
// where moto implements the behaviour; divergences found are pinned below so a
// moto or emulator change shows up here.
//
// Differences found (moto 5.2):
//  - Paging: moto never paginates — ListUsers ignores MaxItems (even 0, which IAM
//    rejects) and never sets IsTruncated; garbage Markers are ignored. The emulator
//    pages as IAM documents and rejects bad MaxItems/Markers with ValidationError.
//  - Order: moto lists users in creation order; the emulator sorts by name ignoring
//    case (stable, documented choice). Keys: both oldest first.
//  - Input checks: moto accepts any UserName (spaces, "!", 65+ characters); the
//    emulator applies the model's pattern and length limits (ValidationError).
//  - Case: moto lets "alice" and "ALICE" coexist; IAM names are unique ignoring case,
//    so the emulator answers EntityAlreadyExists.
//  - Messages: moto's EntityAlreadyExists says "User alice already exists" (IAM: "User
//    with name alice already exists."); its unknown-key message lacks the final period.
//  - GetAccessKeyLastUsed of a key outside the account: moto NoSuchEntity 404; IAM (and
//    the emulator) AccessDenied 403.
//  - Identity: moto accepts any signature and any key (unknown keys act as a default
//    user; GetUser without UserName answers an auto-created "default_user"); the emulator
//    verifies SigV4 and rejects unknown keys (InvalidClientTokenId). moto's UserIds are
//    20 lowercase characters, IAM's (and the emulator's) "AIDA" + 17 base32 characters.
//  - Last use: moto records every signed call as the key's last use; the emulator only
//    with trackKeyUsage (off by default so generated data stays as generated).
import * as assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import {
  CreateAccessKeyCommand,
  CreateUserCommand,
  GetAccessKeyLastUsedCommand,
  GetUserCommand,
  IAMClient,
  ListAccessKeysCommand,
  ListUsersCommand,
  UpdateAccessKeyCommand,
  type AccessKey,
} from '@aws-sdk/client-iam';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { CALLER_CREDENTIALS, CALLER_USER_NAME, LIMITED_USER_NAME, startIamEmulator, type IamEmulator } from '../emulator/index';
import { captureError, iamClientFor, stsClientFor, type CapturedError } from '../emulator/clients';
import { stopProcess } from '../support/childProcess';
import { freePort } from '../support/freePort';
import { MOTO_SERVER, requireTool } from '../support/requiredTool';
import { until } from '../support/wait';

const SEED_USERS: readonly { readonly userName: string; readonly path?: string; readonly keys: number }[] = [
  { userName: 'carol', keys: 1 },
  { userName: 'Alice', path: '/engineering/', keys: 0 },
  { userName: 'bob', path: '/engineering/', keys: 2 },
  { userName: 'dave.e@example.com', keys: 1 },
  { userName: 'svc-ci', path: '/service-accounts/', keys: 1 },
];

/** Resolves once moto_server answers HTTP; fails at once if it exits. */
function waitUntilAnswering(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  return until(
    async () => {
      if (child.exitCode !== null) throw new Error(`moto_server exited with ${child.exitCode}`);
      return fetch(`${url}/moto-api/`).then(
        () => true,
        () => false,
      );
    },
    'moto_server to answer',
    timeoutMs,
    150,
  );
}

/** One side of the comparison: an endpoint plus the keys created on it, by user. */
interface Side {
  readonly name: string;
  readonly iam: IAMClient;
  readonly endpoint: { url: string };
  readonly keys: Map<string, AccessKey[]>;
}

describe('IAM emulator conformance: moto', function () {
  this.timeout(30_000);
  let moto: ChildProcess | undefined;
  let emulator: IamEmulator;
  let sides: Side[] = [];

  before(async () => {
    requireTool(MOTO_SERVER);
    const port = await freePort();
    moto = spawn('moto_server', ['-H', '127.0.0.1', '-p', String(port)], { stdio: 'ignore' });
    const motoUrl = `http://127.0.0.1:${port}`;
    await waitUntilAnswering(motoUrl, moto, 20_000);
    emulator = await startIamEmulator({ seed: 3 });

    sides = [
      // moto ignores signatures; the built-in caller's key works on both.
      { name: 'moto', endpoint: { url: motoUrl }, iam: iamClientFor({ url: motoUrl }, CALLER_CREDENTIALS, { maxAttempts: 1 }), keys: new Map() },
      { name: 'emulator', endpoint: emulator, iam: iamClientFor(emulator, CALLER_CREDENTIALS, { maxAttempts: 1 }), keys: new Map() },
    ];
    for (const side of sides) {
      for (const user of SEED_USERS) {
        await side.iam.send(new CreateUserCommand({ UserName: user.userName, Path: user.path }));
        const keys: AccessKey[] = [];
        for (let i = 0; i < user.keys; i++) {
          const { AccessKey: key } = await side.iam.send(new CreateAccessKeyCommand({ UserName: user.userName }));
          if (key) keys.push(key);
        }
        side.keys.set(user.userName, keys);
      }
      const bobFirst = side.keys.get('bob')?.[0]?.AccessKeyId;
      await side.iam.send(new UpdateAccessKeyCommand({ UserName: 'bob', AccessKeyId: bobFirst, Status: 'Inactive' }));
    }
  });

  after(async () => {
    for (const side of sides) side.iam.destroy();
    await emulator?.close();
    if (moto) await stopProcess(moto);
  });

  const seededNames = new Set(SEED_USERS.map((u) => u.userName));
  const builtIns = new Set([CALLER_USER_NAME, LIMITED_USER_NAME]);

  async function both<T>(call: (side: Side) => Promise<T>): Promise<[T, T]> {
    return [await call(sides[0]), await call(sides[1])];
  }

  it('ListUsers: same users with the same Path and Arn; order differs as documented', async () => {
    const [fromMoto, fromEmulator] = await both(async (side) =>
      ((await side.iam.send(new ListUsersCommand({}))).Users ?? []).filter((u) => seededNames.has(u.UserName ?? '')),
    );
    const shape = (users: typeof fromMoto) => users.map((u) => [u.UserName, u.Path, u.Arn]).sort((a, b) => String(a[0]).localeCompare(String(b[0])));
    assert.deepEqual(shape(fromEmulator), shape(fromMoto));
    assert.deepEqual(fromMoto.map((u) => u.UserName), SEED_USERS.map((u) => u.userName), 'moto: creation order');
    assert.deepEqual(fromEmulator.map((u) => u.UserName), ['Alice', 'bob', 'carol', 'dave.e@example.com', 'svc-ci'], 'emulator: by name ignoring case');
    for (const user of fromEmulator) assert.ok(user.CreateDate instanceof Date && user.UserId);
  });

  it('ListUsers with PathPrefix filters the same way', async () => {
    const [fromMoto, fromEmulator] = await both(async (side) =>
      ((await side.iam.send(new ListUsersCommand({ PathPrefix: '/engineering/' }))).Users ?? []).map((u) => u.UserName).sort(),
    );
    assert.deepEqual(fromEmulator, fromMoto);
    assert.deepEqual(fromEmulator, ['Alice', 'bob']);
  });

  // Keys made in the same second have no defined order in moto: compare them as sets, and
  // check the emulator's own order (creation order) separately.
  it('ListAccessKeys: same owners and statuses for every user; the emulator lists oldest first', async () => {
    for (const user of SEED_USERS) {
      const [fromMoto, fromEmulator] = await both(async (side) => {
        const listed = (await side.iam.send(new ListAccessKeysCommand({ UserName: user.userName }))).AccessKeyMetadata ?? [];
        const created = side.keys.get(user.userName) ?? [];
        return listed
          .map((k) => [k.UserName, k.Status, created.findIndex((c) => c.AccessKeyId === k.AccessKeyId)] as const)
          .sort((a, b) => a[2] - b[2]);
      });
      assert.deepEqual(fromEmulator, fromMoto, user.userName);
    }
    const bob = (await sides[1].iam.send(new ListAccessKeysCommand({ UserName: 'bob' }))).AccessKeyMetadata ?? [];
    assert.deepEqual(bob.map((k) => k.Status), ['Inactive', 'Active']);
  });

  it('ListAccessKeys and GetCallerIdentity signed with a created key answer for its user on both', async () => {
    const [fromMoto, fromEmulator] = await both(async (side) => {
      const key = side.keys.get('carol')?.[0];
      const credentials = { accessKeyId: key?.AccessKeyId ?? '', secretAccessKey: key?.SecretAccessKey ?? '' };
      const asCarol = iamClientFor(side.endpoint, credentials, { maxAttempts: 1 });
      const sts = stsClientFor(side.endpoint, credentials, { maxAttempts: 1 });
      try {
        const keys = (await asCarol.send(new ListAccessKeysCommand({}))).AccessKeyMetadata ?? [];
        const identity = await sts.send(new GetCallerIdentityCommand({}));
        return { keys: keys.map((k) => [k.UserName, k.AccessKeyId === key?.AccessKeyId]), account: identity.Account, arn: identity.Arn };
      } finally {
        asCarol.destroy();
        sts.destroy();
      }
    });
    assert.deepEqual(fromEmulator, fromMoto);
    assert.deepEqual(fromEmulator.keys, [['carol', true]]);
    assert.equal(fromEmulator.arn, 'arn:aws:iam::123456789012:user/carol');
  });

  it('CreateAccessKey beyond two keys: LimitExceeded 409 with the same message', async () => {
    const [fromMoto, fromEmulator] = await both((side) => captureError(side.iam.send(new CreateAccessKeyCommand({ UserName: 'bob' }))));
    assert.deepEqual(errorShape(fromEmulator), errorShape(fromMoto));
    assert.deepEqual(errorShape(fromEmulator), ['LimitExceeded', 409, 'Cannot exceed quota for AccessKeysPerUser: 2']);
  });

  it('a missing user: NoSuchEntity 404 with the same message for GetUser and ListAccessKeys', async () => {
    const calls: ((client: IAMClient) => Promise<unknown>)[] = [
      (client) => client.send(new GetUserCommand({ UserName: 'nobody' })),
      (client) => client.send(new ListAccessKeysCommand({ UserName: 'nobody' })),
    ];
    for (const call of calls) {
      const [fromMoto, fromEmulator] = await both((side) => captureError(call(side.iam)));
      assert.deepEqual(errorShape(fromEmulator), errorShape(fromMoto));
      assert.deepEqual(errorShape(fromEmulator), ['NoSuchEntity', 404, 'The user with name nobody cannot be found.']);
    }
  });

  it('GetAccessKeyLastUsed of a never-used key: UserName and "N/A" on both', async () => {
    const [fromMoto, fromEmulator] = await both(async (side) => {
      const key = side.keys.get('svc-ci')?.[0];
      const answer = await side.iam.send(new GetAccessKeyLastUsedCommand({ AccessKeyId: key?.AccessKeyId }));
      return { userName: answer.UserName, lastUsed: answer.AccessKeyLastUsed };
    });
    assert.deepEqual(fromEmulator, fromMoto);
    assert.deepEqual(fromEmulator, { userName: 'svc-ci', lastUsed: { ServiceName: 'N/A', Region: 'N/A' } });
  });

  it('GetCallerIdentity has the same shape (Account, Arn, UserId)', async () => {
    const [fromMoto, fromEmulator] = await both(async (side) => {
      const sts = stsClientFor(side.endpoint, CALLER_CREDENTIALS, { maxAttempts: 1 });
      try {
        const { Account, Arn, UserId } = await sts.send(new GetCallerIdentityCommand({}));
        return { Account, Arn, UserId };
      } finally {
        sts.destroy();
      }
    });
    for (const identity of [fromMoto, fromEmulator]) {
      assert.match(identity.Account ?? '', /^\d{12}$/);
      assert.match(identity.Arn ?? '', /^arn:aws:(iam|sts)::\d{12}:/);
      assert.ok(identity.UserId);
    }
    assert.equal(fromEmulator.Account, fromMoto.Account, 'both default to account 123456789012');
  });

  describe('documented divergences (pinned)', () => {
    it('paging: moto ignores MaxItems; the emulator pages and rejects MaxItems 0', async () => {
      const motoPage = await sides[0].iam.send(new ListUsersCommand({ MaxItems: 2 }));
      assert.ok((motoPage.Users?.length ?? 0) > 2);
      assert.ok(!motoPage.IsTruncated);
      const emulatorPage = await sides[1].iam.send(new ListUsersCommand({ MaxItems: 2 }));
      assert.deepEqual([emulatorPage.Users?.length, emulatorPage.IsTruncated], [2, true]);
      assert.equal((await captureError(sides[1].iam.send(new ListUsersCommand({ MaxItems: 0 })))).code, 'ValidationError');
    });

    it('input checks: moto accepts a UserName IAM rejects; the emulator answers ValidationError', async () => {
      const motoUser = await sides[0].iam.send(new CreateUserCommand({ UserName: 'has space!' }));
      assert.equal(motoUser.User?.UserName, 'has space!');
      const emulatorError = await captureError(sides[1].iam.send(new CreateUserCommand({ UserName: 'has space!' })));
      assert.deepEqual([emulatorError.code, emulatorError.httpStatus], ['ValidationError', 400]);
    });

    it('unknown keys: moto NoSuchEntity 404, the emulator (like IAM) AccessDenied 403 for GetAccessKeyLastUsed', async () => {
      const [fromMoto, fromEmulator] = await both((side) =>
        captureError(side.iam.send(new GetAccessKeyLastUsedCommand({ AccessKeyId: 'AKIAIOSFODNN7EXAMPLE' }))),
      );
      assert.deepEqual([fromMoto.code, fromMoto.httpStatus], ['NoSuchEntity', 404]);
      assert.deepEqual([fromEmulator.code, fromEmulator.httpStatus], ['AccessDenied', 403]);
    });

    it('names differing only in case: moto creates both, the emulator answers EntityAlreadyExists', async () => {
      assert.equal((await sides[0].iam.send(new CreateUserCommand({ UserName: 'CAROL' }))).User?.UserName, 'CAROL');
      const emulatorError = await captureError(sides[1].iam.send(new CreateUserCommand({ UserName: 'CAROL' })));
      assert.deepEqual([emulatorError.code, emulatorError.httpStatus], ['EntityAlreadyExists', 409]);
    });
  });

  // The built-in users exist only in the emulator; keep them out of the comparisons above.
  it('the emulator additionally holds its built-in users', async () => {
    const names = ((await sides[1].iam.send(new ListUsersCommand({}))).Users ?? []).map((u) => u.UserName ?? '');
    for (const name of builtIns) assert.ok(names.includes(name));
  });
});

function errorShape(error: CapturedError): [string | undefined, number | undefined, string] {
  return [error.code, error.httpStatus, error.message];
}
