// Everything that evaluates the AWS SDK, as one module: esbuild builds it into its own file
// (dist/sdk.js) that the extension requires on first use through loadSdk() (sdkLoader.ts),
// so activation never pays the SDK's tens of milliseconds. Nothing else may import the SDK.
export { createSdkConnection } from './sdkConnection';
export { loadSharedConfigFiles } from '@smithy/shared-ini-file-loader';
export { OrganizationSource } from './organizationSource';
export { IdentityCenterSource } from './identityCenterSource';
