// Every command, registered in one place. Each is a plain async function of (argument, deps)
// and returns what it showed, so tests, keybindings and other extensions can drive it.
import * as vscode from 'vscode';
import { setAttentionFilter } from './attentionFilter';
import { copyAccessKeyId } from './copyAccessKeyId';
import { copyCliCommand } from './copyCliCommand';
import type { CommandDeps } from './deps';
import { exportAccessKeys } from './exportAccessKeys';
import { clearFilter, filterUsers } from './filterUsers';
import { findAccessKey } from './findAccessKey';
import { listAccessKeys } from './listAccessKeys';
import { loadAll, loadMore } from './loadMore';
import { addProfile, removeProfile, selectProfile } from './profiles';
import { refresh } from './refresh';
import { showAccessKeyJson } from './showAccessKeyJson';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- command arguments come from anywhere
type Handler = (arg: any, deps: CommandDeps) => unknown;

const COMMANDS: Record<string, Handler> = {
  'iamKeys.refresh': refresh,
  'iamKeys.loadMore': loadMore,
  'iamKeys.loadAll': loadAll,
  'iamKeys.filterUsers': filterUsers,
  'iamKeys.clearFilter': (_arg, deps) => clearFilter(deps),
  'iamKeys.selectProfile': (arg) => selectProfile(arg),
  'iamKeys.addProfile': (arg) => addProfile(arg),
  'iamKeys.removeProfile': (arg) => removeProfile(arg),
  'iamKeys.copyAccessKeyId': copyAccessKeyId,
  'iamKeys.showAccessKeyJson': showAccessKeyJson,
  'iamKeys.listAccessKeys': listAccessKeys,
  'iamKeys.findAccessKey': findAccessKey,
  'iamKeys.revealAccessKey': (arg, deps) => findAccessKey(typeof arg === 'string' ? { accessKeyId: arg, reveal: true } : arg, deps),
  'iamKeys.copyCliCommand': copyCliCommand,
  'iamKeys.exportAccessKeys': exportAccessKeys,
  'iamKeys.showNeedsAttention': (_arg, deps) => setAttentionFilter(true, deps),
  'iamKeys.showAllKeys': (_arg, deps) => setAttentionFilter(false, deps),
};

export function registerCommands(deps: CommandDeps): vscode.Disposable[] {
  return Object.entries(COMMANDS).map(([id, handler]) =>
    vscode.commands.registerCommand(id, async (arg: unknown) => {
      try {
        return await handler(arg, deps);
      } catch (error) {
        // Nothing escapes as an unhandled rejection: say what failed, log the detail.
        deps.log.error(`${id} failed: ${error instanceof Error ? error.message : String(error)}`);
        void vscode.window.showErrorMessage(vscode.l10n.t('{0} failed: {1}', id, error instanceof Error ? error.message : String(error)));
        return undefined;
      }
    }),
  );
}
