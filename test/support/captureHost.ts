// A plain-http host that is NOT this machine, for tests that must prove nothing is sent to a
// configured endpoint: a network namespace of its own joined to this one by a veth pair, with
// addresses from 198.18.0.0/15 (RFC 2544, benchmark testing), and a capture server inside it
// (captureServer.ts) that records every request. Nothing leaves the machine: the /30 between
// the two ends is the only route to it. close() stops the server and deletes the namespace
// (the veth pair goes with it); the server also exits on its own after `lifetimeMs`, and a
// namespace whose test process was killed is removed by the next start.
// Needs root (CAP_NET_ADMIN) and iproute2; where that is missing startCaptureHost throws
// CaptureHostUnavailableError, which a suite turns into a failure when CI=true.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { stopProcess } from './childProcess';

export interface CapturedRequest {
  readonly method: string;
  readonly path: string;
  readonly host: string;
  /** A Query body's Action or the X-Amz-Target header, when there is one. */
  readonly action?: string;
}

export interface CaptureHost {
  /** e.g. http://198.18.12.6:8080 */
  readonly url: string;
  /** Every request the server received so far. */
  requests(): readonly CapturedRequest[];
  close(): Promise<void>;
}

export class CaptureHostUnavailableError extends Error {
  override readonly name = 'CaptureHostUnavailableError';
}

const PORT = 8080;
const COMMAND_TIMEOUT_MS = 10_000;
/** /30 blocks in 198.18.0.0/15. */
const BLOCKS = 1 << 15;
let started = 0;

function ip(...args: string[]): string {
  return execFileSync('ip', args, { encoding: 'utf8', timeout: COMMAND_TIMEOUT_MS, stdio: ['ignore', 'pipe', 'pipe'] });
}

function quietly(action: () => unknown): void {
  try {
    action();
  } catch {
    /* already gone */
  }
}

function addressOf(block: number, host: number): string {
  const value = (198 << 24) + (18 << 16) + block * 4 + host;
  return [value >>> 24, (value >>> 16) & 255, (value >>> 8) & 255, value & 255].join('.');
}

/** A /30 no route on this machine uses yet, chosen from the pid so parallel test processes differ. */
function freeBlock(): number {
  const routes = ip('-4', 'route', 'show');
  for (let i = 0; i < 64; i++) {
    const block = ((process.pid % 4096) * 8 + started + i) % BLOCKS;
    if (!routes.includes(`${addressOf(block, 0)}/30`)) return block;
  }
  throw new CaptureHostUnavailableError('no free /30 in 198.18.0.0/15');
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Namespaces a killed test process left behind (their veth pairs go with them). */
function removeStaleNamespaces(): void {
  for (const line of ip('netns', 'list').split('\n')) {
    const match = /^(iamkeys-capture-(\d+)-\d+)\b/.exec(line);
    if (match && !alive(Number(match[2]))) quietly(() => ip('netns', 'del', match[1]));
  }
}

export async function startCaptureHost(options: { lifetimeMs?: number } = {}): Promise<CaptureHost> {
  const lifetimeMs = options.lifetimeMs ?? 300_000;
  const n = started++;
  const namespace = `iamkeys-capture-${process.pid}-${n}`;
  const hostEnd = `ikc${process.pid % 100_000}h${n}`.slice(0, 15);
  const innerEnd = `ikc${process.pid % 100_000}n${n}`.slice(0, 15);
  const removeNamespace = (): void => {
    quietly(() => ip('link', 'del', hostEnd));
    quietly(() => ip('netns', 'del', namespace));
  };
  let block: number;
  try {
    removeStaleNamespaces();
    block = freeBlock();
    quietly(() => ip('netns', 'del', namespace));
    ip('netns', 'add', namespace);
    ip('link', 'add', hostEnd, 'type', 'veth', 'peer', 'name', innerEnd);
    ip('link', 'set', innerEnd, 'netns', namespace);
    ip('addr', 'add', `${addressOf(block, 1)}/30`, 'dev', hostEnd);
    ip('link', 'set', hostEnd, 'up');
    ip('netns', 'exec', namespace, 'ip', 'addr', 'add', `${addressOf(block, 2)}/30`, 'dev', innerEnd);
    ip('netns', 'exec', namespace, 'ip', 'link', 'set', innerEnd, 'up');
    ip('netns', 'exec', namespace, 'ip', 'link', 'set', 'lo', 'up');
  } catch (error) {
    removeNamespace();
    const why = error instanceof Error ? (error as Error & { stderr?: string }).stderr?.trim() || error.message : String(error);
    throw new CaptureHostUnavailableError(`could not create the network namespace for the capture host (needs root and iproute2): ${why}`);
  }
  const address = addressOf(block, 2);
  const script = path.join(__dirname, 'captureServer.js');
  const child = spawn('ip', ['netns', 'exec', namespace, process.execPath, script, JSON.stringify({ host: address, port: PORT, lifetimeMs })], {
    stdio: ['pipe', 'pipe', 'inherit'],
    env: { PATH: process.env.PATH ?? '/usr/sbin:/usr/bin:/sbin:/bin' },
  });
  const requests: CapturedRequest[] = [];
  try {
    await readLines(child, requests, 10_000);
  } catch (error) {
    await stopProcess(child, { graceMs: 1000 });
    removeNamespace();
    throw error;
  }
  let closed: Promise<void> | undefined;
  const onExit = (): void => removeNamespace();
  process.once('exit', onExit);
  return {
    url: `http://${address}:${PORT}`,
    requests: () => [...requests],
    close: () =>
      (closed ??= (async () => {
        await stopProcess(child, { graceMs: 2000 });
        removeNamespace();
        process.removeListener('exit', onExit);
      })()),
  };
}

/** Resolves at the server's ready line; every later line is a request. */
function readLines(child: ChildProcess, requests: CapturedRequest[], readyTimeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    let buffer = '';
    let ready = false;
    const timer = setTimeout(() => reject(new CaptureHostUnavailableError(`the capture server did not start within ${readyTimeoutMs} ms`)), readyTimeoutMs);
    child.stdout?.on('data', (chunk: Buffer) => {
      buffer += chunk.toString('utf8');
      for (let newline = buffer.indexOf('\n'); newline >= 0; newline = buffer.indexOf('\n')) {
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + 1);
        const message = JSON.parse(line) as { ready?: boolean } & CapturedRequest;
        if (message.ready && !ready) {
          ready = true;
          clearTimeout(timer);
          resolve();
        } else requests.push({ method: message.method, path: message.path, host: message.host, action: message.action });
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      if (!ready) reject(new CaptureHostUnavailableError(`the capture server exited with code ${code} before it was ready`));
    });
  });
}
