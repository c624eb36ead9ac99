// The benchmark's isolated AWS environment: nothing from the developer's ~/.aws or AWS_*
// variables is used, no instance-metadata lookups, and every request goes to 127.0.0.1.
//
// - The extension signs with a static-credentials profile in a temp credentials file (the
//   same fromIni path a user's profile takes).
// - The aws CLI and boto3 get env credentials and AWS_CONFIG_FILE/AWS_SHARED_CREDENTIALS_FILE
//   pointing at empty temp files.
// The credentials are the emulator's built-in FAKE test credentials.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { BUILT_IN_IDENTITIES, credentialsFileText } from '../emulator/identities';

export const BENCH_PROFILE = BUILT_IN_IDENTITIES.caller.profile;
export const REPO_ROOT = path.resolve(__dirname, '../../..');

export interface BenchEnv {
  readonly dir: string;
  /** Environment for peer processes (aws CLI, python). */
  readonly peerEnv: NodeJS.ProcessEnv;
  /** Environment for Node child processes that run the extension's code. */
  readonly extensionEnv: NodeJS.ProcessEnv;
  cleanup(): void;
}

function withoutAws(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(env)) if (v !== undefined && !k.toUpperCase().startsWith('AWS_')) out[k] = v;
  return out;
}

/** Creates the temp files and points this process's AWS_* variables at them. */
export function setUpBenchEnv(): BenchEnv {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'iamkeys-bench-'));
  const extConfig = path.join(dir, 'ext-config');
  const extCredentials = path.join(dir, 'ext-credentials');
  const emptyConfig = path.join(dir, 'empty-config');
  const emptyCredentials = path.join(dir, 'empty-credentials');
  fs.writeFileSync(extConfig, `[profile ${BENCH_PROFILE}]\nregion = us-east-1\n`, { mode: 0o600 });
  fs.writeFileSync(extCredentials, credentialsFileText(), { mode: 0o600 });
  fs.writeFileSync(emptyConfig, '', { mode: 0o600 });
  fs.writeFileSync(emptyCredentials, '', { mode: 0o600 });

  const base = withoutAws(process.env);
  const extensionEnv: NodeJS.ProcessEnv = {
    ...base,
    AWS_CONFIG_FILE: extConfig,
    AWS_SHARED_CREDENTIALS_FILE: extCredentials,
    AWS_EC2_METADATA_DISABLED: 'true',
  };
  const { accessKeyId, secretAccessKey } = BUILT_IN_IDENTITIES.caller.credentials;
  const peerEnv: NodeJS.ProcessEnv = {
    ...base,
    AWS_ACCESS_KEY_ID: accessKeyId,
    AWS_SECRET_ACCESS_KEY: secretAccessKey,
    AWS_DEFAULT_REGION: 'us-east-1',
    AWS_CONFIG_FILE: emptyConfig,
    AWS_SHARED_CREDENTIALS_FILE: emptyCredentials,
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_PAGER: '',
    PYTHONDONTWRITEBYTECODE: '1',
  };
  // This process runs the extension's code: same isolation.
  for (const k of Object.keys(process.env)) if (k.toUpperCase().startsWith('AWS_')) delete process.env[k];
  Object.assign(process.env, {
    AWS_CONFIG_FILE: extConfig,
    AWS_SHARED_CREDENTIALS_FILE: extCredentials,
    AWS_EC2_METADATA_DISABLED: 'true',
  });
  return { dir, peerEnv, extensionEnv, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}
