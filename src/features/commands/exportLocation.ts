// Where Export Access Keys… suggests saving: the user's Downloads folder (else home), outside
// any workspace. A file in the workspace is itself a list of key IDs: the leak diagnostics and
// Scan Workspace would then report the export as 27 "leaked" keys.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';

export function defaultExportUri(format: 'csv' | 'json' | undefined, home: string = os.homedir()): vscode.Uri {
  const downloads = path.join(home, 'Downloads');
  const folder = isDirectory(downloads) ? downloads : home;
  return vscode.Uri.file(path.join(folder, `access-keys.${format ?? 'csv'}`));
}

function isDirectory(dir: string): boolean {
  try {
    return fs.statSync(dir).isDirectory();
  } catch {
    return false;
  }
}
