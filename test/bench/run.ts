// `npm run bench`: the extension's own code paths against the aws CLI and boto3, side by side in
// one run, on local IAM emulators (127.0.0.1 only) that add a fixed latency to every call, and
// against the physical limit (sequential round trips × latency). See docs/benchmarks.md.
//
//   node out/test/bench/run.js [--quick] [--runs N] [--json FILE] [--md FILE]
//                              [--latency-ms L] [--no-peers] [--strict]
//
//   --quick       tiny smoke version (seconds; small accounts, 1 run, no peers unless --peers)
//   --runs N      timed runs per extension measurement (default 5; long ones use min(N, 3))
//   --json FILE   machine-readable results
//   --md FILE     the results as Markdown (the tables of docs/benchmarks.md)
//   --no-peers    skip the aws CLI and boto3;  --peers forces them on in --quick
//   --strict      exit 1 when a target is missed (call counts, times, sizes)
//
// Every measurement counts its IAM/STS calls at the emulator (reset before, read after each
// run) and fails loudly when results are wrong (missing users/keys, errors, changing counts).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { setUpBenchEnv } from './benchEnv';
import { type ActivationDetail, type MemoryDetail, scenarioActivation, scenarioMemory } from './childScenarios';
import { type BenchConfig, createContext, type Ctx } from './context';
import { findAwsCli, runCli, startBotoPeer } from './peers';
import { markdownTable, ratio, rowCells, type Row, TABLE_HEADER, type Target, textTable } from './report';
import { type HoverDetail, type ScaleRow, scenarioAllUsers, scenarioExport, scenarioHover, scenarioLoadMore, scenarioScale } from './scenarios';
import { fmtBytes, fmtMs, median, nowMs } from './stats';

interface Args {
  quick: boolean;
  runs?: number;
  json?: string;
  md?: string;
  latencyMs: number;
  peers?: boolean;
  strict: boolean;
}

function parseArgs(argv: readonly string[]): Args {
  const args: Args = { quick: false, latencyMs: 20, strict: false };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${flag} needs a value`);
      return v;
    };
    const positive = (text: string, max: number): number => {
      const n = Number(text);
      if (!Number.isInteger(n) || n < 0 || n > max) throw new Error(`${flag} must be an integer from 0 to ${max}`);
      return n;
    };
    switch (flag) {
      case '--quick': args.quick = true; break;
      case '--runs': args.runs = Math.max(1, positive(value(), 100)); break;
      case '--json': args.json = value(); break;
      case '--md': args.md = value(); break;
      case '--latency-ms': args.latencyMs = positive(value(), 1000); break;
      case '--peers': args.peers = true; break;
      case '--no-peers': args.peers = false; break;
      case '--strict': args.strict = true; break;
      case '--help': case '-h':
        console.log('usage: node out/test/bench/run.js [--quick] [--runs N] [--json FILE] [--md FILE] [--latency-ms L] [--no-peers|--peers] [--strict]');
        process.exit(0);
        break;
      default: throw new Error(`unknown option ${flag}`);
    }
  }
  return args;
}

function configFor(args: Args): BenchConfig {
  const runs = args.runs ?? (args.quick ? 1 : 5);
  const capped = Math.max(1, Math.min(runs, 3));
  if (args.quick) {
    return {
      quick: true, runs, heavyRuns: 1, slowPeerRuns: 1, cliRuns: 1, latencyMs: args.latencyMs,
      bigAccount: 500, exportAccount: 100, cliSampleUsers: 3, scaleSizes: [100, 500],
      detectorBytes: 512 * 1024, memory: { users: 500, keysPerUser: 2 }, withPeers: args.peers ?? false,
    };
  }
  return {
    quick: false, runs, heavyRuns: capped, slowPeerRuns: 1, cliRuns: capped, latencyMs: args.latencyMs,
    bigAccount: 5000, exportAccount: 1000, cliSampleUsers: 20, scaleSizes: [100, 500, 1000, 2000, 5000],
    detectorBytes: 5 * 1024 * 1024, memory: { users: 5000, keysPerUser: 2 }, withPeers: args.peers ?? true,
  };
}

function machine(): Record<string, string | number> {
  let cpu = 'unknown';
  try {
    cpu = /model name\s*:\s*(.*)/.exec(fs.readFileSync('/proc/cpuinfo', 'utf8'))?.[1]?.trim() ?? cpu;
  } catch {
    // not Linux
  }
  return {
    cpu,
    cores: os.availableParallelism(),
    memoryGiB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    loadAverage1m: Math.round(os.loadavg()[0]! * 100) / 100,
    date: new Date().toISOString(),
  };
}

interface Preamble {
  cli?: { executable: string; shim?: string; version: string; versionMs: number; singleCallMs: number; overheadMs: number };
  boto?: { flavour: string; python: string; startupMs: number; importMs: number; clientMs: number };
}

async function preamble(ctx: Ctx): Promise<Preamble> {
  const out: Preamble = {};
  if (ctx.cli) {
    const cli = ctx.cli;
    const emulator = await ctx.emulator(ctx.config.exportAccount);
    const version: number[] = [];
    const single: number[] = [];
    for (let i = 0; i < ctx.config.cliRuns; i++) {
      version.push((await runCli(cli, ['--version'], ctx.env.peerEnv)).ms);
      await emulator.resetCounters();
      const run = await runCli(cli, ['iam', 'list-access-keys', '--user-name', 'demo-admin', '--endpoint-url', emulator.url, '--output', 'json'], ctx.env.peerEnv);
      if (run.code !== 0) throw new Error(`aws CLI against the emulator failed: ${run.stderr}`);
      const calls = (await emulator.counters()).total;
      if (calls !== 1) throw new Error(`aws iam list-access-keys made ${calls} calls, expected 1`);
      single.push(run.ms);
    }
    const singleCallMs = median(single);
    ctx.cliOverheadMs = Math.max(0, singleCallMs - ctx.config.latencyMs);
    out.cli = { executable: cli.executable, shim: cli.shim, version: cli.version, versionMs: median(version), singleCallMs, overheadMs: ctx.cliOverheadMs };
    ctx.log(`aws CLI: --version ${fmtMs(out.cli.versionMs)}, one call ${fmtMs(singleCallMs)} → ${fmtMs(ctx.cliOverheadMs)} fixed cost per invocation`);
  }
  if (ctx.boto) {
    const emulator = await ctx.emulator(ctx.config.exportAccount);
    const client = await ctx.boto.request({ op: 'client', url: emulator.url });
    await ctx.boto.request({ op: 'warm', url: emulator.url });
    out.boto = { flavour: ctx.boto.flavour, python: ctx.boto.python, startupMs: ctx.boto.startupMs, importMs: ctx.boto.importMs, clientMs: client.ms };
    ctx.log(`${ctx.boto.flavour}: python start + import ${fmtMs(ctx.boto.startupMs)}, clients ${fmtMs(client.ms)}`);
  }
  return out;
}

function targets(rows: readonly Row[], hover: HoverDetail | undefined, activation: ActivationDetail | undefined, memory: MemoryDetail | undefined, scale: readonly ScaleRow[]): Target[] {
  const out: Target[] = [];
  const over = rows.filter((r) => r.ext.calls !== undefined && r.minCalls !== undefined && r.ext.calls > r.minCalls);
  const overScale = scale.flatMap((s) => [
    ...(s.listAll1000.calls > s.listAll1000.min ? [`scale ${s.users}: Load all at 1000/page ${s.listAll1000.calls}/${s.listAll1000.min}`] : []),
    ...(s.listAll100.calls > s.listAll100.min ? [`scale ${s.users}: Load all at 100/page ${s.listAll100.calls}/${s.listAll100.min}`] : []),
    ...(s.export8.calls > s.export8.min ? [`scale ${s.users}: export ${s.export8.calls}/${s.export8.min}`] : []),
  ]);
  out.push({
    name: 'Minimum calls everywhere (ratio 1.00)',
    met: over.length === 0 && overScale.length === 0,
    detail:
      over.length + overScale.length === 0
        ? 'every extension row made exactly the minimum number of calls'
        : [...over.map((r) => `${r.id}: ${r.ext.calls} calls vs ${r.minCalls} (${(r.ext.calls! / r.minCalls!).toFixed(2)}×)`), ...overScale].join('; '),
  });
  for (const [id, c] of [['3a', 4], ['3b', 8]] as const) {
    const row = rows.find((r) => r.id === id);
    if (!row) continue;
    const toLimit = ratio(row.ext.medianMs, row.limitMs);
    out.push({ name: `Export c=${c} within 1.3× the limit`, met: toLimit !== undefined && toLimit <= 1.3, detail: `${fmtMs(row.ext.medianMs)} vs limit ${fmtMs(row.limitMs)} = ${toLimit?.toFixed(2)}×` });
    if (row.peer) {
      const ahead = ratio(row.peer.medianMs, row.ext.medianMs);
      out.push({ name: `Export c=${c} ahead of the sequential boto3 loop by ≥ ${c}×`, met: ahead !== undefined && ahead >= c, detail: `boto3 ${fmtMs(row.peer.medianMs)} / extension ${fmtMs(row.ext.medianMs)} = ${ahead?.toFixed(2)}×` });
    }
  }
  if (hover) {
    out.push({ name: 'Cached hover under 1 ms, p50 and p99 (nothing loaded in the tree)', met: hover.cachedLookupAndText.p50 < 1 && hover.cachedLookupAndText.p99 < 1, detail: `lookup + text p50 ${fmtMs(hover.cachedLookupAndText.p50)}, p99 ${fmtMs(hover.cachedLookupAndText.p99)}` });
  }
  if (memory) {
    out.push({
      name: `Cached hover under 1 ms, p50 and p99, with ${memory.users.toLocaleString('en-US')} users / ${memory.keys.toLocaleString('en-US')} keys loaded`,
      met: memory.hoverLoaded.p50 < 1 && memory.hoverCachedForeign.p50 < 1 && memory.hoverLoaded.p99 < 1 && memory.hoverCachedForeign.p99 < 1,
      detail: `key in the tree p50 ${fmtMs(memory.hoverLoaded.p50)} (p99 ${fmtMs(memory.hoverLoaded.p99)}); cached foreign key p50 ${fmtMs(memory.hoverCachedForeign.p50)} (p99 ${fmtMs(memory.hoverCachedForeign.p99)})`,
    });
    out.push({ name: 'Tree memory under 50 MB', met: memory.heapDeltaBytes < 50 * 1024 * 1024, detail: `heap +${fmtBytes(memory.heapDeltaBytes)} for ${memory.users} users + ${memory.keys} keys` });
  }
  if (activation) {
    const totals = activation.prod.requireMs.map((r, i) => r + (activation.prod.activateMs[i] ?? 0));
    out.push({ name: 'Activation under 15 ms (production extension.js, require + activate)', met: activation.prod.totalMedianMs < 15, detail: `median ${fmtMs(activation.prod.totalMedianMs)} (require ${fmtMs(activation.prod.requireMedianMs)} + activate ${fmtMs(activation.prod.activateMedianMs)}), fastest ${fmtMs(Math.min(...totals))}; on first use, the feature file's require ${fmtMs(activation.featuresFirstUse.medianMs)} and the SDK file's ${fmtMs(activation.sdkFirstUse.medianMs)}` });
    const limit = 1.5 * 1024 * 1024;
    const p = activation.prodBundle;
    out.push({ name: 'Bundle under 1.5 MB (production extension.js + features.js + sdk.js, as packaged)', met: p.extensionBytes + p.featuresBytes + p.sdkBytes < limit, detail: `production extension.js ${fmtBytes(p.extensionBytes)} + features.js ${fmtBytes(p.featuresBytes)} + sdk.js ${fmtBytes(p.sdkBytes)}; \`npm run build\` output extension.js ${fmtBytes(activation.devBundle.extensionBytes)} + features.js ${fmtBytes(activation.devBundle.featuresBytes)} + sdk.js ${fmtBytes(activation.devBundle.sdkBytes)}` });
  }
  return out;
}

function scaleTable(scale: readonly ScaleRow[]): { header: string[]; rows: string[][] } {
  const header = ['Users', 'Keys', 'Load all 1000/page: calls/min', 'time', 'per call', 'Load all 100/page: calls/min', 'time', 'per call', 'Export c=8: calls/min', 'time', 'limit', '÷ limit', 'per wave', 'boto3 list (default): calls', 'time'];
  const rows = scale.map((s) => [
    s.users.toLocaleString('en-US'),
    s.keys.toLocaleString('en-US'),
    `${s.listAll1000.calls} / ${s.listAll1000.min}`,
    fmtMs(s.listAll1000.ms),
    fmtMs(s.listAll1000.msPerCall),
    `${s.listAll100.calls} / ${s.listAll100.min}`,
    fmtMs(s.listAll100.ms),
    fmtMs(s.listAll100.msPerCall),
    `${s.export8.calls} / ${s.export8.min}`,
    `${fmtMs(s.export8.ms)}${s.export8.runs === 1 ? '¹' : ''}`,
    fmtMs(s.export8.limitMs),
    `${(s.export8.ms / s.export8.limitMs).toFixed(2)}×`,
    fmtMs(s.export8.msPerWave),
    s.botoListDefault ? String(s.botoListDefault.calls) : '–',
    s.botoListDefault ? fmtMs(s.botoListDefault.ms) : '–',
  ]);
  return { header, rows };
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  const config = configFor(args);
  const started = nowMs();
  const log = (message: string): void => console.error(`[bench ${((nowMs() - started) / 1000).toFixed(1)}s] ${message}`);
  const env = setUpBenchEnv();
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  env.extensionEnv.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  const cli = config.withPeers ? findAwsCli(env.peerEnv) : undefined;
  const boto = config.withPeers ? await startBotoPeer(env.peerEnv) : undefined;
  if (config.withPeers && !cli) log('aws CLI not found: its columns stay empty');
  if (config.withPeers && !boto) log('python3 with boto3/botocore not found: its columns stay empty');
  const ctx = createContext(config, env, { cli, boto }, log);
  const info = machine();
  log(`${info.cpu}, ${info.cores} cores, ${info.memoryGiB} GiB, node ${info.node}; latency ${config.latencyMs} ms per call${config.quick ? ' (quick)' : ''}`);

  // Start every emulator at once (separate processes), while nothing is being measured.
  await Promise.all([
    ...new Set([config.bigAccount, config.exportAccount, ...config.scaleSizes]),
  ].map((n) => ctx.emulator(n)).concat([ctx.emulator(config.memory.users, { latencyMs: 0, keysPerUser: config.memory.keysPerUser })]));

  // Machine load around each scenario: the 2 cores are shared with whatever else runs.
  const load: { scenario: string; before: number; after: number }[] = [];
  const step = async <T>(scenario: string, fn: () => Promise<T>): Promise<T> => {
    const before = os.loadavg()[0] as number;
    const value = await fn();
    load.push({ scenario, before: round2(before), after: round2(os.loadavg()[0] as number) });
    return value;
  };

  const rows: Row[] = [];
  let hover: HoverDetail | undefined;
  let activation: ActivationDetail | undefined;
  let memory: MemoryDetail | undefined;
  let scale: ScaleRow[] = [];
  let pre: Preamble = {};
  try {
    pre = await step('preamble', () => preamble(ctx));
    rows.push(...(await step('1', () => scenarioLoadMore(ctx))));
    rows.push(...(await step('2', () => scenarioAllUsers(ctx))));
    rows.push(...(await step('3', () => scenarioExport(ctx))));
    const h = await step('4', () => scenarioHover(ctx));
    rows.push(...h.rows);
    hover = h.detail;
    const a = await step('5', () => scenarioActivation(ctx));
    rows.push(...a.rows);
    activation = a.detail;
    const m = await step('6', () => scenarioMemory(ctx));
    rows.push(...m.rows);
    memory = m.detail;
    scale = await step('7', () => scenarioScale(ctx));
  } finally {
    await ctx.closeAll();
    await boto?.close();
    env.cleanup();
  }

  const order = (id: string): number => parseInt(id, 10) * 100 + id.charCodeAt(id.length - 1);
  rows.sort((a, b) => order(a.id) - order(b.id));
  const checks = targets(rows, hover, activation, memory, scale);
  const elapsedMs = nowMs() - started;

  // Console.
  console.log(`\nIAM Access Keys benchmark — ${config.latencyMs} ms injected latency per call, median of ${config.runs} runs (long ones ${config.heavyRuns}, aws CLI ${config.cliRuns})`);
  console.log(`${info.cpu}, ${info.cores} cores (shared), ${info.memoryGiB} GiB, node ${info.node}\n`);
  console.log(textTable(TABLE_HEADER, rows.map(rowCells)));
  if (scale.length > 0) {
    const s = scaleTable(scale);
    console.log('\nScale (7):');
    console.log(textTable(s.header, s.rows));
  }
  console.log('\nTargets:');
  for (const t of checks) console.log(`  ${t.met ? 'MET   ' : 'MISSED'} ${t.name}: ${t.detail}`);
  const busiest = Math.max(...load.map((l) => Math.max(l.before, l.after)));
  console.log(`\nLoad average (1 min) around each scenario: ${load.map((l) => `${l.scenario} ${l.before}→${l.after}`).join(', ')}`);
  if (busiest > Number(info.cores)) console.log(`Note: load reached ${busiest} on ${info.cores} cores — other work shared the CPUs, so times are inflated and noisy.`);
  console.log(`Total ${fmtMs(elapsedMs)}`);

  const results = { machine: info, config, preamble: pre, rows, hover, activation, memory, scale, targets: checks, load, elapsedMs };
  if (args.json) {
    fs.mkdirSync(path.dirname(path.resolve(args.json)), { recursive: true });
    fs.writeFileSync(args.json, `${JSON.stringify(results, null, 2)}\n`);
    log(`results written to ${args.json}`);
  }
  if (args.md) {
    fs.mkdirSync(path.dirname(path.resolve(args.md)), { recursive: true });
    fs.writeFileSync(args.md, markdownReport(results, rows, scale, checks));
    log(`Markdown written to ${args.md}`);
  }
  return args.strict && checks.some((t) => !t.met) ? 1 : 0;
}

const round2 = (n: number): number => Math.round(n * 100) / 100;

function markdownReport(
  results: {
    machine: Record<string, string | number>;
    config: BenchConfig;
    preamble: Preamble;
    elapsedMs: number;
    activation?: ActivationDetail;
    load: readonly { scenario: string; before: number; after: number }[];
  },
  rows: readonly Row[],
  scale: readonly ScaleRow[],
  checks: readonly Target[],
): string {
  const m = results.machine;
  const c = results.config;
  const p = results.preamble;
  const lines: string[] = [];
  lines.push(`Run ${String(m.date)} on ${String(m.cpu)}, ${String(m.cores)} cores (shared), ${String(m.memoryGiB)} GiB, node ${String(m.node)}, ${String(m.os)}; load average ${String(m.loadAverage1m)} at start.`);
  lines.push(`Load average (1 min) before→after each scenario: ${results.load.map((l) => `${l.scenario} ${l.before}→${l.after}`).join(', ')}.`);
  lines.push(`Latency ${c.latencyMs} ms per call (emulator, no jitter); median of ${c.runs} runs (long measurements ${c.heavyRuns}, aws CLI ${c.cliRuns}, sequential boto3 export loop ${c.slowPeerRuns}), each after one unmeasured warm-up. Whole run: ${fmtMs(results.elapsedMs)}.`);
  if (p.cli) lines.push(`aws CLI: \`${p.cli.version}\`; \`aws --version\` ${fmtMs(p.cli.versionMs)}, one call (\`aws iam list-access-keys\`) ${fmtMs(p.cli.singleCallMs)} → fixed cost per invocation ${fmtMs(p.cli.overheadMs)} (subtracted in "w/o start-up").`);
  if (p.boto) lines.push(`${p.boto.flavour} on Python ${p.boto.python}: interpreter start + import ${fmtMs(p.boto.startupMs)} (paid once, not in the boto3 times), client creation ${fmtMs(p.boto.clientMs)}.`);
  lines.push('');
  lines.push(markdownTable(TABLE_HEADER, rows.map(rowCells)));
  lines.push('');
  const notes = rows.filter((r) => r.note || r.peer?.note || r.limitNote);
  for (const r of notes) {
    const parts = [r.limitNote && `limit: ${r.limitNote}`, r.peer?.note && `peer: ${r.peer.note}`, r.note].filter(Boolean);
    lines.push(`- ${r.id}: ${parts.join('; ')}`);
  }
  if (scale.length > 0) {
    lines.push('');
    const s = scaleTable(scale);
    lines.push(markdownTable(s.header, s.rows));
    if (scale.some((r) => r.export8.runs === 1)) lines.push('\n¹ one run (the larger exports take seconds each).');
  }
  if (results.activation) {
    const a = results.activation;
    lines.push('');
    const span = (t: ActivationDetail['prod']): string => {
      const totals = t.requireMs.map((r, i) => r + (t.activateMs[i] ?? 0));
      return `median ${fmtMs(t.totalMedianMs)}, fastest ${fmtMs(Math.min(...totals))}, slowest ${fmtMs(Math.max(...totals))} over ${t.runs} fresh processes`;
    };
    lines.push(`Activation (require + activate()): production extension.js ${span(a.prod)}; \`npm run build\` extension.js ${span(a.dev)}. On first use, the feature file's require: median ${fmtMs(a.featuresFirstUse.medianMs)}; the SDK file's: median ${fmtMs(a.sdkFirstUse.medianMs)}.`);
    lines.push('');
    lines.push(`Bundles: production extension.js ${fmtBytes(a.prodBundle.extensionBytes)}, features.js ${fmtBytes(a.prodBundle.featuresBytes)} and sdk.js ${fmtBytes(a.prodBundle.sdkBytes)} (largest parts of sdk.js: ${a.prodBundle.sdkTopInputs.map((t) => `${t.name} ${fmtBytes(t.bytes)}`).join(', ')}); \`npm run build\` output extension.js ${fmtBytes(a.devBundle.extensionBytes)}, features.js ${fmtBytes(a.devBundle.featuresBytes)} and sdk.js ${fmtBytes(a.devBundle.sdkBytes)}${a.devBundle.mapBytes ? ` + ${fmtBytes(a.devBundle.mapBytes)} extension.js source map` : ''}. Real host: ${a.realHost}.`);
  }
  lines.push('');
  lines.push('Targets:');
  lines.push('');
  for (const t of checks) lines.push(`- ${t.met ? '**met**' : '**missed**'} — ${t.name}: ${t.detail}`);
  lines.push('');
  return lines.join('\n');
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(2);
  },
);

