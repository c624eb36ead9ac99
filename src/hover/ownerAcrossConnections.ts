// Asks the configured connections who owns a key ID, spending as few calls as possible: the
// first connection's STS GetAccessKeyInfo names the key's account, and from then on only a
// connection of that account is asked (its IAM GetAccessKeyLastUsed names the user). A key of
// an account no profile covers costs one STS call, whatever the number of profiles.
import { AbortError } from '../core/concurrency';
import { findKeyOwner, type KeyOwner } from '../aws/keyOwner';
import type { IamApi } from '../aws/iamApi';
import type { KeyInfo } from './keyInfo';

/** The little the lookup needs of a connection; the explorer's ConnectionNode is adapted to it. */
export interface LookupConnection {
  /** Profile name, '' for the SDK's default chain. */
  readonly profile: string;
  readonly api: IamApi;
  /** The connection's own account (GetCallerIdentity, asked once per connection), if known. */
  account(): Promise<string | undefined>;
}

export async function findOwnerAcrossConnections(
  connections: readonly LookupConnection[],
  accessKeyId: string,
  signal?: AbortSignal,
): Promise<KeyInfo> {
  if (connections.length === 0) return { kind: 'no-connection', accessKeyId };
  let keyAccount: string | undefined; // learnt from STS
  const askedAccounts = new Set<string>();
  let fallback: KeyInfo | undefined;
  for (const connection of connections) {
    if (signal?.aborted) throw new AbortError();
    const own = await connection.account().catch(() => undefined);
    // This connection can't know the key: STS already said it belongs elsewhere, or an
    // account already asked said no.
    if (own !== undefined && ((keyAccount !== undefined && own !== keyAccount) || askedAccounts.has(own))) continue;
    if (own !== undefined) askedAccounts.add(own);
    const owner = await findKeyOwner(connection.api, own, accessKeyId, signal);
    if (owner.kind === 'error' && owner.error.kind === 'cancelled') throw new AbortError();
    const info = toKeyInfo(owner, accessKeyId, connection.profile, own);
    if (isFinal(info, own)) return info;
    if (owner.kind === 'other-account') keyAccount = owner.account;
    // A definite "other account" says more than a failure from some other connection.
    if (!fallback || (fallback.kind === 'error' && info.kind !== 'error')) fallback = info;
  }
  return fallback ?? { kind: 'no-connection', accessKeyId };
}

/** Whether asking further connections could change the answer. */
function isFinal(info: KeyInfo, own: string | undefined): boolean {
  switch (info.kind) {
    case 'found':
    case 'temporary':
      return true;
    case 'not-found':
      // Only final when the key's account is this connection's own; without STS, another
      // account may still know it.
      return info.account !== undefined && info.account === own;
    default:
      return false;
  }
}

function toKeyInfo(owner: KeyOwner, accessKeyId: string, profile: string, own: string | undefined): KeyInfo {
  switch (owner.kind) {
    case 'found':
      return { kind: 'found', accessKeyId, account: owner.account, profile, userName: owner.userName, root: owner.root, key: owner.key, lastUsed: owner.lastUsed };
    case 'temporary':
      return { kind: 'temporary', accessKeyId, account: owner.account };
    case 'other-account':
      // STS alone says all there is to know about a temporary key.
      return accessKeyId.startsWith('ASIA')
        ? { kind: 'temporary', accessKeyId, account: owner.account }
        : { kind: 'other-account', accessKeyId, account: owner.account };
    case 'not-found':
      return { kind: 'not-found', accessKeyId, account: owner.account };
    case 'error':
      // findKeyOwner only asks IAM once STS placed the key in our account (or STS was denied),
      // and IAM answers AccessDenied, not NoSuchEntity, for a key it doesn't hold.
      if (owner.error.kind === 'access-denied' && owner.error.message.includes('GetAccessKeyLastUsed')) {
        return { kind: 'not-found', accessKeyId, account: own, deniedAsUnknown: true };
      }
      return { kind: 'error', accessKeyId, message: owner.error.message, hint: owner.error.hint };
  }
}
