// The same wire protocol checked by a second, independent client: the real
// `aws` CLI (botocore) against the emulator. Each spawn costs about half a
// second, so the scenarios are few and each checks several things.
import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  CALLER_CREDENTIALS,
  CALLER_USER_NAME,
  EMULATOR_ACCOUNT_ID,
  ROOT_CREDENTIALS,
  startIamEmulator,
  type IamEmulator,
  type TestCredentials,
} from '../emulator/index';
import { isolatedAwsEnv } from '../support/awsEnv';
import { AWS_CLI, requireTool } from '../support/requiredTool';

interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Major version of the installed aws CLI; throws (naming the CLI) when it is missing. */
function awsCliMajorVersion(): number {
  const printed = requireTool(AWS_CLI);
  const match = /aws-cli\/(\d+)\./.exec(printed);
  assert.ok(match, `unexpected 'aws --version' output: ${printed}`);
  return Number(match[1]);
}

describe('IAM emulator conformance: aws CLI', function () {
  this.timeout(30_000);
  let emulator: IamEmulator;
  let awsDir: string;
  /** v1 exits 255 on a service error; v2 documents 254. */
  let serviceErrorExit: number;

  before(async () => {
    const major = awsCliMajorVersion();
    serviceErrorExit = major >= 2 ? 254 : 255;
    awsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'iam-emulator-cli-'));
    emulator = await startIamEmulator({ users: 60, seed: 13 });
  });
  after(async () => {
    await emulator?.close();
    if (awsDir) fs.rmSync(awsDir, { recursive: true, force: true });
  });
  beforeEach(() => emulator.resetCounters());

  /** Runs `aws --endpoint-url … <args> --output json` with only the given credentials (never ~/.aws). */
  function aws(args: readonly string[], credentials: TestCredentials = CALLER_CREDENTIALS, endpoint = emulator.url): Promise<CliResult> {
    // Inherit the environment (PATH, pyenv) minus every AWS_* setting, then add only ours.
    const env = isolatedAwsEnv(awsDir, {}, {
      AWS_ACCESS_KEY_ID: credentials.accessKeyId,
      AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey,
      AWS_PAGER: '',
    });
    return new Promise((resolve) => {
      execFile('aws', ['--endpoint-url', endpoint, '--region', 'us-east-1', ...args, '--output', 'json'], { env, encoding: 'utf8' }, (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        resolve({ code, stdout, stderr });
      });
    });
  }

  function json<T>(result: CliResult): T {
    assert.equal(result.code, 0, result.stderr);
    return JSON.parse(result.stdout) as T;
  }

  it('list-users --page-size 7 lists the store in order, in ceil(N/7) ListUsers calls', async () => {
    const { Users } = json<{ Users: { UserName: string; Arn: string; CreateDate: string }[] }>(await aws(['iam', 'list-users', '--page-size', '7']));
    const stored = emulator.store.users();
    assert.deepEqual(Users.map((u) => u.UserName), stored.map((u) => u.userName));
    assert.equal(Users[0].Arn, stored[0].arn);
    assert.equal(new Date(Users[0].CreateDate).getTime(), stored[0].createDate.getTime());
    assert.equal(emulator.counters().byAction.ListUsers, Math.ceil(stored.length / 7));
  });

  it('--max-items 5 returns a NextToken that --starting-token continues from', async () => {
    const first = json<{ Users: { UserName: string }[]; NextToken: string }>(await aws(['iam', 'list-users', '--max-items', '5', '--page-size', '3']));
    assert.equal(first.Users.length, 5);
    assert.ok(first.NextToken);
    const second = json<{ Users: { UserName: string }[] }>(
      await aws(['iam', 'list-users', '--max-items', '5', '--page-size', '3', '--starting-token', first.NextToken]),
    );
    assert.deepEqual(
      [...first.Users, ...second.Users].map((u) => u.UserName),
      emulator.store.users().slice(0, 10).map((u) => u.userName),
    );
  });

  it('short pages (some empty, IsTruncated) still give botocore\'s paginator the full listing', async () => {
    const short = await startIamEmulator({ users: 40, seed: 4, shortPages: true });
    try {
      const { Users } = json<{ Users: { UserName: string }[] }>(await aws(['iam', 'list-users', '--page-size', '10'], CALLER_CREDENTIALS, short.url));
      assert.deepEqual(Users.map((u) => u.UserName), short.store.users().map((u) => u.userName));
      assert.ok((short.counters().byAction.ListUsers ?? 0) > Math.ceil(Users.length / 10));
    } finally {
      await short.close();
    }
  });

  it('list-access-keys: the signing user without --user-name, root\'s keys without UserName, a named user', async () => {
    const own = json<{ AccessKeyMetadata: { UserName: string; AccessKeyId: string }[] }>(await aws(['iam', 'list-access-keys']));
    assert.deepEqual(own.AccessKeyMetadata.map((k) => [k.UserName, k.AccessKeyId]), [[CALLER_USER_NAME, CALLER_CREDENTIALS.accessKeyId]]);

    const root = json<{ AccessKeyMetadata: { UserName?: string; AccessKeyId: string }[] }>(await aws(['iam', 'list-access-keys'], ROOT_CREDENTIALS));
    assert.deepEqual(root.AccessKeyMetadata.map((k) => [k.UserName, k.AccessKeyId]), [[undefined, ROOT_CREDENTIALS.accessKeyId]]);

    const owner = emulator.store.users().find((u) => u.accessKeys.length === 2);
    assert.ok(owner);
    const named = json<{ AccessKeyMetadata: { AccessKeyId: string; Status: string }[] }>(
      await aws(['iam', 'list-access-keys', '--user-name', owner.userName, '--page-size', '1']),
    );
    assert.deepEqual(named.AccessKeyMetadata.map((k) => [k.AccessKeyId, k.Status]), owner.accessKeys.map((k) => [k.accessKeyId, k.status]));
    assert.equal(emulator.counters().byActionAndUser.ListAccessKeys?.[owner.userName], 2, 'one call per key with --page-size 1');
  });

  it('errors: NoSuchEntity and ValidationError with IAM\'s messages and the CLI\'s service-error exit code', async () => {
    const missing = await aws(['iam', 'get-user', '--user-name', 'nobody-here']);
    assert.equal(missing.code, serviceErrorExit);
    assert.match(missing.stderr, /An error occurred \(NoSuchEntity\) when calling the GetUser operation: The user with name nobody-here cannot be found\./);
    const invalid = await aws(['iam', 'list-access-keys', '--user-name', 'bad name!']);
    assert.equal(invalid.code, serviceErrorExit);
    assert.match(invalid.stderr, /\(ValidationError\) when calling the ListAccessKeys operation: 1 validation error detected: Value 'bad name!' at 'userName'/);
  });

  it('get-access-key-last-used answers the owner and the last use', async () => {
    const entry = emulator.store.users().flatMap((u) => u.accessKeys.map((k) => ({ u, k }))).find((e) => e.k.lastUsed);
    assert.ok(entry?.k.lastUsed);
    const answer = json<{ UserName: string; AccessKeyLastUsed: { LastUsedDate: string; ServiceName: string; Region: string } }>(
      await aws(['iam', 'get-access-key-last-used', '--access-key-id', entry.k.accessKeyId]),
    );
    assert.equal(answer.UserName, entry.u.userName);
    assert.equal(new Date(answer.AccessKeyLastUsed.LastUsedDate).getTime(), entry.k.lastUsed.date.getTime());
    assert.deepEqual([answer.AccessKeyLastUsed.ServiceName, answer.AccessKeyLastUsed.Region], [entry.k.lastUsed.serviceName, entry.k.lastUsed.region]);
  });

  it('sts get-caller-identity and get-access-key-info', async () => {
    const identity = json<{ UserId: string; Account: string; Arn: string }>(await aws(['sts', 'get-caller-identity']));
    assert.deepEqual(identity, {
      UserId: emulator.store.getUser(CALLER_USER_NAME)?.userId,
      Account: EMULATOR_ACCOUNT_ID,
      Arn: `arn:aws:iam::${EMULATOR_ACCOUNT_ID}:user/${CALLER_USER_NAME}`,
    });
    const info = json<{ Account: string }>(await aws(['sts', 'get-access-key-info', '--access-key-id', emulator.store.users()[0].accessKeys[0]?.accessKeyId ?? CALLER_CREDENTIALS.accessKeyId]));
    assert.equal(info.Account, EMULATOR_ACCOUNT_ID);
  });
});
