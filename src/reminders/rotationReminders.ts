// Reminders before a key gets old: a status-bar item for the configured profiles' keys past
// iamKeys.rotationWarningDays (click: rotate), and a notification at most once a day per key
// with Rotate… / Remind me in 7 days / Don't remind for this key. The decisions are in
// core/rotationReminders.ts; the state lives in globalState (not settings). Calls: at most one
// ListAccessKeys per configured profile per UTC day, remembered across sessions; nothing runs
// at activation — the first check waits a few seconds (or for the view to be shown).
import * as vscode from 'vscode';
import type { ConnectionSession } from '../aws/connectionSession';
import { classifyError } from '../aws/errors';
import type { SessionRegistry } from '../aws/sessionRegistry';
import type { Settings } from '../config';
import {
  applyChoice,
  connectionsToList,
  fromStoredKey,
  keysDue,
  keysToRemind,
  markShown,
  recordListing,
  todaysMemo,
  type DueKey,
  type ListingMemo,
  type ReminderChoice,
  type ReminderStates,
} from '../core/rotationReminders';
import type { AccessKey } from '../core/types';
import type { Log } from '../log';
import type { LoadedKeys } from '../model/accountModels';

/** Internal command of the status-bar item (not in the palette). */
export const ROTATE_DUE_KEY_COMMAND = 'iamKeys.rotateDueKey';
const ROTATE_COMMAND = 'iamKeys.rotateAccessKey';
const LISTINGS_STATE = 'iamKeys.reminders.listings';
const REMINDER_STATE = 'iamKeys.reminders.keys';
const FIRST_CHECK_DELAY_MS = 5_000;
/** The tree loads in bursts: one re-check (no call within a day) once a burst settles. */
const TREE_RECHECK_DELAY_MS = 500;
/** The day changes while the window stays open: looked at hourly (a check of today costs no call). */
const RECHECK_INTERVAL_MS = 3_600_000;
/** ListAccessKeys returns at most two keys per user; one page always holds them. */
const LIST_PAGE_SIZE = 100;

export interface RemindersDeps {
  readonly sessions: SessionRegistry;
  /** The keys the accounts' lists hold now. */
  readonly models: LoadedKeys;
  readonly settings: Settings;
  readonly log: Log;
  readonly state: vscode.Memento;
  readonly treeView: vscode.TreeView<unknown>;
  /** Fired when the tree loaded rows: keys it lists since (a rotation's old key, now Inactive) count instead of the day's listing. */
  readonly treeChanged?: vscode.Event<unknown>;
  now?(): Date;
}

/** What one check found and did (for tests and the log). */
export interface CheckOutcome {
  readonly due: readonly DueKey[];
  /** Key IDs a notification was shown for. */
  readonly reminded: readonly string[];
  /** Settles once every notification of this check was answered or dismissed. */
  readonly answers: Promise<void>;
}

/** What the status-bar item shows now. */
export interface StatusBarView {
  readonly visible: boolean;
  readonly text: string;
  readonly tooltip: string;
}

export class RotationReminders implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('iamKeys.rotationReminder', vscode.StatusBarAlignment.Left, 10);
  private readonly subscriptions: vscode.Disposable[] = [];
  private readonly timers: NodeJS.Timeout[] = [];
  private running: Promise<CheckOutcome> | undefined;
  private treeTimer: NodeJS.Timeout | undefined;
  private due: readonly DueKey[] = [];
  private visible = false;
  private disposed = false;

  constructor(private readonly deps: RemindersDeps) {
    this.item.name = vscode.l10n.t('IAM access key rotation');
    this.item.command = ROTATE_DUE_KEY_COMMAND;
    this.item.backgroundColor = new vscode.ThemeColor('statusBarItem.warningBackground');
    this.subscriptions.push(
      this.item,
      vscode.commands.registerCommand(ROTATE_DUE_KEY_COMMAND, () => this.rotateDueKey()),
      deps.settings.onDidChange((affects) => {
        if (['rotationReminders', 'rotationWarningDays', 'profile', 'profiles', 'region', 'endpoint'].some(affects)) void this.checkSoon();
      }),
      deps.treeView.onDidChangeVisibility((event) => {
        if (event.visible) void this.checkSoon();
      }),
    );
    if (deps.treeChanged) {
      this.subscriptions.push(
        deps.treeChanged(() => {
          clearTimeout(this.treeTimer);
          this.treeTimer = setTimeout(() => void this.checkSoon(), TREE_RECHECK_DELAY_MS);
        }),
      );
    }
    // unref: these timers alone never keep a process alive (the bench activates in plain Node).
    this.timers.push(setTimeout(() => void this.checkSoon(), FIRST_CHECK_DELAY_MS).unref());
    this.timers.push(setInterval(() => void this.checkSoon(), RECHECK_INTERVAL_MS).unref());
  }

  get statusBar(): StatusBarView {
    return { visible: this.visible, text: this.item.text, tooltip: typeof this.item.tooltip === 'string' ? this.item.tooltip : '' };
  }

  /** The stored reminder state of one key (for tests). */
  reminderOf(accessKeyId: string): ReminderStates[string] | undefined {
    return this.states()[accessKeyId];
  }

  private now(): Date {
    return this.deps.now?.() ?? new Date();
  }

  private async checkSoon(): Promise<void> {
    await this.check().catch((error: unknown) => this.deps.log.warn(`rotation reminders: ${error instanceof Error ? error.message : String(error)}`));
  }

  /** Lists what today's memo lacks, then updates the item and reminds; one check at a time. */
  check(): Promise<CheckOutcome> {
    this.running ??= this.runCheck().finally(() => (this.running = undefined));
    return this.running;
  }

  private async runCheck(): Promise<CheckOutcome> {
    const settings = this.deps.settings.current;
    const none: CheckOutcome = { due: [], reminded: [], answers: Promise.resolve() };
    if (this.disposed) return none;
    if (settings.rotationReminders === false || settings.endpointError) {
      this.show([]);
      return none;
    }
    const sessions = (await this.deps.sessions.sessions()).filter((s) => settings.profiles.includes(s.profile) && s.profileInfo?.kind === 'static keys');
    // A profile on one endpoint and region: the same name elsewhere is another account.
    const byConnection = new Map(sessions.map((s) => [`${s.profile}|${settings.region}|${settings.endpoint}`, s]));
    for (const connection of connectionsToList([...byConnection.keys()], this.memo(), this.now())) {
      const session = byConnection.get(connection) as ConnectionSession;
      await this.saveListing(connection, session.profile, await this.listOwnKeys(session));
    }
    const memo = todaysMemo(this.memo(), this.now());
    const listings = [...byConnection.keys()].flatMap((connection) => {
      const listing = memo.listings[connection];
      return listing ? [{ profile: listing.profile, keys: listing.keys.map((k) => this.fresher(fromStoredKey(k))) }] : [];
    });
    const due = keysDue(listings, this.now(), settings.rotationWarningDays);
    this.show(due);
    const remind = keysToRemind(due, this.states(), this.now());
    await this.saveStates(markShown(this.states(), remind.map((k) => k.accessKeyId), this.now()));
    const answers = Promise.all(remind.map((key) => this.remind(key))).then(() => undefined);
    return { due, reminded: remind.map((k) => k.accessKeyId), answers };
  }

  /** The profile's own keys (ListAccessKeys without a user name); a failure counts as today's try. */
  private async listOwnKeys(session: ConnectionSession): Promise<readonly AccessKey[]> {
    try {
      return (await session.api.listAccessKeys({ maxItems: LIST_PAGE_SIZE })).items;
    } catch (error) {
      const problem = classifyError(error, 'iam:ListAccessKeys');
      this.deps.log.warn(`rotation reminders: listing the keys of ${session.profile || 'default'} failed (${problem.kind}: ${problem.message}); tried again tomorrow`);
      return [];
    }
  }

  /** A key as the view loaded it since (a rotation made it Inactive), else as listed. */
  private fresher(key: AccessKey): AccessKey {
    return this.deps.models.loadedKey(key.AccessKeyId)?.key ?? key;
  }

  private show(due: readonly DueKey[]): void {
    this.due = due;
    if (due.length === 0) {
      this.visible = false;
      this.item.hide();
      return;
    }
    const oldest = due[0] as DueKey;
    this.item.text =
      due.length === 1
        ? vscode.l10n.t('$(key) Key {0} days old', oldest.ageDays)
        : vscode.l10n.t('$(key) {0} keys to rotate (oldest {1} days)', due.length, oldest.ageDays);
    const days = this.deps.settings.current.rotationWarningDays;
    this.item.tooltip = [
      vscode.l10n.t('Access keys older than {0} days (iamKeys.rotationWarningDays). Click to rotate.', days),
      ...due.map((k) => vscode.l10n.t('{0} (profile {1}, user {2}): {3} days old', k.accessKeyId, k.profile || 'default', k.userName, k.ageDays)),
    ].join('\n');
    this.item.accessibilityInformation = { label: this.item.tooltip, role: 'button' };
    this.visible = true;
    this.item.show();
  }

  private async remind(key: DueKey): Promise<void> {
    const rotate = vscode.l10n.t('Rotate…');
    const snooze = vscode.l10n.t('Remind me in 7 days');
    const never = vscode.l10n.t("Don't remind for this key");
    const answer = await vscode.window.showWarningMessage(
      vscode.l10n.t('The access key {0} of profile {1} is {2} days old (rotate every {3} days).', key.accessKeyId, key.profile || 'default', key.ageDays, this.deps.settings.current.rotationWarningDays),
      rotate,
      snooze,
      never,
    );
    const choice: ReminderChoice = answer === rotate ? 'rotate' : answer === snooze ? 'snooze' : answer === never ? 'never' : 'dismissed';
    await this.saveStates(applyChoice(this.states(), key.accessKeyId, choice, this.now()));
    if (choice === 'rotate') await this.rotate(key.profile);
  }

  /** The status-bar item's click: the one profile's rotation, or a pick among the due keys. */
  private async rotateDueKey(): Promise<void> {
    const profiles = [...new Set(this.due.map((k) => k.profile))];
    if (profiles.length === 0) return;
    if (profiles.length === 1) return this.rotate(profiles[0] as string);
    const profile = await pickProfile(this.due);
    if (profile !== undefined) await this.rotate(profile);
  }

  /** Runs the rotation command; a rotated key leaves today's listing (no call needed). */
  private async rotate(profile: string): Promise<void> {
    const result = (await vscode.commands.executeCommand(ROTATE_COMMAND, { profile })) as { oldAccessKeyId?: string; newAccessKeyId?: string } | undefined;
    if (!result?.oldAccessKeyId) return;
    const memo = todaysMemo(this.memo(), this.now());
    for (const [connection, listing] of Object.entries(memo.listings)) {
      if (listing.profile !== profile) continue;
      const keys = listing.keys.map(fromStoredKey).map((k): AccessKey => (k.AccessKeyId === result.oldAccessKeyId ? { ...k, Status: 'Inactive' } : k));
      const added = result.newAccessKeyId ? [{ AccessKeyId: result.newAccessKeyId, UserName: keys[0]?.UserName ?? '', Status: 'Active' as const, CreateDate: this.now() }] : [];
      await this.saveListing(connection, profile, [...keys, ...added]);
    }
    await this.check();
  }

  private memo(): ListingMemo | undefined {
    return this.deps.state.get<ListingMemo>(LISTINGS_STATE);
  }

  private async saveListing(connection: string, profile: string, keys: readonly AccessKey[]): Promise<void> {
    await this.deps.state.update(LISTINGS_STATE, recordListing(this.memo(), this.now(), connection, profile, keys));
  }

  private states(): ReminderStates {
    return this.deps.state.get<ReminderStates>(REMINDER_STATE) ?? {};
  }

  private async saveStates(states: ReminderStates): Promise<void> {
    await this.deps.state.update(REMINDER_STATE, states);
  }

  dispose(): void {
    this.disposed = true;
    for (const timer of [...this.timers, this.treeTimer]) clearTimeout(timer);
    vscode.Disposable.from(...this.subscriptions).dispose();
  }
}

/** A pick of the due keys (ID, profile, age); resolves to the chosen key's profile. */
function pickProfile(due: readonly DueKey[]): Promise<string | undefined> {
  return new Promise((resolve) => {
    const pick = vscode.window.createQuickPick<vscode.QuickPickItem & { profile: string }>();
    pick.title = vscode.l10n.t('Rotate Access Key');
    pick.placeholder = vscode.l10n.t('Key to rotate');
    pick.matchOnDescription = true;
    pick.items = due.map((k) => ({ label: k.accessKeyId, description: vscode.l10n.t('profile {0} · {1} days old', k.profile || 'default', k.ageDays), profile: k.profile }));
    let chosen: string | undefined;
    pick.onDidAccept(() => {
      chosen = pick.selectedItems[0]?.profile;
      pick.hide();
    });
    pick.onDidHide(() => {
      pick.dispose();
      resolve(chosen);
    });
    pick.show();
  });
}
