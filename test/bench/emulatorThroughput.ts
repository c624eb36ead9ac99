// Throughput of the IAM emulator itself: ListUsers pages of 100 over loopback,
// from several concurrent SDK v3 clients, for a fixed number of requests.
// The emulator runs in its own process (the CLI) so the clients' signing and
// XML parsing do not share its event loop.
//
//   node out/test/bench/emulatorThroughput.js [--requests 4000] [--concurrency 8]
//        [--page-size 100] [--users 5000] [--url http://127.0.0.1:PORT] [--raw true]
// --raw true uses bare keep-alive HTTP requests (unsigned; the emulator is started
// with --no-verify-signatures) to show the server's ceiling without SDK costs.
import { spawn, type ChildProcess } from 'node:child_process';
import { Agent, request } from 'node:http';
import * as path from 'node:path';
import { createInterface } from 'node:readline';
import { performance } from 'node:perf_hooks';
import { ListUsersCommand } from '@aws-sdk/client-iam';
import { iamClientFor } from '../emulator/clients';
import { percentile } from '../support/percentile';

interface BenchOptions {
  requests: number;
  concurrency: number;
  pageSize: number;
  users: number;
  url?: string;
  raw: boolean;
}

function parseArgs(argv: readonly string[]): BenchOptions {
  const options: BenchOptions = { requests: 4000, concurrency: 8, pageSize: 100, users: 5000, raw: false };
  for (let i = 0; i < argv.length; i += 2) {
    const [flag, value] = [argv[i], argv[i + 1]];
    if (value === undefined) throw new Error(`${flag} needs a value`);
    if (flag === '--url') options.url = value;
    else if (flag === '--raw') options.raw = value === 'true';
    else if (flag === '--requests') options.requests = positive(flag, value);
    else if (flag === '--concurrency') options.concurrency = positive(flag, value);
    else if (flag === '--page-size') options.pageSize = positive(flag, value);
    else if (flag === '--users') options.users = positive(flag, value);
    else throw new Error(`unknown option ${flag}`);
  }
  return options;
}

function positive(flag: string, text: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${flag} must be a positive integer`);
  return value;
}

/** Starts the emulator CLI on a free loopback port and resolves its URL from the first line. */
function startEmulatorProcess(users: number, unsigned: boolean): Promise<{ url: string; child: ChildProcess }> {
  const cli = path.join(__dirname, '..', 'emulator', 'cli.js');
  const args = [cli, '--port', '0', '--users', String(users), ...(unsigned ? ['--no-verify-signatures'] : [])];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`emulator exited early (${code})`)));
    createInterface({ input: child.stdout! }).once('line', (line) => {
      const match = /listening on (\S+)/.exec(line);
      if (match) resolve({ url: match[1], child });
      else reject(new Error(`unexpected first line: ${line}`));
    });
  });
}

/** A ListUsers page over bare HTTP: the next marker (undefined at the end) and the users returned. */
function rawListUsers(url: URL, agent: Agent, maxItems: number, marker: string | undefined): Promise<{ marker?: string; users: number }> {
  const body = new URLSearchParams({ Action: 'ListUsers', Version: '2010-05-08', MaxItems: String(maxItems), ...(marker ? { Marker: marker } : {}) }).toString();
  return new Promise((resolve, reject) => {
    const req = request(
      { host: url.hostname, port: url.port, method: 'POST', agent, headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(body) } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          if (res.statusCode !== 200) return reject(new Error(`status ${res.statusCode}`));
          resolve({ marker: /<Marker>([^<]+)<\/Marker>/.exec(text)?.[1], users: text.split('<member>').length - 1 });
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const started = options.url ? undefined : await startEmulatorProcess(options.users, options.raw);
  const url = options.url ?? started!.url;
  const latencies: number[] = [];
  let issued = 0;
  let failures = 0;
  let items = 0;

  const rawAgent = new Agent({ keepAlive: true, maxSockets: options.concurrency });
  const rawWorker = async (): Promise<void> => {
    let marker: string | undefined;
    while (issued < options.requests) {
      issued++;
      const t0 = performance.now();
      try {
        const page = await rawListUsers(new URL(url), rawAgent, options.pageSize, marker);
        items += page.users;
        marker = page.marker;
      } catch {
        failures++;
        marker = undefined;
      }
      latencies.push(performance.now() - t0);
    }
  };

  // Each worker walks the listing page by page, wrapping around at the end.
  const sdkWorker = async (): Promise<void> => {
    const client = iamClientFor({ url }, undefined, { maxAttempts: 1 });
    let marker: string | undefined;
    try {
      while (issued < options.requests) {
        issued++;
        const t0 = performance.now();
        try {
          const page = await client.send(new ListUsersCommand({ MaxItems: options.pageSize, Marker: marker }));
          items += page.Users?.length ?? 0;
          marker = page.IsTruncated ? page.Marker : undefined;
        } catch {
          failures++;
          marker = undefined;
        }
        latencies.push(performance.now() - t0);
      }
    } finally {
      client.destroy();
    }
  };

  // Warm-up (connections, JIT), not measured.
  const warm = iamClientFor({ url }, undefined, { maxAttempts: 1 });
  for (let i = 0; i < 20; i++) await warm.send(new ListUsersCommand({ MaxItems: options.pageSize }));
  warm.destroy();

  const t0 = performance.now();
  await Promise.all(Array.from({ length: options.concurrency }, options.raw ? rawWorker : sdkWorker));
  const seconds = (performance.now() - t0) / 1000;
  started?.child.kill('SIGTERM');
  rawAgent.destroy();

  const sorted = [...latencies].sort((a, b) => a - b);
  const clients = options.raw ? 'bare HTTP clients (unsigned)' : 'SDK v3 clients (signed, verified)';
  console.log(`IAM emulator throughput: ListUsers, MaxItems ${options.pageSize}, ${options.concurrency} concurrent ${clients}`);
  console.log(`  requests   ${latencies.length} (${failures} failed), ${items} users returned, ${seconds.toFixed(2)} s`);
  console.log(`  throughput ${(latencies.length / seconds).toFixed(0)} req/s (${(items / seconds).toFixed(0)} users/s)`);
  console.log(`  latency    p50 ${percentile(sorted, 50).toFixed(1)} ms, p99 ${percentile(sorted, 99).toFixed(1)} ms, max ${sorted[sorted.length - 1].toFixed(1)} ms`);
  if (failures > 0) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
