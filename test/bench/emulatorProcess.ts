// Starts emulatorHost.js as a child process and talks to its loopback admin routes
// (/__admin/counters, /__admin/counters/reset, /__admin/faults) to count calls per run.
import * as http from 'node:http';
import type { CounterSnapshot } from '../emulator/index';
import { stopProcess } from '../support/childProcess';
import { spawnHost } from './hostProcess';

export interface EmulatorSpec {
  /** Total IAM users, built-in callers included. */
  readonly users: number;
  readonly latencyMs: number;
  readonly keysPerUser?: number;
}

export interface RunningEmulator {
  readonly url: string;
  readonly users: number;
  readonly keys: number;
  readonly spec: EmulatorSpec;
  counters(): Promise<CounterSnapshot>;
  resetCounters(): Promise<void>;
  setLatency(ms: number): Promise<void>;
  close(): Promise<void>;
}

const START_TIMEOUT_MS = 60_000;

export async function spawnEmulator(spec: EmulatorSpec): Promise<RunningEmulator> {
  const { child, ready } = await spawnHost<{ url: string; users: number; keys: number }>('emulatorHost.js', spec, START_TIMEOUT_MS);
  const admin = adminClient(ready.url);
  return {
    ...ready,
    spec,
    counters: () => admin<CounterSnapshot>('GET', '/__admin/counters'),
    resetCounters: async () => {
      await admin('POST', '/__admin/counters/reset');
    },
    setLatency: async (ms) => {
      await admin('PATCH', '/__admin/faults', { latencyMs: ms, jitterMs: 0 });
    },
    close: () => stopProcess(child, { graceMs: 5000 }),
  };
}

/** Admin requests to an emulator by URL (for child processes that only know the URL). */
export function adminClient(base: string) {
  // A separate agent without keep-alive: admin traffic must not share sockets with anything measured.
  const agent = new http.Agent({ keepAlive: false });
  return <T = unknown>(method: string, route: string, body?: unknown): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
      const req = http.request(
        `${base}${route}`,
        { method, agent, headers: payload ? { 'Content-Type': 'application/json', 'Content-Length': payload.length } : {} },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            if ((res.statusCode ?? 500) >= 300) reject(new Error(`${method} ${route}: ${res.statusCode} ${text}`));
            else resolve(JSON.parse(text) as T);
          });
        },
      );
      req.setTimeout(10_000, () => req.destroy(new Error(`${method} ${route}: timed out`)));
      req.on('error', reject);
      req.end(payload);
    });
}

/** Sum of IAM/STS API calls in a counter snapshot (admin routes are never counted). */
export function apiCalls(snapshot: CounterSnapshot): number {
  return snapshot.total;
}
