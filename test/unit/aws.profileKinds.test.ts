// listProfiles / findProfile (src/aws/profiles.ts) over real ~/.aws files read by the SDK's own
// loader: how each profile gets its credentials, the list sorted by name whatever the files'
// order, and a lookup by name (issue #27: survivors of the seed-1206 sampled src/aws run). The
// loader keys [sso-session corp] as "sso-session.corp": it was listed (and offered) as a profile.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { findProfile, keyChangeMfaSerial, listProfiles } from '../../src/aws/profiles';
import { useIsolatedAwsEnv, type ProcessAwsEnv } from '../support/processAwsEnv';

const CONFIG = [
  '[profile zeta-role]',
  'role_arn = arn:aws:iam::123456789012:role/Admin',
  'source_profile = beta-keys',
  'mfa_serial = arn:aws:iam::123456789012:mfa/zeta',
  // Its keys are in the credentials file: the two sections make one profile.
  '[profile beta-keys]',
  'region = eu-west-1',
  'mfa_serial = arn:aws:iam::123456789012:mfa/beta',
  '[profile vault]',
  'credential_process = aws-vault export vault',
  '[profile alpha-sso]',
  'sso_session = corp',
  'sso_account_id = 123456789012',
  'sso_role_name = Admin',
  '[profile legacy-sso]',
  'sso_start_url = https://example.awsapps.com/start',
  '[profile app-services.dev]',
  'region = us-east-1',
  '[profile web]',
  'web_identity_token_file = /var/run/token',
  'role_arn = arn:aws:iam::123456789012:role/Web',
  '[sso-session corp]',
  'sso_start_url = https://example.awsapps.com/start',
  'sso_region = eu-west-1',
  '[services local-iam]',
  'iam =',
  '  endpoint_url = http://127.0.0.1:4566',
  '',
].join('\n');

const CREDENTIALS = [
  '[beta-keys]',
  'aws_access_key_id = AKIAEXAMPLEBETA00001',
  'aws_secret_access_key = TESTONLYbetaSecret000000000000000000000b',
  // In the credentials file a dotted name is a profile like any other.
  '[services.prod]',
  'aws_access_key_id = AKIAEXAMPLEPROD00001',
  'aws_secret_access_key = TESTONLYprodSecret000000000000000000000c',
  '',
].join('\n');

describe('aws/profiles: kinds, order and lookup', () => {
  let env: ProcessAwsEnv | undefined;
  beforeEach(() => {
    env = useIsolatedAwsEnv({ config: CONFIG, credentials: CREDENTIALS });
  });
  afterEach(() => {
    env?.restore();
    env = undefined;
  });

  it('each profile has its kind, the list is sorted by name, and [sso-session]/[services] sections are no profiles', async () => {
    assert.deepEqual(
      (await listProfiles()).map((p) => `${p.name}: ${p.kind}`),
      ['alpha-sso: SSO', 'app-services.dev: unknown', 'beta-keys: static keys', 'legacy-sso: SSO', 'services.prod: static keys', 'vault: credential process', 'web: web identity', 'zeta-role: assume role'],
    );
  });

  it('findProfile gives the profile of that name, or none', async () => {
    assert.deepEqual(await findProfile('zeta-role'), { name: 'zeta-role', kind: 'assume role', region: undefined, mfa: true, mfaSerial: 'arn:aws:iam::123456789012:mfa/zeta' });
    assert.deepEqual(await findProfile('vault'), { name: 'vault', kind: 'credential process', region: undefined, mfa: false, credentialProcess: 'aws-vault export vault' });
    assert.equal(await findProfile('missing'), undefined);
  });

  it('a profile in both files keeps both: keys from credentials, region and MFA device from config', async () => {
    const beta = await findProfile('beta-keys');
    assert.deepEqual(beta, { name: 'beta-keys', kind: 'static keys', region: 'eu-west-1', mfa: true, mfaSerial: 'arn:aws:iam::123456789012:mfa/beta' });
    // Key changes of static keys sign with an MFA session; an assumed role asks for the code itself.
    assert.equal(keyChangeMfaSerial(beta), 'arn:aws:iam::123456789012:mfa/beta');
    assert.equal(keyChangeMfaSerial(await findProfile('zeta-role')), undefined);
    assert.equal(keyChangeMfaSerial(undefined), undefined);
  });

  it('reads the files again on each call: a profile added meanwhile is listed', async () => {
    assert.equal(await findProfile('added'), undefined);
    fs.appendFileSync(process.env.AWS_CONFIG_FILE ?? assert.fail('the isolated env names the config file'), '[profile added]\nrole_arn = arn:aws:iam::123456789012:role/New\nsource_profile = beta-keys\n');
    assert.equal((await findProfile('added'))?.kind, 'assume role');
  });
});
