// Loads the AWS SDK side (src/aws/sdk/, one folder, one bundle) on first use and hands it the
// extension-side parts it needs. In the bundle, `./sdk/index` stays a runtime require of
// dist/sdk.js, next to dist/extension.js (esbuild.config.mjs keeps it external); compiled with
// tsc (unit tests), it is out/src/aws/sdk/index.js.
import { sdkHost } from './sdkHost';

export type Sdk = ReturnType<(typeof import('./sdk/index'))['sdkWith']>;

let sdk: Sdk | undefined;

export function loadSdk(): Sdk {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use: the SDK is most of activation's cost
  sdk ??= (require('./sdk/index') as typeof import('./sdk/index')).sdkWith(sdkHost);
  return sdk;
}
