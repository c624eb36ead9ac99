// Every key of an account judged by HEALTH_RULES, from the credential report (both slots of
// every user, root included) or from keys listed live. The attention filter and the health
// report read these, so an account-wide verdict and a tree row never disagree.
import { slotAsKey, slotLastUsed, type CredentialReport, type ReportUser } from './credentialReport';
import { assessAccessKey, countActive, needsAttention, type KeyHealth } from './keyHealth';
import type { AccessKey, AccessKeyLastUsed } from './types';

export interface HealthThresholds {
  readonly now: Date;
  readonly rotationWarningDays: number;
  readonly unusedWarningDays: number;
}

export interface AssessedKey {
  /** '' for the root user. */
  readonly userName: string;
  readonly isRoot: boolean;
  /** The key as IAM would list it; AccessKeyId is '' when it came from the report (no IDs there). */
  readonly key: AccessKey;
  /** undefined: not known (live path without GetAccessKeyLastUsed). */
  readonly lastUsed?: AccessKeyLastUsed;
  /** The credential report's slot (1 or 2), when it came from the report. */
  readonly slot?: 1 | 2;
  readonly health: KeyHealth;
}

/** Both key slots of one report user. */
export function assessReportUser(user: ReportUser, thresholds: HealthThresholds): AssessedKey[] {
  const activeKeysOfUser = user.keys.filter((s) => s.active).length;
  return user.keys.map((slot) => {
    const key = slotAsKey(user, slot);
    const lastUsed = slotLastUsed(user, slot);
    const health = assessAccessKey(key, {
      ...thresholds,
      lastUsed,
      isRoot: user.isRoot,
      activeKeysOfUser,
      passwordEnabled: user.passwordEnabled,
      userCreateDate: user.userCreateDate,
    });
    return { userName: user.userName, isRoot: user.isRoot, key, lastUsed, slot: slot.slot, health };
  });
}

/** Every key in the report. */
export function assessReport(report: CredentialReport, thresholds: HealthThresholds): AssessedKey[] {
  return report.users.flatMap((user) => assessReportUser(user, thresholds));
}

/** Keys listed live (with whatever last use is known), grouped by user for the two-active rule. */
export function assessListedKeys(
  keys: readonly AccessKey[],
  thresholds: HealthThresholds,
  facts: { lastUsed(key: AccessKey): AccessKeyLastUsed | undefined; isRootKey(key: AccessKey): boolean },
): AssessedKey[] {
  const byUser = new Map<string, AccessKey[]>();
  for (const key of keys) byUser.set(key.UserName, [...(byUser.get(key.UserName) ?? []), key]);
  return keys.map((key) => {
    const lastUsed = facts.lastUsed(key);
    const isRoot = facts.isRootKey(key);
    const health = assessAccessKey(key, { ...thresholds, lastUsed, isRoot, activeKeysOfUser: countActive(byUser.get(key.UserName) ?? []) });
    return { userName: key.UserName, isRoot, key, lastUsed, health };
  });
}

/** Users (names; '' for root) with at least one key needing attention, in report order. */
export function usersNeedingAttention(assessed: readonly AssessedKey[]): string[] {
  return [...new Set(assessed.filter((a) => needsAttention(a.health)).map((a) => a.userName))];
}
