// The SDK clients of organization mode: Organizations and STS of the management profile, and
// the Identity Center portal. Same endpoint rule as the IAM/STS clients (the validated
// `iamKeys.endpoint`, nothing from AWS_ENDPOINT_URL* or the config files), the same per-attempt
// deadline, and the adaptive retry strategy (backs off on throttling and keeps going).
import { OrganizationsClient } from '@aws-sdk/client-organizations';
import { SSOClient } from '@aws-sdk/client-sso';
import { STSClient } from '@aws-sdk/client-sts';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import type { AwsCredentialIdentityProvider } from '@smithy/types';
import type { ConnectionSettings } from './connection';
import { DeadlineHttpHandler } from './deadlineHttpHandler';

/** At least this many attempts for calls that AWS throttles by design (walks over many accounts). */
const MIN_ATTEMPTS_FOR_BULK = 8;

function common(settings: ConnectionSettings) {
  return {
    region: settings.region || 'us-east-1',
    endpoint: settings.endpoint || undefined,
    ignoreConfiguredEndpointUrls: true,
    retryMode: 'adaptive',
    maxAttempts: Math.max(settings.maxAttempts, MIN_ATTEMPTS_FOR_BULK),
    requestHandler: new DeadlineHttpHandler(
      new NodeHttpHandler({
        requestTimeout: settings.requestTimeoutMs,
        connectionTimeout: Math.min(settings.requestTimeoutMs, 5000),
        throwOnRequestTimeout: true,
      }),
      settings.requestTimeoutMs,
    ),
  } as const;
}

export function organizationsClient(settings: ConnectionSettings, credentials: AwsCredentialIdentityProvider): OrganizationsClient {
  return new OrganizationsClient({ ...common(settings), credentials });
}

export function stsClient(settings: ConnectionSettings, credentials: AwsCredentialIdentityProvider): STSClient {
  return new STSClient({ ...common(settings), credentials });
}

/** The portal is unsigned (bearer token); its region is the SSO session's, not the IAM one. */
export function ssoClient(settings: ConnectionSettings, ssoRegion: string): SSOClient {
  return new SSOClient({ ...common(settings), region: ssoRegion });
}
