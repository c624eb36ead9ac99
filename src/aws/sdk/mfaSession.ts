// Credentials of an sts:GetSessionToken session made with the profile's MFA device, for IAM
// calls that a policy allows only with aws:MultiFactorAuthPresent. One code per profile and
// long-term key for the session's lifetime: cached in this process's memory only (never stored,
// logged or returned), keyed by endpoint, profile and access key ID, so a rotated key asks again.
import { GetSessionTokenCommand } from '@aws-sdk/client-sts';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@smithy/types';
import type { ClientFactory } from './clientFactory';
import type { MfaSigning } from './connectionTypes';

/** A session this close to its end is not used again (a rotation may take a minute). */
const RENEW_BEFORE_MS = 5 * 60_000;

const sessions = new Map<string, Required<Pick<AwsCredentialIdentity, 'accessKeyId' | 'secretAccessKey' | 'sessionToken' | 'expiration'>>>();
const pending = new Map<string, Promise<AwsCredentialIdentity>>();

export function mfaSessionCredentials(factory: ClientFactory, longTerm: AwsCredentialIdentityProvider, mfa: MfaSigning): AwsCredentialIdentityProvider {
  return async () => {
    const serial = await mfa.serial();
    if (serial === undefined) return longTerm();
    // The endpoint too: a session is good only where it was issued.
    const key = `${factory.settings.endpoint}\n${mfa.profile}\n${(await longTerm()).accessKeyId}`;
    const cached = sessions.get(key);
    if (cached && cached.expiration.getTime() - Date.now() > RENEW_BEFORE_MS) return cached;
    // Two calls at once share one prompt and one GetSessionToken.
    let asking = pending.get(key);
    if (!asking) {
      asking = newSession(factory, longTerm, serial, mfa, key).finally(() => pending.delete(key));
      pending.set(key, asking);
    }
    return asking;
  };
}

async function newSession(factory: ClientFactory, longTerm: AwsCredentialIdentityProvider, serial: string, mfa: MfaSigning, key: string): Promise<AwsCredentialIdentity> {
  const code = await mfa.code(serial);
  const answer = await factory.sts(longTerm).send(new GetSessionTokenCommand({ SerialNumber: serial, TokenCode: code }));
  const c = answer.Credentials;
  if (!c?.AccessKeyId || !c.SecretAccessKey || !c.SessionToken || !c.Expiration) throw new Error('GetSessionToken answered without credentials');
  const session = { accessKeyId: c.AccessKeyId, secretAccessKey: c.SecretAccessKey, sessionToken: c.SessionToken, expiration: c.Expiration };
  sessions.set(key, session);
  return session;
}

/** Forgets every MFA session (tests; a settings change keeps them, they are the user's). */
export function forgetMfaSessions(): void {
  sessions.clear();
}
