// Reads `git log -p` output line by line (as it streams) and hands on the lines each commit's
// diff adds to a file, with their line numbers in that commit's version of the file. Linear:
// each line is looked at once. Each blob is read once (a file whose new blob was already seen
// in an earlier diff is skipped, so a file copied, renamed or merged across branches is not
// scanned again), and a file's added lines are handed on in chunks of at most MAX_CHUNK_CHARS,
// so memory stays bounded whatever one commit adds. Editor-free.
//
// The log is asked for with GIT_LOG_FORMAT: each commit starts with a line "\x01<hash>\0<author
// name>\0<author date ISO>", which no diff line can start with.

/** `--format` for the commit line this parser reads. */
export const GIT_LOG_FORMAT = '%x01%H%x00%an%x00%aI';
/** A file's added lines are handed on in pieces this long at most (the scanner's memory bound). */
export const MAX_CHUNK_CHARS = 1_000_000;

export interface CommitInfo {
  readonly commit: string;
  readonly author: string;
  /** ISO 8601 author date. */
  readonly date: string;
}

/** Lines one commit adds to one file (or a piece of them). */
export interface AddedLines {
  readonly commit: CommitInfo;
  readonly path: string;
  /** The added lines' text, without the leading '+'. */
  readonly lines: readonly string[];
  /** 1-based line number of each line in the commit's version of the file. */
  readonly lineNumbers: readonly number[];
}

export class GitLogParser {
  private commit: CommitInfo | undefined;
  private path: string | undefined;
  /** Whether this file's added lines are wanted (a text file whose blob is new). */
  private wanted = false;
  private inHunk = false;
  private nextLine = 0;
  private lines: string[] = [];
  private lineNumbers: number[] = [];
  private chars = 0;
  private readonly seenBlobs = new Set<string>();
  /** Commits read so far. */
  commits = 0;

  constructor(private readonly onAdded: (added: AddedLines) => void) {}

  /** One line of the log, without its line break. */
  push(line: string): void {
    if (this.inHunk) {
      const first = line.charCodeAt(0);
      if (first === 0x2b /* + */) {
        if (this.wanted) this.add(line.slice(1));
        this.nextLine++;
        return;
      }
      if (first === 0x2d /* - */ || first === 0x5c /* \ */) return;
      if (first === 0x20 /* space */) {
        this.nextLine++;
        return;
      }
      this.inHunk = false; // a header: the next hunk (read below), file or commit
    }
    if (line.charCodeAt(0) === 0x01) {
      this.flush();
      this.path = undefined;
      this.wanted = false;
      const [commit = '', author = '', date = ''] = line.slice(1).split('\0');
      this.commit = { commit, author, date };
      this.commits++;
    } else if (line.startsWith('diff --git ')) {
      this.flush();
      this.path = undefined;
      this.wanted = true;
    } else if (line.startsWith('index ')) {
      // "index <old>..<new>[ <mode>]": a blob seen before adds nothing new.
      const blob = /\.\.([0-9a-f]+)/.exec(line)?.[1];
      if (blob && !/^0+$/.test(blob)) {
        if (this.seenBlobs.has(blob)) this.wanted = false;
        else this.seenBlobs.add(blob);
      }
    } else if (line.startsWith('+++ ')) {
      // git ends a name holding a space with a tab.
      const target = line.endsWith('\t') ? line.slice(4, -1) : line.slice(4);
      if (target === '/dev/null') this.wanted = false;
      else this.path = stripPrefix(unquotePath(target));
    } else if (line.startsWith('Binary files ')) {
      this.wanted = false;
    } else if (line.startsWith('@@')) {
      this.hunk(line);
    }
  }

  /** The end of the log: hands on what is left. */
  end(): void {
    this.flush();
  }

  private hunk(line: string): void {
    const start = /^@@ -\d+(?:,\d+)? \+(\d+)/.exec(line)?.[1];
    this.inHunk = start !== undefined;
    this.nextLine = Number(start ?? 0);
  }

  private add(text: string): void {
    this.lines.push(text);
    this.lineNumbers.push(this.nextLine);
    this.chars += text.length + 1;
    if (this.chars >= MAX_CHUNK_CHARS) this.flush();
  }

  private flush(): void {
    if (this.lines.length > 0 && this.commit && this.path !== undefined) {
      this.onAdded({ commit: this.commit, path: this.path, lines: this.lines, lineNumbers: this.lineNumbers });
    }
    this.lines = [];
    this.lineNumbers = [];
    this.chars = 0;
  }
}

/** "b/dir/file" → "dir/file" (git's default destination prefix). */
function stripPrefix(path: string): string {
  return path.startsWith('b/') ? path.slice(2) : path;
}

const ESCAPES: Readonly<Record<string, number>> = { a: 7, b: 8, t: 9, n: 10, v: 11, f: 12, r: 13, '"': 34, '\\': 92 };

/** A path git wrote in C-style quotes ("a\"b\303\251") as the path itself; others as they are. */
export function unquotePath(text: string): string {
  if (!(text.length >= 2 && text.startsWith('"') && text.endsWith('"'))) return text;
  const bytes: number[] = [];
  const inner = text.slice(1, -1);
  for (let i = 0; i < inner.length; i++) {
    const ch = inner[i] as string;
    if (ch !== '\\') {
      bytes.push(...Buffer.from(ch, 'utf8'));
      continue;
    }
    const next = inner[i + 1] ?? '';
    const octal = /^[0-7]{3}/.exec(inner.slice(i + 1, i + 4))?.[0];
    if (octal) {
      bytes.push(parseInt(octal, 8));
      i += 3;
    } else {
      bytes.push(ESCAPES[next] ?? next.charCodeAt(0));
      i += 1;
    }
  }
  return Buffer.from(bytes).toString('utf8');
}
