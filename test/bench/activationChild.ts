// Child-process entry (fresh Node each time, so module caches are cold): requires a bundle of
// the extension with a stubbed `vscode` module and calls its activate(), timing both.
//
//   node out/test/bench/activationChild.js /path/to/extension.js [--stub-sdk]
//
// --stub-sdk answers require('@aws-sdk/…') and require('@smithy/…') with stubs: for a bundle
// built with the SDK external, to see what the extension's own code costs without it.
// Prints one JSON line {requireMs, activateMs, heapDeltaBytes, subscriptions}.
import { fakeExtensionContext, installVscodeStub } from './vscodeStub';

function main(): void {
  const bundle = process.argv[2];
  if (!bundle) throw new Error('usage: activationChild.js BUNDLE');
  installVscodeStub(process.argv.includes('--stub-sdk') ? ['@aws-sdk/', '@smithy/', '@aws/'] : []);
  const heapBefore = process.memoryUsage().heapUsed;
  const t0 = process.hrtime.bigint();
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const extension = require(bundle) as { activate(context: unknown): unknown };
  const t1 = process.hrtime.bigint();
  const context = fakeExtensionContext() as { subscriptions: unknown[] };
  const api = extension.activate(context) as { explorer?: unknown } | undefined;
  const t2 = process.hrtime.bigint();
  if (!api || !api.explorer) throw new Error('activate() did not return the extension API');
  const result = {
    requireMs: Number(t1 - t0) / 1e6,
    activateMs: Number(t2 - t1) / 1e6,
    heapDeltaBytes: process.memoryUsage().heapUsed - heapBefore,
    subscriptions: context.subscriptions.length,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
  // activate() starts no timers or sockets that keep Node alive; exit explicitly anyway.
  process.exit(0);
}

main();
