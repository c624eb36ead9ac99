// The peers the extension is compared with: the `aws` CLI (one process per command, as a user
// types it) and a boto3 script (a long-lived Python worker, peer_boto3.py, that times each
// operation itself so Python's start-up is reported once, separately).
import { type ChildProcessWithoutNullStreams, spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT } from './benchEnv';
import { nowMs } from './stats';

// ---------------------------------------------------------------------------------------------
// aws CLI

export interface CliInfo {
  /** What is executed: the real entry script (a pyenv shim is resolved, see `shim`). */
  readonly executable: string;
  /** The PATH entry when it was a pyenv shim (its own start-up cost is left out). */
  readonly shim?: string;
  readonly version: string;
}

export interface CliRun {
  readonly ms: number;
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

const CLI_TIMEOUT_MS = 120_000;

function onPath(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, name);
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      return candidate;
    } catch {
      // next
    }
  }
  return undefined;
}

/** Finds the aws CLI, or undefined when it is not installed. */
export function findAwsCli(env: NodeJS.ProcessEnv): CliInfo | undefined {
  const found = onPath('aws');
  if (!found) return undefined;
  let executable = found;
  let shim: string | undefined;
  try {
    const head = fs.readFileSync(found, 'utf8').slice(0, 400);
    if (head.includes('pyenv')) {
      const which = spawnSync('pyenv', ['which', 'aws'], { encoding: 'utf8', env, timeout: 20_000 });
      const resolved = which.stdout.trim();
      if (which.status === 0 && resolved) {
        shim = found;
        executable = resolved;
      }
    }
  } catch {
    // a binary, not a script: run it as is
  }
  const version = spawnSync(executable, ['--version'], { encoding: 'utf8', env, timeout: 60_000 });
  if (version.status !== 0) return undefined;
  return { executable, shim, version: `${version.stdout}${version.stderr}`.trim() };
}

/** Runs the CLI once and times the whole process, start-up included. */
export function runCli(cli: CliInfo, args: readonly string[], env: NodeJS.ProcessEnv): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const start = nowMs();
    const child = spawn(cli.executable, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => out.push(c));
    child.stderr.on('data', (c: Buffer) => err.push(c));
    const timer = setTimeout(() => child.kill('SIGKILL'), CLI_TIMEOUT_MS);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve({ ms: nowMs() - start, code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') });
    });
  });
}

/** Runs the CLI and parses its JSON output; throws with its stderr on failure. */
export async function runCliJson<T>(cli: CliInfo, args: readonly string[], env: NodeJS.ProcessEnv): Promise<{ ms: number; json: T }> {
  const run = await runCli(cli, [...args, '--output', 'json'], env);
  if (run.code !== 0) throw new Error(`aws ${args.join(' ')} exited ${run.code}: ${run.stderr.trim().slice(0, 500)}`);
  return { ms: run.ms, json: (run.stdout.trim() ? JSON.parse(run.stdout) : {}) as T };
}

// ---------------------------------------------------------------------------------------------
// boto3 worker

export interface BotoAnswer {
  readonly ms: number;
  readonly count?: number;
  readonly users?: number;
  readonly account?: string;
  readonly user?: string;
}

export interface BotoPeer {
  readonly flavour: string;
  readonly python: string;
  /** Wall time from spawning python3 until the worker was ready (interpreter + import boto3). */
  readonly startupMs: number;
  /** Python's own measure of `import boto3` (+ session). */
  readonly importMs: number;
  request(command: Record<string, unknown>): Promise<BotoAnswer>;
  close(): Promise<void>;
}

const BOTO_TIMEOUT_MS = 180_000;

export async function startBotoPeer(env: NodeJS.ProcessEnv): Promise<BotoPeer | undefined> {
  const python = onPath('python3');
  if (!python) return undefined;
  const script = path.join(REPO_ROOT, 'test', 'bench', 'peer_boto3.py');
  const start = nowMs();
  let child: ChildProcessWithoutNullStreams;
  try {
    child = spawn(python, ['-u', script], { env, stdio: ['pipe', 'pipe', 'pipe'] });
  } catch {
    return undefined;
  }
  const lines: string[] = [];
  const waiters: ((line: string | undefined) => void)[] = [];
  let buffer = '';
  let stderr = '';
  let exited = false;
  child.stdout.on('data', (chunk: Buffer) => {
    buffer += chunk.toString('utf8');
    for (let nl = buffer.indexOf('\n'); nl >= 0; nl = buffer.indexOf('\n')) {
      const line = buffer.slice(0, nl);
      buffer = buffer.slice(nl + 1);
      const waiter = waiters.shift();
      if (waiter) waiter(line);
      else lines.push(line);
    }
  });
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
  child.once('exit', () => {
    exited = true;
    for (const waiter of waiters.splice(0)) waiter(undefined);
  });
  child.once('error', () => undefined);
  const nextLine = (timeoutMs: number): Promise<string | undefined> =>
    new Promise((resolve) => {
      const queued = lines.shift();
      if (queued !== undefined) return resolve(queued);
      if (exited) return resolve(undefined);
      const timer = setTimeout(() => {
        const i = waiters.indexOf(done);
        if (i >= 0) waiters.splice(i, 1);
        resolve(undefined);
      }, timeoutMs);
      const done = (line: string | undefined): void => {
        clearTimeout(timer);
        resolve(line);
      };
      waiters.push(done);
    });

  const first = await nextLine(60_000);
  const startupMs = nowMs() - start;
  if (!first) {
    child.kill('SIGKILL');
    if (stderr.trim()) console.error(`boto3 peer unavailable: ${stderr.trim().split('\n').pop()}`);
    return undefined;
  }
  const hello = JSON.parse(first) as { flavour: string; importMs: number; python: string };
  let queue = Promise.resolve();
  return {
    flavour: hello.flavour,
    python: hello.python,
    startupMs,
    importMs: hello.importMs,
    request(command) {
      const result = queue.then(async () => {
        child.stdin.write(`${JSON.stringify(command)}\n`);
        const line = await nextLine(BOTO_TIMEOUT_MS);
        if (line === undefined) throw new Error(`boto3 peer gave no answer to ${JSON.stringify(command)}: ${stderr.slice(-500)}`);
        const answer = JSON.parse(line) as BotoAnswer & { error?: string };
        if (answer.error) throw new Error(`boto3 peer: ${answer.error}`);
        return answer;
      });
      queue = result.then(
        () => undefined,
        () => undefined,
      );
      return result;
    },
    close: () =>
      new Promise<void>((resolve) => {
        if (exited) return resolve();
        const force = setTimeout(() => child.kill('SIGKILL'), 5000);
        child.once('exit', () => {
          clearTimeout(force);
          resolve();
        });
        child.stdin.end();
      }),
  };
}
