// The token `aws sso login` left in the SDK's SSO token cache for a profile with
// `sso_session` (or legacy `sso_start_url`), read with the SDK's own loaders. A missing or
// expired token is an error that says what to run.
import type { SSOToken } from '@smithy/shared-ini-file-loader';

export interface SsoProfile {
  readonly profile: string;
  /** Region of the Identity Center portal (`sso_region`). */
  readonly ssoRegion: string;
  /** What the token cache file is named after: the `sso_session` name, or the start URL. */
  readonly cacheKey: string;
}

export class SsoLoginNeededError extends Error {
  override readonly name = 'SsoLoginNeededError';
  constructor(readonly profile: string, reason: string) {
    super(`${reason}: run aws sso login --profile ${profile}`);
  }
}

export async function readSsoProfile(profile: string): Promise<SsoProfile> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use, like the SDK
  const { loadSharedConfigFiles } = require('@smithy/shared-ini-file-loader') as typeof import('@smithy/shared-ini-file-loader');
  const { configFile } = await loadSharedConfigFiles({ ignoreCache: true });
  const section = configFile[profile];
  if (!section) throw new Error(`The profile "${profile}" is not in the AWS config file.`);
  const sessionName = section.sso_session;
  if (sessionName) {
    const session = configFile[`sso-session.${sessionName}`];
    const ssoRegion = session?.sso_region;
    if (!ssoRegion) throw new Error(`The sso-session "${sessionName}" of profile "${profile}" has no sso_region.`);
    return { profile, ssoRegion, cacheKey: sessionName };
  }
  if (section.sso_start_url && section.sso_region) return { profile, ssoRegion: section.sso_region, cacheKey: section.sso_start_url };
  throw new Error(`The profile "${profile}" has no sso_session or sso_start_url: it is not an IAM Identity Center profile.`);
}

/** The cached access token, if present and not expired. */
export async function readSsoAccessToken(sso: SsoProfile, now: () => number = Date.now): Promise<string> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use, like the SDK
  const { getSSOTokenFromFile } = require('@smithy/shared-ini-file-loader') as typeof import('@smithy/shared-ini-file-loader');
  let token: SSOToken;
  try {
    token = await getSSOTokenFromFile(sso.cacheKey);
  } catch {
    throw new SsoLoginNeededError(sso.profile, `No IAM Identity Center session for profile "${sso.profile}"`);
  }
  const expires = Date.parse(token.expiresAt);
  if (!token.accessToken || !Number.isFinite(expires) || expires <= now()) {
    throw new SsoLoginNeededError(sso.profile, `The IAM Identity Center session of profile "${sso.profile}" has expired`);
  }
  return token.accessToken;
}
