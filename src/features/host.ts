// The host src/featuresLoader.ts handed to this folder when dist/features.js loaded (see
// featuresHost.ts): feature code reaches activation's stateful parts through host().
import type { FeaturesHost } from './featuresHost';

let handed: FeaturesHost | undefined;

export function receiveHost(host: FeaturesHost): void {
  handed = host;
}

export function host(): FeaturesHost {
  if (!handed) throw new Error('feature code ran before src/featuresLoader.ts handed it the host');
  return handed;
}
