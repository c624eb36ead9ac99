// Every command's handler, in one place (src/lazyFeatures.ts registers the IDs). Each is a plain
// async function of (argument, deps) and returns what it showed, so tests, keybindings and other
// extensions can drive it. The map is typed by the IDs of commandIds.ts: a command without a
// handler does not compile.
import * as vscode from 'vscode';
import { describeFailure } from '../../aws/operationError';
import type { FeaturesHost } from '../featuresHost';
import { host } from '../host';
import { type CommandId, CommandIds, commandTitle, writesInAws } from '../../commands/commandIds';
import { copyAccessKeyId } from './copyAccessKeyId';
import { copyCliCommand } from './copyCliCommand';
import type { CommandDeps } from '../../commands/deps';
import { exportAccessKeys } from './exportAccessKeys';
import { findAccessKey } from './findAccessKey';
import { listAccessKeys } from './listAccessKeys';
import { addProfile, removeProfile, selectProfile } from './profiles';
import { showAccessKeyJson } from './showAccessKeyJson';
import { ignoreLeakedKey } from '../diagnostics/ignoreLeakedKey';
import { scanWorkspace } from '../diagnostics/scanWorkspace';
import { scanStaged } from '../diagnostics/scanStaged';
import { installPreCommitHook, uninstallPreCommitHook } from './preCommitHook';
import { scanGitHistory } from '../diagnostics/scanGitHistory';
import { createAccessKey } from './createAccessKey';
import { deleteAccessKey } from './deleteAccessKey';
import { setAccessKeyStatus } from './keyStatus';
import { rotateAccessKey } from './rotateAccessKey';
import { showHealthReport } from './showHealthReport';
import { showHealthLegend } from './showHealthLegend';
import { writeActionsAllowed } from './writeAccess';
import { exportOrganization, findKeysNeedingAttention, isOrganizationScope } from './organizationWide';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- command arguments come from anywhere
type Handler = (arg: any, deps: CommandDeps, extra?: any) => unknown;

/** The tree's own commands run in activation's bundle, on the rows it built (src/features/featuresHost.ts). */
type TreeCommandId = keyof FeaturesHost['treeCommands'];

const HANDLERS: { readonly [K in Exclude<CommandId, TreeCommandId>]: Handler } = {
  [CommandIds.selectProfile]: (arg) => selectProfile(arg),
  [CommandIds.addProfile]: (arg) => addProfile(arg),
  [CommandIds.removeProfile]: (arg) => removeProfile(arg),
  [CommandIds.copyAccessKeyId]: copyAccessKeyId,
  [CommandIds.showAccessKeyJson]: showAccessKeyJson,
  [CommandIds.listAccessKeys]: listAccessKeys,
  [CommandIds.findAccessKey]: findAccessKey,
  [CommandIds.revealAccessKey]: (arg, deps) => findAccessKey(typeof arg === 'string' ? { accessKeyId: arg, reveal: true } : arg, deps),
  [CommandIds.copyCliCommand]: copyCliCommand,
  [CommandIds.exportAccessKeys]: (arg, deps) => (isOrganizationScope(arg) ? exportOrganization(arg, deps) : exportAccessKeys(arg, deps)),
  [CommandIds.scanWorkspace]: scanWorkspace,
  [CommandIds.scanGitHistory]: scanGitHistory,
  [CommandIds.ignoreLeakedKey]: (arg) => ignoreLeakedKey(arg),
  [CommandIds.rotateAccessKey]: rotateAccessKey,
  [CommandIds.deactivateAccessKey]: (arg, deps) => setAccessKeyStatus(arg, deps, 'Inactive'),
  [CommandIds.activateAccessKey]: (arg, deps) => setAccessKeyStatus(arg, deps, 'Active'),
  [CommandIds.deleteAccessKey]: deleteAccessKey,
  [CommandIds.createAccessKey]: createAccessKey,
  [CommandIds.showHealthReport]: showHealthReport,
  [CommandIds.showHealthLegend]: (_arg, deps) => showHealthLegend(deps),
  [CommandIds.findKeysNeedingAttention]: findKeysNeedingAttention,
  [CommandIds.scanStaged]: scanStaged,
  [CommandIds.installPreCommitHook]: installPreCommitHook,
  [CommandIds.uninstallPreCommitHook]: uninstallPreCommitHook,
};

/** Commands that return nothing by design: their end is "done", not "no result". */
const RETURNS_NOTHING: ReadonlySet<CommandId> = new Set<CommandId>([CommandIds.refresh, CommandIds.clearFilter]);

/**
 * Runs one command as the editor does: src/lazyFeatures.ts registers every ID at activation with
 * a thin wrapper that loads dist/features.js (this module) and calls this.
 */
export async function runCommand(id: CommandId, arg: unknown, deps: CommandDeps, extra?: unknown): Promise<unknown> {
  const handler: Handler = id in HANDLERS ? HANDLERS[id as Exclude<CommandId, TreeCommandId>] : host().treeCommands[id as TreeCommandId];
  const started = Date.now();
  // The one place the write switch is checked: before any prompt, nothing is sent while it is off.
  if (writesInAws(id) && !writeActionsAllowed(deps, vscode.l10n.t(commandTitle(id)))) {
    deps.log.info(`${id}: refused, write actions are off`);
    return undefined;
  }
  try {
    // A script's `mfaCode` answers the MFA prompt of a write command's key changes.
    const result = writesInAws(id) ? await host().withScriptedMfaCode(arg, async () => handler(arg, deps, extra)) : await handler(arg, deps, extra);
    // The outcome only, never the result itself: results may hold key details.
    deps.log.info(`${id}: ${result === undefined && !RETURNS_NOTHING.has(id) ? 'no result (cancelled, refused or nothing to do)' : 'done'} in ${Date.now() - started} ms`);
    return result;
  } catch (error) {
    // Nothing escapes as an unhandled rejection: say what failed by the command's title and the
    // same classification the tree uses (kind, operation, profile, host). Never the error's own
    // text: the SDK's can hold a credential_process's output, passwords and tokens included.
    const { problem, text } = describeFailure(error);
    deps.log.error(`${id} failed: ${problem.kind}${problem.code ? ` ${problem.code}` : ''}: ${text}`);
    void vscode.window.showErrorMessage(vscode.l10n.t('{0} failed: {1}', vscode.l10n.t(commandTitle(id)), text));
    return undefined;
  }
}
