// "Keys needing attention": a view-level filter (old, unused, root keys, two active keys).
// Turning it on checks the loaded users' keys and last use first, so the list narrows to the
// users with flagged keys rather than to those someone happened to expand.
import * as vscode from 'vscode';
import type { CommandDeps } from '../../commands/deps';

export interface AttentionResult {
  readonly attentionOnly: boolean;
  /** Users whose keys were checked (loaded users of every connection). */
  readonly usersChecked: number;
  /** Users shown: those with at least one flagged key. */
  readonly usersShown: number;
  readonly cancelled: boolean;
  /** How keys were judged: the credential report (2–3 calls per account), live calls per user, or both (several connections). */
  readonly source?: 'credential-report' | 'live' | 'mixed';
  /** ISO time of the oldest credential report used. */
  readonly reportGeneratedAt?: string;
}

export async function setAttentionFilter(on: boolean, deps: CommandDeps): Promise<AttentionResult> {
  let usersChecked = 0;
  let cancelled = false;
  const sources = new Set<'credential-report' | 'live'>();
  let oldestReport: Date | undefined;
  if (on) {
    const rows = await deps.explorer.connectionRows();
    await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Checking keys of loaded users'), cancellable: true },
      async (progress, token) => {
        const controller = new AbortController();
        const cancel = token.onCancellationRequested(() => controller.abort());
        try {
          for (const row of rows) {
            if (!row.users.list.hasStarted) continue;
            const outcome = await row.users.checkHealth({
              signal: controller.signal,
              onProgress: (done, total) => progress.report({ message: vscode.l10n.t('{0} of {1} users', done, total) }),
            });
            usersChecked += outcome.usersChecked;
            sources.add(outcome.source);
            if (outcome.reportGeneratedAt && (!oldestReport || outcome.reportGeneratedAt < oldestReport)) oldestReport = outcome.reportGeneratedAt;
          }
        } finally {
          cancelled = controller.signal.aborted;
          cancel.dispose();
        }
      },
    );
  }
  await deps.view.setAttentionOnly(on);
  const rows = await deps.explorer.connectionRows();
  const usersShown = on ? rows.reduce((n, row) => n + row.users.visibleUsers().length, 0) : 0;
  if (on && deps.treeView.visible) await openFlaggedUsers(rows, deps);
  deps.log.info(on ? `showing only keys needing attention: ${usersShown} of ${usersChecked} users` : 'showing all keys');
  const source = sources.size === 0 ? undefined : sources.size > 1 ? 'mixed' : [...sources][0];
  return {
    attentionOnly: on,
    usersChecked,
    usersShown,
    cancelled,
    ...(source ? { source } : {}),
    ...(oldestReport ? { reportGeneratedAt: oldestReport.toISOString() } : {}),
  };
}

/** Most users to open at once: beyond this the view is a wall of keys. */
const MAX_OPENED = 25;

/**
 * A row's collapsible state counts only the first time the view sees it; rows it showed
 * collapsed before stay collapsed. Opening them is the view's job, through reveal.
 */
async function openFlaggedUsers(rows: Awaited<ReturnType<CommandDeps['explorer']['connectionRows']>>, deps: CommandDeps): Promise<void> {
  const flagged = rows.flatMap((row) => row.users.userNodes().filter((user) => user.needsAttention())).slice(0, MAX_OPENED);
  // Last first, so the view ends scrolled to the first flagged user.
  for (const user of flagged.reverse()) {
    try {
      await deps.treeView.reveal(user, { expand: true, select: false, focus: false });
    } catch (error) {
      deps.log.debug(`attention filter: could not open ${user.user.UserName}: ${String(error)}`);
    }
  }
}
