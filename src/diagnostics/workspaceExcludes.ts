// The exclude glob for the workspace scan. findFiles applies files.exclude only when given no
// exclude of its own, and never search.exclude or .gitignore (the ignore-files option is not in
// the stable API of the VS Code versions we support), so they are merged here: files.exclude
// and search.exclude entries set to true, each workspace folder's top-level .gitignore, and
// the caller's own pattern, as one {a,b,…} glob.
import * as vscode from 'vscode';
import { gitignoreGlobs } from '../core/gitignoreGlobs';

export async function workspaceExcludeGlob(extra?: string): Promise<string> {
  const patterns = new Set<string>();
  for (const section of ['files', 'search']) {
    const entries = vscode.workspace.getConfiguration(section).get<Record<string, unknown>>('exclude') ?? {};
    for (const [pattern, on] of Object.entries(entries)) if (on === true) addPattern(patterns, pattern);
  }
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    const text = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder.uri, '.gitignore')).then(
      (bytes) => new TextDecoder().decode(bytes),
      () => '',
    );
    for (const glob of gitignoreGlobs(text)) addPattern(patterns, glob);
  }
  if (extra) addPattern(patterns, extra);
  return `{${[...patterns].join(',')}}`;
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
