// `aws iam list-access-keys --max-items 1` then `--starting-token <its NextToken>`
// (src/aws/cliListAccessKeys.ts), real SDK over HTTP to the emulator: the second call resumes
// after the key already shown, inside the same IAM page, not at its start (issue #27).
import * as assert from 'node:assert/strict';
import { CreateAccessKeyCommand, CreateUserCommand } from '@aws-sdk/client-iam';
import { listAccessKeysLikeCli } from '../../src/aws/cliListAccessKeys';
import { SdkIamApi } from '../../src/aws/sdk/sdkIamApi';
import { sdkHost } from '../../src/aws/sdkHost';
import { CALLER_CREDENTIALS } from '../emulator';
import { stsClientFor } from '../emulator/clients';
import { useEmulator } from '../support/emulatorFixture';

describe('aws/cliListAccessKeys: --starting-token inside a page', () => {
  const fixture = useEmulator({ users: 0 });

  it('the second call gives the second key only', async () => {
    const { iam, emulator } = fixture;
    await iam.send(new CreateUserCommand({ UserName: 'carol' }));
    const created = new Set<string>();
    for (let i = 0; i < 2; i++) created.add((await iam.send(new CreateAccessKeyCommand({ UserName: 'carol' }))).AccessKey?.AccessKeyId ?? '');
    const sts = stsClientFor(emulator, CALLER_CREDENTIALS);
    try {
      const api = new SdkIamApi(iam, sts, sdkHost);
      const first = await listAccessKeysLikeCli(api, { userName: 'carol', maxItems: 1 });
      assert.equal(first.AccessKeyMetadata.length, 1);
      assert.ok(first.NextToken, 'one key is left, so there is a NextToken');
      const second = await listAccessKeysLikeCli(api, { userName: 'carol', startingToken: first.NextToken });
      assert.equal(second.NextToken, undefined);
      const shown = [...first.AccessKeyMetadata, ...second.AccessKeyMetadata].map((k) => k.AccessKeyId);
      assert.equal(shown.length, 2, `each key once: ${shown.join(', ')}`);
      assert.deepEqual(new Set(shown), created);
    } finally {
      sts.destroy();
    }
  });
});
