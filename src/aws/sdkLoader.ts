// Loads the AWS SDK module (sdk.ts) on first use. In the bundle, `./sdk` stays a runtime
// require of dist/sdk.js, next to dist/extension.js (esbuild.config.mjs keeps it external);
// compiled with tsc (unit tests), it is out/src/aws/sdk.js.
export type Sdk = typeof import('./sdk');

let sdk: Sdk | undefined;

export function loadSdk(): Sdk {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use: the SDK is most of activation's cost
  sdk ??= require('./sdk') as Sdk;
  return sdk;
}
