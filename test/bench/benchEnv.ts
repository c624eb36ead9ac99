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
import { isolateThisProcess, isolatedAwsEnv } from '../support/awsEnv';

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

/** Creates the temp files and points this process's AWS_* variables at them. */
export function setUpBenchEnv(): BenchEnv {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'iamkeys-bench-'));
  const extensionFiles = { awsConfig: `[profile ${BENCH_PROFILE}]\nregion = us-east-1\n`, awsCredentials: credentialsFileText() };
  const extensionEnv: NodeJS.ProcessEnv = isolatedAwsEnv(path.join(dir, 'extension'), extensionFiles);
  const { accessKeyId, secretAccessKey } = BUILT_IN_IDENTITIES.caller.credentials;
  const peerEnv: NodeJS.ProcessEnv = isolatedAwsEnv(
    path.join(dir, 'peer'),
    {},
    {
      AWS_ACCESS_KEY_ID: accessKeyId,
      AWS_SECRET_ACCESS_KEY: secretAccessKey,
      AWS_DEFAULT_REGION: 'us-east-1',
      AWS_PAGER: '',
      PYTHONDONTWRITEBYTECODE: '1',
    },
  );
  // This process runs the extension's code: same isolation.
  isolateThisProcess(path.join(dir, 'extension'), extensionFiles);
  return { dir, peerEnv, extensionEnv, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}
