// Leaked credentials in a repository's history: one `git log -p` child process over every
// commit reachable from the revision (all branches by default), oldest first, read as it
// streams (bounded memory: one stdout chunk and one file's added lines at a time) and parsed
// by core/gitLogParser; the added lines of each new blob go through the same linear leak
// scanner as open documents. The event loop gets a turn between stdout chunks. Editor-free;
// the command (diagnostics/scanGitHistory.ts) grades what this finds.
import { AbortError, isAbortError } from '../core/concurrency';
import { GIT_LOG_FORMAT, GitLogParser, type AddedLines, type CommitInfo } from '../core/gitLogParser';
import { scanForLeaks } from '../core/leakScanner';
import type { LocatedLeak } from '../core/locatedLeak';
import { runGit, startGit } from './gitProcess';

export interface HistoryScanOptions {
  /** A folder inside the repository. */
  readonly cwd: string;
  /** A revision (branch, tag, commit, range); default every branch and tag (`--all`). */
  readonly rev?: string;
  /** Newest commits read at most (default DEFAULT_MAX_COMMITS). */
  readonly maxCommits?: number;
  /** Only commits after this date (anything `git log --since` reads, e.g. "2024-01-01" or "3 months ago"). */
  readonly since?: string;
  readonly signal?: AbortSignal;
  /** Called now and then with the commits read and the commits there are. */
  readonly onProgress?: (commits: number, total: number) => void;
}

/** One leaked credential where a commit added it. */
export interface HistoryLeak extends LocatedLeak {
  readonly commit: CommitInfo;
}

export interface HistoryScanOutput {
  /** The repository's top folder. */
  readonly root: string;
  readonly commits: number;
  readonly leaks: HistoryLeak[];
  /** More commits were reachable than maxCommits (or leaks than MAX_LEAKS). */
  readonly truncated: boolean;
  readonly cancelled: boolean;
}

export const DEFAULT_MAX_COMMITS = 100_000;
/** Leaks kept at most: a history of generated fixtures must not fill the memory. */
export const MAX_LEAKS = 20_000;
const PROGRESS_MS = 100;
/** Text worth handing to the scanner: a key ID's prefix, or a secret's name. */
const CANDIDATE = /A(?:KIA|SIA|BIA|CCA)|secret/i;

/** A revision must not read as an option (it is passed after --end-of-options too). */
export function isSafeRevision(rev: string): boolean {
  return rev.length > 0 && rev.length <= 1000 && !rev.startsWith('-') && !/[\0\r\n]/.test(rev);
}

export async function scanHistory(options: HistoryScanOptions): Promise<HistoryScanOutput> {
  const root = (await runGit(['rev-parse', '--show-toplevel'], options.cwd, { signal: options.signal })).trim();
  const maxCommits = options.maxCommits ?? DEFAULT_MAX_COMMITS;
  const filters = options.since ? [`--since=${options.since}`] : [];
  const revs = options.rev ? ['--end-of-options', options.rev] : ['--all'];
  // An empty repository has no commits (and rev-list --all counts 0).
  const total = Number((await runGit(['rev-list', '--count', ...filters, ...revs, '--'], root, { signal: options.signal })).trim()) || 0;
  const leaks: HistoryLeak[] = [];
  let leaksTruncated = false;
  const onAdded = (added: AddedLines): void => {
    for (const leak of leaksIn(added)) {
      if (leaks.length >= MAX_LEAKS) leaksTruncated = true;
      else leaks.push(leak);
    }
  };
  const parser = new GitLogParser(onAdded);
  let cancelled = false;
  if (total > 0) {
    cancelled = await readLog(root, [...filters, `--max-count=${maxCommits}`, ...revs, '--'], parser, Math.min(total, maxCommits), options);
  }
  return { root, commits: parser.commits, leaks, truncated: total > maxCommits || leaksTruncated, cancelled };
}

/** Streams the log through the parser; true when cancelled part way. */
async function readLog(root: string, revArgs: readonly string[], parser: GitLogParser, total: number, options: HistoryScanOptions): Promise<boolean> {
  const args = [
    '-c', 'core.quotePath=false', '-c', 'diff.noprefix=false', 'log', '-p', '--no-color', '--no-ext-diff', '--no-textconv', '--no-renames',
    '--full-index', '--unified=0', '--reverse', ...(await mergeDiffs(root)), `--format=${GIT_LOG_FORMAT}`, ...revArgs,
  ];
  const { child, finished } = startGit(args, root, options.signal);
  child.stdin.end();
  // A rejection before the read loop ends must not go unhandled.
  const done = finished.then(() => undefined, (error: unknown) => error);
  const decoder = new TextDecoder('utf-8');
  let rest = '';
  let lastProgress = 0;
  try {
    for await (const chunk of child.stdout as AsyncIterable<Buffer>) {
      const text = rest + decoder.decode(chunk, { stream: true });
      let start = 0;
      for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', start)) {
        parser.push(text.slice(start, nl));
        start = nl + 1;
      }
      rest = text.slice(start);
      if (options.onProgress && Date.now() - lastProgress >= PROGRESS_MS) {
        lastProgress = Date.now();
        options.onProgress(parser.commits, total);
      }
    }
  } catch (error) {
    if (!options.signal?.aborted) throw error;
  }
  if (rest) parser.push(rest);
  parser.end();
  const error = await done;
  if (error !== undefined) {
    if (isAbortError(error) || options.signal?.aborted) return true;
    throw error;
  }
  options.onProgress?.(parser.commits, total);
  return false;
}

/**
 * A merge commit's own changes (what resolving a conflict wrote) as lines it adds: git 2.36+
 * shows them against a re-done automatic merge (`remerge`); older git shows merges without a
 * diff, so those lines go unread there.
 */
async function mergeDiffs(root: string): Promise<string[]> {
  const version = /(\d+)\.(\d+)/.exec(await runGit(['version'], root).catch(() => ''));
  const [major, minor] = version ? [Number(version[1]), Number(version[2])] : [0, 0];
  return major > 2 || (major === 2 && minor >= 36) ? ['--diff-merges=remerge'] : [];
}

function leaksIn(added: AddedLines): HistoryLeak[] {
  const text = added.lines.join('\n');
  if (!CANDIDATE.test(text)) return [];
  return scanForLeaks(text).map((finding) => ({
    commit: added.commit,
    path: added.path,
    line: added.lineNumbers[finding.line] ?? 0,
    column: finding.column + 1,
    finding,
  }));
}

/**
 * Which leaks are still in HEAD: an access key ID anywhere in HEAD's files (one `git grep`), a
 * secret when HEAD's version of its file still holds a secret. Empty when there is no HEAD.
 */
export async function stillInHead(root: string, leaks: readonly HistoryLeak[], signal?: AbortSignal): Promise<ReadonlySet<HistoryLeak>> {
  const inHead = new Set<HistoryLeak>();
  const ids = [...new Set(leaks.flatMap((l) => l.finding.accessKeyId ?? []))];
  if (ids.length > 0) {
    // Exit code 1: no match; 128: no HEAD (an empty repository or an unborn branch).
    const out = await runGit(['grep', '-F', '-o', '-h', '-I', '--no-color', '-f', '-', 'HEAD', '--'], root, { signal, input: ids.join('\n') + '\n', okCodes: [1, 128] });
    const found = new Set(out.split('\n'));
    for (const leak of leaks) if (leak.finding.accessKeyId && found.has(leak.finding.accessKeyId)) inHead.add(leak);
  }
  const secretPaths = [...new Set(leaks.filter((l) => l.finding.kind === 'secret-access-key').map((l) => l.path))];
  for (const path of secretPaths.slice(0, 200)) {
    if (signal?.aborted) throw new AbortError();
    const text = await runGit(['show', `HEAD:${path}`], root, { signal, okCodes: [128] });
    if (!scanForLeaks(text).some((f) => f.kind === 'secret-access-key')) continue;
    for (const leak of leaks) if (leak.path === path && leak.finding.kind === 'secret-access-key') inHead.add(leak);
  }
  return inHead;
}
