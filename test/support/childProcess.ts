// Stopping a child process a test started: SIGTERM, then SIGKILL if it has not exited after
// the grace period. With `group`, the whole process group (a child spawned `detached`), so
// helpers it started (file watchers, workers) go too.
import type { ChildProcess } from 'node:child_process';

export interface StopOptions {
  /** ms between SIGTERM and SIGKILL (default 3000). */
  readonly graceMs?: number;
  /** Signal the child's process group (spawned with `detached: true`). */
  readonly group?: boolean;
}

export function stopProcess(child: ChildProcess, { graceMs = 3000, group = false }: StopOptions = {}): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  const signal = (sig: NodeJS.Signals): void => {
    try {
      if (group && child.pid) process.kill(-child.pid, sig);
      else child.kill(sig);
    } catch {
      /* already gone */
    }
  };
  return new Promise((resolve) => {
    const force = setTimeout(() => signal('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    signal('SIGTERM');
  });
}
