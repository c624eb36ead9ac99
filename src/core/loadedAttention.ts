// How many loaded keys need attention, for the view's badge: keyHealth's own rules (warning or
// worse), each key counted once however many connections listed it. Pure and linear.

import { assessAccessKey, countActive, needsAttention, type KeyHealthContext } from './keyHealth';
import type { AccessKey } from './types';

/** A loaded key with what its connection already knows (never fetched for the count). */
export interface LoadedKeyFacts {
  readonly key: AccessKey;
  /** The connection that listed it: a user's key count is taken within one connection. */
  readonly connection: string;
  readonly isRoot?: boolean;
  readonly lastUsed?: KeyHealthContext['lastUsed'];
  readonly passwordEnabled?: boolean;
  readonly userCreateDate?: Date;
}

export function countNeedingAttention(
  loaded: readonly LoadedKeyFacts[],
  thresholds: { rotationWarningDays: number; unusedWarningDays: number },
  now: Date,
): number {
  const byOwner = new Map<string, AccessKey[]>();
  for (const { key, connection } of loaded) {
    const owner = `${connection}\u0000${key.UserName}`;
    const keys = byOwner.get(owner);
    if (keys) keys.push(key);
    else byOwner.set(owner, [key]);
  }
  const activeByOwner = new Map([...byOwner].map(([owner, keys]) => [owner, countActive(keys)]));
  const flagged = new Set<string>();
  for (const facts of loaded) {
    if (flagged.has(facts.key.AccessKeyId)) continue;
    const health = assessAccessKey(facts.key, {
      now,
      ...thresholds,
      lastUsed: facts.lastUsed,
      isRoot: facts.isRoot,
      activeKeysOfUser: activeByOwner.get(`${facts.connection}\u0000${facts.key.UserName}`),
      passwordEnabled: facts.passwordEnabled,
      userCreateDate: facts.userCreateDate,
    });
    if (needsAttention(health)) flagged.add(facts.key.AccessKeyId);
  }
  return flagged.size;
}
