// Scenarios that need a fresh Node process each: 5 (bundle sizes, require + activate() time with
// a stubbed `vscode`, then the feature file's and the SDK file's require on first use) and 6 (heap growth of the loaded tree model, with --expose-gc; and the
// hover over that loaded tree).
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT } from './benchEnv';
import type { Ctx } from './context';
import type { Row } from './report';
import { median } from './stats';

// ---------------------------------------------------------------------------------------------
// 5. Activation cost

export interface RequireTiming {
  readonly runs: number;
  readonly requireMs: number[];
  readonly activateMs: number[];
  readonly totalMedianMs: number;
  readonly requireMedianMs: number;
  readonly activateMedianMs: number;
  readonly heapDeltaBytes: number;
}

export interface BundleFiles {
  /** dist/extension.js: what activation loads. */
  readonly extensionBytes: number;
  /** dist/features.js (src/features/): command bodies, hover, diagnostics; required on first use. */
  readonly featuresBytes: number;
  /** dist/sdk.js: the AWS SDK, required on first use. */
  readonly sdkBytes: number;
  readonly mapBytes?: number;
}

export interface ActivationDetail {
  readonly devBundle: BundleFiles & { readonly path: string };
  readonly prodBundle: BundleFiles & { readonly sdkTopInputs: readonly { name: string; bytes: number }[] };
  readonly dev: RequireTiming;
  readonly prod: RequireTiming;
  /** require of the production sdk.js after activation: the cost moved to the first AWS call. */
  readonly sdkFirstUse: { readonly runs: number; readonly samplesMs: number[]; readonly medianMs: number };
  /** require of the production features.js after activation: the cost moved to the first command or hover. */
  readonly featuresFirstUse: { readonly runs: number; readonly samplesMs: number[]; readonly medianMs: number };
  readonly realHost: string;
}

interface Metafile {
  outputs: Record<string, { bytes: number; entryPoint?: string; inputs: Record<string, { bytesInOutput: number }> }>;
}

/** Builds the production bundles with the project's own esbuild.config.mjs into `dir`. */
function buildProduction(dir: string): Metafile {
  const metafile = path.join(dir, 'meta.json');
  const result = spawnSync(process.execPath, ['esbuild.config.mjs', '--production', '--outdir', dir, '--metafile', metafile], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    timeout: 120_000,
  });
  if (result.status !== 0) throw new Error(`production build failed: ${result.stderr}`);
  return JSON.parse(fs.readFileSync(metafile, 'utf8')) as Metafile;
}

function timeRequire(bundle: string, runs: number, env: NodeJS.ProcessEnv): RequireTiming & { sdkMs: number[]; featuresMs: number[] } {
  const requireMs: number[] = [];
  const activateMs: number[] = [];
  const sdkMs: number[] = [];
  const featuresMs: number[] = [];
  const totals: number[] = [];
  let heap = 0;
  const child = path.join(__dirname, 'activationChild.js');
  for (let i = 0; i < runs; i++) {
    const result = spawnSync(process.execPath, [child, bundle, '--load-sdk'], { encoding: 'utf8', env, timeout: 60_000 });
    if (result.status !== 0) throw new Error(`activationChild ${bundle}: ${result.stderr}`);
    const parsed = JSON.parse(result.stdout.trim().split('\n').pop() as string) as { requireMs: number; activateMs: number; featuresRequireMs: number; sdkRequireMs: number; heapDeltaBytes: number };
    requireMs.push(parsed.requireMs);
    activateMs.push(parsed.activateMs);
    featuresMs.push(parsed.featuresRequireMs);
    sdkMs.push(parsed.sdkRequireMs);
    totals.push(parsed.requireMs + parsed.activateMs);
    heap = parsed.heapDeltaBytes;
  }
  return { runs, requireMs, activateMs, sdkMs, featuresMs, totalMedianMs: median(totals), requireMedianMs: median(requireMs), activateMedianMs: median(activateMs), heapDeltaBytes: heap };
}

function size(file: string): number {
  if (!fs.existsSync(file)) throw new Error(`${file} is missing: run \`npm run build\` first (npm run bench does)`);
  return fs.statSync(file).size;
}

export async function scenarioActivation(ctx: Ctx): Promise<{ rows: Row[]; detail: ActivationDetail }> {
  ctx.log('5. activation cost');
  const devPath = path.join(REPO_ROOT, 'dist', 'extension.js');
  const devSdkPath = path.join(REPO_ROOT, 'dist', 'sdk.js');
  const mapPath = `${devPath}.map`;
  const devBundle = {
    path: 'dist/extension.js',
    extensionBytes: size(devPath),
    featuresBytes: size(path.join(REPO_ROOT, 'dist', 'features.js')),
    sdkBytes: size(devSdkPath),
    mapBytes: fs.existsSync(mapPath) ? fs.statSync(mapPath).size : undefined,
  };

  const dir = path.join(ctx.env.dir, 'bundles');
  fs.mkdirSync(dir, { recursive: true });
  const meta = buildProduction(dir);
  const prodPath = path.join(dir, 'extension.js');
  const sdkOutput = Object.entries(meta.outputs).find(([file]) => file.endsWith('sdk.js'))?.[1];
  const byPackage = new Map<string, number>();
  for (const [file, input] of Object.entries(sdkOutput?.inputs ?? {})) {
    const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file);
    const name = match ? (match[1] as string) : 'src/aws (the SDK wrappers)';
    byPackage.set(name, (byPackage.get(name) ?? 0) + input.bytesInOutput);
  }
  const sdkTopInputs = [...byPackage].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([name, bytes]) => ({ name, bytes }));

  const runs = ctx.config.quick ? 2 : Math.max(7, ctx.config.runs);
  const env = ctx.env.extensionEnv;
  const devTiming = timeRequire(devPath, runs, env);
  const prodTiming = timeRequire(prodPath, runs, env);
  const detail: ActivationDetail = {
    devBundle,
    prodBundle: { extensionBytes: size(prodPath), featuresBytes: size(path.join(dir, 'features.js')), sdkBytes: size(path.join(dir, 'sdk.js')), sdkTopInputs },
    dev: devTiming,
    prod: prodTiming,
    sdkFirstUse: { runs, samplesMs: prodTiming.sdkMs, medianMs: median(prodTiming.sdkMs) },
    featuresFirstUse: { runs, samplesMs: prodTiming.featuresMs, medianMs: median(prodTiming.featuresMs) },
    realHost:
      'not available: the integration harness (test/host, test/integration) only asserts that activate() succeeds; it records no activation time',
  };
  const kb = (bytes: number): string => `${(bytes / 1024).toFixed(0)} KiB`;
  const rows: Row[] = [
    {
      id: '5a',
      scenario: `Activation: require + activate(), production extension.js (${kb(detail.prodBundle.extensionBytes)}; features.js ${kb(detail.prodBundle.featuresBytes)} and sdk.js ${kb(detail.prodBundle.sdkBytes)} not loaded), fresh node, stubbed vscode`,
      ext: { label: 'extension', calls: 0, samplesMs: prodTiming.requireMs.map((r, i) => r + (prodTiming.activateMs[i] ?? 0)), medianMs: prodTiming.totalMedianMs },
      minCalls: 0,
      note: `require ${prodTiming.requireMedianMs.toFixed(1)} ms + activate() ${prodTiming.activateMedianMs.toFixed(1)} ms`,
    },
    {
      id: '5b',
      scenario: `Activation: require + activate(), \`npm run build\` extension.js (${kb(devBundle.extensionBytes)}; features.js ${kb(devBundle.featuresBytes)}, sdk.js ${kb(devBundle.sdkBytes)})`,
      ext: { label: 'extension', calls: 0, samplesMs: devTiming.requireMs.map((r, i) => r + (devTiming.activateMs[i] ?? 0)), medianMs: devTiming.totalMedianMs },
      minCalls: 0,
      note: `require ${devTiming.requireMedianMs.toFixed(1)} ms + activate() ${devTiming.activateMedianMs.toFixed(1)} ms`,
    },
    {
      id: '5c',
      scenario: `First AWS use: require of the production sdk.js (${kb(detail.prodBundle.sdkBytes)}) after activation`,
      ext: { label: 'extension', calls: 0, samplesMs: prodTiming.sdkMs, medianMs: detail.sdkFirstUse.medianMs },
      minCalls: 0,
      note: 'paid once, on the first profile read or AWS call, not by activation',
    },
    {
      id: '5d',
      scenario: `First command or hover: require of the production features.js (${kb(detail.prodBundle.featuresBytes)}) after activation`,
      ext: { label: 'extension', calls: 0, samplesMs: prodTiming.featuresMs, medianMs: detail.featuresFirstUse.medianMs },
      minCalls: 0,
      note: 'paid once, by the first command, hover or open document, not by activation',
    },
  ];
  return { rows, detail };
}

// ---------------------------------------------------------------------------------------------
// 6. Memory of the loaded tree (+ hover over it)

export interface MemoryDetail {
  readonly users: number;
  readonly keys: number;
  readonly calls: number;
  readonly minCalls: number;
  readonly byAction: Record<string, number>;
  readonly loadMs: number;
  readonly heapDeltaBytes: number;
  readonly rssDeltaBytes: number;
  readonly pageSize: number;
  readonly hoverCalls: number;
  readonly hoverLoaded: { n: number; p50: number; p99: number; max: number };
  readonly hoverCachedForeign: { n: number; p50: number; p99: number; max: number };
}

export async function scenarioMemory(ctx: Ctx): Promise<{ rows: Row[]; detail: MemoryDetail }> {
  const { users, keysPerUser } = ctx.config.memory;
  const emulator = await ctx.emulator(users, { latencyMs: 0, keysPerUser });
  ctx.log(`6. memory: ${emulator.users} users, ${emulator.keys} keys in the tree`);
  const pageSize = 100;
  const child = path.join(__dirname, 'memoryChild.js');
  const options = { url: emulator.url, pageSize, concurrency: 8, hoverSamples: ctx.config.quick ? 50 : 500 };
  const result = spawnSync(process.execPath, ['--expose-gc', child, JSON.stringify(options)], {
    encoding: 'utf8',
    env: ctx.env.extensionEnv,
    timeout: 300_000,
    maxBuffer: 16 * 1024 * 1024,
  });
  if (result.status !== 0) throw new Error(`memoryChild failed: ${result.stderr}`);
  const parsed = JSON.parse(result.stdout.trim().split('\n').pop() as string) as Omit<MemoryDetail, 'minCalls' | 'pageSize'>;
  if (parsed.users !== emulator.users || parsed.keys !== emulator.keys) {
    throw new Error(`tree loaded ${parsed.users} users / ${parsed.keys} keys, emulator has ${emulator.users} / ${emulator.keys}`);
  }
  const minCalls = 1 + Math.ceil(parsed.users / pageSize) + parsed.users;
  const detail: MemoryDetail = { ...parsed, minCalls, pageSize };
  const mib = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
  const rows: Row[] = [
    {
      id: '6a',
      scenario: `Tree model loaded: ${parsed.users.toLocaleString('en-US')} users + ${parsed.keys.toLocaleString('en-US')} keys → heap +${mib(parsed.heapDeltaBytes)} (RSS +${mib(parsed.rssDeltaBytes)})`,
      ext: { label: 'extension', calls: parsed.calls, samplesMs: [parsed.loadMs], medianMs: parsed.loadMs },
      minCalls,
      note: `load time at 0 ms latency, concurrency 8; calls = GetCallerIdentity + ListUsers at iamKeys.pageSize ${pageSize} + one ListAccessKeys per user`,
    },
    {
      id: '6b',
      scenario: `Hover over a key loaded in that tree (p50; p99 ${parsed.hoverLoaded.p99.toFixed(2)} ms), provideHover`,
      ext: { label: 'extension', calls: parsed.hoverCalls, samplesMs: [], medianMs: parsed.hoverLoaded.p50 },
      minCalls: 0,
      note: 'the key is found in its connection\'s index of loaded keys (ExplorerProvider.loadedKey)',
    },
    {
      id: '6c',
      scenario: `Cached hover (another account's key) with that tree loaded (p50; p99 ${parsed.hoverCachedForeign.p99.toFixed(2)} ms)`,
      ext: { label: 'extension', calls: parsed.hoverCalls, samplesMs: [], medianMs: parsed.hoverCachedForeign.p50 },
      minCalls: 0,
    },
  ];
  return { rows, detail };
}
