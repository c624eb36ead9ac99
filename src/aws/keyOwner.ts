// Who owns an access key ID, in the fewest calls: STS GetAccessKeyInfo names the account
// (works for any key); only for keys of our own account do we ask IAM GetAccessKeyLastUsed
// (which names the user) and list that user's keys for status and creation date.
import type { AccessKey, AccessKeyLastUsed } from '../core/types';
import { classifyError, type ClassifiedError } from './errors';
import type { IamApi } from './iamApi';

export type KeyOwner =
  | { readonly kind: 'found'; readonly account: string; readonly userName: string; readonly key?: AccessKey; readonly lastUsed: AccessKeyLastUsed; readonly root: boolean }
  | { readonly kind: 'other-account'; readonly account: string }
  | { readonly kind: 'temporary'; readonly account: string }
  | { readonly kind: 'not-found'; readonly account?: string }
  | { readonly kind: 'error'; readonly error: ClassifiedError };

export async function findKeyOwner(api: IamApi, ownAccount: string | undefined, accessKeyId: string, signal?: AbortSignal): Promise<KeyOwner> {
  let account: string | undefined;
  try {
    account = await api.getAccessKeyAccount(accessKeyId, signal);
  } catch (error) {
    const problem = classifyError(error, 'sts:GetAccessKeyInfo');
    // Without sts:GetAccessKeyInfo we can still ask IAM, which only knows our own keys.
    if (problem.kind !== 'access-denied') return { kind: 'error', error: problem };
  }
  if (account && ownAccount && account !== ownAccount) return { kind: 'other-account', account };
  if (accessKeyId.startsWith('ASIA')) return { kind: 'temporary', account: account ?? ownAccount ?? '' };
  let lastUsed: AccessKeyLastUsed;
  try {
    lastUsed = await api.getAccessKeyLastUsed(accessKeyId, signal);
  } catch (error) {
    const problem = classifyError(error, 'iam:GetAccessKeyLastUsed');
    if (problem.kind === 'not-found' || isDeniedForUnknownKey(error, problem.kind)) return { kind: 'not-found', account };
    return { kind: 'error', error: problem };
  }
  const root = lastUsed.UserName === 'root' || lastUsed.UserName === '<root_account>';
  let key: AccessKey | undefined;
  try {
    const keys = root
      ? (await api.listAccessKeys({ maxItems: 1000, abortSignal: signal })).items
      : await api.listAllAccessKeys(lastUsed.UserName, { pageSize: 1000, signal });
    key = keys.find((k) => k.AccessKeyId === accessKeyId);
  } catch {
    // The owner is known even without iam:ListAccessKeys; status and date stay unknown.
  }
  return { kind: 'found', account: account ?? ownAccount ?? '', userName: lastUsed.UserName, key, lastUsed, root };
}

/**
 * IAM answers GetAccessKeyLastUsed for a key it does not hold with AccessDenied "… on
 * resource: access key AKIA…", not NoSuchEntity: a deleted key, once STS placed it in our account.
 */
function isDeniedForUnknownKey(error: unknown, kind: string): boolean {
  return kind === 'access-denied' && /resource:\s*access key/i.test(error instanceof Error ? error.message : '');
}
