// The HTTP side: read the request, route admin calls, count it, apply the
// fault decision (delay, hang, drop, injected errors, garbage, slow delivery)
// and send the answer. Tracks every socket and timer so close() is prompt even
// with hung or trickling responses.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { listenOn, trackedServer } from './trackedServer';
import { ADMIN_PREFIX, handleAdminRequest } from './admin';
import { WRITE_ACTIONS, type Counters } from './counters';
import { answerApiRequest, errorAnswer, type ApiAnswer, type DispatchDependencies } from './dispatch';
import type { FaultDecision, SlowLoris } from './faults';
import { apiErrors } from './protocol/errors';
import type { ReceivedRequest } from './sigv4';

export interface ServerDependencies extends DispatchDependencies {
  readonly counters: Counters;
}

/** Query requests are small; anything bigger is not a client we emulate for. */
const MAX_BODY_BYTES = 1024 * 1024;

const PROXY_ERROR_PAGE =
  '<!DOCTYPE html>\n<html><head><title>502 Bad Gateway</title></head>\n' +
  '<body><center><h1>502 Bad Gateway</h1></center><hr><center>awselb/2.0</center><br>\n';

export class EmulatorHttpServer {
  private readonly server: Server;
  private readonly sockets: Set<Socket>;
  private readonly timers = new Set<NodeJS.Timeout>();
  private closing = false;

  constructor(private readonly deps: ServerDependencies) {
    ({ server: this.server, sockets: this.sockets } = trackedServer('IAM emulator', (req, res) => this.handle(req, res)));
  }

  listen(port: number, host: string): Promise<AddressInfo> {
    return listenOn(this.server, port, host);
  }

  /** Stops listening, cancels pending delays and trickles, and destroys every open connection. */
  close(): Promise<void> {
    this.closing = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    for (const socket of this.sockets) socket.destroy();
    return closed;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readBody(req);
    if (body === undefined) {
      res.writeHead(413).end();
      return;
    }
    const rawUrl = req.url ?? '/';
    const queryStart = rawUrl.indexOf('?');
    const path = queryStart < 0 ? rawUrl : rawUrl.slice(0, queryStart);
    const query = queryStart < 0 ? '' : rawUrl.slice(queryStart + 1);
    if (path.startsWith(ADMIN_PREFIX)) {
      handleAdminRequest(req, res, path, body, this.deps);
      return;
    }

    const params = new URLSearchParams(query);
    if (req.method === 'POST') for (const [name, value] of new URLSearchParams(body.toString('utf8'))) params.append(name, value);
    // Requests without an Action are counted (and answered MissingAction) under a visible name.
    const action = params.get('Action') || '(no Action)';
    const { counters, faults } = this.deps;
    counters.recordArrival(action);

    const actionFault = faults.actionFault(action);
    const random = faults.decide(action);
    const decision: FaultDecision =
      actionFault === 'serverError' ? { ...random, outcome: { kind: 'serverError', status: 500 } } : random;
    if (decision.delayMs > 0) {
      counters.recordFault('latency');
      await this.sleep(decision.delayMs);
      if (this.closing) return;
    }
    const requestId = randomUUID();
    const outcome = decision.outcome;
    if (outcome.kind === 'hang' || outcome.kind === 'drop') {
      counters.recordFault(outcome.kind);
      counters.recordLog({ action, fault: outcome.kind, userName: params.get('UserName') ?? undefined });
      if (WRITE_ACTIONS.has(action)) {
        counters.recordWrite({ action, accessKeyId: params.get('AccessKeyId') ?? undefined, userName: params.get('UserName') ?? undefined, fault: outcome.kind });
      }
      if (outcome.kind === 'drop') req.socket.destroy();
      return; // a hung request keeps its socket until the client gives up or close()
    }

    let answer: ApiAnswer;
    if (outcome.kind === 'throttle') {
      counters.recordFault('throttle');
      answer = errorAnswer(apiErrors.throttling(), action, requestId);
    } else if (outcome.kind === 'serverError') {
      counters.recordFault('serverError');
      const error = outcome.status === 503 ? apiErrors.serviceUnavailable() : apiErrors.serviceFailure();
      answer = errorAnswer(error, action, requestId);
    } else {
      const received: ReceivedRequest = { method: req.method ?? 'GET', path, query, headers: pairs(req.rawHeaders), body };
      answer = answerApiRequest(received, params, this.deps, requestId);
      if (answer.injectedDenial) counters.recordFault('accessDenied');
    }
    this.record(action, answer, decision, params, actionFault === 'lostAnswer');
    if (actionFault === 'lostAnswer') {
      // The change is made; the answer never arrives.
      counters.recordFault('drop');
      req.socket.destroy();
      return;
    }

    let responseBody = answer.body;
    let contentType = 'text/xml';
    let status = answer.status;
    if (outcome.kind === 'garbage') {
      counters.recordFault('garbage');
      if (outcome.variant === 'html') {
        responseBody = PROXY_ERROR_PAGE;
        contentType = 'text/html';
        status = 200;
      } else {
        responseBody = answer.body.slice(0, Math.floor(answer.body.length / 2));
      }
    }
    const headers = {
      'Content-Type': contentType,
      'x-amzn-RequestId': requestId,
      Date: new Date().toUTCString(),
    };
    if (decision.slowLoris) {
      counters.recordFault('slowLoris');
      this.trickle(res, status, headers, Buffer.from(responseBody, 'utf8'), decision.slowLoris);
    } else {
      const bytes = Buffer.from(responseBody, 'utf8');
      res.writeHead(status, { ...headers, 'Content-Length': bytes.length });
      res.end(bytes);
    }
  }

  private record(action: string, answer: ApiAnswer, decision: FaultDecision, params: URLSearchParams, lostAnswer: boolean): void {
    const { counters } = this.deps;
    if (WRITE_ACTIONS.has(action)) {
      counters.recordWrite({
        action,
        accessKeyId: answer.subjectAccessKeyId ?? params.get('AccessKeyId') ?? undefined,
        userName: answer.subjectUserName ?? params.get('UserName') ?? undefined,
        status: lostAnswer ? undefined : answer.status,
        errorCode: answer.errorCode,
        fault: lostAnswer ? 'lostAnswer' : decision.outcome.kind !== 'none' ? decision.outcome.kind : undefined,
      });
    }
    if (answer.subjectUserName !== undefined) counters.recordSubject(action, answer.subjectUserName);
    if (answer.errorCode !== undefined) counters.recordError(answer.errorCode);
    const fault = decision.outcome.kind !== 'none' ? decision.outcome.kind : answer.injectedDenial ? 'accessDenied' : undefined;
    counters.recordLog({
      action,
      accessKeyId: answer.accessKeyId,
      askedAccessKeyId: params.get('AccessKeyId') ?? undefined,
      userName: answer.subjectUserName,
      status: answer.status,
      errorCode: answer.errorCode,
      fault,
    });
  }

  /** Headers now (with the full Content-Length), then the body a few bytes per tick; optionally never finished. */
  private trickle(res: ServerResponse, status: number, headers: Record<string, string>, body: Buffer, slow: SlowLoris): void {
    res.writeHead(status, { ...headers, 'Content-Length': body.length });
    res.flushHeaders();
    const stopAt = slow.neverFinish ? Math.floor(body.length / 2) : body.length;
    let sent = 0;
    const tick = (): void => {
      if (this.closing || res.destroyed) return;
      const end = Math.min(sent + slow.chunkBytes, stopAt);
      res.write(body.subarray(sent, end));
      sent = end;
      if (sent < body.length && sent >= stopAt) return; // stalled for good; close() or the client ends it
      if (sent >= body.length) {
        res.end();
        return;
      }
      this.schedule(tick, slow.intervalMs);
    };
    this.schedule(tick, slow.intervalMs);
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => this.schedule(resolve, ms));
  }

  private schedule(callback: () => void, ms: number): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      callback();
    }, ms);
    this.timers.add(timer);
  }
}

/** Whole body, or undefined when it is larger than the limit. */
function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on('end', () => resolve(size <= MAX_BODY_BYTES ? Buffer.concat(chunks) : undefined));
    req.on('error', reject);
  });
}

function pairs(rawHeaders: readonly string[]): (readonly [string, string])[] {
  const result: (readonly [string, string])[] = [];
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) result.push([rawHeaders[i], rawHeaders[i + 1]]);
  return result;
}
