// Environment isolation for anything that runs the extension in tests: no inherited AWS
// credentials/profile/region, shared config files that point into a temp dir, and no EC2
// instance-metadata lookups. So a test can never read the developer's ~/.aws or hit a real
// account by accident.
import * as fs from 'fs';
import * as path from 'path';

export interface AwsFiles {
  /** Contents of the AWS shared config file (default: empty). */
  awsConfig?: string;
  /** Contents of the AWS shared credentials file (default: empty). */
  awsCredentials?: string;
}

/** A copy of `env` without any AWS_* variable (keys, session tokens, profile, region, …). */
export function withoutAwsVars(env: NodeJS.ProcessEnv): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(env)) {
    if (v !== undefined && !k.toUpperCase().startsWith('AWS_')) out[k] = v;
  }
  return out;
}

/**
 * Writes `dir/config` and `dir/credentials` and returns the variables that point the AWS SDK
 * at them and turn off instance metadata. Merge these over `withoutAwsVars(process.env)`.
 */
export function isolatedAwsVars(dir: string, files: AwsFiles = {}): Record<string, string> {
  fs.mkdirSync(dir, { recursive: true });
  const config = path.join(dir, 'config');
  const credentials = path.join(dir, 'credentials');
  fs.writeFileSync(config, files.awsConfig ?? '', { mode: 0o600 });
  fs.writeFileSync(credentials, files.awsCredentials ?? '', { mode: 0o600 });
  return {
    AWS_CONFIG_FILE: config,
    AWS_SHARED_CREDENTIALS_FILE: credentials,
    AWS_EC2_METADATA_DISABLED: 'true',
  };
}
