// Which git repository a command is about: its `repository` argument (a path, a Uri, or the
// Source Control view's repository, which has a rootUri), else the built-in Git extension's
// repository of the active editor, else the first workspace folder's. Only on-disk folders:
// a hook or `git diff` needs a real working tree.
import * as vscode from 'vscode';
import { runGit } from '../../core/gitRun';

/** The part of the built-in Git extension's API (vscode.git, getAPI(1)) used here. */
export interface GitApiRepository {
  readonly rootUri: vscode.Uri;
  readonly state: { readonly indexChanges: readonly { readonly uri: vscode.Uri }[]; onDidChange: vscode.Event<void> };
}
export interface GitApi {
  readonly repositories: readonly GitApiRepository[];
  getRepository(uri: vscode.Uri): GitApiRepository | null;
  onDidOpenRepository: vscode.Event<GitApiRepository>;
}

/** The built-in Git extension's exports (vscode.git), activated; undefined when it is not installed. */
export interface GitExtension {
  readonly enabled: boolean;
  readonly onDidChangeEnablement: vscode.Event<boolean>;
  getAPI(version: 1): GitApi;
}
export async function gitExtension(): Promise<GitExtension | undefined> {
  const extension = vscode.extensions.getExtension<GitExtension>('vscode.git');
  if (!extension) return undefined;
  return extension.isActive ? extension.exports : await Promise.resolve(extension.activate()).catch(() => undefined);
}

/** The built-in Git extension's API, if it is there and enabled (git.enabled). */
export async function gitApi(): Promise<GitApi | undefined> {
  const exports = await gitExtension();
  return exports?.enabled ? exports.getAPI(1) : undefined;
}

/** The repository's root folder on disk, or a sentence saying why there is none. */
export async function repositoryRoot(arg: unknown): Promise<{ root: string } | { problem: string }> {
  const given = (arg ?? {}) as { repository?: unknown };
  if (typeof given !== 'object') return { problem: vscode.l10n.t('This command takes {0}.', '{ repository? }') };
  let start: vscode.Uri | undefined = toUri(given.repository) ?? toUri(arg);
  if (given.repository !== undefined && !start) return { problem: vscode.l10n.t('repository must be a folder path.') };
  if (!start) {
    const api = await gitApi();
    const active = vscode.window.activeTextEditor?.document.uri;
    start = (active && api?.getRepository(active)?.rootUri) ?? api?.repositories[0]?.rootUri ?? vscode.workspace.workspaceFolders?.[0]?.uri;
  }
  if (!start) return { problem: vscode.l10n.t('Open a folder that is a git repository first.') };
  if (start.scheme !== 'file') return { problem: vscode.l10n.t('{0} is not a folder on disk: git needs a working tree.', start.toString()) };
  try {
    return { root: (await runGit(start.fsPath, ['rev-parse', '--show-toplevel'])).trim() };
  } catch {
    return { problem: vscode.l10n.t('{0} is not in a git repository (or git is not installed).', start.fsPath) };
  }
}

function toUri(value: unknown): vscode.Uri | undefined {
  if (typeof value === 'string' && value !== '') return vscode.Uri.file(value);
  if (value instanceof vscode.Uri) return value;
  const root = (value as { rootUri?: unknown } | undefined)?.rootUri;
  return root instanceof vscode.Uri ? root : undefined;
}
