// Who owns an access key ID: the one path behind Find Access Key Owner, Show JSON, the hover
// and diagnostics. The key's account picks the one session to ask — read from the ID itself
// when it carries it (no call), else named by STS GetAccessKeyInfo in one call whatever the
// number of sessions — and only that session's IAM is asked for the user
// (GetAccessKeyLastUsed) and the key's status (its user's key list).
import { accountFromKeyId } from '../core/accountFromKeyId';
import { accessKeyIdKind } from '../core/accessKeyIds';
import { AbortError, untilAborted } from '../core/concurrency';
import type { AccessKey, AccessKeyLastUsed } from '../core/types';
import { classifyError, type ClassifiedError } from './errors';
import type { IamApi } from './iamApi';
import type { KeyInfo } from './keyInfo';

/** The little the lookup needs of a session (ConnectionSession has it). */
export interface OwnerLookupSession {
  /** Profile name, '' for the SDK's default chain. */
  readonly profile: string;
  readonly api: IamApi;
  /** The session's own account (GetCallerIdentity, asked once per session), if it can be known. */
  resolveAccount(): Promise<string | undefined>;
  /** The account if already known, without asking. */
  account?(): string | undefined;
  /**
   * GetAccessKeyLastUsed through the session's memo (ConnectionSession.lastUsed), which the
   * tree, its tooltips and the hover of a listed key also use: a lookup running while the key
   * gets listed shares the one request, and its answer, instead of asking again.
   */
  lastUsed?(accessKeyId: string): Promise<AccessKeyLastUsed>;
}

/**
 * The answer when it needs no call at all: a temporary key, or a key whose ID names an account
 * that no session is signed in to (every session's account already known). Else undefined.
 */
export function keyOwnerWithoutCalls(sessions: readonly OwnerLookupSession[], accessKeyId: string): KeyInfo | undefined {
  const account = accountFromKeyId(accessKeyId);
  if (account === undefined || sessions.length === 0) return undefined;
  if (isTemporaryKeyId(accessKeyId)) return { kind: 'temporary', accessKeyId, account };
  const known = sessions.map((s) => s.account?.());
  if (known.some((a) => a === undefined || a === account)) return undefined;
  return { kind: 'other-account', accessKeyId, account };
}

/** Whether an ID is a temporary (STS) key: IAM lists no such keys. */
export function isTemporaryKeyId(accessKeyId: string): boolean {
  return accessKeyIdKind(accessKeyId) === 'temporary-access-key';
}

/**
 * Awaited before each request the lookup makes (GetAccessKeyInfo, GetCallerIdentity of a
 * session whose account isn't known yet, GetAccessKeyLastUsed, ListAccessKeys): the caller's
 * per-request budget, which may wait for room or reject to stop the lookup.
 */
export type SpendRequest = () => Promise<void>;

const free: SpendRequest = async () => undefined;

export async function lookUpKeyOwner(sessions: readonly OwnerLookupSession[], accessKeyId: string, signal?: AbortSignal, spend: SpendRequest = free): Promise<KeyInfo> {
  if (sessions.length === 0) return { kind: 'no-connection', accessKeyId };
  const placed = await keyAccount(sessions, accessKeyId, signal, spend);
  const account = placed.account;
  if (isTemporaryKeyId(accessKeyId)) {
    if (account === undefined && placed.error) return errorInfo(accessKeyId, placed.error);
    return { kind: 'temporary', accessKeyId, account: account ?? '' };
  }
  if (account !== undefined) {
    const session = await sessionOfAccount(sessions, account, signal, spend);
    if (!session) return { kind: 'other-account', accessKeyId, account };
    return askIam(session, account, accessKeyId, signal, spend);
  }
  // Without sts:GetAccessKeyInfo, IAM of each account is the only way left (each account
  // asked once); any other STS failure (expired credentials, network) is the answer.
  if (placed.error && placed.error.kind !== 'access-denied') return errorInfo(accessKeyId, placed.error);
  let fallback: KeyInfo | undefined;
  const asked = new Set<string>();
  for (const session of sessions) {
    throwIfAborted(signal);
    const own = await resolveAccount(session, spend);
    if (own !== undefined && asked.has(own)) continue;
    if (own !== undefined) asked.add(own);
    const info = await askIam(session, own, accessKeyId, signal, spend);
    if (info.kind === 'found') return info;
    if (!fallback || (fallback.kind === 'error' && info.kind !== 'error')) fallback = info;
  }
  return fallback ?? (placed.error ? errorInfo(accessKeyId, placed.error) : { kind: 'no-connection', accessKeyId });
}

/**
 * The account in the key ID when it carries one; else STS GetAccessKeyInfo, asked of one
 * session after another until one answers (usually the first).
 */
async function keyAccount(
  sessions: readonly OwnerLookupSession[],
  accessKeyId: string,
  signal: AbortSignal | undefined,
  spend: SpendRequest,
): Promise<{ account?: string; error?: ClassifiedError }> {
  const decoded = accountFromKeyId(accessKeyId);
  if (decoded !== undefined) return { account: decoded };
  let error: ClassifiedError | undefined;
  for (const session of sessions) {
    throwIfAborted(signal);
    await spend();
    try {
      return { account: await session.api.getAccessKeyAccount(accessKeyId, signal) };
    } catch (caught) {
      const problem = classifyError(caught, 'sts:GetAccessKeyInfo');
      if (problem.kind === 'cancelled') throw new AbortError(undefined, { cause: caught });
      // Denied for one identity may be allowed for another; a denial also beats a network error.
      if (!error || problem.kind === 'access-denied') error = problem;
    }
  }
  return { error };
}

/** The first session signed in to `account`; identities are asked once each, together. */
async function sessionOfAccount(sessions: readonly OwnerLookupSession[], account: string, signal: AbortSignal | undefined, spend: SpendRequest): Promise<OwnerLookupSession | undefined> {
  const accounts = await Promise.all(sessions.map((s) => resolveAccount(s, spend)));
  throwIfAborted(signal);
  return sessions[accounts.indexOf(account)];
}

/** The session's account: free when already known, else one GetCallerIdentity (spent first). */
async function resolveAccount(session: OwnerLookupSession, spend: SpendRequest): Promise<string | undefined> {
  const known = session.account?.();
  if (known !== undefined) return known;
  await spend();
  return session.resolveAccount().catch(() => undefined);
}

/** IAM of the key's own account: the owner, then the key's status from the owner's key list. */
async function askIam(session: OwnerLookupSession, account: string | undefined, accessKeyId: string, signal: AbortSignal | undefined, spend: SpendRequest): Promise<KeyInfo> {
  let lastUsed: AccessKeyLastUsed;
  await spend();
  try {
    lastUsed = session.lastUsed
      ? await untilAborted(session.lastUsed(accessKeyId), signal)
      : await session.api.getAccessKeyLastUsed(accessKeyId, signal);
  } catch (caught) {
    const problem = classifyError(caught, 'iam:GetAccessKeyLastUsed');
    if (problem.kind === 'cancelled') throw new AbortError(undefined, { cause: caught });
    if (problem.kind === 'not-found' || isDeniedForUnknownKey(caught, problem)) return { kind: 'not-found', accessKeyId, account };
    // Denied without naming the key: a missing permission, or a key IAM doesn't hold.
    if (problem.kind === 'access-denied') return { kind: 'not-found', accessKeyId, account, deniedAsUnknown: true };
    return errorInfo(accessKeyId, problem);
  }
  const root = lastUsed.UserName === 'root' || lastUsed.UserName === '<root_account>';
  let key: AccessKey | undefined;
  await spend();
  try {
    const keys = root
      ? (await session.api.listAccessKeys({ maxItems: 1000, abortSignal: signal })).items
      : await session.api.listAllAccessKeys(lastUsed.UserName, { pageSize: 1000, signal });
    key = keys.find((k) => k.AccessKeyId === accessKeyId);
  } catch (caught) {
    if (classifyError(caught).kind === 'cancelled') throw new AbortError(undefined, { cause: caught });
    // The owner is known even without iam:ListAccessKeys; status and date stay unknown.
  }
  const userName = root ? '' : lastUsed.UserName;
  return { kind: 'found', accessKeyId, account: account ?? '', profile: session.profile, userName, root, key, lastUsed };
}

/**
 * IAM answers GetAccessKeyLastUsed for a key it does not hold with AccessDenied "… on
 * resource: access key AKIA…", not NoSuchEntity: a deleted key, once STS placed it in this account.
 */
function isDeniedForUnknownKey(error: unknown, problem: ClassifiedError): boolean {
  return problem.kind === 'access-denied' && /resource:\s*access key/i.test(error instanceof Error ? error.message : '');
}

function errorInfo(accessKeyId: string, problem: ClassifiedError): KeyInfo {
  return { kind: 'error', accessKeyId, message: problem.message, hint: problem.hint };
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new AbortError(undefined, { cause: signal.reason });
}

