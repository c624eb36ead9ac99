// Loads the feature module (features.ts: command handlers, hover, diagnostics, the credential
// report's CSV parser) on first use. In the bundle, `./features` stays a runtime require of
// dist/features.js, next to dist/extension.js (esbuild.config.mjs keeps it external, and
// features.js takes the modules activation already loaded from extension.js rather than
// bundling copies); compiled with tsc (tests), it is out/src/features.js.
export type Features = typeof import('./features');

let features: Features | undefined;

export function loadFeatures(): Features {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use: activation does not need it
  features ??= require('./features') as Features;
  return features;
}
