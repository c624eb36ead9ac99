// classifyError (src/aws/errors.ts) on codes that the loopback endpoints cannot make the SDK
// raise: a DNS server that cannot answer now (EAI_AGAIN), Node's EPIPE on a socket written after
// the peer closed it, a service's RequestTimeoutException whose text never says "timed out", and
// S3/EC2's InvalidAccessKeyId.
// Each error is shaped as Node or the SDK throws it; each answer is written out (issue #27).
import * as assert from 'node:assert/strict';
import { classifyError } from '../../src/aws/errors';

describe('classifyError: codes named only by their code', () => {
  it('EAI_AGAIN (name resolution failing for now) is a network error: the host name could not be resolved', () => {
    const error = Object.assign(new Error('getaddrinfo EAI_AGAIN iam.amazonaws.com'), { code: 'EAI_AGAIN', errno: -3001, syscall: 'getaddrinfo', hostname: 'iam.amazonaws.com' });
    assert.deepEqual(classifyError(error), {
      kind: 'network',
      code: 'EAI_AGAIN',
      message: 'Network error',
      hint: 'The endpoint host name could not be resolved.',
      retryable: true,
    });
  });

  it('EPIPE (a write to a closed socket) is a network error worth a retry', () => {
    const error = Object.assign(new Error('write EPIPE'), { code: 'EPIPE', errno: -32, syscall: 'write' });
    assert.deepEqual(classifyError(error), {
      kind: 'network',
      code: 'EPIPE',
      message: 'Network error',
      hint: 'Check the network connection, then retry.',
      retryable: true,
    });
  });

  it('RequestTimeoutException is a timeout even when its text does not say so', () => {
    const error = Object.assign(new Error('The request took too long to complete.'), { name: 'RequestTimeoutException', $metadata: { httpStatusCode: 408 } });
    assert.deepEqual(classifyError(error), {
      kind: 'timeout',
      code: 'RequestTimeoutException',
      message: 'The request timed out',
      hint: 'Check the network or raise iamKeys.requestTimeoutSeconds.',
      retryable: true,
    });
  });

  it('InvalidAccessKeyId is an unknown key, not worth a retry', () => {
    const error = Object.assign(new Error('The AWS Access Key Id you provided does not exist in our records.'), { name: 'InvalidAccessKeyId', $metadata: { httpStatusCode: 403 } });
    assert.deepEqual(classifyError(error), {
      kind: 'credentials',
      code: 'InvalidAccessKeyId',
      message: 'AWS does not recognise these credentials',
      hint: 'The access key may be deleted or inactive.',
      retryable: false,
    });
  });
});
