// IAM allows two access keys per user. When the user already has two, a rotation needs the
// other one gone first: it is deleted only when asked (makeRoom), only when Inactive, and only
// when no profile of the credentials file holds it. Otherwise the user is told which key it
// is, its status and when it was last used, and what to do.
import type { AccessKey, AccessKeyLastUsed } from '../core/types';
import { formatUtc } from '../core/format';
import { englishText, type Translate } from '../core/translate';

export interface OtherKey {
  readonly accessKeyId: string;
  readonly status: string;
  /** "last used 2026-01-02 03:04 UTC (iam)", "never used", or why it is unknown. */
  readonly lastUse: string;
}

export type RoomDecision =
  | { readonly kind: 'room' }
  | { readonly kind: 'makeRoom'; readonly other: OtherKey }
  /** canMakeRoom: asking again with makeRoom would delete it (it is Inactive and in no profile). */
  | { readonly kind: 'full'; readonly other: OtherKey; readonly canMakeRoom: boolean; readonly message: string };

export interface RoomQuestion {
  readonly keys: readonly AccessKey[];
  readonly oldAccessKeyId: string;
  readonly userName: string;
  readonly makeRoom: boolean;
  readonly lastUsed: (accessKeyId: string) => Promise<AccessKeyLastUsed>;
  /** Whether the credentials file mentions the key anywhere (such a key is never deleted). */
  readonly inCredentialsFile: (accessKeyId: string) => Promise<boolean>;
  readonly errorText: (error: unknown) => string;
  /** Translates the message and the last-use phrase; English by default. */
  readonly t?: Translate;
}

export async function decideRoom(q: RoomQuestion): Promise<RoomDecision> {
  if (q.keys.length < 2) return { kind: 'room' };
  const t = q.t ?? englishText;
  const otherKey = q.keys.find((k) => k.AccessKeyId !== q.oldAccessKeyId) ?? q.keys[0];
  const inFile = await q.inCredentialsFile(otherKey.AccessKeyId);
  // Its last use is read only to be told: making room goes ahead without that call.
  if (q.makeRoom && otherKey.Status === 'Inactive' && !inFile) return { kind: 'makeRoom', other: { accessKeyId: otherKey.AccessKeyId, status: otherKey.Status, lastUse: t('not read') } };
  const other: OtherKey = { accessKeyId: otherKey.AccessKeyId, status: otherKey.Status, lastUse: await describeLastUse(q, otherKey.AccessKeyId, t) };
  // {2} is IAM's status word (Active, Inactive), kept as data.
  const args = [q.userName, other.accessKeyId, other.status, other.lastUse] as const;
  if (other.status === 'Active') {
    const message = t(
      '{0} already has two access keys, the most IAM allows: the other key {1} is {2}, {3}. An Active key is never deleted to make room: deactivate it first (once nothing uses it), then rotate again. Nothing was changed.',
      ...args,
    );
    return { kind: 'full', other, canMakeRoom: false, message };
  }
  if (inFile) {
    const message = t(
      '{0} already has two access keys, the most IAM allows: the other key {1} is {2}, {3}. It is written in the credentials file, so it is not deleted to make room: remove it from there first. Nothing was changed.',
      ...args,
    );
    return { kind: 'full', other, canMakeRoom: false, message };
  }
  const message = t(
    '{0} already has two access keys, the most IAM allows: the other key {1} is {2}, {3}. Delete {1} and rotate (makeRoom) to make room; undo would not bring it back. Nothing was changed.',
    ...args,
  );
  return { kind: 'full', other, canMakeRoom: other.status === 'Inactive', message };
}

async function describeLastUse(q: RoomQuestion, accessKeyId: string, t: Translate): Promise<string> {
  try {
    const used = await q.lastUsed(accessKeyId);
    if (!used.LastUsedDate) return t('never used');
    const when = formatUtc(used.LastUsedDate);
    return used.ServiceName && used.ServiceName !== 'N/A' ? t('last used {0} ({1})', when, used.ServiceName) : t('last used {0}', when);
  } catch (error) {
    return t('last use unknown ({0})', q.errorText(error));
  }
}
