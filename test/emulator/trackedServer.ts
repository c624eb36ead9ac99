// An HTTP server that remembers its open sockets, so close() can end kept-alive connections at
// once; shared by the IAM and the organization emulators.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface TrackedServer {
  readonly server: Server;
  readonly sockets: Set<Socket>;
}

/** A server whose failed requests answer 500 (or drop the connection once headers went out). */
export function trackedServer(label: string, handle: (req: IncomingMessage, res: ServerResponse) => Promise<void>): TrackedServer {
  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      console.error(`${label}: request failed:`, error);
      if (!res.headersSent) res.writeHead(500).end();
      else res.destroy();
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  return { server, sockets };
}

export function listenOn(server: Server, port: number, host: string): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(server.address() as AddressInfo);
    });
  });
}
