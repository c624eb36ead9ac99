// The keys needing attention across organizations (issue #13), over the walk of
// orgWideWalk.ts: credential reports where IAM gives them, live calls where it refuses.
import { AbortError, isAbortError, mapWithConcurrency } from '../../core/concurrency';
import { assessListedKeys, assessReport, type AssessedKey } from '../../core/accountHealth';
import { findSlot, parseCredentialReport, type CredentialReport, type ReadCsv } from '../../core/credentialReport';
import { needsAttention, type KeyFinding } from '../../core/keyHealth';
import type { AccessKey } from '../../core/types';
import type { ConnectionSession } from '../connectionSession';
import { fetchCredentialReport } from '../credentialReport';
import { classifyError } from '../errors';
import type { AccountSource } from './accountSource';
import type { OrgAccountInfo } from './orgTraversal';
import { outcomeOf, progressOver, reasonOf, walkSources, type OrgWideOptions, type OrgWideOutcome } from './orgWideWalk';

/** `readCsv`: the credential report's CSV reader (src/aws/csvReader.ts; feature code gets it from its host). */
export type AttentionOptions = OrgWideOptions & { readonly pollIntervalMs?: number; readonly readCsv: ReadCsv };

export interface AttentionKey {
  readonly account: string;
  readonly accountName: string;
  /** '' for the root user. */
  readonly userName: string;
  /** '' when it could not be matched (root's keys, or a key changed since the report). */
  readonly accessKeyId: string;
  readonly status: string;
  readonly createDate: string;
  readonly findings: readonly { readonly code: KeyFinding['code']; readonly severity: KeyFinding['severity']; readonly message: string }[];
}

export interface AttentionAccount {
  readonly accountId: string;
  readonly name: string;
  /** Where the verdicts came from: the credential report, or live calls (report denied). */
  readonly source: 'credential-report' | 'live';
  /** Keys in the account (both report slots of every user, root included, on the report path). */
  readonly keys: number;
  readonly needingAttention: number;
  readonly reportGeneratedAt?: string;
  /** Why the live path was taken. */
  readonly note?: string;
}

export interface OrgAttentionResult extends OrgWideOutcome {
  readonly accountResults: readonly AttentionAccount[];
  readonly keys: readonly AttentionKey[];
}

type Phase1 = { readonly kind: 'report'; readonly complete: boolean } | { readonly kind: 'live'; readonly note: string };

/**
 * Two passes so that no account slot waits for IAM to write a report: the first enters every
 * account and asks GenerateCredentialReport (AccessDenied marks the account for live calls),
 * the second reads the reports — ready by then, so 2–3 calls and no polling wait — or lists
 * the denied accounts' keys live. The flagged keys' IDs are matched by one ListAccessKeys per
 * flagged user (the report has no key IDs).
 */
export async function findOrganizationKeysNeedingAttention(
  sources: readonly Pick<AccountSource, 'id' | 'traversal'>[],
  options: AttentionOptions,
): Promise<OrgAttentionResult> {
  const progress = progressOver(options.onProgress, 2);
  const first = await walkSources<Phase1>(
    sources,
    { ...options, onProgress: (source, done, total) => progress(0, source, done, total) },
    async (_source, account, session, signal) => {
      try {
        const state = await session.api.generateCredentialReport(signal);
        return { kind: 'report', complete: state === 'COMPLETE' };
      } catch (error) {
        const problem = classifyError(error, 'iam:GenerateCredentialReport');
        if (problem.kind !== 'access-denied') throw error;
        options.log?.debug(`attention: ${account.id}: no credential report (${problem.message}); listing keys live`);
        return { kind: 'live', note: problem.message };
      }
    },
  );
  const accountResults: AttentionAccount[] = [];
  const keys: AttentionKey[] = [];
  const failedAccounts = [...first.failedAccounts];
  let cancelled = first.cancelled;
  if (!cancelled) {
    const doneBySource = new Map<Pick<AccountSource, 'id' | 'traversal'>, number>();
    const totalBySource = new Map<Pick<AccountSource, 'id' | 'traversal'>, number>();
    for (const { source } of first.visited) totalBySource.set(source, (totalBySource.get(source) ?? 0) + 1);
    const signal = options.signal ?? new AbortController().signal;
    try {
      await mapWithConcurrency(
        first.visited,
        options.concurrency,
        async ({ source, account, value }) => {
          const session = source.traversal.sessionOf(account.id);
          try {
            if (!session) throw new Error('the account session was closed (settings changed)');
            const read = value.kind === 'report' ? await fromReport(session, account, value.complete, options, signal) : await live(session, account, value.note, options, signal);
            accountResults.push(read.account);
            keys.push(...read.keys);
          } catch (error) {
            if (isAbortError(error) && signal.aborted) throw error;
            const reason = reasonOf(error);
            failedAccounts.push({ accountId: account.id, name: account.name, reason, stage: 'visit' });
            options.log?.warn(`${source.id}: account ${account.id} (${account.name}) could not be read: ${reason}`);
          }
          doneBySource.set(source, (doneBySource.get(source) ?? 0) + 1);
          progress(1, source, doneBySource.get(source) ?? 0, totalBySource.get(source) ?? 0);
        },
        { signal },
      );
    } catch (error) {
      if (!isAbortError(error)) throw error;
      cancelled = true;
    }
  }
  const outcome = outcomeOf(first);
  return {
    ...outcome,
    accounts: accountResults.length,
    failedAccounts,
    cancelled,
    partial: cancelled || outcome.listingError !== undefined,
    accountResults,
    keys,
  };
}

async function fromReport(
  session: ConnectionSession,
  account: OrgAccountInfo,
  complete: boolean,
  options: AttentionOptions,
  signal: AbortSignal,
): Promise<{ account: AttentionAccount; keys: AttentionKey[] }> {
  // IAM answered COMPLETE (a report of the last 4 hours): one GetCredentialReport reads it (2
  // calls in all). Otherwise, or if it aged out meanwhile, generate-and-poll (3 calls, or more
  // while IAM is still writing it).
  const report = complete
    ? await readReport(session, signal, options.readCsv).catch((error: unknown) => {
        if (isAbortError(error) || signal.aborted) throw error;
        return undefined;
      })
    : undefined;
  return assessFromReport(session, account, report ?? (await fetchCredentialReport(session.api, { signal, pollIntervalMs: options.pollIntervalMs, readCsv: options.readCsv })).report, options, signal);
}

async function readReport(session: ConnectionSession, signal: AbortSignal, readCsv: ReadCsv): Promise<CredentialReport> {
  const { csv, generatedAt } = await session.api.getCredentialReport(signal);
  return parseCredentialReport(csv, generatedAt, readCsv);
}

async function assessFromReport(
  session: ConnectionSession,
  account: OrgAccountInfo,
  report: CredentialReport,
  options: OrgWideOptions,
  signal: AbortSignal,
): Promise<{ account: AttentionAccount; keys: AttentionKey[] }> {
  const reportUsers = new Map(report.users.filter((u) => !u.isRoot).map((u) => [u.userName, u]));
  const assessed = assessReport(report, options.thresholds);
  const flagged = assessed.filter((k) => needsAttention(k.health));
  const listed = new Map<string, readonly AccessKey[]>();
  const users = [...new Set(flagged.filter((k) => !k.isRoot).map((k) => k.userName))];
  await mapWithConcurrency(
    users,
    options.perAccountConcurrency,
    async (userName) => {
      const userKeys =
        options.loaded?.keysOf(session, userName) ??
        (await session.api.listAllAccessKeys(userName, { pageSize: 100, signal }).catch((error: unknown) => {
          if (isAbortError(error) || signal.aborted) throw error;
          options.log?.debug(`attention: keys of ${userName} in ${account.id}: ${reasonOf(error)}`);
          return [];
        }));
      listed.set(userName, userKeys);
    },
    { signal },
  );
  const keys = flagged.map((k) => {
    const reportUser = k.isRoot ? undefined : reportUsers.get(k.userName);
    const match = reportUser ? listed.get(k.userName)?.find((key) => findSlot(reportUser, key)?.slot === k.slot) : undefined;
    return attentionKey(account, k, match?.AccessKeyId ?? '');
  });
  return {
    account: {
      accountId: account.id,
      name: account.name,
      source: 'credential-report',
      keys: assessed.length,
      needingAttention: flagged.length,
      reportGeneratedAt: report.generatedAt.toISOString(),
    },
    keys,
  };
}

async function live(
  session: ConnectionSession,
  account: OrgAccountInfo,
  note: string,
  options: OrgWideOptions,
  signal: AbortSignal,
): Promise<{ account: AttentionAccount; keys: AttentionKey[] }> {
  const users = options.loaded?.users(session) ?? (await session.api.listAllUsers({ pageSize: 1000, signal }));
  const perUser = await mapWithConcurrency(
    users,
    options.perAccountConcurrency,
    async (user) => {
      const userKeys = options.loaded?.keysOf(session, user.UserName) ?? (await session.api.listAllAccessKeys(user.UserName, { pageSize: 1000, signal }));
      for (const key of userKeys) await session.lastUsed(key.AccessKeyId).catch(() => undefined);
      return userKeys;
    },
    { signal },
  );
  if (signal.aborted) throw new AbortError();
  const assessed = assessListedKeys(perUser.flat(), options.thresholds, { lastUsed: (key) => session.knownLastUsedOf(key), isRootKey: () => false });
  const flagged = assessed.filter((k) => needsAttention(k.health));
  return {
    account: { accountId: account.id, name: account.name, source: 'live', keys: assessed.length, needingAttention: flagged.length, note },
    keys: flagged.map((k) => attentionKey(account, k, k.key.AccessKeyId)),
  };
}

function attentionKey(account: OrgAccountInfo, k: AssessedKey, accessKeyId: string): AttentionKey {
  return {
    account: account.id,
    accountName: account.name,
    userName: k.userName,
    accessKeyId,
    status: k.key.Status,
    createDate: k.key.CreateDate.toISOString(),
    findings: k.health.findings.map((f) => ({ code: f.code, severity: f.severity, message: f.message })),
  };
}
