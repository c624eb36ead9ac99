// classifyError (src/aws/errors.ts) on errors shaped as the SDK throws them, each answer written
// out: the HTTP status decides when the code is unknown (5xx is a server error, 4xx is not), and
// which failures are worth a retry. Issue #27: survivors of the sampled src/aws run (`>= 500` → `<`,
// `>`; the retry flags; the timeout's text), and the SDK's "this profile has expired" that the
// hint read as a profile named "has".
import * as assert from 'node:assert/strict';
import { classifyError } from '../../src/aws/errors';

/** An SDK service exception: a name, a message and the response's status. */
function serviceError(name: string, message: string, httpStatusCode: number): Error {
  return Object.assign(new Error(message), { name, $metadata: { httpStatusCode } });
}

describe('classifyError: status, retry and text of SDK-shaped errors', () => {
  it('an unknown code with HTTP 500 is a server error worth a retry', () => {
    assert.deepEqual(classifyError(serviceError('OddFailure', 'Something broke', 500)), {
      kind: 'server',
      code: 'OddFailure',
      message: 'AWS answered with a server error (HTTP 500)',
      retryable: true,
    });
  });

  it('an unknown code with HTTP 499 is no server error: it is unknown, in its own words, still worth a retry', () => {
    assert.deepEqual(classifyError(serviceError('OddFailure', 'Something broke', 499)), {
      kind: 'unknown',
      code: 'OddFailure',
      message: 'Something broke',
      retryable: true,
    });
  });

  it('credentials IAM does not know are not worth a retry', () => {
    assert.deepEqual(classifyError(serviceError('InvalidClientTokenId', 'The security token included in the request is invalid.', 403)), {
      kind: 'credentials',
      code: 'InvalidClientTokenId',
      message: 'AWS does not recognise these credentials',
      hint: 'The access key may be deleted or inactive.',
      retryable: false,
    });
  });

  it('an SSO session that lapsed is worth a retry once signed in; the SDK\'s "this profile has expired" names no profile', () => {
    // The SDK's own text (@aws-sdk/credential-provider-sso); its name was read as the profile "has".
    const error = Object.assign(new Error("The SSO session associated with this profile has expired. To refresh this SSO session run 'aws sso login' with the corresponding profile."), { name: 'CredentialsProviderError' });
    assert.deepEqual(classifyError(error), {
      kind: 'credentials',
      code: 'CredentialsProviderError',
      message: 'The SSO session has expired or is not signed in',
      hint: 'Run: aws sso login',
      retryable: true,
    });
  });

  it('an SSO token the SDK names a profile for says to sign in to that profile', () => {
    const error = Object.assign(new Error("The SSO session token associated with profile=dev was not found or is invalid. To refresh this SSO session run 'aws sso login' with the corresponding profile."), { name: 'TokenProviderError' });
    assert.equal(classifyError(error).hint, 'Run: aws sso login --profile dev');
  });

  it('a timeout says so', () => {
    const error = Object.assign(new Error('No complete answer within 5000 ms'), { name: 'TimeoutError' });
    assert.deepEqual(classifyError(error), {
      kind: 'timeout',
      code: 'TimeoutError',
      message: 'The request timed out',
      hint: 'Check the network or raise iamKeys.requestTimeoutSeconds.',
      retryable: true,
    });
  });
});
