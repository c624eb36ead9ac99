// What the workspace scan leaves out. findFiles applies files.exclude only when given no
// exclude of its own, and never search.exclude or .gitignore (the ignore-files option is not in
// the stable API of the VS Code versions we support), so: one {a,b,…} exclude glob for findFiles
// (files.exclude and search.exclude entries set to true, the caller's pattern, and the plainly
// ignored of each folder's top-level .gitignore as a first cut), then GitExclusions over the
// candidates for git's exact answer (negations, nested .gitignore files, .git/info/exclude).
// Every read goes through workspace.fs, so read-only and virtual folders (vscode-vfs) work too.
import * as vscode from 'vscode';
import { GitExclusions } from '../../core/gitExclusions';
import { gitignoreGlobs } from '../../core/gitignoreGlobs';

export async function workspaceExcludeGlob(extra?: string): Promise<string> {
  const patterns = settingsExcludes();
  // findFiles matches a glob in every folder: one folder's rules would drop another's files.
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length === 1) {
    for (const file of ['.gitignore', '.git/info/exclude']) {
      for (const glob of gitignoreGlobs((await readText(vscode.Uri.joinPath((folders[0] as vscode.WorkspaceFolder).uri, file))) ?? '')) addPattern(patterns, glob);
    }
  }
  if (extra) addPattern(patterns, extra);
  return `{${[...patterns].join(',')}}`;
}

/** `uris` without those git ignores in their workspace folder; others (outside any folder) are kept. */
export async function withoutGitIgnored(uris: readonly vscode.Uri[], token?: vscode.CancellationToken): Promise<vscode.Uri[]> {
  const byFolder = new Map<vscode.WorkspaceFolder, vscode.Uri[]>();
  const kept = new Set<vscode.Uri>();
  for (const uri of uris) {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (!folder) kept.add(uri);
    else if (byFolder.has(folder)) byFolder.get(folder)?.push(uri);
    else byFolder.set(folder, [uri]);
  }
  const exclude = `{${[...settingsExcludes()].join(',')}}`;
  for (const [folder, inFolder] of byFolder) {
    if (token?.isCancellationRequested) break;
    const ignoreFiles = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, '**/.gitignore'), exclude, undefined, token);
    const folders = new Set(ignoreFiles.map((uri) => relativePath(folder, uri).replace(/\/?\.gitignore$/, '')));
    const exclusions = new GitExclusions((relative) => readText(vscode.Uri.joinPath(folder.uri, relative)), folders);
    const relatives = new Map(inFolder.map((uri) => [relativePath(folder, uri), uri]));
    for (const relative of await exclusions.filter([...relatives.keys()])) kept.add(relatives.get(relative) as vscode.Uri);
  }
  return uris.filter((uri) => kept.has(uri));
}

function relativePath(folder: vscode.WorkspaceFolder, uri: vscode.Uri): string {
  const base = folder.uri.path.endsWith('/') ? folder.uri.path : `${folder.uri.path}/`;
  return uri.path.startsWith(base) ? uri.path.slice(base.length) : uri.path;
}

function settingsExcludes(): Set<string> {
  const patterns = new Set<string>();
  for (const section of ['files', 'search']) {
    const entries = vscode.workspace.getConfiguration(section).get<Record<string, unknown>>('exclude') ?? {};
    for (const [pattern, on] of Object.entries(entries)) if (on === true) addPattern(patterns, pattern);
  }
  return patterns;
}

function readText(uri: vscode.Uri): Promise<string | undefined> {
  return Promise.resolve(vscode.workspace.fs.readFile(uri)).then(
    (bytes) => new TextDecoder().decode(bytes),
    () => undefined,
  );
}

/** Adds `pattern`, with one level of {a,b} spelled out (the whole is a brace list already). */
function addPattern(into: Set<string>, pattern: string): void {
  const open = pattern.indexOf('{');
  const close = pattern.indexOf('}', open);
  if (open < 0 || close < 0) {
    if (!pattern.includes(',')) into.add(pattern);
    return;
  }
  const inner = pattern.slice(open + 1, close);
  if (inner.includes('{')) return; // nested braces: not worth the risk of a wrong glob
  for (const alternative of inner.split(',')) addPattern(into, pattern.slice(0, open) + alternative + pattern.slice(close + 1));
}
