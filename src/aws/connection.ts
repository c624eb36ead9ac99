// One connection = one profile (or the default chain) + region + endpoint, with one IAM and
// one STS client reused for every call, the SDK's standard retry strategy and request timeouts.
import { IAMClient } from '@aws-sdk/client-iam';
import { STSClient } from '@aws-sdk/client-sts';
import { fromIni, fromNodeProviderChain } from '@aws-sdk/credential-providers';
import type {
  AwsCredentialIdentityProvider,
  FinalizeHandler,
  FinalizeHandlerArguments,
  HandlerExecutionContext,
  MetadataBearer,
  MiddlewareStack,
} from '@smithy/types';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { DeadlineHttpHandler } from './deadlineHttpHandler';
import { SdkIamApi } from './sdkIamApi';
import type { IamApi } from './iamApi';

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
  /** The access key ID the calls are signed with (never the secret). */
  accessKeyId(): Promise<string>;
  dispose(): void;
}

export function createConnection(settings: ConnectionSettings, hooks: ConnectionHooks = {}): Connection {
  const credentials: AwsCredentialIdentityProvider = settings.profile
    ? fromIni({ profile: settings.profile, mfaCodeProvider: hooks.mfaCodeProvider, ignoreCache: true })
    : fromNodeProviderChain({ mfaCodeProvider: hooks.mfaCodeProvider, ignoreCache: true });
  const common = {
    region: settings.region || 'us-east-1',
    endpoint: settings.endpoint || undefined,
    credentials,
    retryMode: 'standard',
    maxAttempts: settings.maxAttempts,
  } as const;
  // One handler per client: destroying a client closes its own sockets only.
  const handler = (): DeadlineHttpHandler =>
    new DeadlineHttpHandler(
      new NodeHttpHandler({
        requestTimeout: settings.requestTimeoutMs,
        connectionTimeout: Math.min(settings.requestTimeoutMs, 5000),
        throwOnRequestTimeout: true,
      }),
      settings.requestTimeoutMs,
    );
  const iam = new IAMClient({ ...common, requestHandler: handler() });
  const sts = new STSClient({ ...common, requestHandler: handler() });
  if (hooks.onAttempt) {
    observeAttempts(iam.middlewareStack, hooks.onAttempt);
    observeAttempts(sts.middlewareStack, hooks.onAttempt);
  }
  return {
    settings,
    api: new SdkIamApi(iam, sts),
    accessKeyId: async () => (await credentials()).accessKeyId,
    dispose: () => {
      iam.destroy();
      sts.destroy();
    },
  };
}

/** Sits inside the retry loop, so it sees each attempt and the error that caused a retry. */
function observeAttempts<I extends object, O extends MetadataBearer>(
  stack: MiddlewareStack<I, O>,
  onAttempt: (record: AttemptRecord) => void,
): void {
  stack.addRelativeTo(
    (next: FinalizeHandler<I, O>, context: HandlerExecutionContext) => async (args: FinalizeHandlerArguments<I>) => {
      const started = Date.now();
      const operation = context.commandName ?? 'unknown';
      try {
        const result = await next(args);
        onAttempt({ operation, durationMs: Date.now() - started });
        return result;
      } catch (error) {
        onAttempt({ operation, durationMs: Date.now() - started, error });
        throw error;
      }
    },
    { relation: 'after', toMiddleware: 'retryMiddleware', name: 'iamKeysAttemptObserver', override: true },
  );
}
