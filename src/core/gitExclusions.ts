// Which files git ignores, by git's own rules, through the `ignore` package: .git/info/exclude
// and the folder's .gitignore files at every level (a deeper file overrides a shallower one,
// the last matching line wins, `!` re-includes), and nothing under an ignored directory comes
// back (as in git, a negation can't re-include a file whose folder is excluded). Paths are
// relative to the folder, with forward slashes. Ignore files are read through a callback, so
// the editor can read them with workspace.fs (any scheme) and tests from disk.
// Known gaps: core.excludesFile (the user's global ignore file) and .gitignore files above the
// folder are not read; a pattern that ignores a folder in one file which a deeper file
// re-includes still hides that folder's files from the shallower file's view.
import ignore, { type Ignore } from 'ignore';

/** The text of the ignore file at `relativePath` (e.g. "src/.gitignore"), or undefined. */
export type IgnoreFileReader = (relativePath: string) => Promise<string | undefined>;

/** Paths decided between checks of the clock. */
const FILTER_STEP = 500;
const TURN_MS = 8;

export class GitExclusions {
  /** Per folder ('' = the root): its .gitignore rules, or null when it has none. */
  private readonly rules = new Map<string, Promise<Ignore | null>>();
  /** Per folder: whether git ignores it (memo: each folder is decided once). */
  private readonly folders = new Map<string, boolean>();
  private infoExclude: Promise<Ignore | null> | undefined;

  /**
   * @param read reads an ignore file
   * @param foldersWithIgnoreFile when known, the folders that hold a .gitignore (others are not read)
   */
  constructor(
    private readonly read: IgnoreFileReader,
    private readonly foldersWithIgnoreFile?: ReadonlySet<string>,
    private readonly ignoreCase = process.platform === 'darwin' || process.platform === 'win32',
  ) {}

  /** Whether git ignores the file at `path`. */
  async ignores(path: string): Promise<boolean> {
    const parts = path.split('/').filter((part) => part !== '');
    let folder = '';
    for (const part of parts.slice(0, -1)) {
      folder = folder ? `${folder}/${part}` : part;
      if (await this.folderIgnored(folder)) return true;
    }
    return this.decide(parts.join('/'), false);
  }

  /** The paths git does not ignore, in order; gives the event loop back every few milliseconds. */
  async filter(paths: readonly string[], signal?: AbortSignal): Promise<string[]> {
    const kept: string[] = [];
    let turnStart = performance.now();
    for (let i = 0; i < paths.length; i++) {
      if (i % FILTER_STEP === FILTER_STEP - 1 && performance.now() - turnStart >= TURN_MS) {
        await new Promise<void>((resolve) => setImmediate(resolve));
        signal?.throwIfAborted();
        turnStart = performance.now();
      }
      const path = paths[i] as string;
      if (!(await this.ignores(path))) kept.push(path);
    }
    return kept;
  }

  /** Whether git ignores `folder` itself; ignores() asks for its parents first (and stops at an ignored one). */
  private async folderIgnored(folder: string): Promise<boolean> {
    const known = this.folders.get(folder);
    if (known !== undefined) return known;
    const ignored = await this.decide(folder, true);
    this.folders.set(folder, ignored);
    return ignored;
  }

  /** git's answer for `path` itself (its folders not ignored): each level's last match, deeper levels last. */
  private async decide(path: string, isFolder: boolean): Promise<boolean> {
    let ignored = false;
    const apply = (rules: Ignore | null, relative: string): void => {
      if (!rules || relative === '') return;
      const result = rules.test(isFolder ? `${relative}/` : relative);
      if (result.ignored) ignored = true;
      else if (result.unignored) ignored = false;
    };
    apply(await (this.infoExclude ??= this.load('.git/info/exclude')), path);
    let folder = '';
    for (;;) {
      apply(await this.folderRules(folder), folder ? path.slice(folder.length + 1) : path);
      const next = path.indexOf('/', folder ? folder.length + 1 : 0);
      if (next < 0) break;
      folder = path.slice(0, next);
    }
    return ignored;
  }

  private folderRules(folder: string): Promise<Ignore | null> {
    let rules = this.rules.get(folder);
    if (!rules) {
      rules = this.foldersWithIgnoreFile && !this.foldersWithIgnoreFile.has(folder) ? Promise.resolve(null) : this.load(folder ? `${folder}/.gitignore` : '.gitignore');
      this.rules.set(folder, rules);
    }
    return rules;
  }

  private async load(relativePath: string): Promise<Ignore | null> {
    const text = await this.read(relativePath).catch(() => undefined);
    return text === undefined ? null : ignore({ ignorecase: this.ignoreCase }).add(text);
  }
}
