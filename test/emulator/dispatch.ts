// From a parsed Query request to the XML answer: check Action and Version,
// authenticate the caller, apply denials, run the action, and turn any failure
// into IAM's (or STS's) error document. No HTTP and no faults here.
import { ACTIONS, SERVICE_VERSIONS, type CredentialReportState, type ServiceName } from './actions';
import { authenticate, callerArn, type AuthOptions, type Caller, type SigningScope } from './auth';
import type { FaultInjector } from './faults';
import type { PagingOptions } from './paging';
import { ApiError, apiErrors } from './protocol/errors';
import { IAM_NAMESPACE, STS_NAMESPACE, errorDocument, successDocument } from './protocol/xml';
import type { ReceivedRequest } from './sigv4';
import { wholeSeconds, type IamStore } from './store';

export interface DispatchDependencies {
  readonly store: IamStore;
  readonly faults: FaultInjector;
  readonly paging: PagingOptions;
  readonly credentialReport: CredentialReportState;
  readonly auth: AuthOptions;
  /** Record each signed call as the key's last use (service and region of its signing scope), as IAM does. */
  readonly trackKeyUsage: boolean;
}

export interface ApiAnswer {
  readonly status: number;
  readonly body: string;
  readonly errorCode?: string;
  /** True when the answer is an AccessDenied from the fault config's denyActions. */
  readonly injectedDenial?: boolean;
  readonly subjectUserName?: string;
  readonly accessKeyId?: string;
  /** The key a write action made, changed or deleted. */
  readonly subjectAccessKeyId?: string;
}

export function namespaceOf(action: string | undefined): string {
  return action !== undefined && ACTIONS[action]?.service === 'sts' ? STS_NAMESPACE : IAM_NAMESPACE;
}

export function errorAnswer(error: ApiError, action: string | undefined, requestId: string): ApiAnswer {
  return {
    status: error.httpStatus,
    body: errorDocument(namespaceOf(action), { type: error.type, code: error.code, message: error.wireMessage }, requestId),
    errorCode: error.code,
  };
}

export function answerApiRequest(
  request: ReceivedRequest,
  params: URLSearchParams,
  deps: DispatchDependencies,
  requestId: string,
): ApiAnswer {
  const action = params.get('Action') ?? undefined;
  let caller: Caller | undefined;
  let injectedDenial = false;
  try {
    if (action === undefined || action === '') throw apiErrors.missingAction();
    const definition = ACTIONS[action];
    const version = params.get('Version') ?? '';
    if (!definition || SERVICE_VERSIONS[definition.service] !== version) throw apiErrors.invalidAction(action, version);

    const authenticated = authenticate(request, deps.store, deps.auth);
    caller = authenticated.caller;
    if (deps.trackKeyUsage && authenticated.scope) recordKeyUse(deps.store, caller.accessKeyId, authenticated.scope);
    const deniedByPolicy = (caller.kind === 'user' && caller.user.deniedActions.has(action)) || deniedWithoutMfa(deps.faults, action, caller);
    injectedDenial = !deniedByPolicy && deps.faults.isDenied(action);
    if (deniedByPolicy || injectedDenial) {
      throw apiErrors.accessDenied(
        callerArn(caller, deps.store),
        definition.service,
        action,
        deniedResource(definition.service, params, deps.store),
      );
    }

    const outcome = definition.run({
      store: deps.store,
      caller,
      params,
      paging: deps.paging,
      credentialReport: deps.credentialReport,
      keyPropagationMs: deps.faults.config.propagationDelayMs,
    });
    return {
      status: 200,
      body: successDocument(action, namespaceOf(action), outcome.resultXml, requestId),
      subjectUserName: outcome.subjectUserName,
      accessKeyId: caller.accessKeyId,
      subjectAccessKeyId: outcome.subjectAccessKeyId,
    };
  } catch (error) {
    const apiError = error instanceof ApiError ? error : unexpected(error);
    return {
      ...errorAnswer(apiError, action, requestId),
      injectedDenial,
      subjectUserName: params.get('UserName') ?? undefined,
      accessKeyId: caller?.accessKeyId,
    };
  }
}

const MFA_GUARDED_WRITES: ReadonlySet<string> = new Set(['CreateAccessKey', 'UpdateAccessKey', 'DeleteAccessKey']);

/** requireMfaForWrites: a write not signed by an MFA session is denied, as by a policy on aws:MultiFactorAuthPresent. */
function deniedWithoutMfa(faults: FaultInjector, action: string, caller: Caller): boolean {
  if (!faults.config.requireMfaForWrites || !MFA_GUARDED_WRITES.has(action)) return false;
  return !(caller.kind === 'user' && caller.mfa === true);
}

function recordKeyUse(store: IamStore, accessKeyId: string, scope: SigningScope): void {
  const found = store.findAccessKey(accessKeyId);
  if (found) found.key.lastUsed = { date: wholeSeconds(store.now()), serviceName: scope.service, region: scope.region };
}

/** The resource IAM names in AccessDenied messages: the user asked about, or the users path. */
function deniedResource(service: ServiceName, params: URLSearchParams, store: IamStore): string {
  if (service === 'sts') return `arn:aws:sts::${store.accountId}:*`;
  const userName = params.get('UserName');
  return userName ? `user ${userName}` : `arn:aws:iam::${store.accountId}:user/`;
}

/** A bug in the emulator: answer like IAM's internal failure, but say so on stderr. */
function unexpected(error: unknown): ApiError {
  console.error('IAM emulator: unexpected error while handling a request:', error);
  return apiErrors.serviceFailure();
}
