// A leak the scanner found in a file of a repository, at a 1-based line and column: what the
// staged check (stagedDiff.ts) and the history scan (git/historyScan.ts) hand on to be graded.
import type { LeakFinding } from './leakScanner';

export interface LocatedLeak {
  /** Path in the repository, forward slashes. */
  readonly path: string;
  readonly line: number;
  readonly column: number;
  readonly finding: LeakFinding;
}
