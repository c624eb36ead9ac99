// What the three scan commands (scanWorkspace, scanStaged, scanGitHistory) answer for each
// leaked credential: one graded shape, each command adding where it found it. Editor-free, so a
// unit test pins the field names and order of each answer (their JSON is public).
import type { LeakFinding, LeakKind } from '../../core/leakScanner';
import type { LocatedLeak } from '../../core/locatedLeak';
import type { HistoryLeak } from '../../git/historyScan';
import type { LeakSeverity, LeakStatus, LeakVerdict } from './leakVerdict';

/** A finding graded by the owner lookup, at a 1-based line and column. */
export interface GradedFinding {
  readonly line: number;
  readonly column: number;
  readonly kind: LeakKind;
  readonly severity: LeakSeverity;
  readonly message: string;
  /** The ID found; for a secret, the key ID beside it that it goes with (then owner and status are that key's). */
  readonly accessKeyId?: string;
  readonly account?: string;
  readonly userName?: string;
  readonly status?: LeakStatus;
}

/** A finding of scanWorkspace. */
export interface ScanFinding extends GradedFinding {
  readonly uri: string;
}

/** A finding of scanStaged. */
export interface StagedFinding extends GradedFinding {
  /** Path in the repository, forward slashes. */
  readonly path: string;
}

/** A finding of scanGitHistory (no column: its answer never had one). */
export interface HistoryFinding extends Omit<GradedFinding, 'column'> {
  readonly commit: string;
  readonly author: string;
  readonly date: string;
  /** Relative to the repository's top folder, as git names it; `line` is 1-based in the commit's version. */
  readonly path: string;
  /** Whether HEAD still holds it (a key ID anywhere in HEAD; a secret in HEAD's version of the file). */
  readonly stillInHead: boolean;
}

export interface Judged {
  readonly finding: LeakFinding;
  readonly verdict: LeakVerdict;
}

type Grade = Omit<GradedFinding, 'line' | 'column'>;

/** The graded fields, the optional ones only when known. */
function gradeOf({ finding, verdict }: Judged): Grade {
  const accessKeyId = finding.accessKeyId ?? verdict.accessKeyId;
  return {
    kind: finding.kind,
    severity: verdict.severity,
    message: verdict.message,
    ...(accessKeyId ? { accessKeyId } : {}),
    ...(verdict.account ? { account: verdict.account } : {}),
    ...(verdict.userName ? { userName: verdict.userName } : {}),
    ...(verdict.status ? { status: verdict.status } : {}),
  };
}

/** `uri` the file's; the finding's 0-based place made 1-based. */
export function scanFinding(uri: string, judged: Judged): ScanFinding {
  return { uri, line: judged.finding.line + 1, column: judged.finding.column + 1, ...gradeOf(judged) };
}

/** `at`: the staged file's path and the 1-based place in it. */
export function stagedFinding(at: Omit<LocatedLeak, 'finding'>, judged: Judged): StagedFinding {
  return { path: at.path, line: at.line, column: at.column, ...gradeOf(judged) };
}

export function historyFinding(leak: HistoryLeak, judged: Judged, stillInHead: boolean): HistoryFinding {
  // Severity and message after the owner, as this command has always answered.
  const { severity, message, ...owner } = gradeOf(judged);
  return { commit: leak.commit.commit, author: leak.commit.author, date: leak.commit.date, path: leak.path, line: leak.line, ...owner, severity, stillInHead, message };
}
