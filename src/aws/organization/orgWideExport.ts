// Organization-wide export (issue #13): every key of every user of every account entered,
// with last use and findings, over the walk of orgWideWalk.ts.
import { isAbortError, mapWithConcurrency } from '../../core/concurrency';
import type { HealthThresholds } from '../../core/accountHealth';
import type { ExportRow } from '../../core/exportFormat';
import { assessAccessKey, countActive } from '../../core/keyHealth';
import type { AccessKey, AccessKeyLastUsed, IamUser } from '../../core/types';
import type { ConnectionSession } from '../connectionSession';
import type { AccountSource } from './accountSource';
import type { OrgAccountInfo } from './orgTraversal';
import { outcomeOf, progressOver, reasonOf, walkSources, type OrgWideOptions, type OrgWideOutcome } from './orgWideWalk';

export interface OrgExportResult extends OrgWideOutcome {
  /** One row per key; `account` is the account ID, `accountName` its name. */
  readonly rows: readonly ExportRow[];
  readonly users: number;
  /** Users whose keys could not be listed (their account is still exported). */
  readonly failedUsers: number;
}

/** Every key of every user of every account entered, with last use and findings. */
export async function exportOrganizationKeys(
  sources: readonly Pick<AccountSource, 'id' | 'traversal'>[],
  options: OrgWideOptions & { readonly profileOf?: (source: Pick<AccountSource, 'id' | 'traversal'>) => string },
): Promise<OrgExportResult> {
  let users = 0;
  let failedUsers = 0;
  const progress = progressOver(options.onProgress);
  const walked = await walkSources(sources, { ...options, onProgress: (source, done, total) => progress(0, source, done, total) }, async (source, account, session, signal) => {
    const list = options.loaded?.users(session) ?? (await session.api.listAllUsers({ pageSize: 1000, signal }));
    const perUser = await mapWithConcurrency(
      list,
      options.perAccountConcurrency,
      async (user) => {
        try {
          const keys = options.loaded?.keysOf(session, user.UserName) ?? (await session.api.listAllAccessKeys(user.UserName, { pageSize: 1000, signal }));
          return { ok: true as const, keys: await withLastUse(session, keys, options) };
        } catch (error) {
          if (isAbortError(error) || signal.aborted) throw error;
          options.log?.warn(`export: keys of ${user.UserName} in ${account.id}: ${reasonOf(error)}`);
          return { ok: false as const, keys: [] };
        }
      },
      { signal },
    );
    const rows: ExportRow[] = [];
    perUser.forEach(({ keys }, i) => rows.push(...rowsOfUser(list[i]!, keys, session, account, options.profileOf?.(source) ?? '', options.thresholds)));
    // Counted only once the account is done, so a cancelled account adds nothing.
    users += list.length;
    failedUsers += perUser.filter((u) => !u.ok).length;
    return rows;
  });
  return { ...outcomeOf(walked), rows: walked.visited.flatMap((v) => v.value), users, failedUsers };
}


async function withLastUse(
  session: ConnectionSession,
  keys: readonly AccessKey[],
  options: Pick<OrgWideOptions, 'log'>,
): Promise<Array<{ key: AccessKey; lastUsed?: AccessKeyLastUsed }>> {
  const out: Array<{ key: AccessKey; lastUsed?: AccessKeyLastUsed }> = [];
  for (const key of keys) {
    const lastUsed = await session.lastUsed(key.AccessKeyId).catch((error: unknown) => {
      options.log?.debug(`export: last use of ${key.AccessKeyId}: ${reasonOf(error)}`);
      return undefined;
    });
    out.push({ key, lastUsed });
  }
  return out;
}

function rowsOfUser(
  user: IamUser,
  keys: ReadonlyArray<{ key: AccessKey; lastUsed?: AccessKeyLastUsed }>,
  session: ConnectionSession,
  account: OrgAccountInfo,
  profile: string,
  thresholds: HealthThresholds,
): ExportRow[] {
  const activeKeysOfUser = countActive(keys.map((k) => k.key));
  const passwordEnabled = session.reportUser(user.UserName)?.passwordEnabled;
  return keys.map(({ key, lastUsed }) => ({
    profile,
    account: account.id,
    accountName: account.name,
    key,
    lastUsed,
    health: assessAccessKey(key, { ...thresholds, lastUsed, isRoot: false, activeKeysOfUser, passwordEnabled, userCreateDate: user.CreateDate }),
  }));
}
