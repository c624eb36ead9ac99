// HTTP side of the organization endpoint. One port speaks four APIs: IAM and
// STS (Query; each request runs against the store of the account whose key
// signed it), sts:AssumeRole across accounts, Organizations (awsJson1_1) and
// the Identity Center portal (restJson, bearer token), and SSO-OIDC CreateToken, which it
// counts and refuses (no refresh: the cached token is used). Throttling is decided
// per API family and per calling account before any work is done.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { listenOn, trackedServer } from '../trackedServer';
import { ACTIONS, CredentialReportState } from '../actions';
import { isLoopback } from '../admin';
import { authenticate, type AuthOptions } from '../auth';
import { answerApiRequest, errorAnswer, type ApiAnswer } from '../dispatch';
import { FaultInjector } from '../faults';
import type { PagingOptions } from '../paging';
import { ApiError, apiErrors } from '../protocol/errors';
import { STS_NAMESPACE, successDocument } from '../protocol/xml';
import { parseAuthorization, type ReceivedRequest } from '../sigv4';
import { assumeRole } from './assumeRole';
import { jsonError, type JsonAnswer } from './jsonAnswer';
import { answerOrganizations, ORGANIZATIONS_TARGET_PREFIX } from './organizationsApi';
import type { OrgCounters } from './orgCounters';
import type { ApiFamily, OrgThrottle, OrgThrottleConfig } from './orgThrottle';
import type { OrgAccount, OrgWorld } from './orgWorld';
import { answerPortal, PORTAL_PATHS } from './portalApi';

export const ORG_ADMIN_PREFIX = '/__org/';
/** Where the SSO-OIDC client sends CreateToken. */
const OIDC_TOKEN_PATH = '/token';

export interface OrgServerDependencies {
  readonly world: OrgWorld;
  readonly counters: OrgCounters;
  readonly throttle: OrgThrottle;
  readonly paging: PagingOptions;
  readonly auth: AuthOptions;
  /** Added to every API answer. */
  readonly latencyMs: number;
}

export class OrgHttpServer {
  private readonly server: Server;
  private readonly sockets: Set<Socket>;
  private readonly reports = new Map<string, CredentialReportState>();
  private readonly noFaults = new FaultInjector();

  constructor(private readonly deps: OrgServerDependencies) {
    ({ server: this.server, sockets: this.sockets } = trackedServer('organization emulator', (req, res) => this.handle(req, res)));
  }

  listen(port: number, host: string): Promise<AddressInfo> {
    return listenOn(this.server, port, host);
  }

  close(): Promise<void> {
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    for (const socket of this.sockets) socket.destroy();
    return closed;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readBody(req);
    const rawUrl = req.url ?? '/';
    const queryStart = rawUrl.indexOf('?');
    const path = queryStart < 0 ? rawUrl : rawUrl.slice(0, queryStart);
    const query = queryStart < 0 ? '' : rawUrl.slice(queryStart + 1);
    if (path.startsWith(ORG_ADMIN_PREFIX)) return this.admin(req, res, path, body);
    if (this.deps.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, this.deps.latencyMs));

    const received: ReceivedRequest = { method: req.method ?? 'GET', path, query, headers: pairs(req.rawHeaders), body };
    const target = header(received, 'x-amz-target');
    if (req.method === 'GET' && PORTAL_PATHS.includes(path)) return sendJson(res, this.portal(received));
    if (req.method === 'POST' && path === OIDC_TOKEN_PATH) return sendJson(res, this.oidcToken());
    if (target !== undefined) return sendJson(res, this.organizations(received, target));
    return sendXml(res, this.query(received));
  }

  private query(received: ReceivedRequest): ApiAnswer {
    const { counters } = this.deps;
    const params = new URLSearchParams(received.query);
    if (received.method === 'POST') for (const [name, value] of new URLSearchParams(received.body.toString('utf8'))) params.append(name, value);
    const action = params.get('Action') || '(no Action)';
    counters.recordArrival(action);
    const requestId = randomUUID();
    const account = this.signingAccount(received);
    counters.recordAccount(account.id, action);
    if (action === 'AssumeRole') counters.recordAssumeRole(/^arn:aws:iam::(\d{12}):/.exec(params.get('RoleArn') ?? '')?.[1] ?? '(invalid)');
    const family: ApiFamily = action === 'AssumeRole' || ACTIONS[action]?.service === 'sts' ? 'sts' : 'iam';
    let answer: ApiAnswer;
    if (this.deps.throttle.throttles(family, account.id)) {
      counters.recordThrottle(action);
      answer = errorAnswer(apiErrors.throttling(), family === 'sts' ? 'GetCallerIdentity' : 'ListUsers', requestId);
    } else if (action === 'AssumeRole') {
      answer = this.assumeRole(received, params, account, requestId);
    } else {
      answer = answerApiRequest(received, params, {
        store: account.store,
        faults: this.noFaults,
        paging: this.deps.paging,
        credentialReport: this.reportOf(account),
        auth: this.deps.auth,
        trackKeyUsage: false,
      }, requestId);
    }
    if (answer.errorCode !== undefined) counters.recordError(answer.errorCode);
    return answer;
  }

  private assumeRole(received: ReceivedRequest, params: URLSearchParams, account: OrgAccount, requestId: string): ApiAnswer {
    try {
      if (params.get('Version') !== '2011-06-15') throw apiErrors.invalidAction('AssumeRole', params.get('Version') ?? '');
      const { caller } = authenticate(received, account.store, this.deps.auth);
      const resultXml = assumeRole(params, caller, account, this.deps.world);
      return { status: 200, body: successDocument('AssumeRole', STS_NAMESPACE, resultXml, requestId) };
    } catch (error) {
      const apiError = error instanceof ApiError ? error : apiErrors.serviceFailure();
      if (!(error instanceof ApiError)) console.error('organization emulator: AssumeRole failed:', error);
      return errorAnswer(apiError, 'GetCallerIdentity', requestId);
    }
  }

  private organizations(received: ReceivedRequest, target: string): JsonAnswer {
    const { counters, world } = this.deps;
    const operation = target.startsWith(ORGANIZATIONS_TARGET_PREFIX) ? target.slice(ORGANIZATIONS_TARGET_PREFIX.length) : target;
    counters.recordArrival(operation);
    const account = this.signingAccount(received);
    counters.recordAccount(account.id, operation);
    if (this.deps.throttle.throttles('organizations', account.id)) {
      counters.recordThrottle(operation);
      return this.countError(jsonError(400, 'TooManyRequestsException', 'AWS Organizations can\'t complete your request because it is busy. Try again later.'));
    }
    try {
      authenticate(received, account.store, { ...this.deps.auth, signingServices: ['organizations'] });
    } catch (error) {
      if (error instanceof ApiError) return this.countError(jsonError(error.httpStatus, error.code, error.message));
      throw error;
    }
    let input: Record<string, unknown>;
    try {
      const parsed: unknown = received.body.length === 0 ? {} : JSON.parse(received.body.toString('utf8'));
      input = typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {};
    } catch {
      return this.countError(jsonError(400, 'SerializationException', 'Malformed JSON'));
    }
    return this.countError(answerOrganizations(operation, input, account, world, this.deps.paging.shortPagesSeed));
  }

  private portal(received: ReceivedRequest): JsonAnswer {
    const { counters, world } = this.deps;
    const query = new URLSearchParams(received.query);
    const operation = { '/assignment/accounts': 'ListAccounts', '/assignment/roles': 'ListAccountRoles' }[received.path] ?? 'GetRoleCredentials';
    const action = `sso:${operation}`;
    counters.recordArrival(action);
    const accountId = query.get('account_id') ?? 'portal';
    if (operation === 'GetRoleCredentials') counters.recordRoleCredentials(accountId);
    if (this.deps.throttle.throttles('sso', accountId)) {
      counters.recordThrottle(action);
      return this.countError(jsonError(429, 'TooManyRequestsException', 'Rate exceeded'));
    }
    return this.countError(answerPortal(received.path, query, header(received, 'x-amz-sso_bearer_token'), world, this.deps.paging.shortPagesSeed));
  }

  /** SSO-OIDC CreateToken (a token refresh): counted, and refused as an unknown refresh token would be. */
  private oidcToken(): JsonAnswer {
    this.deps.counters.recordArrival('sso-oidc:CreateToken');
    return this.countError(jsonError(400, 'InvalidGrantException', 'Invalid refresh token provided'));
  }

  /** The account whose key signed the request; unsigned or unknown keys go to the management account (auth then refuses them). */
  private signingAccount(received: ReceivedRequest): OrgAccount {
    const authorization = header(received, 'authorization');
    const parsed = authorization === undefined ? undefined : parseAuthorization(authorization);
    const accessKeyId = parsed && !('error' in parsed) ? parsed.accessKeyId : undefined;
    return (accessKeyId && this.deps.world.accountOfKey(accessKeyId)) || this.deps.world.management;
  }

  private reportOf(account: OrgAccount): CredentialReportState {
    let report = this.reports.get(account.id);
    if (!report) this.reports.set(account.id, (report = new CredentialReportState()));
    return report;
  }

  private countError(answer: JsonAnswer): JsonAnswer {
    if (answer.errorType !== undefined) this.deps.counters.recordError(answer.errorType);
    return answer;
  }

  private admin(req: IncomingMessage, res: ServerResponse, path: string, body: Buffer): void {
    if (!isLoopback(req.socket.remoteAddress)) return sendJson(res, jsonError(403, 'Forbidden', 'admin routes are loopback-only'));
    const { counters, throttle } = this.deps;
    const route = `${req.method ?? 'GET'} ${path}`;
    try {
      switch (route) {
        case 'GET /__org/counters':
          return sendJson(res, { status: 200, body: counters.snapshot() });
        case 'POST /__org/counters/reset':
          counters.reset();
          return sendJson(res, { status: 200, body: counters.snapshot() });
        case 'GET /__org/throttle':
          return sendJson(res, { status: 200, body: throttle.current });
        case 'POST /__org/throttle':
          throttle.replace(JSON.parse(body.toString('utf8') || '{}') as OrgThrottleConfig);
          return sendJson(res, { status: 200, body: throttle.current });
        default:
          return sendJson(res, jsonError(404, 'NotFound', `no admin route ${route}`));
      }
    } catch (error) {
      return sendJson(res, jsonError(400, 'BadRequest', error instanceof Error ? error.message : String(error)));
    }
  }
}

function sendJson(res: ServerResponse, answer: JsonAnswer): void {
  const text = JSON.stringify(answer.body);
  const headers: Record<string, string | number> = {
    'Content-Type': 'application/x-amz-json-1.1',
    'Content-Length': Buffer.byteLength(text),
    'x-amzn-RequestId': randomUUID(),
  };
  if (answer.errorType !== undefined) headers['x-amzn-ErrorType'] = answer.errorType;
  res.writeHead(answer.status, headers);
  res.end(text);
}

function sendXml(res: ServerResponse, answer: ApiAnswer): void {
  const bytes = Buffer.from(answer.body, 'utf8');
  res.writeHead(answer.status, { 'Content-Type': 'text/xml', 'Content-Length': bytes.length, 'x-amzn-RequestId': randomUUID() });
  res.end(bytes);
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function pairs(rawHeaders: readonly string[]): (readonly [string, string])[] {
  const result: (readonly [string, string])[] = [];
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) result.push([rawHeaders[i], rawHeaders[i + 1]]);
  return result;
}

function header(request: ReceivedRequest, lowerName: string): string | undefined {
  for (const [name, value] of request.headers) if (name.toLowerCase() === lowerName) return value;
  return undefined;
}
