// Profile names and how each gets its credentials, read with the SDK's own shared-config
// loader so we parse ~/.aws/config and ~/.aws/credentials exactly as the SDK will.
import { loadSdk } from './sdkLoader';

export type CredentialKind = 'static keys' | 'SSO' | 'credential process' | 'assume role' | 'web identity' | 'unknown';

export interface ProfileInfo {
  readonly name: string;
  readonly kind: CredentialKind;
  readonly region?: string;
  readonly mfa: boolean;
  /** The MFA device (mfa_serial); a static-keys profile signs its key changes with a session from its code. */
  readonly mfaSerial?: string;
  /** The credential_process command line, when the profile has one (it may name a tool that keeps the key). */
  readonly credentialProcess?: string;
}

type Section = Record<string, string | undefined>;

/** Config-file sections the SDK's loader keys as "sso-session.<name>" and "services.<name>": not profiles. */
const NOT_A_PROFILE = /^(?:sso-session|services)\./;

function kindOf(section: Section): CredentialKind {
  if (section.sso_session || section.sso_start_url) return 'SSO';
  if (section.credential_process) return 'credential process';
  if (section.web_identity_token_file) return 'web identity';
  if (section.role_arn) return 'assume role';
  if (section.aws_access_key_id) return 'static keys';
  return 'unknown';
}

/** Every profile in the config and credentials files, sorted by name. Re-reads the files each call. */
export async function listProfiles(): Promise<ProfileInfo[]> {
  const files = await loadSdk().loadSharedConfigFiles({ ignoreCache: true });
  const merged = new Map<string, Section>();
  // As the SDK does, the credentials file wins over the config file for the same profile.
  for (const source of [files.configFile, files.credentialsFile]) {
    for (const [name, section] of Object.entries(source ?? {})) {
      if (source === files.configFile && NOT_A_PROFILE.test(name)) continue;
      merged.set(name, { ...(merged.get(name) ?? {}), ...(section as Section) });
    }
  }
  return [...merged.entries()]
    .map(([name, section]) => ({ name, kind: kindOf(section), region: section.region, mfa: Boolean(section.mfa_serial), ...(section.mfa_serial ? { mfaSerial: section.mfa_serial } : {}), ...(section.credential_process ? { credentialProcess: section.credential_process } : {}) }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

export async function findProfile(name: string): Promise<ProfileInfo | undefined> {
  return (await listProfiles()).find((p) => p.name === name);
}

/** The MFA device a static-keys profile's key changes sign with (GetSessionToken), if it names one. */
export function keyChangeMfaSerial(info: ProfileInfo | undefined): string | undefined {
  // Other kinds get temporary credentials already (assume role asks for the code itself).
  return info?.kind === 'static keys' ? info.mfaSerial : undefined;
}
