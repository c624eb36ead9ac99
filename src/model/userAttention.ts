// Which loaded users the view shows: the name filter and "needing attention" judged on the
// account's model (its key lists and what the session knows, no call). The tree's rows and the
// export of loaded users both ask here, so an export under a filter writes what the view shows.
import { assessReportUser, type HealthThresholds } from '../core/accountHealth';
import { assessAccessKey, countActive, needsAttention, type KeyHealth } from '../core/keyHealth';
import type { AccessKey, AccessKeyLastUsed, IamUser } from '../core/types';
import type { AccountModel } from './accountModel';

/** The view's narrowing of the users list (view state, handed in by whoever asks). */
export interface UserFilter {
  /** The user-name filter, '' for none. */
  readonly text: string;
  readonly attentionOnly: boolean;
}

/**
 * One loaded key judged by HEALTH_RULES with the last use known so far (fetched or from the
 * credential report), its siblings in `list` (two active keys) and the report's password flag.
 */
export function loadedKeyHealth(
  model: AccountModel,
  list: readonly AccessKey[],
  key: AccessKey,
  thresholds: HealthThresholds,
  userCreateDate: Date | undefined,
  lastUsed: AccessKeyLastUsed | undefined = model.session.knownLastUsedOf(key),
): KeyHealth {
  const { session } = model;
  const reportUser = session.reportUser(key.UserName);
  return assessAccessKey(key, {
    ...thresholds,
    lastUsed,
    isRoot: session.isRootKey(key),
    activeKeysOfUser: countActive(list.filter((k) => k.UserName === key.UserName)),
    passwordEnabled: reportUser?.passwordEnabled,
    userCreateDate: userCreateDate ?? reportUser?.userCreateDate,
  });
}

/** Loaded keys of `list` with a warning or worse. */
export function flaggedKeys(model: AccountModel, list: readonly AccessKey[], thresholds: HealthThresholds, userCreateDate: Date | undefined): readonly AccessKey[] {
  return list.filter((key) => needsAttention(loadedKeyHealth(model, list, key, thresholds, userCreateDate)));
}

/** Whether a user needs attention: by its loaded keys, or by the credential report when one was read. */
export function userNeedsAttention(model: AccountModel, user: IamUser, thresholds: HealthThresholds): boolean {
  const keys = model.loadedKeysOf(user.UserName)?.loaded ?? [];
  if (flaggedKeys(model, keys, thresholds, user.CreateDate).length > 0) return true;
  const reportUser = model.session.reportUser(user.UserName);
  return reportUser !== undefined && assessReportUser(reportUser, thresholds).some((k) => needsAttention(k.health));
}

/** The loaded users that pass the filter. */
export function visibleUsers(model: AccountModel, filter: UserFilter, thresholds: HealthThresholds): readonly IamUser[] {
  const loaded = model.users.loaded;
  const text = filter.text.toLowerCase();
  if (!text && !filter.attentionOnly) return loaded;
  return loaded.filter((user) => (!text || user.UserName.toLowerCase().includes(text)) && (!filter.attentionOnly || userNeedsAttention(model, user, thresholds)));
}
