// The view's badge: how many loaded keys need attention (keyHealth's rules, warning or worse),
// counted from the account models' indexes of loaded keys with what they already know — no call.
// Counted again shortly after the tree loads or redraws anything, and when thresholds change.
import * as vscode from 'vscode';
import type { LoadedKeys } from '../model/accountModels';
import type { Settings } from '../config';
import { countNeedingAttention, type LoadedKeyFacts } from '../core/loadedAttention';

/** Loads come in bursts (a page of users, then each user's keys): counted once the burst settles. */
const RECOUNT_DELAY_MS = 200;

export interface AttentionBadgeDeps {
  readonly models: LoadedKeys;
  readonly settings: Settings;
  readonly treeView: vscode.TreeView<unknown>;
  /** Fired when the tree loaded or redrew rows. */
  readonly treeChanged: vscode.Event<unknown>;
  now?(): Date;
}

export class AttentionBadge implements vscode.Disposable {
  private readonly subscriptions: vscode.Disposable[];
  private timer: NodeJS.Timeout | undefined;
  private count = 0;

  constructor(private readonly deps: AttentionBadgeDeps) {
    this.subscriptions = [
      deps.treeChanged(() => this.recountSoon()),
      deps.settings.onDidChange((affects) => {
        if (affects('rotationWarningDays') || affects('unusedWarningDays')) this.recountSoon();
      }),
    ];
  }

  /** The number on the badge now (0: no badge). */
  get value(): number {
    return this.count;
  }

  recountSoon(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.recount(), RECOUNT_DELAY_MS);
  }

  recount(): number {
    const loaded: LoadedKeyFacts[] = this.deps.models.loadedKeys().map(({ key, session }) => {
      const reportUser = session.reportUser(key.UserName);
      return {
        key,
        connection: session.id,
        isRoot: session.isRootKey(key),
        lastUsed: session.knownLastUsedOf(key),
        passwordEnabled: reportUser?.passwordEnabled,
        userCreateDate: reportUser?.userCreateDate,
      };
    });
    const { rotationWarningDays, unusedWarningDays } = this.deps.settings.current;
    this.count = countNeedingAttention(loaded, { rotationWarningDays, unusedWarningDays }, this.deps.now?.() ?? new Date());
    this.deps.treeView.badge =
      this.count > 0
        ? { value: this.count, tooltip: this.count === 1 ? vscode.l10n.t('1 loaded key needs attention') : vscode.l10n.t('{0} loaded keys need attention', this.count) }
        : undefined;
    return this.count;
  }

  dispose(): void {
    clearTimeout(this.timer);
    vscode.Disposable.from(...this.subscriptions).dispose();
  }
}
