// Read-only documents (JSON results, the health legend) under the `iam-keys:` scheme: results are shown, not saved, and
// nobody edits a key's metadata by mistake.
import * as vscode from 'vscode';

export const JSON_SCHEME = 'iam-keys';

export class JsonDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly contents = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private counter = 0;

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.contents.get(uri.toString()) ?? '';
  }

  /** A read-only document `name`.`extension` holding `text` (not opened). */
  put(name: string, extension: string, text: string): vscode.Uri {
    const safe = name.replace(/[^\w .@+=,-]/g, '_');
    const uri = vscode.Uri.from({ scheme: JSON_SCHEME, path: `/${safe}.${extension}`, query: String(++this.counter) });
    this.contents.set(uri.toString(), text);
    // Keep the map small: older documents closed long ago need no content.
    if (this.contents.size > 50) this.contents.delete(this.contents.keys().next().value as string);
    return uri;
  }

  /** Opens `value` as pretty JSON in a read-only editor titled `name`. */
  async show(name: string, text: string, options: { preserveFocus?: boolean } = {}): Promise<vscode.TextEditor> {
    const uri = this.put(name, 'json', text);
    const document = await vscode.languages.setTextDocumentLanguage(await vscode.workspace.openTextDocument(uri), 'json');
    // From a tree row (preserveFocus): a preview tab that the next row's details replace.
    return vscode.window.showTextDocument(document, { preview: options.preserveFocus === true, preserveFocus: options.preserveFocus === true });
  }

  dispose(): void {
    this.changed.dispose();
    this.contents.clear();
  }
}
