// The lines a `git diff --cached -U0` adds, per file, with their line numbers in the staged
// version, and the leaked credentials among them. One forward walk over the diff (linear), in
// steps that give the event loop back; used by the staged check in the editor and by the
// pre-commit hook (src/hooks/preCommit.ts), so both report the same findings.
import { scanForLeaksAsync, scanForLeaks, type LeakFinding } from './leakScanner';
import type { LocatedLeak } from './locatedLeak';

/** The added lines of one file of the diff. */
export interface AddedLines {
  /** Path in the repository, forward slashes. */
  readonly path: string;
  /** The added lines joined by '\n'. */
  readonly text: string;
  /** 1-based line number in the staged version of each added line, in order. */
  readonly lineNumbers: readonly number[];
}

/** A leak on an added line; `line` is 1-based in the staged file. */
export type StagedLeak = LocatedLeak;

/** The arguments of the diff this module reads; `-c` options keep the user's config out of the way. */
export const STAGED_DIFF_ARGS: readonly string[] = [
  '-c', 'core.quotePath=false', '-c', 'diff.noprefix=false', '-c', 'diff.mnemonicPrefix=false',
  'diff', '--cached', '-U0', '--no-color', '--no-ext-diff', '--no-textconv', '--find-renames', '--src-prefix=a/', '--dst-prefix=b/',
];

const HUNK = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,\d+)? @@/;
/** Lines parsed between checks of the clock. */
const PARSE_STEP = 2_000;

/**
 * The diff as steps of bounded work; the generator's return value is the added lines per file.
 * Files without added lines (deleted, binary, mode changes) are left out.
 */
export function* addedLinesSteps(diff: string): Generator<void, AddedLines[]> {
  const files: AddedLines[] = [];
  let path: string | undefined;
  let lines: string[] = [];
  let numbers: number[] = [];
  let next = 0;
  let inHunk = false;
  const flush = (): void => {
    if (path !== undefined && lines.length > 0) files.push({ path, text: lines.join('\n'), lineNumbers: numbers });
    lines = [];
    numbers = [];
  };
  let start = 0;
  for (let count = 0; start < diff.length; count++) {
    if (count % PARSE_STEP === PARSE_STEP - 1) yield;
    let end = diff.indexOf('\n', start);
    if (end < 0) end = diff.length;
    const line = diff.slice(start, end);
    start = end + 1;
    if (line.startsWith('diff --git ')) {
      flush();
      path = undefined;
      inHunk = false;
    } else if (!inHunk && line.startsWith('+++ ')) {
      // git ends a name that has a space with a tab (for GNU patch).
      const target = line.slice(4).replace(/\t$/, '');
      path = target === '/dev/null' ? undefined : stripPrefix(unquote(target));
    } else if (line.startsWith('@@')) {
      const m = HUNK.exec(line);
      inHunk = m !== null;
      next = m ? Number(m[1]) : 0;
    } else if (inHunk && line.startsWith('+')) {
      lines.push(line.slice(1));
      numbers.push(next++);
    }
    // '-' lines and '\ No newline at end of file' do not move the staged side's numbering.
  }
  flush();
  return files;
}

/** Leaks on the added lines of `diff`, synchronously (the hook: a short-lived process). */
export function stagedLeaks(diff: string): StagedLeak[] {
  const steps = addedLinesSteps(diff);
  let step = steps.next();
  while (!step.done) step = steps.next();
  return step.value.flatMap((file) => placed(file, scanForLeaks(file.text)));
}

/** Leaks on the added lines of `diff`, giving the event loop back every few milliseconds. */
export async function stagedLeaksAsync(diff: string, signal?: AbortSignal): Promise<StagedLeak[]> {
  const steps = addedLinesSteps(diff);
  let turnStart = performance.now();
  let step = steps.next();
  while (!step.done) {
    if (performance.now() - turnStart >= 8) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      turnStart = performance.now();
    }
    step = steps.next();
  }
  const leaks: StagedLeak[] = [];
  for (const file of step.value) leaks.push(...placed(file, await scanForLeaksAsync(file.text, { signal })));
  return leaks;
}

function placed(file: AddedLines, findings: readonly LeakFinding[]): StagedLeak[] {
  return findings.map((finding) => ({ path: file.path, line: file.lineNumbers[finding.line] as number, column: finding.column + 1, finding }));
}

function stripPrefix(path: string): string {
  return path.startsWith('b/') ? path.slice(2) : path;
}

/** A path git wrote in C-style quotes ("a\tb", octal bytes for what core.quotePath=false still quotes). */
function unquote(path: string): string {
  if (!path.startsWith('"') || !path.endsWith('"')) return path;
  const bytes: number[] = [];
  const body = path.slice(1, -1);
  const escapes: Record<string, number> = { n: 10, t: 9, r: 13, '"': 34, '\\': 92, a: 7, b: 8, f: 12, v: 11 };
  for (let i = 0; i < body.length; i++) {
    const ch = body[i] as string;
    if (ch !== '\\') {
      bytes.push(...Buffer.from(ch, 'utf8'));
      continue;
    }
    const octal = /^[0-7]{3}/.exec(body.slice(i + 1, i + 4));
    if (octal) {
      bytes.push(parseInt(octal[0], 8));
      i += 3;
    } else {
      const code = escapes[body[i + 1] as string];
      bytes.push(code ?? 92);
      if (code !== undefined) i++;
    }
  }
  return Buffer.from(bytes).toString('utf8');
}
