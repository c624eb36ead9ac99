// Hover latency in-process: KeyLookup (+ the hover text) against a fake IamApi whose every call
// takes a fixed 20 ms, uncached vs cached vs loaded in the explorer.
//
//   npx tsc -p test/tsconfig.json && node out/test/bench/hoverLatency.js
import type { IamApi } from '../../src/aws/iamApi';
import type { AccessKey, AccessKeyLastUsed } from '../../src/core/types';
import { keyInfoMarkdown } from '../../src/features/hover/hoverText';
import { KeyLookup, type LoadedKeyInfo } from '../../src/features/hover/keyLookup';
import { percentile } from '../support/percentile';
import { sleep } from '../support/wait';

const CALL_MS = 20;
const ACCOUNT = '111111111111';
const UNCACHED = 200;
const CACHED = 1000;
const LOADED_KEYS = 1000;


function keyId(n: number): string {
  return `AKIABENCH${String(n).padStart(11, '0')}`;
}

function accessKey(n: number): AccessKey {
  return { UserName: `user${n}`, AccessKeyId: keyId(n), Status: 'Active', CreateDate: new Date('2024-01-01T00:00:00Z') };
}

/** Every key belongs to ACCOUNT and its user; each call waits CALL_MS. */
const slowApi = {
  async getAccessKeyAccount(): Promise<string> {
    await sleep(CALL_MS);
    return ACCOUNT;
  },
  async getAccessKeyLastUsed(id: string): Promise<AccessKeyLastUsed> {
    await sleep(CALL_MS);
    return { UserName: `user${Number(id.slice(9))}`, LastUsedDate: new Date('2024-05-01T00:00:00Z'), ServiceName: 's3', Region: 'us-east-1' };
  },
  async listAllAccessKeys(userName: string): Promise<AccessKey[]> {
    await sleep(CALL_MS);
    return [accessKey(Number(userName.slice(4)))];
  },
} as unknown as IamApi;

async function time(runs: number, run: (i: number) => Promise<unknown>): Promise<string> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    await run(i);
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  samples.sort((a, b) => a - b);
  const fmt = (ms: number): string => (ms < 1 ? `${(ms * 1000).toFixed(1)} µs` : `${ms.toFixed(2)} ms`);
  return `n=${runs}  p50 ${fmt(percentile(samples, 50))}  p99 ${fmt(percentile(samples, 99))}  max ${fmt(samples[samples.length - 1] as number)}`;
}

async function main(): Promise<void> {
  const loaded: LoadedKeyInfo[] = [];
  const lookup = new KeyLookup(
    {
      loadedKey: async (id: string) => loaded.find((k) => k.key.AccessKeyId === id),
      sessions: async () => [{ profile: 'bench', api: slowApi, resolveAccount: async () => ACCOUNT }],
    },
    { cacheSeconds: 300, maxLookupsPerMinute: 600 },
  );
  const ctx = { now: new Date('2024-06-01T00:00:00Z'), rotationWarningDays: 90 };
  const hover = async (id: string): Promise<string> => keyInfoMarkdown((await lookup.lookup(id)).info, ctx);

  console.log(`hover latency, fake IAM with ${CALL_MS} ms per call (node ${process.version})`);
  const row = (what: string, figures: string): void => console.log(`  ${what.padEnd(52)} ${figures}`);
  row('uncached, 3 calls (STS, LastUsed, ListAccessKeys)', await time(UNCACHED, (i) => hover(keyId(i))));
  row('cached (warm TtlCache), lookup only', await time(CACHED, () => lookup.lookup(keyId(0))));
  row('cached (warm TtlCache), lookup + hover text', await time(CACHED, () => hover(keyId(0))));
  for (let n = 0; n < LOADED_KEYS; n++) loaded.push({ key: accessKey(100_000 + n), profile: 'bench', account: ACCOUNT, root: false });
  row(`loaded in explorer (${LOADED_KEYS} keys), lookup + hover text`, await time(CACHED, (i) => hover(keyId(100_000 + (i % LOADED_KEYS)))));
  row(`cached, after scanning ${LOADED_KEYS} loaded keys, + text`, await time(CACHED, () => hover(keyId(0))));
  lookup.dispose();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
