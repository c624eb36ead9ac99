// Environment isolation for anything that runs AWS code in tests: no inherited AWS
// credentials/profile/region/endpoint, shared config files that point into a temp dir, and no
// EC2 instance-metadata lookups. So a test can never read the developer's ~/.aws or hit a real
// account by accident. The one place that builds such an environment:
//   - isolatedAwsEnv(dir, files, extra)  for a child process (code-server, aws CLI, boto3)
//   - isolateThisProcess(dir, files)     for SDK code running in this process
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

/** This process's environment minus AWS_*, pointed at `dir`'s files, plus `extra` (which wins). */
export function isolatedAwsEnv(dir: string, files: AwsFiles = {}, extra: Record<string, string> = {}): Record<string, string> {
  return { ...withoutAwsVars(process.env), ...isolatedAwsVars(dir, files), ...extra };
}

/** Removes every AWS_* variable from this process and points the SDK at `dir`'s files. */
export function isolateThisProcess(dir: string, files: AwsFiles = {}): { config: string; credentials: string } {
  for (const name of Object.keys(process.env)) if (name.toUpperCase().startsWith('AWS_')) delete process.env[name];
  const vars = isolatedAwsVars(dir, files);
  Object.assign(process.env, vars);
  return { config: vars.AWS_CONFIG_FILE, credentials: vars.AWS_SHARED_CREDENTIALS_FILE };
}
