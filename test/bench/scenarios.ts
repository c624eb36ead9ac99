// Scenarios 1–4 and 7: the extension's own code paths (PagedList over SdkIamApi from
// createConnection, listAllUsers/listAllAccessKeys + mapWithConcurrency as Export runs them,
// listAccessKeysLikeCli, KeyLookup + hover text, findAccessKeyIds) against the aws CLI and
// boto3, on the same emulator, in the same run.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { listAccessKeysLikeCli } from '../../src/aws/cliListAccessKeys';
import type { IamApi } from '../../src/aws/iamApi';
import { findAccessKeyIds } from '../../src/core/accessKeyIds';
import { mapWithConcurrency } from '../../src/core/concurrency';
import { PagedList, pageSizeFor } from '../../src/core/pagedList';
import type { IamUser } from '../../src/core/types';
import { keyInfoMarkdown } from '../../src/features/hover/hoverText';
import type { OwnerLookupSession } from '../../src/aws/keyOwner';
import { KeyLookup } from '../../src/features/hover/keyLookup';
import { botoRuns, cliRuns, countedRuns, type CountedRuns, type Ctx, measuredFrom } from './context';
import type { RunningEmulator } from './emulatorProcess';
import { runCli } from './peers';
import type { Measured, Row } from './report';
import { median, nowMs, percentile } from './stats';

const ceilDiv = (a: number, b: number): number => Math.ceil(a / b);

function expectEqual(what: string, actual: unknown, expected: unknown): void {
  if (actual !== expected) throw new Error(`${what}: got ${String(actual)}, expected ${String(expected)}`);
}

/** The tree's list of users: a PagedList whose fetcher is UsersNode.fetchPage's call. */
function usersList(api: IamApi, pageSize: number): PagedList<IamUser> {
  // The tree's own rule for MaxItems (the view's page size, IAM's largest for Load all).
  return new PagedList<IamUser>((marker, signal, hint) => api.listUsers({ maxItems: pageSizeFor(hint, pageSize), marker, abortSignal: signal }));
}

interface CliUsers {
  Users?: unknown[];
  NextToken?: string;
}

// ---------------------------------------------------------------------------------------------
// 1. First page of users, then 4 × "Load more"

export async function scenarioLoadMore(ctx: Ctx): Promise<Row[]> {
  const { config } = ctx;
  const pageSize = 100;
  const pages = 5;
  const emulator = await ctx.emulator(config.bigAccount);
  const api = ctx.connection(emulator).api;
  ctx.log(`1. first page + ${pages - 1} × Load more (${pageSize} each), ${emulator.users} users`);
  const ext = await countedRuns(
    emulator,
    config.runs,
    async () => {
      const list = usersList(api, pageSize);
      for (let page = 0; page < pages; page++) {
        const outcome = await list.loadNext();
        if (outcome.kind !== 'loaded') throw new Error(`page ${page + 1}: ${outcome.kind}`);
      }
      return list.loaded.length;
    },
    { check: (n) => expectEqual('users loaded', n, pages * pageSize) },
  );
  const scenario = `First page + ${pages - 1} × Load more (${pageSize}/page), ${emulator.users.toLocaleString('en-US')} users`;
  const common = { scenario, ext: measuredFrom('extension', ext), minCalls: pages, limitMs: pages * config.latencyMs, limitNote: `${pages} sequential round trips (each page needs the previous Marker)` };
  const rows: Row[] = [];
  const boto = await botoRuns(ctx, emulator, config.runs, { op: 'pages', maxItems: pageSize, pages }, pages * pageSize);
  rows.push({ id: '1a', ...common, peer: boto });
  if (config.withPeers) {
    const cli = await cliRuns<CliUsers>(
      ctx,
      emulator,
      config.cliRuns,
      (previous, step) => {
        if (step >= pages) return undefined;
        const args = ['iam', 'list-users', '--max-items', String(pageSize)];
        if (previous?.NextToken) args.push('--starting-token', previous.NextToken);
        return args;
      },
      (outputs) => expectEqual('aws CLI users', outputs.reduce((n, o) => n + (o.Users?.length ?? 0), 0), pages * pageSize),
    );
    if (cli) rows.push({ id: '1b', ...common, peer: { ...cli, note: `--max-items ${pageSize} then --starting-token, one process per page (each ≈ start-up + 1 call)` } });
  }
  return rows;
}

// ---------------------------------------------------------------------------------------------
// 2. All users of the big account

export async function scenarioAllUsers(ctx: Ctx): Promise<Row[]> {
  const { config } = ctx;
  const emulator = await ctx.emulator(config.bigAccount);
  const api = ctx.connection(emulator).api;
  const n = emulator.users;
  ctx.log(`2. all ${n} users`);
  const check = (value: unknown): void => expectEqual('users listed', value, n);
  const exportPath = await countedRuns(emulator, config.runs, async () => (await api.listAllUsers({ pageSize: 1000 })).length, { check });
  const loadAll = (pageSize: number) => async (): Promise<number> => {
    const list = usersList(api, pageSize);
    const outcome = await list.loadAll();
    if (outcome.kind === 'failed') throw outcome.error;
    return list.loaded.length;
  };
  const tree1000 = await countedRuns(emulator, config.runs, loadAll(1000), { check });
  const tree100 = await countedRuns(emulator, config.runs, loadAll(100), { check });
  // The same 5 calls with no injected latency: what is left is payload work (the emulator
  // writing ~1000 users of XML per page, the SDK parsing it) plus loopback HTTP.
  await emulator.setLatency(0);
  let noLatency: CountedRuns;
  try {
    noLatency = await countedRuns(emulator, config.runs, async () => (await api.listAllUsers({ pageSize: 1000 })).length, { check });
  } finally {
    await emulator.setLatency(config.latencyMs);
  }

  const min = ceilDiv(n, 1000);
  const limitMs = min * config.latencyMs;
  const limitNote = `${min} sequential round trips of 1000 (IAM's largest MaxItems)`;
  const label = `All ${n.toLocaleString('en-US')} users`;
  const ext = measuredFrom('extension', exportPath);
  const rows: Row[] = [];
  const base = { ext, minCalls: min, limitMs, limitNote };
  if (config.withPeers) {
    const cliAll = (extra: string[]) =>
      cliRuns<CliUsers>(ctx, emulator, config.cliRuns, (_p, step) => (step === 0 ? ['iam', 'list-users', ...extra] : undefined), (outs) =>
        expectEqual('aws CLI users', outs[0]?.Users?.length, n),
      );
    const cliDefault = await cliAll([]);
    if (cliDefault) rows.push({ id: '2a', scenario: `${label}: Export's listAllUsers (1000/page) vs \`aws iam list-users\``, ...base, peer: { ...cliDefault, note: 'CLI default paging: IAM default MaxItems 100' } });
    const cli1000 = await cliAll(['--page-size', '1000']);
    if (cli1000) rows.push({ id: '2b', scenario: `${label}: listAllUsers vs \`aws iam list-users --page-size 1000\``, ...base, peer: cli1000 });
  }
  const boto1000 = await botoRuns(ctx, emulator, config.runs, { op: 'all_users', pageSize: 1000 }, n);
  if (boto1000) rows.push({ id: '2c', scenario: `${label}: listAllUsers vs boto3 paginator PageSize=1000`, ...base, peer: boto1000 });
  const botoDefault = await botoRuns(ctx, emulator, config.runs, { op: 'all_users', pageSize: null }, n);
  if (botoDefault) rows.push({ id: '2d', scenario: `${label}: listAllUsers vs boto3 paginator (default paging)`, ...base, peer: botoDefault });
  if (!boto1000 && !config.withPeers) rows.push({ id: '2a', scenario: `${label}: Export's listAllUsers (1000/page)`, ...base });
  rows.push({ id: '2e', scenario: `${label}: tree "Load all", iamKeys.pageSize = 1000`, ext: measuredFrom('extension', tree1000), minCalls: min, limitMs, limitNote });
  rows.push({
    id: '2g',
    scenario: `${label}: Export's listAllUsers with 0 ms injected latency (payload processing only)`,
    ext: measuredFrom('extension', noLatency),
    minCalls: min,
    note: 'the part of 2a above its limit that is not latency: XML written by the emulator and parsed by the SDK, ~1000 users a page',
  });
  rows.push({
    id: '2f',
    scenario: `${label}: tree "Load all", iamKeys.pageSize = 100 (default)`,
    ext: measuredFrom('extension', tree100),
    minCalls: min,
    limitMs,
    limitNote,
    note: `Load all asks for IAM's largest pages (1000) whatever the view's page size; ${ceilDiv(n, 100)} calls at 100/page would be the cost without that`,
  });
  return rows;
}

// ---------------------------------------------------------------------------------------------
// 3. Every key of every user (the export path)

export async function scenarioExport(ctx: Ctx): Promise<Row[]> {
  const { config } = ctx;
  const emulator = await ctx.emulator(config.exportAccount);
  const api = ctx.connection(emulator).api;
  const n = emulator.users;
  ctx.log(`3. every key of every user, ${n} users (${emulator.keys} keys)`);
  const exportRun = (concurrency: number) => async (): Promise<number> => {
    // exportAccessKeys' inner loop, minus the editor UI (progress, save dialog, file write).
    const signal = new AbortController().signal;
    const users = await api.listAllUsers({ pageSize: 1000, signal });
    const perUser = await mapWithConcurrency(users, concurrency, (user) => api.listAllAccessKeys(user.UserName, { pageSize: 1000, signal }));
    return perUser.reduce((sum, keys) => sum + keys.length, 0);
  };
  const check = (value: unknown): void => expectEqual('keys exported', value, emulator.keys);
  const min = ceilDiv(n, 1000) + n;
  const limit = (c: number): number => (ceilDiv(n, 1000) + ceilDiv(n, c)) * config.latencyMs;
  const limitNote = (c: number): string => `(ceil(${n}/1000) + ceil(${n}/${c})) round trips × ${config.latencyMs} ms`;

  const rows: Row[] = [];
  const ext4 = measuredFrom('extension c=4', await countedRuns(emulator, config.heavyRuns, exportRun(4), { check }));
  const ext8 = measuredFrom('extension c=8', await countedRuns(emulator, config.heavyRuns, exportRun(8), { check }));

  const botoSeq = await botoRuns(ctx, emulator, config.slowPeerRuns, { op: 'keys_seq' }, emulator.keys);
  const botoPeer = botoSeq && { ...botoSeq, label: `${botoSeq.label} sequential loop`, note: 'paginate list_users, then list_access_keys per user, one at a time' };
  rows.push({ id: '3a', scenario: `Export: all keys of ${n.toLocaleString('en-US')} users, concurrency 4`, ext: ext4, minCalls: min, peer: botoPeer, limitMs: limit(4), limitNote: limitNote(4) });
  rows.push({ id: '3b', scenario: `Export: all keys of ${n.toLocaleString('en-US')} users, concurrency 8`, ext: ext8, minCalls: min, peer: botoPeer, limitMs: limit(8), limitNote: limitNote(8) });

  // The aws CLI, one process per user as a shell loop runs it: sampled, then extrapolated.
  const users = await api.listAllUsers({ pageSize: 1000 });
  const sampleSize = Math.min(config.cliSampleUsers, users.length);
  const sample = Array.from({ length: sampleSize }, (_, i) => users[Math.floor((i * users.length) / sampleSize)] as IamUser);

  // "List Access Keys…" for one user (listAccessKeysLikeCli) vs `aws iam list-access-keys`.
  const perUserExt: number[] = [];
  await emulator.resetCounters();
  await listAccessKeysLikeCli(api, { userName: sample[0]?.UserName }); // warm-up
  await emulator.resetCounters();
  for (const user of sample) {
    const start = nowMs();
    await listAccessKeysLikeCli(api, { userName: user.UserName });
    perUserExt.push(nowMs() - start);
  }
  const extCalls = (await emulator.counters()).total;
  const oneUserExt: Measured = { label: 'extension', calls: extCalls / sampleSize, samplesMs: perUserExt, medianMs: median(perUserExt) };

  if (config.withPeers && ctx.cli) {
    const cli = ctx.cli;
    const perUserCli: number[] = [];
    await emulator.resetCounters();
    for (const user of sample) {
      const run = await runCli(cli, ['iam', 'list-access-keys', '--user-name', user.UserName, '--endpoint-url', emulator.url, '--output', 'json'], ctx.env.peerEnv);
      if (run.code !== 0) throw new Error(`aws iam list-access-keys: ${run.stderr}`);
      perUserCli.push(run.ms);
    }
    const cliCalls = (await emulator.counters()).total;
    const listUsers = await cliRuns<CliUsers>(ctx, emulator, 1, (_p, step) => (step === 0 ? ['iam', 'list-users'] : undefined));
    const perUserMedian = median(perUserCli);
    const perUserMean = perUserCli.reduce((a, b) => a + b, 0) / perUserCli.length;
    const oneUserCli: Measured = {
      label: 'aws CLI',
      calls: cliCalls / sampleSize,
      samplesMs: perUserCli,
      medianMs: perUserMedian,
    };
    rows.push({
      id: '3c',
      scenario: `"List Access Keys…" for one user (listAccessKeysLikeCli), ${sampleSize} users one after another, per user`,
      ext: oneUserExt,
      minCalls: 1,
      peer: { ...oneUserCli, note: 'aws iam list-access-keys --user-name U; nearly all of it is process start-up (see the preamble)' },
      limitMs: config.latencyMs,
      limitNote: '1 round trip',
    });
    if (listUsers) {
      const totalMs = listUsers.medianMs + n * perUserMean;
      rows.push({
        id: '3d',
        scenario: `Export: all keys of ${n.toLocaleString('en-US')} users, concurrency 4, vs a shell loop of aws CLI calls`,
        ext: ext4,
        minCalls: min,
        peer: {
          label: 'aws CLI per user',
          calls: (listUsers.calls ?? 0) + n * (cliCalls / sampleSize),
          samplesMs: [totalMs],
          medianMs: totalMs,
          extrapolated: true,
          note: `aws iam list-users + ${n} × aws iam list-access-keys; ${sampleSize} users measured (mean ${Math.round(perUserMean)} ms each, nearly all process start-up), scaled to ${n}`,
        },
        limitMs: limit(4),
        limitNote: limitNote(4),
      });
    }
  } else {
    rows.push({ id: '3c', scenario: `"List Access Keys…" for one user (listAccessKeysLikeCli), per user`, ext: oneUserExt, minCalls: 1, limitMs: config.latencyMs, limitNote: '1 round trip' });
  }
  return rows;
}

// ---------------------------------------------------------------------------------------------
// 4. Hover

export interface HoverDetail {
  readonly cachedLookup: { n: number; p50: number; p99: number; calls: number };
  readonly cachedLookupAndText: { n: number; p50: number; p99: number };
  readonly detector: { bytes: number; ids: number; ms: number; mbPerS: number; pythonMs?: number };
}

function lookupConnection(api: IamApi, account: () => Promise<string | undefined>): OwnerLookupSession {
  return { profile: 'bench', api, resolveAccount: account };
}

/** Deterministic text of about `bytes` bytes with planted IDs (and near misses that must not match). */
export function detectorText(bytes: number): { text: string; planted: number } {
  const lines: string[] = [];
  let size = 0;
  let planted = 0;
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let seed = 12345;
  const rand = (): number => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed;
  };
  const id = (prefix: string, len: number): string => {
    let s = prefix;
    while (s.length < len) s += alphabet[rand() % alphabet.length];
    return s;
  };
  const filler = [
    '2026-05-01T12:00:00.000Z INFO  request handled in 12 ms path=/api/v1/items status=200 bytes=5120',
    '    const client = new IAMClient({ region: "us-east-1", maxAttempts: 3 }); // shared client',
    'export AWS_DEFAULT_REGION=us-east-1   # deployment pipeline configuration, see docs/deploy.md',
    '{"eventVersion":"1.08","userIdentity":{"type":"IAMUser","principalId":"AIDAEXAMPLE"},"eventSource":"s3.amazonaws.com"}',
  ];
  for (let i = 0; size < bytes; i++) {
    let line: string;
    if (i % 40 === 7) {
      line = `aws_access_key_id = ${id('AKIA', 20)}`;
      planted++;
    } else if (i % 40 === 19) {
      line = `"RoleId": "${id('AROA', 21)}", "Arn": "arn:aws:iam::123456789012:role/deploy"`;
      planted++;
    } else if (i % 40 === 29) {
      // Near misses: glued to a letter, or one character short.
      line = `token=X${id('AKIA', 20)} short=${id('AKIA', 19)}`;
    } else {
      line = filler[i % filler.length] as string;
    }
    lines.push(line);
    size += line.length + 1;
  }
  return { text: lines.join('\n'), planted };
}

export async function scenarioHover(ctx: Ctx): Promise<{ rows: Row[]; detail: HoverDetail }> {
  const { config } = ctx;
  const emulator = await ctx.emulator(config.exportAccount);
  const api = ctx.connection(emulator).api;
  ctx.log('4. hover');
  const account = (await api.getCallerIdentity()).Account;
  // Keys to look up: real keys of the account, a different one per run.
  const keyIds: string[] = [];
  const users = await api.listUsers({ maxItems: 200 });
  for (const user of users.items) {
    if (keyIds.length >= config.runs * 2 + 4) break;
    for (const key of await api.listAllAccessKeys(user.UserName, { pageSize: 1000 })) keyIds.push(key.AccessKeyId);
  }
  const limits = { cacheSeconds: 300, maxLookupsPerMinute: 600 };
  const textCtx = { now: new Date('2026-06-01T00:00:00Z'), rotationWarningDays: 90 };

  let next = 0;
  const firstLookup = (identityKnown: boolean) => async (): Promise<string> => {
    const keyId = keyIds[next++ % keyIds.length] as string;
    let memo: Promise<string | undefined> | undefined;
    const accountOf = identityKnown ? async () => account : () => (memo ??= api.getCallerIdentity().then((c) => c.Account));
    const lookup = new KeyLookup({ loadedKey: async () => undefined, sessions: async () => [lookupConnection(api, accountOf)] }, limits);
    const result = await lookup.lookup(keyId);
    lookup.dispose();
    if (result.info.kind !== 'found' || !result.info.key) throw new Error(`hover lookup of ${keyId}: ${result.info.kind}`);
    return keyInfoMarkdown(result.info, textCtx);
  };
  const warm = await countedRuns(emulator, config.runs, firstLookup(true));
  const cold = await countedRuns(emulator, config.runs, firstLookup(false));
  const hoverLimit = 3 * config.latencyMs;
  const rows: Row[] = [];
  const hoverBase = {
    ext: measuredFrom('extension', warm),
    minCalls: 3,
    limitMs: hoverLimit,
    limitNote: '3 dependent round trips: STS GetAccessKeyInfo → IAM GetAccessKeyLastUsed → ListAccessKeys(user)',
  };
  const sampleKey = keyIds[0] as string;
  const boto = await botoRuns(ctx, emulator, config.runs, { op: 'hover', keyId: sampleKey }, 1);
  rows.push({ id: '4a', scenario: 'Hover, first lookup of a key (connection identity known)', ...hoverBase, peer: boto && { ...boto, note: 'get_access_key_info, get_access_key_last_used, list_access_keys' } });
  if (config.withPeers) {
    const owner = { user: '' };
    const cli = await cliRuns<Record<string, unknown>>(ctx, emulator, config.cliRuns, (previous, step) => {
      if (step === 0) return ['sts', 'get-access-key-info', '--access-key-id', sampleKey];
      if (step === 1) return ['iam', 'get-access-key-last-used', '--access-key-id', sampleKey];
      if (step === 2) {
        owner.user = String((previous as { UserName?: string } | undefined)?.UserName ?? '');
        return ['iam', 'list-access-keys', '--user-name', owner.user];
      }
      return undefined;
    });
    if (cli) rows.push({ id: '4b', scenario: 'Hover, first lookup of a key (connection identity known)', ...hoverBase, peer: { ...cli, note: 'the same 3 calls as 3 commands (each ≈ start-up + 1 call)' } });
  }
  rows.push({
    id: '4c',
    scenario: 'Hover, first lookup on a fresh connection (+ GetCallerIdentity once)',
    ext: measuredFrom('extension', cold),
    minCalls: 4,
    limitMs: 4 * config.latencyMs,
    limitNote: 'GetCallerIdentity (once per connection) + the 3 above',
  });

  // Cached: the same key again, nothing loaded in the explorer.
  const lookup = new KeyLookup({ loadedKey: async () => undefined, sessions: async () => [lookupConnection(api, async () => account)] }, limits);
  await lookup.lookup(sampleKey);
  await emulator.resetCounters();
  const iterations = config.quick ? 2000 : 20_000;
  const lookupOnly: number[] = [];
  const withText: number[] = [];
  for (let i = 0; i < 200; i++) await lookup.lookup(sampleKey); // JIT warm-up
  for (let i = 0; i < iterations; i++) {
    const start = nowMs();
    await lookup.lookup(sampleKey);
    lookupOnly.push(nowMs() - start);
  }
  for (let i = 0; i < iterations; i++) {
    const start = nowMs();
    const result = await lookup.lookup(sampleKey);
    keyInfoMarkdown(result.info, textCtx);
    withText.push(nowMs() - start);
  }
  const cachedCalls = (await emulator.counters()).total;
  lookup.dispose();
  rows.push({
    id: '4d',
    scenario: `Hover, cached lookup + hover text (${iterations.toLocaleString('en-US')} hovers, p50; p99 ${percentile(withText, 99).toFixed(3)} ms)`,
    ext: { label: 'extension', calls: cachedCalls, samplesMs: [], medianMs: percentile(withText, 50) },
    minCalls: 0,
    note: 'nothing loaded in the explorer; see 6b for a loaded tree',
  });

  // Detector throughput.
  const { text, planted } = detectorText(config.detectorBytes);
  const bytes = Buffer.byteLength(text);
  findAccessKeyIds(text.slice(0, 100_000)); // warm-up
  const detectorSamples: number[] = [];
  let found = 0;
  for (let i = 0; i < Math.max(3, config.runs); i++) {
    const start = nowMs();
    found = findAccessKeyIds(text).length;
    detectorSamples.push(nowMs() - start);
  }
  expectEqual('IDs found by findAccessKeyIds', found, planted);
  const detectorMs = median(detectorSamples);
  let pythonPeer: Measured | undefined;
  if (ctx.boto) {
    const file = path.join(ctx.env.dir, 'detector.txt');
    fs.writeFileSync(file, text);
    const samples: number[] = [];
    for (let i = 0; i < Math.max(3, config.runs); i++) {
      const answer = await ctx.boto.request({ op: 'regex', file });
      expectEqual('IDs found by Python re', answer.count, planted);
      samples.push(answer.ms);
    }
    pythonPeer = { label: 'Python re (same pattern)', calls: 0, samplesMs: samples, medianMs: median(samples) };
  }
  const mb = bytes / 1024 / 1024;
  rows.push({
    id: '4e',
    scenario: `findAccessKeyIds over ${mb.toFixed(1)} MB of text (${planted.toLocaleString('en-US')} IDs): ${(mb / (detectorMs / 1000)).toFixed(0)} MB/s`,
    ext: { label: 'extension', calls: 0, samplesMs: detectorSamples, medianMs: detectorMs },
    minCalls: 0,
    peer: pythonPeer,
  });

  return {
    rows,
    detail: {
      cachedLookup: { n: iterations, p50: percentile(lookupOnly, 50), p99: percentile(lookupOnly, 99), calls: cachedCalls },
      cachedLookupAndText: { n: iterations, p50: percentile(withText, 50), p99: percentile(withText, 99) },
      detector: { bytes, ids: planted, ms: detectorMs, mbPerS: mb / (detectorMs / 1000), pythonMs: pythonPeer?.medianMs },
    },
  };
}

// ---------------------------------------------------------------------------------------------
// 7. Scale: 100 → 5,000 users

export interface ScaleRow {
  readonly users: number;
  readonly keys: number;
  readonly listAll1000: { calls: number; min: number; ms: number; msPerCall: number };
  readonly listAll100: { calls: number; min: number; ms: number; msPerCall: number };
  readonly export8: { calls: number; min: number; ms: number; limitMs: number; msPerWave: number; runs: number };
  readonly botoListDefault?: { calls: number; ms: number; msPerCall: number };
}

export async function scenarioScale(ctx: Ctx): Promise<ScaleRow[]> {
  const { config } = ctx;
  const out: ScaleRow[] = [];
  for (const size of config.scaleSizes) {
    const emulator: RunningEmulator = await ctx.emulator(size);
    const api = ctx.connection(emulator).api;
    const n = emulator.users;
    ctx.log(`7. scale: ${n} users`);
    const check = (value: unknown): void => expectEqual('users listed', value, n);
    const loadAll = (pageSize: number) => async (): Promise<number> => {
      const list = usersList(api, pageSize);
      const outcome = await list.loadAll();
      if (outcome.kind === 'failed') throw outcome.error;
      return list.loaded.length;
    };
    const l1000 = await countedRuns(emulator, config.runs, loadAll(1000), { check });
    const l100 = await countedRuns(emulator, config.runs, loadAll(100), { check });
    // Whole exports of 1,000+ users take seconds each: one run (scenario 3 has the median at 1,000).
    const exportRuns = n >= 1000 ? 1 : config.heavyRuns;
    const exp = await countedRuns(
      emulator,
      exportRuns,
      async () => {
        const users = await api.listAllUsers({ pageSize: 1000 });
        const perUser = await mapWithConcurrency(users, 8, (user) => api.listAllAccessKeys(user.UserName, { pageSize: 1000 }));
        return perUser.reduce((sum, keys) => sum + keys.length, 0);
      },
      { check: (value) => expectEqual('keys exported', value, emulator.keys), warmup: n < 1000 },
    );
    const waves = ceilDiv(n, 1000) + ceilDiv(n, 8);
    const boto = await botoRuns(ctx, emulator, config.runs, { op: 'all_users', pageSize: null }, n);
    out.push({
      users: n,
      keys: emulator.keys,
      listAll1000: { calls: l1000.calls, min: ceilDiv(n, 1000), ms: l1000.medianMs, msPerCall: l1000.medianMs / l1000.calls },
      listAll100: { calls: l100.calls, min: ceilDiv(n, 1000), ms: l100.medianMs, msPerCall: l100.medianMs / l100.calls },
      export8: { calls: exp.calls, min: ceilDiv(n, 1000) + n, ms: exp.medianMs, limitMs: waves * config.latencyMs, msPerWave: exp.medianMs / waves, runs: exportRuns },
      botoListDefault: boto && { calls: boto.calls ?? 0, ms: boto.medianMs, msPerCall: boto.medianMs / (boto.calls ?? 1) },
    });
  }
  return out;
}
