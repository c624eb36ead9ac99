// The shapes both sides of the lazy boundary use: what a connection is made from and what it
// gives. Types only, so src/aws/connection.ts (extension side) and this folder (dist/sdk.js)
// share them without either bundling the other.
import type { SecretText } from '../../core/secretText';
import type { IamApi } from '../iamApi';
import type { IamWriteApi } from '../iamWriteApi';
import type { DeadlineHttpHandler } from './deadlineHttpHandler';

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
  /**
   * IAM key changes signed with a GetSessionToken session made with this MFA device's code (a
   * profile with mfa_serial); a key-pair connection signs all its IAM calls so. STS calls keep the key.
   */
  readonly mfaSession?: MfaSigning;
  /** Called after every HTTP attempt, retries included (for logs and "retrying" states). */
  readonly onAttempt?: (record: AttemptRecord) => void;
  /** Where ignored endpoint URLs and refused requests are reported (redacted by the log). */
  readonly log?: { warn(message: string): void };
  /** Replaces the HTTP handler (tests record requests instead of sending them); still guarded. */
  readonly requestHandler?: () => RequestSender;
}

/** Which MFA device to sign with, and where its code comes from (typed, or a script's argument). */
export interface MfaSigning {
  /** The cache's name for whose session this is (the profile). */
  readonly profile: string;
  /** The device's serial (mfa_serial); undefined: the profile has none, sign with the key itself. */
  serial(): Promise<string | undefined>;
  code(serial: string): Promise<string>;
}

/** The shape of the SDK's HTTP handler that the clients are given. */
export type RequestSender = Pick<DeadlineHttpHandler, 'metadata' | 'handle' | 'updateHttpClientConfig' | 'httpHandlerConfigs' | 'destroy'>;

export interface Connection {
  readonly settings: ConnectionSettings;
  readonly api: IamApi;
  /** Key-changing calls on the same clients (absent in read-only fakes). */
  readonly writeApi?: IamWriteApi;
  /** The access key ID the calls are signed with (never the secret). */
  accessKeyId(): Promise<string>;
  dispose(): void;
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
