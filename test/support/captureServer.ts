// The capture server that captureHost.ts runs inside its network namespace: plain HTTP on the
// namespace's address, counting every request. It prints one JSON line when listening, then
// one per request with the method, path and Host header only (never headers or body: they
// would hold signatures and tokens), answers 403, and exits when its parent goes (stdin closes),
// on SIGTERM, or after its lifetime, whichever comes first.
import * as http from 'node:http';

interface Spec {
  readonly host: string;
  readonly port: number;
  readonly lifetimeMs: number;
}

const spec = JSON.parse(process.argv[2] ?? '{}') as Spec;
const server = http.createServer((req, res) => {
  process.stdout.write(`${JSON.stringify({ method: req.method, path: (req.url ?? '').split('?')[0], host: req.headers.host })}\n`);
  req.resume();
  req.on('end', () => {
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
