// activate(): builds the pieces and registers them; nothing else happens here. No AWS call
// is made until the view is opened or a command runs. Data flows one way: settings → session
// registry (one session per connection) → explorer, commands and hover, which all share it.
import * as vscode from 'vscode';
import { createConnection } from './aws/connection';
import { OrgSources } from './aws/organization/orgSources';
import { findProfile, keyChangeMfaSerial, listProfiles } from './aws/profiles';
import type { MfaSigning } from './aws/connection';
import { SessionRegistry } from './aws/sessionRegistry';
import { JSON_SCHEME, JsonDocuments } from './commands/jsonDocuments';
import { CONNECTION_KEYS } from './config';
import { Settings } from './settings';
import { ExplorerProvider } from './explorer/explorerProvider';
import { ViewState } from './explorer/viewState';
import { ContextKeys, setContext } from './explorer/contextValues';
import { LazyEditorFeatures, recoverInterruptedRotations, registerLazyCommands } from './lazyFeatures';
import { createLog } from './log';
import { askMfaCode } from './mfaPrompt';
import { AccountModels } from './model/accountModels';
import { AttentionBadge } from './reminders/attentionBadge';
import { RotationReminders } from './reminders/rotationReminders';
import { createPublicApi, type IamKeysApi } from './publicApi';
import { setDisplayLanguage } from './core/displayLanguage';
import { setDisplayTranslator } from './core/translate';

export type { IamKeysApi, IamKeysInternals } from './publicApi';

const MAX_ATTEMPTS = 5;

export function activate(context: vscode.ExtensionContext): IamKeysApi {
  setDisplayLanguage(vscode.env.language); // ages in editor-free text (core/displayLanguage.ts)
  setDisplayTranslator(vscode.l10n.t); // error classification's sentences (core/translate.ts)
  const channel = vscode.window.createOutputChannel('IAM Access Keys', { log: true });
  const log = createLog(channel);
  const settings = new Settings();
  const sessions = new SessionRegistry({
    settings: () => settings.current,
    listProfiles,
    env: () => process.env,
    log,
    connect: (profile, hooks) => {
      const s = settings.current;
      return createConnection(
        { profile, region: s.region, endpoint: s.endpoint, requestTimeoutMs: s.requestTimeoutMs, maxAttempts: MAX_ATTEMPTS },
        { ...hooks, mfaCodeProvider: askMfaCode, log, mfaSession: keyChangeMfa(profile) },
      );
    },
  });
  const organizations = new OrgSources({ settings: () => settings.current, registry: sessions, maxAttempts: MAX_ATTEMPTS, mfaCodeProvider: askMfaCode, log });
  // Each account's lists and loaded-key index: the tree renders them, everything else reads them.
  const models = new AccountModels(() => settings.current.pageSize);
  const view = new ViewState();
  const explorer = new ExplorerProvider({ settings: () => settings.current, log, now: () => new Date(), view, models }, sessions, organizations);
  const treeView = vscode.window.createTreeView('iamKeys.explorer', { treeDataProvider: explorer, showCollapseAll: true });
  void view.attach(treeView);
  void view.setWarnings(settings.current.warnings);
  const documents = new JsonDocuments();
  // Both only register now: the first reminder check runs a few seconds later, the badge counts after loads.
  const treeChanged: vscode.Event<unknown> = (listener) => vscode.Disposable.from(explorer.onDidChangeTreeData(listener), explorer.onDidFetchChildren(listener));
  const reminders = new RotationReminders({ sessions, models, settings, log, state: context.globalState, treeView, treeChanged });
  const badge = new AttentionBadge({ models, settings, treeView, treeChanged });
  // Hover, key markers and diagnostics: set up from dist/features.js once a document is open.
  const editor = new LazyEditorFeatures({ sessions, models, settings, log });
  const journalDir = context.globalStorageUri.fsPath;
  const forgetHoverKey = editor.forget;
  void setContext(ContextKeys.writeActionsAllowed, settings.current.allowWriteActions);
  const organizationConfigured = (): boolean => settings.current.organizations.length + settings.current.identityCenter.length > 0;
  void setContext(ContextKeys.organizationConfigured, organizationConfigured());

  context.subscriptions.push(
    channel,
    settings,
    { dispose: () => sessions.dispose() },
    { dispose: () => organizations.dispose() },
    explorer,
    treeView,
    view,
    documents,
    vscode.workspace.registerTextDocumentContentProvider(JSON_SCHEME, documents),
    ...registerLazyCommands({ sessions, models, explorer, treeView, view, settings, log, documents, lookup: editor.lookup, journalDir, forgetHoverKey, organizations }),
    editor,
    reminders,
    badge,
    settings.onDidChange((affects) => {
      void view.setWarnings(settings.current.warnings);
      if (affects('allowWriteActions')) void setContext(ContextKeys.writeActionsAllowed, settings.current.allowWriteActions);
      if (affects('organizations') || affects('identityCenter')) void setContext(ContextKeys.organizationConfigured, organizationConfigured());
      if (CONNECTION_KEYS.some(affects)) {
        log.info('connection settings changed: sessions rebuilt');
        organizations.rebuild();
        sessions.rebuild();
      }
      // Health markers depend on this; the lists themselves stay loaded.
      else if (affects('rotationWarningDays') || affects('unusedWarningDays')) explorer.refresh();
    }),
  );
  log.info('IAM Access Keys activated');
  // A rotation the last session left half done is finished or undone now (no call when there is none).
  const recovery = recoverInterruptedRotations({ settings, log, journalDir, sessions, explorer, forgetHoverKey }).catch((error: unknown) => {
    log.error(`recovering interrupted rotations failed: ${error instanceof Error ? error.message : String(error)}`);
    return [];
  });
  return createPublicApi({ sessions, explorer, treeView, view, settings, recovery, organizations, reminders, badge });
}

/** Key changes of a static-keys profile with mfa_serial sign with an MFA session (asked on the first change). */
function keyChangeMfa(profile: string): MfaSigning | undefined {
  if (!profile) return undefined;
  return { profile, serial: async () => keyChangeMfaSerial(await findProfile(profile)), code: askMfaCode };
}

export function deactivate(): void {}
