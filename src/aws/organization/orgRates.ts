// Pace of organization mode's control-plane calls, per API family. Identity Center documents
// 20 requests per second for the portal; STS and Organizations publish no figure and can't be
// raised, so we stay well below what throttles in practice and let the SDK back off beyond it.
import { TokenBuckets, type TokenBucketRate } from '../../core/tokenBucket';

export type OrgApiFamily = 'sts' | 'organizations' | 'sso';

export const ORG_API_RATES: Readonly<Record<OrgApiFamily, TokenBucketRate>> = {
  sts: { ratePerSecond: 10, burst: 10 },
  organizations: { ratePerSecond: 5, burst: 5 },
  sso: { ratePerSecond: 20, burst: 20 },
};

export function orgApiBuckets(rates: Readonly<Record<OrgApiFamily, TokenBucketRate>> = ORG_API_RATES): TokenBuckets<OrgApiFamily> {
  return new TokenBuckets(rates);
}
