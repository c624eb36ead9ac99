// Real AWS SDK v3 clients pointed at an emulator, for tests and benchmarks.
import { IAMClient, type IAMClientConfig } from '@aws-sdk/client-iam';
import { STSClient, type STSClientConfig } from '@aws-sdk/client-sts';
import { CALLER_CREDENTIALS, type TestCredentials } from './identities';

export interface EmulatorEndpoint {
  readonly url: string;
}

export function iamClientFor(
  emulator: EmulatorEndpoint,
  credentials: TestCredentials = CALLER_CREDENTIALS,
  overrides: Partial<IAMClientConfig> = {},
): IAMClient {
  return new IAMClient({ endpoint: emulator.url, region: 'us-east-1', credentials, ...overrides });
}

export function stsClientFor(
  emulator: EmulatorEndpoint,
  credentials: TestCredentials = CALLER_CREDENTIALS,
  overrides: Partial<STSClientConfig> = {},
): STSClient {
  return new STSClient({ endpoint: emulator.url, region: 'us-east-1', credentials, ...overrides });
}

/** What an SDK call failed with (name = IAM error code for service errors, HTTP status if any). */
export interface CapturedError {
  readonly name: string;
  readonly message: string;
  /** IAM/STS error code from the answer's <Code> (e.g. "NoSuchEntity"); undefined for network failures. */
  readonly code?: string;
  /** <Type>: "Sender" or "Receiver". */
  readonly type?: string;
  /** Node's error code for network failures (e.g. "ECONNRESET"). */
  readonly errno?: string;
  readonly httpStatus?: number;
  readonly fault?: string;
}

/** Awaits a call that must fail and returns its error; throws if it succeeds. */
export async function captureError(call: Promise<unknown>): Promise<CapturedError> {
  try {
    await call;
  } catch (error) {
    const e = error as {
      name?: string;
      message?: string;
      Code?: string;
      Type?: string;
      code?: string;
      $metadata?: { httpStatusCode?: number };
      $fault?: string;
    };
    return {
      name: e.name ?? 'Error',
      message: e.message ?? String(error),
      code: e.Code,
      type: e.Type,
      errno: e.code,
      httpStatus: e.$metadata?.httpStatusCode,
      fault: e.$fault,
    };
  }
  throw new Error('expected the call to fail, but it succeeded');
}
