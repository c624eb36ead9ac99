// iamKeys.installPreCommitHook / iamKeys.uninstallPreCommitHook { repository? } → { hookPath }:
// the pre-commit hook shipped as dist/pre-commit.js (beside this bundle), installed into the
// repository's hooks folder (core.hooksPath respected) or removed, putting back the hook that
// was there before.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { GitError } from '../../core/gitRun';
import { HookError, installPreCommitHook as install, uninstallPreCommitHook as uninstall } from '../../core/preCommitHookFiles';
import { repositoryRoot } from '../diagnostics/gitRepository';
import type { CommandDeps } from '../../commands/deps';

/** dist/pre-commit.js: this code runs from dist/features.js. */
const HOOK_SCRIPT = path.join(__dirname, 'pre-commit.js');

export async function installPreCommitHook(arg: unknown, deps: CommandDeps): Promise<{ hookPath: string } | undefined> {
  return withRepository(arg, deps, 'install', async (root) => {
    const { hookPath, chained } = await install(root, HOOK_SCRIPT);
    void vscode.window.showInformationMessage(
      chained
        ? vscode.l10n.t('Pre-commit hook installed at {0}; the hook that was there runs after it.', hookPath)
        : vscode.l10n.t('Pre-commit hook installed at {0}: commits that add AWS access keys are blocked.', hookPath),
    );
    return { hookPath };
  });
}

export async function uninstallPreCommitHook(arg: unknown, deps: CommandDeps): Promise<{ hookPath: string } | undefined> {
  return withRepository(arg, deps, 'uninstall', async (root) => {
    const { hookPath, restored } = await uninstall(root);
    void vscode.window.showInformationMessage(
      restored ? vscode.l10n.t('Pre-commit hook removed; the earlier hook is back at {0}.', hookPath) : vscode.l10n.t('Pre-commit hook removed from {0}.', hookPath),
    );
    return { hookPath };
  });
}

async function withRepository<T>(arg: unknown, deps: CommandDeps, what: string, run: (root: string) => Promise<T>): Promise<T | undefined> {
  const repo = await repositoryRoot(arg);
  if ('problem' in repo) {
    void vscode.window.showErrorMessage(repo.problem);
    return undefined;
  }
  try {
    return await run(repo.root);
  } catch (error) {
    deps.log.warn(`pre-commit hook ${what}: ${error instanceof GitError ? `${error.message} ${error.detail}` : error instanceof Error ? error.message : String(error)}`);
    const known = error instanceof GitError || error instanceof HookError;
    const code = (error as NodeJS.ErrnoException).code;
    void vscode.window.showErrorMessage(
      known ? (error as Error).message : vscode.l10n.t('The pre-commit hook could not be changed{0}.', code ? ` (${code})` : ''),
    );
    return undefined;
  }
}
