// dist/sdk.js: everything that evaluates the AWS SDK, one folder, one entry. The extension
// requires it on first use through src/aws/sdkLoader.ts, which calls sdkWith() with the
// extension-side parts it needs (sdkHost.ts), so activation never pays the SDK's tens of
// milliseconds. Files here import at run time only each other and packages; the build
// (esbuild.config.mjs) fails otherwise, and fails if anything else bundles a file of this folder.
import { loadSharedConfigFiles } from '@smithy/shared-ini-file-loader';
import type { AwsCredentialIdentityProvider } from '@smithy/types';
import type { ConnectionHooks, ConnectionSettings, KeyPair } from './connectionTypes';
import { csvRows } from './csvRows';
import { createIdentityCenterApi } from './identityCenterApi';
import { createOrganizationsApi } from './organizationsApi';
import { createSdkConnection, createSdkConnectionWith } from './sdkConnection';
import type { SdkHost } from './sdkHost';

/** The SDK's side, bound to the extension's host parts. */
export function sdkWith(host: SdkHost) {
  return {
    createSdkConnection: (settings: ConnectionSettings, hooks?: ConnectionHooks, keyPair?: KeyPair) => createSdkConnection(host, settings, hooks, keyPair),
    createSdkConnectionWith: (settings: ConnectionSettings, credentials: AwsCredentialIdentityProvider, hooks?: ConnectionHooks) =>
      createSdkConnectionWith(host, settings, credentials, hooks),
    createOrganizationsApi: (settings: ConnectionSettings, hooks: ConnectionHooks, credentials?: AwsCredentialIdentityProvider) =>
      createOrganizationsApi(host, settings, hooks, credentials),
    createIdentityCenterApi: (settings: ConnectionSettings, hooks: ConnectionHooks, pace: (signal?: AbortSignal) => Promise<void>) =>
      createIdentityCenterApi(host, settings, hooks, pace),
    loadSharedConfigFiles,
    csvRows,
  };
}
