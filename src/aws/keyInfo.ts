// What is known about an access key ID, whichever way it was learnt (loaded list, cache, AWS).
// The one owner lookup produces it; Find Access Key Owner, Show JSON, the hover and the
// diagnostics all render it, so they give the same answer for the same key.
import type { AccessKey, AccessKeyLastUsed } from '../core/types';

export type KeyInfo =
  /** A key of a configured account; `key` is missing when its owner's keys could not be listed. */
  | {
      readonly kind: 'found';
      readonly accessKeyId: string;
      readonly account: string;
      /** Profile of the connection that answered ('' for the SDK default chain). */
      readonly profile: string;
      readonly userName: string;
      readonly root: boolean;
      readonly key?: AccessKey;
      /** Undefined when not fetched (e.g. loaded in the tree but its tooltip never shown). */
      readonly lastUsed?: AccessKeyLastUsed;
    }
  /** An ASIA key: STS names the account that issued it; IAM lists no such keys. */
  | { readonly kind: 'temporary'; readonly accessKeyId: string; readonly account: string }
  /** A long-term key of an account no configured profile covers. */
  | { readonly kind: 'other-account'; readonly accessKeyId: string; readonly account: string }
  /** A known canary-token provider's key (core/canaryAccounts): never looked up, using it alerts its owner. */
  | { readonly kind: 'canary'; readonly accessKeyId: string; readonly account: string; readonly provider: string }
  /**
   * Claimed by a configured account (or unknown to STS) but IAM has no such key. IAM answers
   * AccessDenied rather than NoSuchEntity for a key it doesn't hold; `deniedAsUnknown` says the
   * answer was that, which a missing iam:GetAccessKeyLastUsed permission would also give.
   */
  | { readonly kind: 'not-found'; readonly accessKeyId: string; readonly account?: string; readonly deniedAsUnknown?: boolean }
  /** Message and hint come from classifyError: never a raw error object. */
  | { readonly kind: 'error'; readonly accessKeyId: string; readonly message: string; readonly hint?: string }
  | { readonly kind: 'no-connection'; readonly accessKeyId: string }
  /** The per-minute cap was reached; no call was made. */
  | { readonly kind: 'limit-reached'; readonly accessKeyId: string; readonly retryInMs: number };

