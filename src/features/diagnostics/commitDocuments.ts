// A commit's version of a file as a URI the editor opens read-only: the built-in Git
// extension's git: URI (toGitUri) when it has that repository open, else our own
// iamkeys-git: document, whose text is `git show <commit>:<path>`.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { runGit } from '../../git/gitProcess';

export const COMMIT_SCHEME = 'iamkeys-git';

interface GitApi {
  toGitUri(uri: vscode.Uri, ref: string): vscode.Uri;
  getRepository(uri: vscode.Uri): unknown;
}

let provider: vscode.Disposable | undefined;

/** Serves iamkeys-git: URIs (registered on first use; the extension host's end disposes it). */
function ensureProvider(): void {
  provider ??= vscode.workspace.registerTextDocumentContentProvider(COMMIT_SCHEME, {
    async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
      const { root, commit, file } = JSON.parse(uri.query) as { root: string; commit: string; file: string };
      return runGit(['show', `${commit}:${file}`], root).catch(() => vscode.l10n.t('(git could not show {0} at {1})', file, commit.slice(0, 7)));
    },
  });
}

function gitApi(): GitApi | undefined {
  const extension = vscode.extensions.getExtension<{ getAPI(version: 1): GitApi }>('vscode.git');
  try {
    return extension?.isActive ? extension.exports.getAPI(1) : undefined;
  } catch {
    return undefined; // the Git extension is disabled (git.enabled false)
  }
}

/** The URI of `file` (relative to `root`, as git names it) at `commit`. */
export function commitFileUri(root: string, commit: string, file: string): vscode.Uri {
  const onDisk = vscode.Uri.file(path.join(root, file));
  const git = gitApi();
  if (git?.getRepository(onDisk)) return git.toGitUri(onDisk, commit);
  ensureProvider();
  return vscode.Uri.from({ scheme: COMMIT_SCHEME, path: `/${commit.slice(0, 7)}/${file}`, query: JSON.stringify({ root, commit, file }) });
}
