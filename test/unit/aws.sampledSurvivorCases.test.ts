// Behaviours of src/aws that the sampled Stryker run found no unit test checking (issue #27,
// docs/testing.md "Folder scores (sampled)"), each expected text written out.
import * as assert from 'node:assert/strict';
import { decideRoom } from '../../src/aws/makeRoom';
import { notFoundMessage } from '../../src/aws/notFoundText';
import { listProfiles } from '../../src/aws/profiles';
import { useIsolatedAwsEnv } from '../support/processAwsEnv';

describe('src/aws sampled survivors: texts the user reads', () => {
  it('a full user whose other key was last used by no named service is told the date only, not "(N/A)"', async () => {
    const created = new Date('2026-01-01T00:00:00Z');
    const decision = await decideRoom({
      keys: [
        { UserName: 'bob', AccessKeyId: 'AKIAOLDKEYOFBOB00001', Status: 'Active', CreateDate: created },
        { UserName: 'bob', AccessKeyId: 'AKIAOTHERKEYOFBOB002', Status: 'Inactive', CreateDate: created },
      ],
      oldAccessKeyId: 'AKIAOLDKEYOFBOB00001',
      userName: 'bob',
      makeRoom: false,
      lastUsed: async () => ({ UserName: 'bob', LastUsedDate: new Date('2026-05-01T12:30:00Z'), ServiceName: 'N/A', Region: 'N/A' }),
      inCredentialsFile: async () => false,
      errorText: String,
    });
    assert.equal(decision.kind, 'full');
    assert.equal(
      decision.message,
      'bob already has two access keys, the most IAM allows: the other key AKIAOTHERKEYOFBOB002 is Inactive, last used 2026-05-01 12:30 UTC. Delete AKIAOTHERKEYOFBOB002 and rotate (makeRoom) to make room; undo would not bring it back. Nothing was changed.',
    );
  });

  it('a not-found text that only contains the group shape is kept as IAM wrote it', () => {
    assert.equal(notFoundMessage('Sorry: the group with name devs cannot be found.'), 'Not found: Sorry: the group with name devs cannot be found.');
    assert.equal(notFoundMessage('The group with name devs cannot be found.'), 'IAM has no group named devs.');
  });

  it('a profile with a credential_process is read as such, with its command line', async () => {
    const env = useIsolatedAwsEnv({ config: '[profile vault]\ncredential_process = aws-vault export --format=json vault\nregion = eu-west-1\n' });
    try {
      assert.deepEqual(await listProfiles(), [{ name: 'vault', kind: 'credential process', region: 'eu-west-1', mfa: false, credentialProcess: 'aws-vault export --format=json vault' }]);
    } finally {
      env.restore();
    }
  });
});
