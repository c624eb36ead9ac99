// IAM/STS errors with the codes, HTTP statuses and message wording the real
// services use (codes and statuses from the service models; messages as AWS
// writes them), so clients' error handling is exercised against real shapes.

export class ApiError extends Error {
  readonly type: 'Sender' | 'Receiver';

  constructor(
    readonly code: string,
    readonly httpStatus: number,
    message?: string,
  ) {
    super(message ?? '');
    this.type = httpStatus >= 500 ? 'Receiver' : 'Sender';
  }

  /** The message as sent; undefined for errors IAM sends without one. */
  get wireMessage(): string | undefined {
    return this.message === '' ? undefined : this.message;
  }
}

export const apiErrors = {
  noSuchUser: (userName: string) => new ApiError('NoSuchEntity', 404, `The user with name ${userName} cannot be found.`),
  noSuchAccessKey: (accessKeyId: string) =>
    new ApiError('NoSuchEntity', 404, `The Access Key with id ${accessKeyId} cannot be found.`),
  userAlreadyExists: (userName: string) =>
    new ApiError('EntityAlreadyExists', 409, `User with name ${userName} already exists.`),
  accessKeyQuota: () => new ApiError('LimitExceeded', 409, 'Cannot exceed quota for AccessKeysPerUser: 2'),
  validation: (message: string) => new ApiError('ValidationError', 400, message),
  invalidMarker: () => new ApiError('ValidationError', 400, 'Invalid Marker.'),
  userNameRequired: () =>
    new ApiError('ValidationError', 400, 'Must specify userName when calling with non-User credentials'),
  /** `service` e.g. "iam"; `resource` as IAM words it ("arn:…:user/", "user bob", "access key AKIA…"). */
  accessDenied: (callerArn: string, service: string, action: string, resource: string) =>
    new ApiError(
      'AccessDenied',
      403,
      `User: ${callerArn} is not authorized to perform: ${service}:${action} on resource: ${resource} ` +
        `because no identity-based policy allows the ${service}:${action} action`,
    ),
  /** IAM's wording for a key outside the account (no colon after "perform", as recorded from AWS). */
  lastUsedOfUnknownKey: (callerArn: string, accessKeyId: string) =>
    new ApiError(
      'AccessDenied',
      403,
      `User: ${callerArn} is not authorized to perform iam:GetAccessKeyLastUsed on resource: access key ${accessKeyId}`,
    ),
  throttling: () => new ApiError('Throttling', 400, 'Rate exceeded'),
  serviceFailure: () =>
    new ApiError('ServiceFailure', 500, 'The request processing has failed because of an unknown error, exception or failure.'),
  serviceUnavailable: () => new ApiError('ServiceUnavailable', 503, 'Service is unavailable. Please try again later.'),
  missingAuthenticationToken: () => new ApiError('MissingAuthenticationToken', 403, 'Request is missing Authentication Token'),
  incompleteSignature: (message: string) => new ApiError('IncompleteSignature', 400, message),
  invalidClientTokenId: () =>
    new ApiError('InvalidClientTokenId', 403, 'The security token included in the request is invalid.'),
  expiredToken: () => new ApiError('ExpiredToken', 400, 'The security token included in the request is expired'),
  signatureDoesNotMatch: (detail?: string) =>
    new ApiError(
      'SignatureDoesNotMatch',
      403,
      detail ??
        'The request signature we calculated does not match the signature you provided. ' +
          'Check your AWS Secret Access Key and signing method. Consult the service documentation for details.',
    ),
  invalidAction: (action: string, version: string) =>
    new ApiError('InvalidAction', 400, `Could not find operation ${action} for version ${version}`),
  missingAction: () => new ApiError('MissingAction', 400, 'Missing Action'),
  reportNotPresent: () => new ApiError('ReportNotPresent', 410),
  reportInProgress: () => new ApiError('ReportInProgress', 404, 'Report generation is in progress.'),
  reportExpired: () =>
    new ApiError('ReportExpired', 410, 'The report has expired. To generate a new report, call GenerateCredentialReport.'),
};
