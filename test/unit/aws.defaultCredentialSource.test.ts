// Whether the SDK's default chain has a source (src/aws/credentialSources.ts): each environment
// variable it reads is one, an empty one is none, a [default] profile is one. Decides the
// "no credentials" welcome instead of an error row (issue #27: the seed-1206 sample).
import * as assert from 'node:assert/strict';
import { hasDefaultCredentialSource } from '../../src/aws/credentialSources';

const dev = { name: 'dev', kind: 'static keys', mfa: false } as const;

describe('aws/credentialSources: the default chain has something to find', () => {
  for (const [name, value] of [
    ['AWS_ACCESS_KEY_ID', 'AKIAEXAMPLEENV000001'],
    ['AWS_PROFILE', 'dev'],
    ['AWS_WEB_IDENTITY_TOKEN_FILE', '/var/run/secrets/token'],
    ['AWS_CONTAINER_CREDENTIALS_RELATIVE_URI', '/v2/credentials/abc'],
    ['AWS_CONTAINER_CREDENTIALS_FULL_URI', 'http://169.254.170.23/v1/credentials'],
  ]) {
    it(`${name} set is a source`, () => {
      assert.equal(hasDefaultCredentialSource({ [name]: value }, [dev]), true);
    });
  }

  it('no variable and no [default] profile is none; an empty variable is none', () => {
    assert.equal(hasDefaultCredentialSource({}, [dev]), false);
    assert.equal(hasDefaultCredentialSource({ AWS_ACCESS_KEY_ID: '' }, [dev]), false);
  });

  it('a [default] profile is a source', () => {
    assert.equal(hasDefaultCredentialSource({}, [dev, { ...dev, name: 'default' }]), true);
  });
});
