// The organization-wide walk (issue #13) shared by export (orgWideExport.ts) and attention
// (orgWideAttention.ts): every source's ACTIVE, wanted accounts, entered (AssumeRole) at most
// `concurrency` at a time; it ends with what it got, the accounts that failed (with the
// reason) and those skipped; a cancel keeps what was done and says the result is partial.
// No vscode here: the commands are thin.
import type { HealthThresholds } from '../../core/accountHealth';
import type { AccessKey, IamUser } from '../../core/types';
import type { ConnectionSession } from '../connectionSession';
import { classifyError } from '../errors';
import type { AccountSource } from './accountSource';
import type { OrgAccountInfo } from './orgTraversal';

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

/**
 * What a member account's model already holds complete (the tree loaded every page): a walk
 * reads it instead of listing again (src/model/completeLists.ts). A walk does not fill the
 * models: 100 accounts' lists would then stay in memory for accounts nobody opens, until the
 * settings change; what a walk lists lives as long as the command.
 */
export interface LoadedLists {
  /** The account's users, when its model loaded every page of them. */
  users(session: ConnectionSession): readonly IamUser[] | undefined;
  /** A user's keys, when the model loaded every page of them. */
  keysOf(session: ConnectionSession, userName: string): readonly AccessKey[] | undefined;
}

export interface OrgWideOptions {
  /** Lists the accounts' models already hold (no call for them). */
  readonly loaded?: LoadedLists;
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

export interface Visited<R> {
  readonly source: Pick<AccountSource, 'id' | 'traversal'>;
  readonly account: OrgAccountInfo;
  readonly value: R;
}

export interface Walked<R> extends OrgWideOutcome {
  readonly visited: readonly Visited<R>[];
}

export const reasonOf = (error: unknown): string => classifyError(error).message;

/** Walks every source in turn (each with its own cap), stopping at a cancel. */
export async function walkSources<R>(
  sources: readonly Pick<AccountSource, 'id' | 'traversal'>[],
  options: Pick<OrgWideOptions, 'concurrency' | 'signal' | 'log'> & { onProgress?: (source: Pick<AccountSource, 'id' | 'traversal'>, done: number, total: number) => void },
  visit: (source: Pick<AccountSource, 'id' | 'traversal'>, account: OrgAccountInfo, session: ConnectionSession, signal: AbortSignal) => Promise<R>,
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
export function progressOver(report: ((done: number, total: number) => void) | undefined, phases = 1) {
  const done = new Map<string, number>();
  const totals = new Map<string, number>();
  const sum = (m: Map<string, number>): number => [...m.values()].reduce((a, b) => a + b, 0);
  return (phase: number, source: Pick<AccountSource, 'id' | 'traversal'>, doneInSource: number, total: number): void => {
    done.set(`${phase}/${source.id}`, doneInSource);
    if (phase === 0) totals.set(source.id, total);
    report?.(sum(done), Math.max(sum(totals) * phases, 1));
  };
}


/** The outcome part of a walk (what every organization-wide result carries). */
export function outcomeOf(walked: Walked<unknown>): OrgWideOutcome {
  const { accounts, failedAccounts, skippedAccounts, partial, cancelled, listingError } = walked;
  return { accounts, failedAccounts, skippedAccounts, partial, cancelled, ...(listingError ? { listingError } : {}) };
}
