// One connection = one profile (or the default chain) + region + endpoint, with one IAM and
// one STS client reused for every call, the SDK's standard retry strategy and request timeouts.
import type { IamApi } from './iamApi';
import type { IamWriteApi } from './iamWriteApi';
import type { SecretText } from '../core/secretText';

export interface ConnectionSettings {
  /** Empty: the SDK's default provider chain (env, AWS_PROFILE/default, SSO, process, IMDS…). */
  readonly profile: string;
  readonly region: string;
  /** Already validated; empty means AWS's own endpoints. */
  readonly endpoint: string;
  readonly requestTimeoutMs: number;
  readonly maxAttempts: number;
}

export interface AttemptRecord {
  readonly operation: string;
  readonly durationMs: number;
  readonly error?: unknown;
}

export interface ConnectionHooks {
  /** Asked when a profile assumes a role that requires MFA. */
  readonly mfaCodeProvider?: (mfaSerial: string) => Promise<string>;
  /** Called after every HTTP attempt, retries included (for logs and "retrying" states). */
  readonly onAttempt?: (record: AttemptRecord) => void;
}

export interface Connection {
  readonly settings: ConnectionSettings;
  readonly api: IamApi;
  /** Key-changing calls on the same clients (absent in read-only fakes). */
  readonly writeApi?: IamWriteApi;
  /** The access key ID the calls are signed with (never the secret). */
  accessKeyId(): Promise<string>;
  dispose(): void;
}

export function createConnection(settings: ConnectionSettings, hooks: ConnectionHooks = {}): Connection {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use: the SDK is most of activation's cost
  const { createSdkConnection } = require('./sdkConnection') as typeof import('./sdkConnection');
  return createSdkConnection(settings, hooks);
}

/** A static access key and its secret. */
export interface KeyPair {
  readonly accessKeyId: string;
  readonly secret: SecretText;
}

/** A connection signed with one given key pair instead of the profile's credentials. */
export interface KeyPairConnection extends Connection {
  readonly api: IamApi & IamWriteApi;
}

export function createKeyPairConnection(settings: ConnectionSettings, keyPair: KeyPair, hooks: ConnectionHooks = {}): KeyPairConnection {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use, as above
  const { createSdkConnection } = require('./sdkConnection') as typeof import('./sdkConnection');
  return createSdkConnection(settings, hooks, keyPair);
}
