// readSsoAccessToken (src/aws/sdk/ssoToken.ts) over the cache file `aws sso login` leaves, read by
// the SDK's own loader from a temporary home: a token is used only while it has an access token
// and an expiry that is a time still ahead; a damaged file asks for a new login (issue #27, a
// survivor of the sampled folder run: `||` → `&&` let a token with an unreadable expiry through).
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readSsoAccessToken, SsoLoginNeededError } from '../../src/aws/sdk/ssoToken';
import { writeSsoTokenCache } from '../emulator/org/index';

describe('the IAM Identity Center token cache', () => {
  const sso = { profile: 'sso-dev', ssoRegion: 'eu-west-1', cacheKey: 'my-sso' };
  const now = Date.parse('2026-12-06T12:00:00Z');
  const savedHome = process.env.HOME;
  let home: string;

  function writeToken(accessToken: string | undefined, expiresAt: string): void {
    writeSsoTokenCache(home, { cacheKey: 'my-sso', accessToken, expiresAt, region: 'eu-west-1', startUrl: 'https://example.awsapps.com/start' });
  }
  async function refusal(): Promise<string> {
    const caught = await readSsoAccessToken(sso, () => now).then(
      () => undefined,
      (error: unknown) => error,
    );
    assert.ok(caught instanceof SsoLoginNeededError, `a login is asked for, not ${String(caught)}`);
    return caught.message;
  }

  beforeEach(() => {
    home = mkdtempSync(join(tmpdir(), 'iamkeys-sso-cache-'));
    process.env.HOME = home;
  });
  afterEach(() => {
    process.env.HOME = savedHome;
    rmSync(home, { recursive: true, force: true });
  });

  it('a token whose expiry is still ahead is used', async () => {
    writeToken('cached-portal-token', '2026-12-06T13:00:00Z');
    assert.equal(await readSsoAccessToken(sso, () => now), 'cached-portal-token');
  });

  it('a token whose expiry is not a time asks for a login, though it has an access token', async () => {
    writeToken('cached-portal-token', 'soon');
    assert.equal(await refusal(), 'The IAM Identity Center session of profile "sso-dev" has expired: run aws sso login --profile sso-dev');
  });

  it('a file without an access token asks for a login, though its expiry is ahead', async () => {
    writeToken(undefined, '2026-12-06T13:00:00Z');
    assert.equal(await refusal(), 'The IAM Identity Center session of profile "sso-dev" has expired: run aws sso login --profile sso-dev');
  });

  it('a token that expired asks for a login', async () => {
    writeToken('cached-portal-token', '2026-12-06T11:59:59Z');
    assert.equal(await refusal(), 'The IAM Identity Center session of profile "sso-dev" has expired: run aws sso login --profile sso-dev');
  });
});
