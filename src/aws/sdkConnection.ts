// Builds the SDK clients behind a Connection. Kept apart and loaded on first use: evaluating
// the AWS SDK costs tens of milliseconds that activation should not pay.
import { IAMClient } from '@aws-sdk/client-iam';
import { STSClient } from '@aws-sdk/client-sts';
import { fromIni, fromNodeProviderChain } from '@aws-sdk/credential-providers';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import type {
  AwsCredentialIdentityProvider,
  FinalizeHandler,
  FinalizeHandlerArguments,
  HandlerExecutionContext,
  MetadataBearer,
  MiddlewareStack,
} from '@smithy/types';
import type { AttemptRecord, Connection, ConnectionHooks, ConnectionSettings } from './connection';
import { DeadlineHttpHandler } from './deadlineHttpHandler';
import { SdkIamApi } from './sdkIamApi';

export function createSdkConnection(settings: ConnectionSettings, hooks: ConnectionHooks = {}): Connection {
  const credentials: AwsCredentialIdentityProvider = settings.profile
    ? fromIni({ profile: settings.profile, mfaCodeProvider: hooks.mfaCodeProvider, ignoreCache: true })
    : fromNodeProviderChain({ mfaCodeProvider: hooks.mfaCodeProvider, ignoreCache: true });
  return createSdkConnectionWith(settings, credentials, hooks);
}

/** The same clients signing with given credentials (a member account's assumed role). */
export function createSdkConnectionWith(
  settings: ConnectionSettings,
  credentials: AwsCredentialIdentityProvider,
  hooks: ConnectionHooks = {},
): Connection {
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
