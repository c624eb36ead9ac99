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
import type { AttemptRecord, ConnectionHooks, ConnectionSettings, KeyPair, KeyPairConnection, RequestSender } from './connection';
import { DeadlineHttpHandler } from './deadlineHttpHandler';
import { guardedEndpointConfig, guardRequestHandler, IGNORE_CONFIGURED_ENDPOINTS, reportIgnoredEndpoints } from './endpointGuard';
import { SdkIamApi } from './sdkIamApi';

export function createSdkConnection(settings: ConnectionSettings, hooks: ConnectionHooks = {}, keyPair?: KeyPair): KeyPairConnection {
  // The providers' own STS/SSO clients (assume role, SSO, web identity) ignore configured
  // endpoint URLs too; they reuse the calling client's (guarded) request handler.
  const clientConfig = { ...IGNORE_CONFIGURED_ENDPOINTS };
  const credentials: AwsCredentialIdentityProvider = keyPair
    ? // Signs with exactly this key pair (rotation: the old key, then the new one), not the profile.
      async () => ({ accessKeyId: keyPair.accessKeyId, secretAccessKey: keyPair.secret.reveal() })
    : settings.profile
      ? fromIni({ profile: settings.profile, mfaCodeProvider: hooks.mfaCodeProvider, ignoreCache: true, clientConfig })
      : fromNodeProviderChain({ mfaCodeProvider: hooks.mfaCodeProvider, ignoreCache: true, clientConfig });
  if (hooks.log) {
    const log = hooks.log;
    void reportIgnoredEndpoints(process.env, settings.profile).then((messages) => messages.forEach((m) => log.warn(m)));
  }
  return createSdkConnectionWith(settings, credentials, hooks);
}

/** The same clients signing with given credentials (a member account's assumed role). */
export function createSdkConnectionWith(
  settings: ConnectionSettings,
  credentials: AwsCredentialIdentityProvider,
  hooks: ConnectionHooks = {},
): KeyPairConnection {
  // Throws before any client exists if the endpoint breaks the https-or-loopback rule.
  const endpoint = guardedEndpointConfig(settings.endpoint);
  const common = {
    region: settings.region || 'us-east-1',
    ...endpoint,
    credentials,
    retryMode: 'standard',
    maxAttempts: settings.maxAttempts,
  } as const;
  // One handler per client: destroying a client closes its own sockets only.
  const handler = (): RequestSender =>
    guardRequestHandler(
      hooks.requestHandler?.() ??
        new DeadlineHttpHandler(
          new NodeHttpHandler({
            requestTimeout: settings.requestTimeoutMs,
            connectionTimeout: Math.min(settings.requestTimeoutMs, 5000),
            throwOnRequestTimeout: true,
          }),
          settings.requestTimeoutMs,
        ),
      (message) => hooks.log?.warn(message),
    );
  const iam = new IAMClient({ ...common, requestHandler: handler() });
  const sts = new STSClient({ ...common, requestHandler: handler() });
  if (hooks.onAttempt) {
    observeAttempts(iam.middlewareStack, hooks.onAttempt);
    observeAttempts(sts.middlewareStack, hooks.onAttempt);
  }
  const api = new SdkIamApi(iam, sts);
  return {
    settings,
    api,
    writeApi: api,
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
