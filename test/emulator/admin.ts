// Unsigned JSON admin routes on the emulator's own port, for tests and
// benchmarks running in another process. Only loopback peers may use them (the
// server listens on 127.0.0.1 anyway; this guards against a wider bind).
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Counters } from './counters';
import type { FaultConfig, FaultInjector } from './faults';
import type { IamStore } from './store';

export const ADMIN_PREFIX = '/__admin/';

export interface AdminDependencies {
  readonly counters: Counters;
  readonly faults: FaultInjector;
  readonly store: IamStore;
}

export function handleAdminRequest(
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  body: Buffer,
  deps: AdminDependencies,
): void {
  if (!isLoopback(req.socket.remoteAddress)) return sendJson(res, 403, { error: 'admin routes are loopback-only' });
  const route = `${req.method ?? 'GET'} ${path}`;
  switch (route) {
    case 'GET /__admin/health':
      return sendJson(res, 200, { status: 'ok', accountId: deps.store.accountId, users: deps.store.users().length });
    case 'GET /__admin/counters':
      return sendJson(res, 200, deps.counters.snapshot());
    case 'POST /__admin/counters/reset':
      deps.counters.reset();
      return sendJson(res, 200, deps.counters.snapshot());
    case 'GET /__admin/requests':
      return sendJson(res, 200, deps.counters.requestLog());
    case 'GET /__admin/writes':
      return sendJson(res, 200, deps.counters.writeLog());
    case 'POST /__admin/writes/clear':
      deps.counters.clearWriteLog();
      return sendJson(res, 200, []);
    case 'GET /__admin/faults':
      return sendJson(res, 200, deps.faults.config);
    case 'POST /__admin/faults': // replaces the whole fault config
    case 'PATCH /__admin/faults': // merges into it
      return changeFaults(res, body, deps.faults, req.method === 'POST');
    default:
      if (req.method === 'GET' && path.startsWith(USER_KEYS_PREFIX)) return sendUserKeys(res, decodeURIComponent(path.slice(USER_KEYS_PREFIX.length)), deps.store);
      return sendJson(res, 404, { error: `no admin route ${route}` });
  }
}

const USER_KEYS_PREFIX = '/__admin/keys/';

/** A user's keys as the store holds them (ID, status, whether it can sign yet); never the secret. */
function sendUserKeys(res: ServerResponse, userName: string, store: IamStore): void {
  const user = store.getUser(userName);
  if (!user) return sendJson(res, 404, { error: `no user ${userName}` });
  const now = store.now();
  sendJson(
    res,
    200,
    user.accessKeys.map((key) => ({
      accessKeyId: key.accessKeyId,
      status: key.status,
      propagated: !key.usableFrom || key.usableFrom <= now,
    })),
  );
}

function changeFaults(res: ServerResponse, body: Buffer, faults: FaultInjector, replace: boolean): void {
  let config: FaultConfig;
  try {
    const parsed: unknown = body.length === 0 ? {} : JSON.parse(body.toString('utf8'));
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('body must be a JSON object');
    config = parsed as FaultConfig;
    if (replace) faults.replace(config);
    else faults.update(config);
  } catch (error) {
    return sendJson(res, 400, { error: error instanceof Error ? error.message : String(error) });
  }
  sendJson(res, 200, faults.config);
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  const text = JSON.stringify(value, null, 2) + '\n';
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

export function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  return address === '::1' || address.startsWith('127.') || address.startsWith('::ffff:127.');
}
