// Which keys of the configured profiles are past iamKeys.rotationWarningDays, which of them to
// remind about now (at most once a day per key, never while snoozed or turned off for that
// key), and which profiles may still be listed today (one ListAccessKeys per profile per day).
// Pure: the clock comes in as `now`; the state is plain JSON the caller keeps (globalState).
// Days are UTC calendar days, so "once a day" means the same thing in every time zone.

import { assessAccessKey } from './keyHealth';
import type { AccessKey, AccessKeyStatus } from './types';

const DAY_MS = 86_400_000;
/** "Remind me in 7 days". */
export const SNOOZE_DAYS = 7;

/** A key as kept between sessions: the listing's fields, the date as ISO text. */
export interface StoredKey {
  readonly accessKeyId: string;
  readonly userName: string;
  readonly status: AccessKeyStatus;
  readonly createDate: string;
}

/** Today's listings, by connection (profile, region and endpoint); another day's are dropped. */
export interface ListingMemo {
  readonly day: string;
  readonly listings: Readonly<Record<string, { readonly profile: string; readonly keys: readonly StoredKey[] }>>;
}

/** What was decided about reminding for one key. */
export interface KeyReminder {
  /** The UTC day a reminder for this key was last shown. */
  readonly shownDay?: string;
  /** ISO time before which no reminder is shown ("Remind me in 7 days"). */
  readonly snoozedUntil?: string;
  /** "Don't remind for this key". */
  readonly never?: boolean;
}

export type ReminderStates = Readonly<Record<string, KeyReminder>>;

/** A key past its rotation age, with the profile to rotate it through. */
export interface DueKey {
  readonly profile: string;
  readonly accessKeyId: string;
  readonly userName: string;
  readonly ageDays: number;
}

export type ReminderChoice = 'rotate' | 'snooze' | 'never' | 'dismissed';

/** The UTC calendar day of `now`, e.g. "2026-12-06". */
export function dayOf(now: Date): string {
  return now.toISOString().slice(0, 10);
}

export function toStoredKey(key: AccessKey): StoredKey {
  return { accessKeyId: key.AccessKeyId, userName: key.UserName, status: key.Status, createDate: key.CreateDate.toISOString() };
}

export function fromStoredKey(key: StoredKey): AccessKey {
  return { AccessKeyId: key.accessKeyId, UserName: key.userName, Status: key.status, CreateDate: new Date(key.createDate) };
}

/** Today's part of the memo (empty when it is from another day or missing). */
export function todaysMemo(memo: ListingMemo | undefined, now: Date): ListingMemo {
  const day = dayOf(now);
  return memo?.day === day ? memo : { day, listings: {} };
}

/** The connections not listed yet today, in the given order. */
export function connectionsToList(connections: readonly string[], memo: ListingMemo | undefined, now: Date): string[] {
  const today = todaysMemo(memo, now);
  return connections.filter((connection) => !Object.hasOwn(today.listings, connection));
}

/** The memo with one connection's listing of today added (another day's listings dropped). */
export function recordListing(memo: ListingMemo | undefined, now: Date, connection: string, profile: string, keys: readonly AccessKey[]): ListingMemo {
  const today = todaysMemo(memo, now);
  return { day: today.day, listings: { ...today.listings, [connection]: { profile, keys: keys.map(toStoredKey) } } };
}

/**
 * Active keys past the rotation age (keyHealth's own 'rotation-due' rule), once per key ID
 * (the first profile listing it is the one to rotate through), oldest first.
 */
export function keysDue(listings: ReadonlyArray<{ profile: string; keys: readonly AccessKey[] }>, now: Date, rotationWarningDays: number): DueKey[] {
  const due = new Map<string, DueKey>();
  for (const { profile, keys } of listings) {
    for (const key of keys) {
      if (due.has(key.AccessKeyId)) continue;
      const health = assessAccessKey(key, { now, rotationWarningDays });
      if (!health.findings.some((finding) => finding.code === 'rotation-due')) continue;
      due.set(key.AccessKeyId, { profile, accessKeyId: key.AccessKeyId, userName: key.UserName, ageDays: health.ageDays });
    }
  }
  return [...due.values()].sort((a, b) => b.ageDays - a.ageDays || a.accessKeyId.localeCompare(b.accessKeyId));
}

/** Whether a reminder about this key may be shown now. */
export function mayRemind(state: KeyReminder | undefined, now: Date): boolean {
  if (!state) return true;
  if (state.never) return false;
  if (state.shownDay === dayOf(now)) return false;
  if (state.snoozedUntil !== undefined && now.getTime() < Date.parse(state.snoozedUntil)) return false;
  return true;
}

/** The due keys a reminder is shown for now. */
export function keysToRemind(due: readonly DueKey[], states: ReminderStates, now: Date): DueKey[] {
  return due.filter((key) => mayRemind(states[key.accessKeyId], now));
}

/** The states after reminders for `accessKeyIds` were shown now. */
export function markShown(states: ReminderStates, accessKeyIds: readonly string[], now: Date): ReminderStates {
  const next: Record<string, KeyReminder> = { ...states };
  for (const id of accessKeyIds) next[id] = { ...next[id], shownDay: dayOf(now) };
  return next;
}

/** The states after the user answered the reminder about one key. */
export function applyChoice(states: ReminderStates, accessKeyId: string, choice: ReminderChoice, now: Date): ReminderStates {
  const current = states[accessKeyId] ?? {};
  if (choice === 'snooze') return { ...states, [accessKeyId]: { ...current, snoozedUntil: new Date(now.getTime() + SNOOZE_DAYS * DAY_MS).toISOString() } };
  if (choice === 'never') return { ...states, [accessKeyId]: { ...current, never: true } };
  return states;
}
