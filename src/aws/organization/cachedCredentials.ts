// Temporary credentials (AssumeRole, GetRoleCredentials) fetched on first use, kept until
// shortly before they expire, then fetched again on the next use. Concurrent uses share one
// fetch; a failed fetch is not kept, so the next use (a retry) asks again.
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@smithy/types';

/** Refresh this long before the expiry, so no request is signed with credentials about to lapse. */
export const REFRESH_MARGIN_MS = 5 * 60_000;

export interface CachedCredentials {
  readonly provider: AwsCredentialIdentityProvider;
  /** How many fetches were started (each is one AssumeRole or GetRoleCredentials). */
  fetches(): number;
  /** Drops what is cached: the next use fetches again. */
  forget(): void;
}

export function cachedCredentials(fetch: () => Promise<AwsCredentialIdentity>, now: () => number = Date.now): CachedCredentials {
  let current: AwsCredentialIdentity | undefined;
  let pending: Promise<AwsCredentialIdentity> | undefined;
  let count = 0;
  const fresh = (c: AwsCredentialIdentity): boolean => c.expiration === undefined || c.expiration.getTime() - REFRESH_MARGIN_MS > now();
  const provider: AwsCredentialIdentityProvider = () => {
    if (current && fresh(current)) return Promise.resolve(current);
    if (!pending) {
      count++;
      const started = fetch().then(
        (credentials) => {
          if (pending === started) {
            current = credentials;
            pending = undefined;
          }
          return credentials;
        },
        (error: unknown) => {
          if (pending === started) pending = undefined;
          throw error;
        },
      );
      pending = started;
    }
    return pending;
  };
  return {
    provider,
    fetches: () => count,
    forget: () => {
      current = undefined;
      pending = undefined;
    },
  };
}
