// Runs `git` as a child process (spawn with an argument list, never a shell string) and turns
// its failures into a GitError whose message is ours: git's own stderr can name paths, remotes
// and URLs with credentials in them, so it reaches the log only as an exit code, never a
// notification. Editor-free.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { AbortError } from '../core/concurrency';

export type GitErrorKind = 'git-missing' | 'not-a-repository' | 'bad-revision' | 'failed';

export class GitError extends Error {
  constructor(
    readonly kind: GitErrorKind,
    message: string,
    /** git's exit code, for the log. */
    readonly exitCode?: number,
  ) {
    super(message);
    this.name = 'GitError';
  }
}

const MESSAGES: Readonly<Record<GitErrorKind, string>> = {
  'git-missing': 'git was not found: install git, or put it on the PATH of the editor',
  'not-a-repository': 'The folder is not in a git repository',
  'bad-revision': 'git does not know that revision',
  failed: 'git failed',
};

/** Classifies how a git run ended from its exit code and stderr (read, never repeated). */
export function gitError(kind: GitErrorKind, exitCode?: number): GitError {
  return new GitError(kind, MESSAGES[kind], exitCode);
}

function kindFromStderr(stderr: string): GitErrorKind {
  if (/not a git repository/i.test(stderr)) return 'not-a-repository';
  if (/unknown revision|bad revision|ambiguous argument|bad object|invalid object name/i.test(stderr)) return 'bad-revision';
  return 'failed';
}

/** Environment for git runs: no pager, no prompts, the C locale's messages (kindFromStderr reads them). */
function gitEnv(): NodeJS.ProcessEnv {
  return { ...process.env, GIT_PAGER: 'cat', GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C', LANG: 'C' };
}

/** Starts git; stdout is the caller's to read. `finished` settles when git exits (GitError on failure). */
export function startGit(args: readonly string[], cwd: string, signal?: AbortSignal): { child: ChildProcessWithoutNullStreams; finished: Promise<void> } {
  const child = spawn('git', args, { cwd, env: gitEnv(), stdio: 'pipe', windowsHide: true });
  // Only the start of stderr is kept: enough to classify, bounded whatever git prints.
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => {
    if (stderr.length < 4096) stderr += chunk;
  });
  const onAbort = (): void => void child.kill();
  if (signal?.aborted) onAbort();
  else signal?.addEventListener('abort', onAbort, { once: true });
  const finished = new Promise<void>((resolve, reject) => {
    child.once('error', (error: NodeJS.ErrnoException) => reject(error.code === 'ENOENT' ? gitError('git-missing') : gitError('failed')));
    child.once('close', (code) => {
      signal?.removeEventListener('abort', onAbort);
      if (signal?.aborted) reject(new AbortError(undefined, { cause: signal.reason }));
      else if (code === 0) resolve();
      else reject(gitError(kindFromStderr(stderr), code ?? undefined));
    });
  });
  return { child, finished };
}

/** Runs git to its end and returns its stdout (for short answers: rev-parse, rev-list --count). */
export async function runGit(args: readonly string[], cwd: string, options: { signal?: AbortSignal; input?: string; okCodes?: readonly number[] } = {}): Promise<string> {
  const { child, finished } = startGit(args, cwd, options.signal);
  const out: Buffer[] = [];
  child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
  child.stdin.on('error', () => undefined); // git may exit before reading it all
  child.stdin.end(options.input ?? '');
  try {
    await finished;
  } catch (error) {
    if (!(error instanceof GitError && error.exitCode !== undefined && options.okCodes?.includes(error.exitCode))) throw error;
  }
  return Buffer.concat(out).toString('utf8');
}
