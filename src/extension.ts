// activate(): builds the pieces and registers them; nothing else happens here. No AWS call
// is made until the view is opened or a command runs.
import * as vscode from 'vscode';
import { createConnection } from './aws/connection';
import { JSON_SCHEME, JsonDocuments } from './commands/jsonDocuments';
import { registerCommands } from './commands/registerCommands';
import { CONNECTION_KEYS, Settings } from './config';
import { ExplorerProvider } from './explorer/explorerProvider';
import type { ExplorerNode } from './explorer/nodes/explorerNode';
import { registerAccessKeyHover } from './hover/registerHover';
import { createLog } from './log';

/** What activate() returns: for integration tests and other extensions. */
export interface IamKeysApi {
  readonly explorer: ExplorerProvider;
  readonly treeView: vscode.TreeView<ExplorerNode>;
  readonly settings: Settings;
}

const MAX_ATTEMPTS = 5;

export function activate(context: vscode.ExtensionContext): IamKeysApi {
  const channel = vscode.window.createOutputChannel('IAM Access Keys', { log: true });
  const log = createLog(channel);
  const settings = new Settings();
  const explorer = new ExplorerProvider(
    { settings: () => settings.current, log, now: () => new Date() },
    (profile, hooks) => {
      const s = settings.current;
      return createConnection({ profile, region: s.region, endpoint: s.endpoint, requestTimeoutMs: s.requestTimeoutMs, maxAttempts: MAX_ATTEMPTS }, hooks);
    },
    askMfaCode,
  );
  const treeView = vscode.window.createTreeView('iamKeys.explorer', { treeDataProvider: explorer, showCollapseAll: true });
  const documents = new JsonDocuments();
  const showWarnings = (): void => {
    treeView.message = settings.current.warnings.length > 0 ? settings.current.warnings.join(' ') : undefined;
  };
  showWarnings();

  context.subscriptions.push(
    channel,
    settings,
    explorer,
    treeView,
    documents,
    vscode.workspace.registerTextDocumentContentProvider(JSON_SCHEME, documents),
    ...registerCommands({ explorer, treeView, settings, log, documents }),
    ...registerAccessKeyHover({ explorer, settings, log }),
    settings.onDidChange((affects) => {
      showWarnings();
      if (CONNECTION_KEYS.some(affects)) explorer.rebuild();
      // Health markers depend on this; the lists themselves stay loaded.
      else if (affects('rotationWarningDays')) explorer.refresh();
    }),
  );
  log.info('IAM Access Keys activated');
  return { explorer, treeView, settings };
}

function askMfaCode(serial: string): Promise<string> {
  return Promise.resolve(
    vscode.window.showInputBox({
      title: vscode.l10n.t('MFA code'),
      prompt: vscode.l10n.t('Code from the MFA device {0}', serial),
      ignoreFocusOut: true,
      validateInput: (value) => (/^\d{6}$/.test(value) ? undefined : vscode.l10n.t('Six digits')),
    }),
  ).then((code) => {
    if (!code) throw new Error('MFA code entry was cancelled');
    return code;
  });
}

export function deactivate(): void {}
