// Turns whatever the SDK threw into a kind the UI can act on and a sentence a person can read.
// Messages never include request headers or credentials: only codes and IAM's own text, and
// that text is redacted too (a failing credential_process echoes its whole command line).
import { redactSecrets } from '../core/redact';
import { translate } from '../core/translate';
import { notFoundMessage } from './notFoundText';

export type AwsErrorKind =
  | 'access-denied'
  | 'throttled'
  | 'not-found'
  | 'validation'
  | 'credentials'
  | 'network'
  | 'timeout'
  | 'bad-response'
  | 'server'
  | 'cancelled'
  | 'unknown';

export interface ClassifiedError {
  readonly kind: AwsErrorKind;
  /** IAM/STS error code or Node error code when there is one. */
  readonly code?: string;
  /** Short text for a tree row or a notification. */
  readonly message: string;
  /** What the user can do about it, when we know. */
  readonly hint?: string;
  /** Whether trying the same request again may help. */
  readonly retryable: boolean;
}

const ACCESS_DENIED = new Set(['AccessDenied', 'AccessDeniedException', 'UnauthorizedOperation', 'UnauthorizedAccess']);
const THROTTLED = new Set(['Throttling', 'ThrottlingException', 'TooManyRequestsException', 'RequestLimitExceeded', 'SlowDown']);
const CREDENTIALS = new Set([
  'InvalidClientTokenId', 'SignatureDoesNotMatch', 'ExpiredToken', 'ExpiredTokenException',
  'InvalidAccessKeyId', 'UnrecognizedClientException', 'IncompleteSignature', 'MissingAuthenticationToken',
  'CredentialsProviderError', 'TokenProviderError', 'InvalidIdentityToken', 'UnauthorizedException',
]);
const VALIDATION = new Set(['ValidationError', 'ValidationException', 'InvalidInput', 'InvalidParameterValue', 'MalformedQueryString']);
const SERVER = new Set(['ServiceFailure', 'ServiceFailureException', 'ServiceUnavailable', 'ServiceUnavailableException', 'InternalFailure', 'InternalError']);
const NETWORK = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ECONNABORTED', 'ERR_SOCKET_CONNECTION_TIMEOUT']);
const TIMEOUT = new Set(['TimeoutError', 'RequestTimeout', 'RequestTimeoutException', 'ETIMEDOUT', 'ESOCKETTIMEDOUT']);

interface ErrorLike {
  name?: unknown;
  code?: unknown;
  Code?: unknown;
  message?: unknown;
  $metadata?: { httpStatusCode?: number };
  $response?: { statusCode?: number };
  $fault?: unknown;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

/** The IAM action named in an AccessDenied message ("…not authorized to perform: iam:ListUsers…"). */
export function deniedAction(message: string): string | undefined {
  return /perform:\s*([a-z0-9-]+:[A-Za-z0-9]+)/.exec(message)?.[1];
}

/** Reads a field of something thrown; a throwing getter or a revoked proxy reads as nothing. */
function field<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}

export function classifyError(error: unknown, action?: string): ClassifiedError {
  const isObject = field(() => typeof error === 'object' && error !== null) ?? false;
  const e = (isObject ? error : { message: field(() => String(error)) ?? '' }) as ErrorLike;
  const name = text(field(() => e.name));
  const code = text(field(() => e.Code)) ?? text(field(() => e.code)) ?? name;
  const raw = text(field(() => e.message)) ?? '';
  const status = field(() => e.$metadata?.httpStatusCode ?? e.$response?.statusCode);
  const has = (set: Set<string>): boolean => (code !== undefined && set.has(code)) || (name !== undefined && set.has(name));

  if (name === 'AbortError' || code === 'ABORT_ERR') {
    return { kind: 'cancelled', code, message: translate('Cancelled'), retryable: true };
  }
  if (has(ACCESS_DENIED) && /MultiFactorAuthentication failed/i.test(raw)) {
    return { kind: 'access-denied', code, message: translate('The MFA code was not accepted'), hint: translate('Type the code your MFA device shows now (each code works once).'), retryable: true };
  }
  if (has(ACCESS_DENIED)) {
    const what = deniedAction(raw) ?? action;
    return {
      kind: 'access-denied', code,
      message: what ? translate('Access denied: {0}', what) : translate('Access denied'),
      hint: what ? translate('Your credentials need the {0} permission.', what) : translate('Your credentials lack a permission this view needs.'),
      retryable: true,
    };
  }
  if (has(THROTTLED) || status === 429) {
    return { kind: 'throttled', code, message: translate('Throttled by AWS'), hint: translate('Too many requests; wait a moment and retry.'), retryable: true };
  }
  if (code === 'NoSuchEntity' || code === 'NoSuchEntityException' || status === 404) {
    return { kind: 'not-found', code, message: notFoundMessage(firstSentence(raw)), retryable: false };
  }
  if (has(VALIDATION)) {
    return { kind: 'validation', code, message: firstSentence(raw) || translate('IAM rejected the request as invalid'), retryable: false };
  }
  if (has(CREDENTIALS) || /credential|sso session|token.*expired|could not load/i.test(name ?? '')) {
    return credentialsError(code, raw);
  }
  // Network codes first: the SDK reports a reset connection as a TimeoutError named after it.
  if (has(NETWORK) || /socket hang up|ECONNRESET|ECONNREFUSED|ENOTFOUND|network/i.test(raw)) {
    return { kind: 'network', code, message: translate('Network error'), hint: networkHint(raw), retryable: true };
  }
  if (has(TIMEOUT) || /timed? ?out/i.test(raw)) {
    return { kind: 'timeout', code, message: translate('The request timed out'), hint: translate('Check the network or raise iamKeys.requestTimeoutSeconds.'), retryable: true };
  }
  if (has(SERVER) || (status !== undefined && status >= 500)) {
    return { kind: 'server', code, message: status ? translate('AWS answered with a server error (HTTP {0})', status) : translate('AWS answered with a server error'), retryable: true };
  }
  if (isParseError(name, raw)) {
    return { kind: 'bad-response', code, message: translate('The endpoint answered something that is not an IAM response'), hint: translate('Check iamKeys.endpoint.'), retryable: true };
  }
  if (/credential|sso|profile/i.test(raw)) return credentialsError(code, raw);
  return { kind: 'unknown', code, message: firstSentence(raw) || translate('Unexpected error'), retryable: true };
}

/** A credential_process failed: the SDK's text is "Command failed: <command>\n<its stderr>" or names credential_process. */
const CREDENTIAL_PROCESS = /command failed|credential_process/i;
// A profile's name as the SDK writes it ("Profile dev …", "profile=dev", "profile: [dev]",
// "Profile 'dev' …"); not "this profile has expired" or "Profile is configured", which name none.
const PROFILE_NAMED = /(?<!(?:this|corresponding) )profile(?:=|:? +)["'[]?(?!(?:is|has|was|does|did|requires)\b)([\w+=,.@/-]+)/i;

/** Whether `error` is a credential_process failure, whose text must never be shown (it echoes the helper's output). */
export function isCredentialProcessFailure(error: unknown): boolean {
  const raw = field(() => (error as ErrorLike | undefined)?.message);
  return typeof raw === 'string' && CREDENTIAL_PROCESS.test(raw);
}

function credentialsError(code: string | undefined, raw: string): ClassifiedError {
  if (CREDENTIAL_PROCESS.test(raw)) {
    return { kind: 'credentials', code, message: translate('The profile\'s credential_process command failed'), hint: translate('Run the command yourself to see why; its output is not shown here because it may hold secrets.'), retryable: true };
  }
  const profile = PROFILE_NAMED.exec(raw)?.[1];
  if (/sso/i.test(raw)) {
    return {
      kind: 'credentials', code,
      message: translate('The SSO session has expired or is not signed in'),
      hint: translate('Run: {0}', `aws sso login${profile ? ` --profile ${profile}` : ''}`),
      retryable: true,
    };
  }
  if (code === 'ExpiredToken' || code === 'ExpiredTokenException' || /expired/i.test(raw)) {
    return { kind: 'credentials', code, message: translate('The credentials have expired'), hint: translate('Refresh them (sign in again), then retry.'), retryable: true };
  }
  if (code === 'InvalidClientTokenId' || code === 'InvalidAccessKeyId') {
    return { kind: 'credentials', code, message: translate('AWS does not recognise these credentials'), hint: translate('The access key may be deleted or inactive.'), retryable: false };
  }
  if (code === 'SignatureDoesNotMatch') {
    return { kind: 'credentials', code, message: translate('The secret key does not match the access key'), hint: translate('Check the profile\'s secret access key.'), retryable: false };
  }
  return { kind: 'credentials', code, message: firstSentence(raw) || translate('Could not load credentials'), hint: translate('Pick another profile or check ~/.aws/config.'), retryable: true };
}

function isParseError(name: string | undefined, raw: string): boolean {
  return (
    name === 'SyntaxError' ||
    /deserializ|not well-formed|unexpected end|invalid xml|char '.' is not expected|Unexpected close tag|Invalid character|Unclosed|parse/i.test(raw)
  );
}

function networkHint(raw: string): string {
  if (/ECONNREFUSED/.test(raw)) return translate('Nothing answered at the endpoint. Is it running?');
  if (/ENOTFOUND|EAI_AGAIN/.test(raw)) return translate('The endpoint host name could not be resolved.');
  return translate('Check the network connection, then retry.');
}

function firstSentence(raw: string): string {
  // Redacted before cutting: a secret wrapped onto the next line must not leave half behind.
  const line = (redactSecrets(raw).split('\n')[0] ?? '').trim();
  return line.length > 200 ? `${line.slice(0, 197)}…` : line;
}
