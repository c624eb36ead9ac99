// The one place that builds AWS SDK clients and calls credential providers (a unit test fails
// when another file under src/ does). Every client, and every STS/SSO/SSO-OIDC client a
// provider builds inside, gets the same rule (endpointGuard.ts): `endpoint` only from the
// validated iamKeys.endpoint, configured endpoint URLs (AWS_ENDPOINT_URL*, endpoint_url)
// ignored, and a request handler that refuses any request breaking the https-or-loopback rule;
// plus the per-attempt deadline, the retry strategy and the MFA code prompt. Two places that
// built clients drifted once (organization mode sent AssumeRole to AWS_ENDPOINT_URL_STS).
// Loaded only through sdk.ts, like the SDK itself.
import { IAMClient } from '@aws-sdk/client-iam';
import { OrganizationsClient } from '@aws-sdk/client-organizations';
import { SSOClient } from '@aws-sdk/client-sso';
import { getDefaultRoleAssumer, getDefaultRoleAssumerWithWebIdentity, STSClient } from '@aws-sdk/client-sts';
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
import type { AttemptRecord, ConnectionHooks, ConnectionSettings, RequestSender } from './connectionTypes';
import { DeadlineHttpHandler } from './deadlineHttpHandler';
import { guardedEndpointConfig, guardRequestHandler, reportIgnoredEndpoints } from './endpointGuard';
import type { SdkHost } from './sdkHost';

/** At least this many attempts for calls that AWS throttles by design (walks over many accounts). */
export const MIN_ATTEMPTS_FOR_BULK = 8;

interface Destroyable {
  destroy(): void;
}

/**
 * Clients and credential providers for one set of connection settings. Throws
 * EndpointRefusedError at construction if the endpoint breaks the https-or-loopback rule, so
 * a caller that skipped the settings check never gets a client. dispose() destroys every
 * client and request handler it made.
 */
export class ClientFactory {
  private readonly endpoint: ReturnType<typeof guardedEndpointConfig>;
  private readonly made: Destroyable[] = [];

  constructor(
    readonly settings: ConnectionSettings,
    readonly host: SdkHost,
    private readonly hooks: ConnectionHooks = {},
  ) {
    this.endpoint = guardedEndpointConfig(settings.endpoint, host);
  }

  iam(credentials: AwsCredentialIdentityProvider): IAMClient {
    return this.observed(this.keep(new IAMClient({ ...this.common('standard'), credentials })));
  }

  sts(credentials: AwsCredentialIdentityProvider): STSClient {
    return this.observed(this.keep(new STSClient({ ...this.common('standard'), credentials })));
  }

  /** Organizations of a management profile: adaptive retry, walks are throttled by design. */
  organizations(credentials: AwsCredentialIdentityProvider): OrganizationsClient {
    return this.keep(new OrganizationsClient({ ...this.common('bulk'), credentials }));
  }

  /** STS for AssumeRole into member accounts: adaptive retry like Organizations. */
  assumeRoleSts(credentials: AwsCredentialIdentityProvider): STSClient {
    return this.keep(new STSClient({ ...this.common('bulk'), credentials }));
  }

  /** The Identity Center portal: unsigned (bearer token), in the SSO session's region. */
  ssoPortal(ssoRegion: string): SSOClient {
    return this.keep(new SSOClient({ ...this.common('bulk'), region: ssoRegion }));
  }

  /**
   * A profile's credentials ('' = the SDK's default chain). The clients the providers build
   * inside (assume-role and web-identity STS, SSO GetRoleCredentials, SSO-OIDC token refresh)
   * get this factory's endpoint, ignore configured endpoints and share one guarded handler.
   * No region in their config: the SSO portal must stay in the profile's sso_region (the SDK
   * prefers clientConfig.region over it); STS takes the settings' region through the assumers.
   */
  profileCredentials(profile: string = this.settings.profile): AwsCredentialIdentityProvider {
    const clientConfig = {
      ...this.endpoint,
      requestHandler: this.handler(),
      retryMode: 'standard',
      maxAttempts: this.settings.maxAttempts,
    } as const;
    const stsConfig = { ...clientConfig, region: this.region() };
    const init = {
      mfaCodeProvider: this.hooks.mfaCodeProvider,
      ignoreCache: true,
      clientConfig,
      // credential-provider-ini hands its web-identity step no clientConfig, so both STS
      // assumers are built here from the guarded config rather than by the SDK.
      roleAssumer: getDefaultRoleAssumer(stsConfig),
      roleAssumerWithWebIdentity: getDefaultRoleAssumerWithWebIdentity(stsConfig),
    };
    if (this.hooks.log) reportOnce(this.hooks.log, profile);
    return profile ? fromIni({ ...init, profile }) : fromNodeProviderChain(init);
  }

  dispose(): void {
    for (const made of this.made.splice(0)) made.destroy();
  }

  private region(): string {
    return this.settings.region || 'us-east-1';
  }

  private common(retry: 'standard' | 'bulk') {
    return {
      region: this.region(),
      ...this.endpoint,
      retryMode: retry === 'standard' ? 'standard' : 'adaptive',
      maxAttempts: retry === 'standard' ? this.settings.maxAttempts : Math.max(this.settings.maxAttempts, MIN_ATTEMPTS_FOR_BULK),
      // One handler per client: destroying a client closes its own sockets only.
      requestHandler: this.handler(),
    } as const;
  }

  private handler(): RequestSender {
    const { requestTimeoutMs } = this.settings;
    const inner =
      this.hooks.requestHandler?.() ??
      new DeadlineHttpHandler(
        new NodeHttpHandler({ requestTimeout: requestTimeoutMs, connectionTimeout: Math.min(requestTimeoutMs, 5000), throwOnRequestTimeout: true }),
        requestTimeoutMs,
      );
    return this.keep(guardRequestHandler(inner, this.host, (message) => this.hooks.log?.warn(message)));
  }

  private keep<T extends Destroyable>(made: T): T {
    this.made.push(made);
    return made;
  }

  private observed<T extends { middlewareStack: MiddlewareStack<object, MetadataBearer> }>(client: T): T {
    if (this.hooks.onAttempt) observeAttempts(client.middlewareStack, this.host, this.hooks.onAttempt);
    return client;
  }
}

/** Each ignored-endpoint message once per log (one log = one extension session), not once per connection. */
const logged = new WeakMap<object, Set<string>>();

function reportOnce(log: { warn(message: string): void }, profile: string): void {
  void reportIgnoredEndpoints(process.env, profile).then((messages) => {
    let seen = logged.get(log);
    if (!seen) logged.set(log, (seen = new Set()));
    for (const message of messages) {
      if (seen.has(message)) continue;
      seen.add(message);
      log.warn(message);
    }
  });
}

/** Sits inside the retry loop, so it sees each attempt and the error that caused a retry. */
function observeAttempts<I extends object, O extends MetadataBearer>(stack: MiddlewareStack<I, O>, host: SdkHost, onAttempt: (record: AttemptRecord) => void): void {
  stack.addRelativeTo(
    (next: FinalizeHandler<I, O>, context: HandlerExecutionContext) => async (args: FinalizeHandlerArguments<I>) => {
      const started = Date.now();
      const operation = context.commandName ?? 'unknown';
      try {
        const result = await next(args);
        onAttempt({ operation, durationMs: Date.now() - started });
        return result;
      } catch (error) {
        host.noteTriedHost(error, args.request);
        onAttempt({ operation, durationMs: Date.now() - started, error });
        throw error;
      }
    },
    { relation: 'after', toMiddleware: 'retryMiddleware', name: 'iamKeysAttemptObserver', override: true },
  );
}
