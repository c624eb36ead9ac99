// One connection = one profile (or the default chain) + region + endpoint, with one IAM and
// one STS client reused for every call, the SDK's standard retry strategy and request timeouts.
import type { DeadlineHttpHandler } from './deadlineHttpHandler';
import type { IamApi } from './iamApi';
import { loadSdk } from './sdkLoader';

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
  /** Where ignored endpoint URLs and refused requests are reported (redacted by the log). */
  readonly log?: { warn(message: string): void };
  /** Replaces the HTTP handler (tests record requests instead of sending them); still guarded. */
  readonly requestHandler?: () => RequestSender;
}

/** The shape of the SDK's HTTP handler that the clients are given. */
export type RequestSender = Pick<DeadlineHttpHandler, 'metadata' | 'handle' | 'updateHttpClientConfig' | 'httpHandlerConfigs' | 'destroy'>;

export interface Connection {
  readonly settings: ConnectionSettings;
  readonly api: IamApi;
  /** The access key ID the calls are signed with (never the secret). */
  accessKeyId(): Promise<string>;
  dispose(): void;
}

export function createConnection(settings: ConnectionSettings, hooks: ConnectionHooks = {}): Connection {
  return loadSdk().createSdkConnection(settings, hooks);
}
