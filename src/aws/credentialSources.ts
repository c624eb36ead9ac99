// Whether the SDK's default chain has anything to find, judged without calling anything:
// used to show the "no credentials" welcome instead of a row of errors.
import type { ProfileInfo } from './profiles';

const ENV_SOURCES = [
  'AWS_ACCESS_KEY_ID',
  'AWS_PROFILE',
  'AWS_WEB_IDENTITY_TOKEN_FILE',
  'AWS_CONTAINER_CREDENTIALS_RELATIVE_URI',
  'AWS_CONTAINER_CREDENTIALS_FULL_URI',
];

export function hasDefaultCredentialSource(env: NodeJS.ProcessEnv, profiles: readonly ProfileInfo[]): boolean {
  if (ENV_SOURCES.some((name) => Boolean(env[name]))) return true;
  return profiles.some((p) => p.name === 'default');
}
