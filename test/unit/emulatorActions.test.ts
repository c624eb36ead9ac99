// IAM and STS actions of the emulator through the real SDK v3 clients: answer
// shapes, implied users (caller, root, temporary session), input checks and
// IAM's error codes, statuses and messages.
import * as assert from 'node:assert/strict';
import {
  CreateAccessKeyCommand,
  CreateUserCommand,
  DeleteAccessKeyCommand,
  GenerateCredentialReportCommand,
  GetAccessKeyLastUsedCommand,
  GetCredentialReportCommand,
  GetUserCommand,
  ListAccessKeysCommand,
  ListUsersCommand,
  UpdateAccessKeyCommand,
  type IAMClient,
} from '@aws-sdk/client-iam';
import { GetAccessKeyInfoCommand, GetCallerIdentityCommand, type STSClient } from '@aws-sdk/client-sts';
import {
  CALLER_CREDENTIALS,
  CALLER_USER_NAME,
  EMULATOR_ACCOUNT_ID,
  LIMITED_CREDENTIALS,
  ROOT_CREDENTIALS,
  SESSION_CREDENTIALS,
  startIamEmulator,
  type IamEmulator,
} from '../emulator/index';
import { captureError, iamClientFor, stsClientFor } from '../emulator/clients';
import { CREDENTIAL_REPORT_COLUMNS } from '../emulator/actions/credentialReport';
import { makeAccessKeyId } from '../emulator/keyIds';
import { SeededRandom } from '../emulator/random';

describe('IAM emulator actions (SDK v3)', function () {
  let emulator: IamEmulator;
  let iam: IAMClient;
  let rootIam: IAMClient;
  let sts: STSClient;

  before(async () => {
    emulator = await startIamEmulator({ users: 40, seed: 5 });
    iam = iamClientFor(emulator, CALLER_CREDENTIALS, { maxAttempts: 1 });
    rootIam = iamClientFor(emulator, ROOT_CREDENTIALS, { maxAttempts: 1 });
    sts = stsClientFor(emulator, CALLER_CREDENTIALS, { maxAttempts: 1 });
  });
  after(async () => {
    for (const client of [iam, rootIam, sts]) client.destroy();
    await emulator.close();
  });

  describe('users', () => {
    it('ListUsers answers every User field IAM lists, with dates to the second', async () => {
      const { Users } = await iam.send(new ListUsersCommand({ MaxItems: 1000 }));
      const stored = emulator.store.users();
      assert.equal(Users?.length, stored.length);
      Users?.forEach((user, i) => {
        assert.equal(user.UserName, stored[i].userName);
        assert.equal(user.UserId, stored[i].userId);
        assert.match(user.UserId ?? '', /^AIDA[A-Z2-7]{17}$/);
        assert.equal(user.Arn, `arn:aws:iam::${EMULATOR_ACCOUNT_ID}:user${stored[i].path}${stored[i].userName}`);
        assert.equal(user.Path, stored[i].path);
        assert.equal(user.CreateDate?.getTime(), stored[i].createDate.getTime());
        assert.equal(user.PasswordLastUsed?.getTime(), stored[i].passwordLastUsed?.getTime());
      });
    });

    it('GetUser without UserName is the caller; a named user is looked up ignoring case', async () => {
      const self = await iam.send(new GetUserCommand({}));
      assert.equal(self.User?.UserName, CALLER_USER_NAME);
      const someone = emulator.store.users()[10];
      const named = await iam.send(new GetUserCommand({ UserName: someone.userName.toUpperCase() }));
      assert.equal(named.User?.UserName, someone.userName);
    });

    it('GetUser as root has no UserName or Path and the account ID as UserId (as IAM answers root)', async () => {
      const { User } = await rootIam.send(new GetUserCommand({}));
      assert.equal(User?.UserName, undefined);
      assert.equal(User?.Path, undefined);
      assert.equal(User?.UserId, EMULATOR_ACCOUNT_ID);
      assert.equal(User?.Arn, `arn:aws:iam::${EMULATOR_ACCOUNT_ID}:root`);
    });

    it('unknown users are NoSuchEntity 404 with IAM\'s message', async () => {
      for (const call of [
        iam.send(new GetUserCommand({ UserName: 'no-such-user' })),
        iam.send(new ListAccessKeysCommand({ UserName: 'no-such-user' })),
      ]) {
        const error = await captureError(call);
        assert.equal(error.name, 'NoSuchEntityException');
        assert.equal(error.code, 'NoSuchEntity');
        assert.equal(error.httpStatus, 404);
        assert.equal(error.type, 'Sender');
        assert.equal(error.message, 'The user with name no-such-user cannot be found.');
      }
    });

    it('checks UserName pattern and length per action (64 to create, 128 to look up)', async () => {
      const pattern = await captureError(iam.send(new GetUserCommand({ UserName: 'bad name!' })));
      assert.equal(pattern.code, 'ValidationError');
      assert.equal(pattern.httpStatus, 400);
      assert.equal(
        pattern.message,
        "1 validation error detected: Value 'bad name!' at 'userName' failed to satisfy constraint: " +
          'Member must satisfy regular expression pattern: [\\w+=,.@-]+',
      );
      const name65 = 'a'.repeat(65);
      const tooLongToCreate = await captureError(iam.send(new CreateUserCommand({ UserName: name65 })));
      assert.match(tooLongToCreate.message, /Member must have length less than or equal to 64$/);
      const lookUp65 = await captureError(iam.send(new GetUserCommand({ UserName: name65 })));
      assert.equal(lookUp65.code, 'NoSuchEntity', 'a 65-character name is a valid existing-user name');
      const lookUp129 = await captureError(iam.send(new ListAccessKeysCommand({ UserName: 'a'.repeat(129) })));
      assert.match(lookUp129.message, /Member must have length less than or equal to 128$/);
      const both = await captureError(iam.send(new CreateUserCommand({ UserName: '!'.repeat(70) })));
      assert.match(both.message, /^2 validation errors detected: .*pattern.*; .*length less than or equal to 64$/);
    });

    it('CreateUser adds a user (names unique ignoring case) that ListUsers then shows', async () => {
      const { User } = await iam.send(new CreateUserCommand({ UserName: 'new.hire', Path: '/engineering/' }));
      assert.equal(User?.Arn, `arn:aws:iam::${EMULATOR_ACCOUNT_ID}:user/engineering/new.hire`);
      assert.ok(emulator.store.getUser('new.hire'));
      const duplicate = await captureError(iam.send(new CreateUserCommand({ UserName: 'NEW.HIRE' })));
      assert.equal(duplicate.code, 'EntityAlreadyExists');
      assert.equal(duplicate.httpStatus, 409);
      assert.equal(duplicate.message, 'User with name NEW.HIRE already exists.');
      const badPath = await captureError(iam.send(new CreateUserCommand({ UserName: 'x1', Path: 'no-slashes' })));
      assert.equal(badPath.code, 'ValidationError');
    });
  });

  describe('access keys', () => {
    it('ListAccessKeys without UserName lists the signing user\'s keys', async () => {
      const { AccessKeyMetadata } = await iam.send(new ListAccessKeysCommand({}));
      assert.deepEqual(
        AccessKeyMetadata?.map((k) => [k.UserName, k.AccessKeyId, k.Status]),
        [[CALLER_USER_NAME, CALLER_CREDENTIALS.accessKeyId, 'Active']],
      );
    });

    it('ListAccessKeys without UserName as root lists root\'s keys, without a UserName (no account alias)', async () => {
      const { AccessKeyMetadata } = await rootIam.send(new ListAccessKeysCommand({}));
      assert.deepEqual(
        AccessKeyMetadata?.map((k) => [k.UserName, k.AccessKeyId]),
        [[undefined, ROOT_CREDENTIALS.accessKeyId]],
      );
      emulator.store.accountAlias = 'example-corp';
      try {
        const withAlias = await rootIam.send(new ListAccessKeysCommand({}));
        assert.equal(withAlias.AccessKeyMetadata?.[0]?.UserName, 'example-corp');
      } finally {
        emulator.store.accountAlias = undefined;
      }
    });

    it('temporary credentials must name the user (as IAM requires)', async () => {
      const session = iamClientFor(emulator, SESSION_CREDENTIALS, { maxAttempts: 1 });
      try {
        const error = await captureError(session.send(new ListAccessKeysCommand({})));
        assert.equal(error.code, 'ValidationError');
        assert.equal(error.message, 'Must specify userName when calling with non-User credentials');
        const named = await session.send(new ListAccessKeysCommand({ UserName: CALLER_USER_NAME }));
        assert.equal(named.AccessKeyMetadata?.[0]?.AccessKeyId, CALLER_CREDENTIALS.accessKeyId);
      } finally {
        session.destroy();
      }
    });

    it('answers keys with the store\'s IDs, statuses and dates; IDs look like real AKIA keys', async () => {
      const owner = emulator.store.users().find((u) => u.accessKeys.some((k) => k.status === 'Inactive'));
      assert.ok(owner);
      const { AccessKeyMetadata } = await iam.send(new ListAccessKeysCommand({ UserName: owner.userName }));
      assert.deepEqual(
        AccessKeyMetadata?.map((k) => [k.AccessKeyId, k.Status, k.CreateDate?.getTime()]),
        owner.accessKeys.map((k) => [k.accessKeyId, k.status, k.createDate.getTime()]),
      );
      for (const key of AccessKeyMetadata ?? []) assert.match(key.AccessKeyId ?? '', /^AKIA[A-Z2-7]{16}$/);
    });

    it('GetAccessKeyLastUsed: date, service and region when used; "N/A" and no date when never used', async () => {
      const keys = emulator.store.users().flatMap((u) => u.accessKeys.map((k) => ({ user: u, key: k })));
      const used = keys.find((entry) => entry.key.lastUsed);
      const unused = keys.find((entry) => !entry.key.lastUsed);
      assert.ok(used && unused);
      const a = await iam.send(new GetAccessKeyLastUsedCommand({ AccessKeyId: used.key.accessKeyId }));
      assert.equal(a.UserName, used.user.userName);
      assert.equal(a.AccessKeyLastUsed?.LastUsedDate?.getTime(), used.key.lastUsed?.date.getTime());
      assert.equal(a.AccessKeyLastUsed?.ServiceName, used.key.lastUsed?.serviceName);
      assert.equal(a.AccessKeyLastUsed?.Region, used.key.lastUsed?.region);
      const b = await iam.send(new GetAccessKeyLastUsedCommand({ AccessKeyId: unused.key.accessKeyId }));
      assert.equal(b.UserName, unused.user.userName);
      assert.deepEqual(b.AccessKeyLastUsed, { ServiceName: 'N/A', Region: 'N/A' });
    });

    it('records signed calls as the key\'s last use only when trackKeyUsage is on', async () => {
      const before = emulator.store.findAccessKey(CALLER_CREDENTIALS.accessKeyId)?.key.lastUsed;
      await iam.send(new ListUsersCommand({ MaxItems: 1 }));
      assert.deepEqual(emulator.store.findAccessKey(CALLER_CREDENTIALS.accessKeyId)?.key.lastUsed, before);

      const tracking = await startIamEmulator({ users: 1, trackKeyUsage: true });
      const client = iamClientFor(tracking, CALLER_CREDENTIALS, { maxAttempts: 1, region: 'eu-west-1' });
      try {
        const started = Math.floor(Date.now() / 1000) * 1000;
        await client.send(new ListUsersCommand({}));
        const { AccessKeyLastUsed } = await client.send(new GetAccessKeyLastUsedCommand({ AccessKeyId: CALLER_CREDENTIALS.accessKeyId }));
        assert.equal(AccessKeyLastUsed?.ServiceName, 'iam');
        assert.equal(AccessKeyLastUsed?.Region, 'eu-west-1');
        assert.ok((AccessKeyLastUsed?.LastUsedDate?.getTime() ?? 0) >= started);
      } finally {
        client.destroy();
        await tracking.close();
      }
    });

    it('GetAccessKeyLastUsed of a key outside the account is AccessDenied, as IAM answers', async () => {
      const error = await captureError(iam.send(new GetAccessKeyLastUsedCommand({ AccessKeyId: 'AKIAIOSFODNN7EXAMPLE' })));
      assert.equal(error.code, 'AccessDenied');
      assert.equal(error.httpStatus, 403);
      assert.equal(
        error.message,
        `User: arn:aws:iam::${EMULATOR_ACCOUNT_ID}:user/${CALLER_USER_NAME} is not authorized to perform iam:GetAccessKeyLastUsed on resource: access key AKIAIOSFODNN7EXAMPLE`,
      );
    });

    it('checks AccessKeyId pattern and length (16–128)', async () => {
      const short = await captureError(iam.send(new GetAccessKeyLastUsedCommand({ AccessKeyId: 'AKIASHORT' })));
      assert.match(short.message, /at 'accessKeyId' failed to satisfy constraint: Member must have length greater than or equal to 16$/);
      const pattern = await captureError(iam.send(new GetAccessKeyLastUsedCommand({ AccessKeyId: 'AKIA-0000-0000-0000' })));
      assert.match(pattern.message, /Member must satisfy regular expression pattern: \[\\w\]\+$/);
    });

    it('CreateAccessKey returns the secret once; the new key signs requests; Update and Delete change it', async () => {
      await iam.send(new CreateUserCommand({ UserName: 'rotation.test' }));
      const { AccessKey } = await iam.send(new CreateAccessKeyCommand({ UserName: 'rotation.test' }));
      assert.match(AccessKey?.AccessKeyId ?? '', /^AKIA[A-Z2-7]{16}$/);
      assert.equal(AccessKey?.SecretAccessKey?.length, 40);
      assert.equal(AccessKey?.Status, 'Active');
      const listed = await iam.send(new ListAccessKeysCommand({ UserName: 'rotation.test' }));
      assert.equal(Object.keys(listed.AccessKeyMetadata?.[0] ?? {}).includes('SecretAccessKey'), false);

      const asNewUser = iamClientFor(emulator, { accessKeyId: AccessKey?.AccessKeyId ?? '', secretAccessKey: AccessKey?.SecretAccessKey ?? '' }, { maxAttempts: 1 });
      try {
        const self = await asNewUser.send(new ListAccessKeysCommand({}));
        assert.equal(self.AccessKeyMetadata?.[0]?.UserName, 'rotation.test');

        await iam.send(new CreateAccessKeyCommand({ UserName: 'rotation.test' }));
        const third = await captureError(iam.send(new CreateAccessKeyCommand({ UserName: 'rotation.test' })));
        assert.equal(third.code, 'LimitExceeded');
        assert.equal(third.httpStatus, 409);
        assert.equal(third.message, 'Cannot exceed quota for AccessKeysPerUser: 2');

        await iam.send(new UpdateAccessKeyCommand({ UserName: 'rotation.test', AccessKeyId: AccessKey?.AccessKeyId, Status: 'Inactive' }));
        assert.equal(emulator.store.findAccessKey(AccessKey?.AccessKeyId ?? '')?.key.status, 'Inactive');
        const inactive = await captureError(asNewUser.send(new ListAccessKeysCommand({})));
        assert.equal(inactive.code, 'InvalidClientTokenId');

        const wrongOwner = await captureError(
          iam.send(new DeleteAccessKeyCommand({ UserName: CALLER_USER_NAME, AccessKeyId: AccessKey?.AccessKeyId })),
        );
        assert.equal(wrongOwner.code, 'NoSuchEntity');
        assert.equal(wrongOwner.message, `The Access Key with id ${AccessKey?.AccessKeyId} cannot be found.`);
        await iam.send(new DeleteAccessKeyCommand({ UserName: 'rotation.test', AccessKeyId: AccessKey?.AccessKeyId }));
        assert.equal(emulator.store.findAccessKey(AccessKey?.AccessKeyId ?? ''), undefined);
      } finally {
        asNewUser.destroy();
      }
    });
  });

  describe('permissions', () => {
    it('the limited user gets AccessDenied 403 on ListUsers with IAM\'s message, but may call other actions', async () => {
      const limited = iamClientFor(emulator, LIMITED_CREDENTIALS, { maxAttempts: 1 });
      try {
        const error = await captureError(limited.send(new ListUsersCommand({})));
        assert.equal(error.code, 'AccessDenied');
        assert.equal(error.httpStatus, 403);
        assert.match(
          error.message,
          new RegExp(`^User: arn:aws:iam::${EMULATOR_ACCOUNT_ID}:user/audit/limited-auditor is not authorized to perform: iam:ListUsers on resource: arn:aws:iam::${EMULATOR_ACCOUNT_ID}:user/`),
        );
        const own = await limited.send(new ListAccessKeysCommand({}));
        assert.equal(own.AccessKeyMetadata?.[0]?.AccessKeyId, LIMITED_CREDENTIALS.accessKeyId);
      } finally {
        limited.destroy();
      }
    });
  });

  describe('credential report', () => {
    it('is ReportNotPresent (410) before generation, then base64 CSV in IAM\'s column layout', async () => {
      const fresh = await startIamEmulator({ users: 3, seed: 2 });
      const client = iamClientFor(fresh, CALLER_CREDENTIALS, { maxAttempts: 1 });
      try {
        const missing = await captureError(client.send(new GetCredentialReportCommand({})));
        assert.equal(missing.code, 'ReportNotPresent');
        assert.equal(missing.httpStatus, 410);
        const started = await client.send(new GenerateCredentialReportCommand({}));
        assert.equal(started.State, 'STARTED');
        assert.equal((await client.send(new GenerateCredentialReportCommand({}))).State, 'COMPLETE');
        const report = await client.send(new GetCredentialReportCommand({}));
        assert.equal(report.ReportFormat, 'text/csv');
        const lines = Buffer.from(report.Content ?? new Uint8Array()).toString('utf8').split('\n');
        assert.equal(lines[0], CREDENTIAL_REPORT_COLUMNS.join(','));
        assert.equal(lines.length, 2 + fresh.store.users().length, 'header, root, one line per user');
        const root = lines[1].split(',');
        assert.equal(root[0], '<root_account>');
        assert.equal(root[CREDENTIAL_REPORT_COLUMNS.indexOf('password_enabled')], 'not_supported');
        const admin = lines.find((line) => line.startsWith(`${CALLER_USER_NAME},`))?.split(',') ?? [];
        assert.equal(admin[CREDENTIAL_REPORT_COLUMNS.indexOf('access_key_1_active')], 'true');
        assert.equal(admin[CREDENTIAL_REPORT_COLUMNS.indexOf('access_key_2_active')], 'false');
        assert.equal(admin[CREDENTIAL_REPORT_COLUMNS.indexOf('access_key_2_last_rotated')], 'N/A');
      } finally {
        client.destroy();
        await fresh.close();
      }
    });
  });

  describe('STS', () => {
    it('GetCallerIdentity names the caller, the root and a session\'s user', async () => {
      const self = await sts.send(new GetCallerIdentityCommand({}));
      const admin = emulator.store.getUser(CALLER_USER_NAME);
      assert.deepEqual([self.Account, self.Arn, self.UserId], [EMULATOR_ACCOUNT_ID, admin?.arn, admin?.userId]);
      const rootSts = stsClientFor(emulator, ROOT_CREDENTIALS);
      const sessionSts = stsClientFor(emulator, SESSION_CREDENTIALS);
      try {
        const root = await rootSts.send(new GetCallerIdentityCommand({}));
        assert.deepEqual([root.Arn, root.UserId], [`arn:aws:iam::${EMULATOR_ACCOUNT_ID}:root`, EMULATOR_ACCOUNT_ID]);
        const session = await sessionSts.send(new GetCallerIdentityCommand({}));
        assert.equal(session.Arn, admin?.arn);
      } finally {
        rootSts.destroy();
        sessionSts.destroy();
      }
    });

    it('GetAccessKeyInfo: this account for its keys, the encoded account for others, a stable hash otherwise', async () => {
      const ours = emulator.store.users().find((u) => u.accessKeys.length > 0)?.accessKeys[0].accessKeyId ?? '';
      assert.equal((await sts.send(new GetAccessKeyInfoCommand({ AccessKeyId: ours }))).Account, EMULATOR_ACCOUNT_ID);
      const foreign = makeAccessKeyId('210987654321', new SeededRandom(3));
      assert.equal((await sts.send(new GetAccessKeyInfoCommand({ AccessKeyId: foreign }))).Account, '210987654321');
      const odd = 'AKIA0000111122223333';
      const first = (await sts.send(new GetAccessKeyInfoCommand({ AccessKeyId: odd }))).Account;
      assert.match(first ?? '', /^\d{12}$/);
      assert.notEqual(first, EMULATOR_ACCOUNT_ID);
      assert.equal((await sts.send(new GetAccessKeyInfoCommand({ AccessKeyId: odd }))).Account, first);
      const invalid = await captureError(sts.send(new GetAccessKeyInfoCommand({ AccessKeyId: 'AKIA' })));
      assert.equal(invalid.code, 'ValidationError');
    });
  });
});
