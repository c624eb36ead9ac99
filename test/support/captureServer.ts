// The capture server that captureHost.ts runs inside its network namespace: plain HTTP on the
// namespace's address, counting every request. It prints one JSON line when listening, then
// one per request with the method, path, Host header and the operation (a Query body's Action,
// or X-Amz-Target) only: never other headers or the body, which hold signatures, tokens and
// secrets. It answers 403, and exits when its parent goes (stdin closes), on SIGTERM, or after
// its lifetime, whichever comes first.
import * as http from 'node:http';

interface Spec {
  readonly host: string;
  readonly port: number;
  readonly lifetimeMs: number;
}

const spec = JSON.parse(process.argv[2] ?? '{}') as Spec;
/** Enough of a body to find a Query request's Action. */
const BODY_LIMIT = 64 * 1024;

const server = http.createServer((req, res) => {
  let body = '';
  req.on('data', (chunk: Buffer) => {
    if (body.length < BODY_LIMIT) body += chunk.toString('utf8');
  });
  req.on('end', () => {
    const target = req.headers['x-amz-target'];
    const action = (typeof target === 'string' ? target : undefined) ?? /(?:^|&)Action=([A-Za-z]+)/.exec(body)?.[1];
    process.stdout.write(`${JSON.stringify({ method: req.method, path: (req.url ?? '').split('?')[0], host: req.headers.host, action })}\n`);
    res.writeHead(403, { 'Content-Type': 'text/plain', Connection: 'close' });
    res.end('captured');
  });
});
const stop = (): void => {
  server.close(() => process.exit(0));
  server.closeAllConnections();
  setTimeout(() => process.exit(0), 1000).unref();
};
server.listen(spec.port, spec.host, () => process.stdout.write(`${JSON.stringify({ ready: true })}\n`));
setTimeout(stop, spec.lifetimeMs).unref();
process.on('SIGTERM', stop);
process.stdin.on('end', stop);
process.stdin.on('close', stop);
process.stdin.resume();
