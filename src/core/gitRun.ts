// Runs the git binary (spawned, no shell) and hands back what it printed. Failures are a
// GitError whose message we wrote: git's own stderr is kept for the log only (redacted), never
// for a notification.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import { AbortError } from './concurrency';
import { redactSecrets } from './redact';

export type GitErrorKind = 'git-missing' | 'not-a-repository' | 'git-failed';

export class GitError extends Error {
  override readonly name = 'GitError';
  constructor(
    readonly kind: GitErrorKind,
    message: string,
    /** git's stderr, redacted: for the log. */
    readonly detail = '',
  ) {
    super(message);
  }
}

/** stdout of `git <args>` run in `cwd`, as UTF-8. */
export function runGit(cwd: string, args: readonly string[], options: { signal?: AbortSignal; env?: NodeJS.ProcessEnv } = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    if (options.signal?.aborted) return reject(new AbortError());
    const child = spawn('git', [...args], { cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    const onAbort = (): void => {
      child.kill();
    };
    options.signal?.addEventListener('abort', onAbort, { once: true });
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', (error: NodeJS.ErrnoException) => {
      options.signal?.removeEventListener('abort', onAbort);
      // spawn says ENOENT for a missing working folder as for a missing git: tell them apart.
      if (!fs.existsSync(cwd)) return reject(new GitError('git-failed', 'The folder git was to run in does not exist.', 'ENOENT'));
      reject(error.code === 'ENOENT' ? new GitError('git-missing', 'git was not found on PATH.') : new GitError('git-failed', 'git could not be started.', error.code ?? ''));
    });
    child.on('close', (code) => {
      options.signal?.removeEventListener('abort', onAbort);
      if (options.signal?.aborted) return reject(new AbortError());
      const stderr = redactSecrets(Buffer.concat(err).toString('utf8')).slice(0, 2000);
      if (code === 0) return resolve(Buffer.concat(out).toString('utf8'));
      if (/not a git repository/i.test(stderr)) return reject(new GitError('not-a-repository', 'The folder is not in a git repository.', stderr));
      reject(new GitError('git-failed', `git ${args.find((a) => !a.startsWith('-') && !a.includes('=')) ?? ''} failed (exit code ${code}).`, stderr));
    });
  });
}
