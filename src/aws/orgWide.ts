// Organization-wide actions (issue #13): every key of every member account (export), and the
// keys needing attention across the organization. Each walks the organization's accounts —
// ACTIVE and wanted ones only, entered (AssumeRole) at most `concurrency` at a time — and ends
// with what it got, the accounts that failed (with the reason) and those skipped; a cancel
// keeps what was done and says the result is partial. No vscode here: the commands are thin.
import { AbortError, isAbortError, mapWithConcurrency } from '../core/concurrency';
import { assessListedKeys, assessReport, type AssessedKey, type HealthThresholds } from '../core/accountHealth';
import { findSlot, parseCredentialReport, type CredentialReport } from '../core/credentialReport';
import { fetchCredentialReport } from './credentialReport';
import type { ExportRow } from '../core/exportFormat';
import { assessAccessKey, countActive, needsAttention, type KeyFinding } from '../core/keyHealth';
import type { OrgAccountInfo, OrgTraversal } from '../core/orgTraversal';
import type { AccessKey, AccessKeyLastUsed, IamUser } from '../core/types';
import type { ConnectionSession } from './connectionSession';
import { classifyError } from './errors';

/** What an organization-wide action needs of an account source (AccountSource, OrganizationSource). */
export interface WalkableSource {
  readonly id: string;
  readonly traversal: OrgTraversal<OrgAccountInfo, ConnectionSession>;
}

export interface FailedAccount {
  readonly accountId: string;
  readonly name: string;
  /** One line, no secret (classifyError's message). */
  readonly reason: string;
  /** 'enter': the role could not be assumed; 'visit': it was, but reading the account failed. */
  readonly stage: 'enter' | 'visit';
}

export interface SkippedAccount {
  readonly accountId: string;
  readonly name: string;
  /** SUSPENDED, PENDING_CLOSURE…, or EXCLUDED by includeAccounts / excludeAccounts. */
  readonly status: string;
}

export interface OrgWideOutcome {
  /** Accounts read completely. */
  readonly accounts: number;
  readonly failedAccounts: readonly FailedAccount[];
  readonly skippedAccounts: readonly SkippedAccount[];
  /** Cancelled, or the account list could not be read to the end: some accounts are missing. */
  readonly partial: boolean;
  readonly cancelled: boolean;
  /** Why the account list stopped early, when it did. */
  readonly listingError?: string;
}

export interface OrgWideOptions {
  /** Accounts entered and read at once (`iamKeys.maxConcurrentAccounts`). */
  readonly concurrency: number;
  /** Calls at once inside one account (`iamKeys.maxConcurrentRequests`; IAM throttles per account). */
  readonly perAccountConcurrency: number;
  readonly thresholds: HealthThresholds;
  readonly signal?: AbortSignal;
  /** Accounts done (read or failed) of the accounts to do, over every source. */
  readonly onProgress?: (done: number, total: number) => void;
  readonly log?: { warn(message: string): void; debug(message: string): void };
}

interface Visited<R> {
  readonly source: WalkableSource;
  readonly account: OrgAccountInfo;
  readonly value: R;
}

interface Walked<R> extends OrgWideOutcome {
  readonly visited: readonly Visited<R>[];
}

const reasonOf = (error: unknown): string => classifyError(error).message;

/** Walks every source in turn (each with its own cap), stopping at a cancel. */
async function walkSources<R>(
  sources: readonly WalkableSource[],
  options: Pick<OrgWideOptions, 'concurrency' | 'signal' | 'log'> & { onProgress?: (source: WalkableSource, done: number, total: number) => void },
  visit: (source: WalkableSource, account: OrgAccountInfo, session: ConnectionSession, signal: AbortSignal) => Promise<R>,
): Promise<Walked<R>> {
  const visited: Visited<R>[] = [];
  const failedAccounts: FailedAccount[] = [];
  const skippedAccounts: SkippedAccount[] = [];
  const listingErrors: string[] = [];
  let cancelled = false;
  for (const source of sources) {
    if (options.signal?.aborted) {
      cancelled = true;
      break;
    }
    const result = await source.traversal.walk({
      concurrency: options.concurrency,
      signal: options.signal,
      visit: (account, session, signal) => visit(source, account, session, signal),
      onProgress: (done, total) => options.onProgress?.(source, done, total),
    });
    for (const { account, value } of result.results) visited.push({ source, account, value });
    for (const { account, error, stage } of result.failures) {
      const reason = reasonOf(error);
      failedAccounts.push({ accountId: account.id, name: account.name, reason, stage });
      options.log?.warn(`${source.id}: account ${account.id} (${account.name}) ${stage === 'enter' ? 'could not be entered' : 'could not be read'}: ${reason}`);
    }
    for (const account of result.skipped) {
      const status = account.status === 'ACTIVE' ? 'EXCLUDED' : account.status;
      skippedAccounts.push({ accountId: account.id, name: account.name, status });
      options.log?.debug(`${source.id}: account ${account.id} (${account.name}) skipped: ${status}`);
    }
    if (result.listingError !== undefined) listingErrors.push(`${source.id}: ${reasonOf(result.listingError)}`);
    if (result.cancelled) {
      cancelled = true;
      break;
    }
  }
  const listingError = listingErrors.length > 0 ? listingErrors.join('; ') : undefined;
  return { visited, accounts: visited.length, failedAccounts, skippedAccounts, cancelled, partial: cancelled || listingError !== undefined, listingError };
}

/** Progress over several sources (and passes): each source's total is known once its walk starts. */
function progressOver(report: ((done: number, total: number) => void) | undefined, phases = 1) {
  const done = new Map<string, number>();
  const totals = new Map<string, number>();
  const sum = (m: Map<string, number>): number => [...m.values()].reduce((a, b) => a + b, 0);
  return (phase: number, source: WalkableSource, doneInSource: number, total: number): void => {
    done.set(`${phase}/${source.id}`, doneInSource);
    if (phase === 0) totals.set(source.id, total);
    report?.(sum(done), Math.max(sum(totals) * phases, 1));
  };
}

// ——— Export ———————————————————————————————————————————————————————————————————————————————

export interface OrgExportResult extends OrgWideOutcome {
  /** One row per key; `account` is the account ID, `accountName` its name. */
  readonly rows: readonly ExportRow[];
  readonly users: number;
  /** Users whose keys could not be listed (their account is still exported). */
  readonly failedUsers: number;
}

/** Every key of every user of every account entered, with last use and findings. */
export async function exportOrganizationKeys(
  sources: readonly WalkableSource[],
  options: OrgWideOptions & { readonly profileOf?: (source: WalkableSource) => string },
): Promise<OrgExportResult> {
  let users = 0;
  let failedUsers = 0;
  const progress = progressOver(options.onProgress);
  const walked = await walkSources(sources, { ...options, onProgress: (source, done, total) => progress(0, source, done, total) }, async (source, account, session, signal) => {
    const list = await session.api.listAllUsers({ pageSize: 1000, signal });
    const perUser = await mapWithConcurrency(
      list,
      options.perAccountConcurrency,
      async (user) => {
        try {
          const keys = await session.api.listAllAccessKeys(user.UserName, { pageSize: 1000, signal });
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

function outcomeOf(walked: Walked<unknown>): OrgWideOutcome {
  const { accounts, failedAccounts, skippedAccounts, partial, cancelled, listingError } = walked;
  return { accounts, failedAccounts, skippedAccounts, partial, cancelled, ...(listingError ? { listingError } : {}) };
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

// ——— Keys needing attention —————————————————————————————————————————————————————————————————

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
  sources: readonly WalkableSource[],
  options: OrgWideOptions & { readonly pollIntervalMs?: number },
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
    const doneBySource = new Map<WalkableSource, number>();
    const totalBySource = new Map<WalkableSource, number>();
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
  options: OrgWideOptions & { readonly pollIntervalMs?: number },
  signal: AbortSignal,
): Promise<{ account: AttentionAccount; keys: AttentionKey[] }> {
  // IAM answered COMPLETE (a report of the last 4 hours): one GetCredentialReport reads it (2
  // calls in all). Otherwise, or if it aged out meanwhile, generate-and-poll (3 calls, or more
  // while IAM is still writing it).
  const report = complete
    ? await readReport(session, signal).catch((error: unknown) => {
        if (isAbortError(error) || signal.aborted) throw error;
        return undefined;
      })
    : undefined;
  return assessFromReport(session, account, report ?? (await fetchCredentialReport(session.api, { signal, pollIntervalMs: options.pollIntervalMs })).report, options, signal);
}

async function readReport(session: ConnectionSession, signal: AbortSignal): Promise<CredentialReport> {
  const { csv, generatedAt } = await session.api.getCredentialReport(signal);
  return parseCredentialReport(csv, generatedAt);
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
      const userKeys = await session.api.listAllAccessKeys(userName, { pageSize: 100, signal }).catch((error: unknown) => {
        if (isAbortError(error) || signal.aborted) throw error;
        options.log?.debug(`attention: keys of ${userName} in ${account.id}: ${reasonOf(error)}`);
        return [];
      });
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
  const users = await session.api.listAllUsers({ pageSize: 1000, signal });
  const perUser = await mapWithConcurrency(
    users,
    options.perAccountConcurrency,
    async (user) => {
      const userKeys = await session.api.listAllAccessKeys(user.UserName, { pageSize: 1000, signal });
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
