// The two ends of an emulator that runs in its own process for a bench: the parent starts a
// host script and waits for its first stdout line (a JSON "ready" message); the host serves
// until the parent stops it or goes away (SIGTERM, SIGINT, or stdin closing).
import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';

/** Starts `script` (next to this file) with `spec` as its argument; resolves with its ready message. */
export async function spawnHost<Ready>(script: string, spec: unknown, timeoutMs: number): Promise<{ child: ChildProcess; ready: Ready }> {
  const child = spawn(process.execPath, [path.join(__dirname, script), JSON.stringify(spec)], { stdio: ['pipe', 'pipe', 'inherit'] });
  const ready = await new Promise<Ready>((resolve, reject) => {
    let buffer = '';
    const timer = setTimeout(() => {
      child.kill('SIGTERM');
      reject(new Error(`${script} (${JSON.stringify(spec)}) did not start within ${timeoutMs} ms`));
    }, timeoutMs);
    child.stdout?.on('data', (chunk: Buffer) => {
      buffer += chunk.toString('utf8');
      const newline = buffer.indexOf('\n');
      if (newline < 0) return;
      clearTimeout(timer);
      try {
        resolve(JSON.parse(buffer.slice(0, newline)) as Ready);
      } catch (error) {
        reject(error);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${script} exited with code ${code} before it was ready`));
    });
  });
  child.removeAllListeners('exit');
  return { child, ready };
}

/** In the host: serves until told to stop or the parent goes, then closes and exits. */
export function serveUntilParentLeaves(close: () => Promise<void>): void {
  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    void close().finally(() => process.exit(0));
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  process.stdin.on('end', stop);
  process.stdin.on('close', stop);
  process.stdin.resume();
}
