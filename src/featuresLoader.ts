// Loads the feature side (src/features/, one folder, one bundle) on first use and hands it the
// activation-side parts it needs (src/featuresHost.ts). In the bundle, `./features/index` stays a
// runtime require of dist/features.js, next to dist/extension.js (esbuild.config.mjs keeps it
// external); compiled with tsc (tests), it is out/src/features/index.js.
import { featuresHost } from './featuresHost';

export type Features = ReturnType<(typeof import('./features/index'))['featuresWith']>;

let features: Features | undefined;

export function loadFeatures(): Features {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use: activation does not need it
  features ??= (require('./features/index') as typeof import('./features/index')).featuresWith(featuresHost);
  return features;
}
