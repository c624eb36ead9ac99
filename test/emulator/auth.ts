// Who is calling: the access key in the SigV4 Authorization header decides the
// caller (an IAM user, the root, or a user's temporary session), in the order
// IAM checks things: header present and well formed, key known and active,
// session token right, credential scope for iam/sts, then the signature itself.
import { apiErrors } from './protocol/errors';
import { parseAuthorization, signatureMatches, type ReceivedRequest } from './sigv4';
import type { IamStore, StoredUser } from './store';

export type Caller =
  | { readonly kind: 'user'; readonly user: StoredUser; readonly accessKeyId: string; readonly temporary: boolean; readonly mfa?: boolean }
  | { readonly kind: 'root'; readonly accessKeyId: string };

/** Service and region of the credential scope the request was signed for. */
export interface SigningScope {
  readonly service: string;
  readonly region: string;
}

export interface Authenticated {
  readonly caller: Caller;
  /** Undefined for unsigned requests (only accepted when signatures are not verified). */
  readonly scope?: SigningScope;
}

export interface AuthOptions {
  /** false skips the signature check (the key must still be known; unsigned requests act as the owner of `fallbackAccessKeyId`). */
  readonly verifySignatures: boolean;
  /** Access key whose owner unsigned requests act as when signatures are not verified. */
  readonly fallbackAccessKeyId: string;
  /** Services a credential scope may name (default iam and sts). */
  readonly signingServices?: readonly string[];
}

const SIGNING_SERVICES: readonly string[] = ['iam', 'sts'];

export function authenticate(request: ReceivedRequest, store: IamStore, options: AuthOptions): Authenticated {
  const header = headerValue(request, 'authorization');
  if (header === undefined) {
    if (!options.verifySignatures) return { caller: callerForKey(store, options.fallbackAccessKeyId, undefined) };
    throw apiErrors.missingAuthenticationToken();
  }
  const auth = parseAuthorization(header);
  if ('error' in auth) throw apiErrors.incompleteSignature(auth.error);

  const caller = callerForKey(store, auth.accessKeyId, headerValue(request, 'x-amz-security-token'));
  const scope: SigningScope = { service: auth.service, region: auth.region };
  if (!options.verifySignatures) return { caller, scope };

  if (!(options.signingServices ?? SIGNING_SERVICES).includes(auth.service)) {
    throw apiErrors.signatureDoesNotMatch(`Credential should be scoped to correct service: 'iam'.`);
  }
  const amzDate = headerValue(request, 'x-amz-date');
  if (amzDate === undefined || !/^\d{8}T\d{6}Z$/.test(amzDate)) {
    throw apiErrors.incompleteSignature('Authorization header requires existence of either a \'X-Amz-Date\' or a \'Date\' header.');
  }
  if (amzDate.slice(0, 8) !== auth.date) {
    throw apiErrors.signatureDoesNotMatch(
      `Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '${auth.date}' != '${amzDate.slice(0, 8)}', from '${amzDate}'.`,
    );
  }
  if (!signatureMatches(request, auth, amzDate, secretOf(store, auth.accessKeyId))) {
    throw apiErrors.signatureDoesNotMatch();
  }
  return { caller, scope };
}

/** Resolves a key to its owner; unknown, inactive or token-less temporary keys are InvalidClientTokenId. */
function callerForKey(store: IamStore, accessKeyId: string, sessionToken: string | undefined): Caller {
  const roleSession = store.findRoleSession(accessKeyId);
  if (roleSession) {
    if (sessionToken !== roleSession.sessionToken) throw apiErrors.invalidClientTokenId();
    if (roleSession.expiration.getTime() <= Date.now()) throw apiErrors.expiredToken();
    return { kind: 'user', user: roleSession.principal, accessKeyId, temporary: true };
  }
  const session = store.findSession(accessKeyId);
  if (session) {
    const user = store.getUser(session.userName);
    if (!user || sessionToken !== session.sessionToken) throw apiErrors.invalidClientTokenId();
    if (session.expiration && session.expiration.getTime() <= Date.now()) throw apiErrors.expiredToken();
    return { kind: 'user', user, accessKeyId, temporary: true, mfa: session.mfa === true };
  }
  const found = store.findAccessKey(accessKeyId);
  if (!found || found.key.status !== 'Active') throw apiErrors.invalidClientTokenId();
  // A new key is not known everywhere at once: until then IAM refuses it like an unknown one.
  if (found.key.usableFrom && store.now() < found.key.usableFrom) throw apiErrors.invalidClientTokenId();
  if (found.owner.kind === 'root') return { kind: 'root', accessKeyId };
  return { kind: 'user', user: found.owner.user, accessKeyId, temporary: false };
}

function secretOf(store: IamStore, accessKeyId: string): string {
  return store.findRoleSession(accessKeyId)?.secretAccessKey ?? store.findSession(accessKeyId)?.secretAccessKey ?? store.findAccessKey(accessKeyId)?.key.secretAccessKey ?? '';
}

/** ARN of the caller as IAM names it in AccessDenied messages and GetCallerIdentity. */
export function callerArn(caller: Caller, store: IamStore): string {
  return caller.kind === 'root' ? store.root.arn : caller.user.arn;
}

function headerValue(request: ReceivedRequest, lowerName: string): string | undefined {
  for (const [name, value] of request.headers) if (name.toLowerCase() === lowerName) return value;
  return undefined;
}
