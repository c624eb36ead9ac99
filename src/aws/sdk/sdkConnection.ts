// The IAM and STS clients behind a Connection, from the client factory. Kept apart and loaded
// on first use (through src/aws/sdkLoader.ts): evaluating the AWS SDK costs tens of
// milliseconds that activation should not pay.
import type { AwsCredentialIdentityProvider } from '@smithy/types';
import { ClientFactory } from './clientFactory';
import type { ConnectionHooks, ConnectionSettings, KeyPair, KeyPairConnection } from './connectionTypes';
import { mfaSessionCredentials } from './mfaSession';
import { SdkIamApi } from './sdkIamApi';
import type { SdkHost } from './sdkHost';

export function createSdkConnection(host: SdkHost, settings: ConnectionSettings, hooks: ConnectionHooks = {}, keyPair?: KeyPair): KeyPairConnection {
  // Throws before any client exists if the endpoint breaks the https-or-loopback rule.
  const factory = new ClientFactory(settings, host, hooks);
  const credentials: AwsCredentialIdentityProvider = keyPair
    ? // Signs with exactly this key pair (rotation: the old key, then the new one), not the profile.
      async () => ({ accessKeyId: keyPair.accessKeyId, secretAccessKey: keyPair.secret.reveal() })
    : factory.profileCredentials();
  const mfa = hooks.mfaSession;
  if (!mfa) return connectionOf(factory, credentials);
  // With an MFA device: a key pair (rotation) signs every IAM call with the MFA session; a
  // profile's session only its key changes, so opening the view asks for no code.
  const withMfa = mfaSessionCredentials(factory, credentials, mfa);
  const writer = new SdkIamApi(factory.iam(withMfa), factory.sts(credentials), factory.host);
  const connection = connectionOf(factory, credentials, keyPair ? writer : undefined);
  return { ...connection, writeApi: writer };
}

/** The same clients signing with given credentials (a member account's assumed role). */
export function createSdkConnectionWith(
  host: SdkHost,
  settings: ConnectionSettings,
  credentials: AwsCredentialIdentityProvider,
  hooks: ConnectionHooks = {},
): KeyPairConnection {
  return connectionOf(new ClientFactory(settings, host, hooks), credentials);
}

function connectionOf(factory: ClientFactory, credentials: AwsCredentialIdentityProvider, given?: SdkIamApi): KeyPairConnection {
  const api = given ?? new SdkIamApi(factory.iam(credentials), factory.sts(credentials), factory.host);
  return {
    settings: factory.settings,
    api,
    writeApi: api,
    accessKeyId: async () => (await credentials()).accessKeyId,
    dispose: () => factory.dispose(),
  };
}
