// Child-process entry (fresh Node each time, so module caches are cold): requires a bundle of
// the extension with a stubbed `vscode` module and calls its activate(), timing both.
//
//   node out/test/bench/activationChild.js /path/to/extension.js [--load-sdk]
//
// Fails if activate() loaded the feature file or the SDK file (features.js, sdk.js next to the
// bundle). Then requires features.js, timing what the first command (or hover) costs, and with
// --load-sdk sdk.js, timing what the first AWS use costs.
// Prints one JSON line {requireMs, activateMs, featuresRequireMs, sdkRequireMs?, heapDeltaBytes,
// subscriptions, extensionBytes, featuresBytes, sdkBytes}.
import * as fs from 'fs';
import * as path from 'path';
import { fakeExtensionContext, installVscodeStub } from './vscodeStub';

function main(): void {
  const bundle = process.argv[2];
  if (!bundle) throw new Error('usage: activationChild.js BUNDLE');
  installVscodeStub();
  const sdkFile = path.join(path.dirname(bundle), 'sdk.js');
  const featuresFile = path.join(path.dirname(bundle), 'features.js');
  const heapBefore = process.memoryUsage().heapUsed;
  const t0 = process.hrtime.bigint();
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const extension = require(bundle) as { activate(context: unknown): unknown };
  const t1 = process.hrtime.bigint();
  const context = fakeExtensionContext() as { subscriptions: unknown[] };
  const api = extension.activate(context) as { internalsForTests?: { explorer?: unknown } } | undefined;
  const t2 = process.hrtime.bigint();
  if (!api?.internalsForTests?.explorer) throw new Error('activate() did not return the extension API');
  if (require.cache[sdkFile]) throw new Error(`activation loaded ${sdkFile}: the SDK must load on first use`);
  if (require.cache[featuresFile]) throw new Error(`activation loaded ${featuresFile}: features must load on first use`);
  const heapAfter = process.memoryUsage().heapUsed;
  const t4 = process.hrtime.bigint();
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const features = require(featuresFile) as { featuresWith?: unknown; runCommand?: unknown };
  const featuresRequireMs = Number(process.hrtime.bigint() - t4) / 1e6;
  // featuresWith (the folder src/features/); runCommand in builds before it, for interleaved runs.
  if (typeof features.featuresWith !== 'function' && typeof features.runCommand !== 'function') throw new Error(`${featuresFile} exports neither featuresWith nor runCommand`);
  let sdkRequireMs: number | undefined;
  if (process.argv.includes('--load-sdk')) {
    const t3 = process.hrtime.bigint();
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    require(sdkFile);
    sdkRequireMs = Number(process.hrtime.bigint() - t3) / 1e6;
  }
  const result = {
    requireMs: Number(t1 - t0) / 1e6,
    activateMs: Number(t2 - t1) / 1e6,
    featuresRequireMs,
    sdkRequireMs,
    heapDeltaBytes: heapAfter - heapBefore,
    subscriptions: context.subscriptions.length,
    extensionBytes: fs.statSync(bundle).size,
    featuresBytes: fs.statSync(featuresFile).size,
    sdkBytes: fs.statSync(sdkFile).size,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
  // activate() starts no timers or sockets that keep Node alive; exit explicitly anyway.
  process.exit(0);
}

main();
