// sts:GetSessionToken: temporary credentials of the calling IAM user, with the MFA flag when a
// device serial and its code were given (what requireMfaForWrites checks, like IAM's
// aws:MultiFactorAuthPresent). The emulator's devices all show one code.
import { BASE32_ALPHABET, makeAccessKeyId, makeSecretAccessKey } from '../keyIds';
import { ApiError } from '../protocol/errors';
import { field, wrap } from '../protocol/xml';
import { param, type ActionContext, type ActionOutcome } from './types';

/** The one code every emulated MFA device accepts. */
export const EMULATOR_MFA_CODE = '123456';

const DEFAULT_DURATION_S = 43_200;

export function getSessionToken(context: ActionContext): ActionOutcome {
  const { caller, store } = context;
  if (caller.kind !== 'user' || caller.temporary) {
    throw new ApiError('AccessDenied', 403, 'Cannot call GetSessionToken with session credentials');
  }
  const serial = param(context, 'SerialNumber');
  const code = param(context, 'TokenCode');
  if ((serial === undefined) !== (code === undefined)) {
    throw new ApiError('ValidationError', 400, 'SerialNumber and TokenCode must be given together');
  }
  // IAM's own wording for a wrong code (recorded from AWS), trailing space included.
  if (serial !== undefined && (code !== EMULATOR_MFA_CODE || !serial.startsWith(`arn:aws:iam::${store.accountId}:mfa/`))) {
    throw new ApiError('AccessDenied', 403, 'MultiFactorAuthentication failed with invalid MFA one time pass code. ');
  }
  const duration = Number(param(context, 'DurationSeconds') ?? DEFAULT_DURATION_S);
  const expiration = new Date(Date.now() + duration * 1000);
  const session = {
    accessKeyId: makeAccessKeyId(store.accountId, store.random, 'ASIA'),
    secretAccessKey: makeSecretAccessKey(store.random),
    sessionToken: 'TESTONLY-mfa-session-' + store.random.chars(BASE32_ALPHABET, 32),
    userName: caller.user.userName,
    mfa: serial !== undefined,
    expiration,
  };
  store.addSession(session);
  return {
    resultXml: wrap(
      'Credentials',
      field('AccessKeyId', session.accessKeyId) + field('SecretAccessKey', session.secretAccessKey) + field('SessionToken', session.sessionToken) + field('Expiration', expiration),
    ),
    subjectUserName: caller.user.userName,
  };
}
