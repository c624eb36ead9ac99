// A loopback HTTP server that answers each AWS operation with a fixed body: for answers the
// emulator never gives (a well-formed answer with a field left out), read by the real SDK
// over real HTTP. The operation is a Query body's Action (IAM, STS) or the X-Amz-Target's
// suffix (JSON protocols); an operation with no canned answer gets 400.
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface CannedAnswer {
  readonly contentType: string;
  readonly body: string;
}

export interface CannedAnswerServer {
  readonly url: string;
  /** The operations asked, in order. */
  readonly asked: string[];
  close(): Promise<void>;
}

/** A Query-protocol (IAM, STS) answer: `<{op}Response xmlns><{op}Result>{result}</…>`. */
export function queryAnswer(operation: string, namespace: string, result: string): CannedAnswer {
  return {
    contentType: 'text/xml',
    body: `<${operation}Response xmlns="${namespace}"><${operation}Result>${result}</${operation}Result><ResponseMetadata><RequestId>canned-1</RequestId></ResponseMetadata></${operation}Response>`,
  };
}

export function jsonAnswer(value: unknown): CannedAnswer {
  return { contentType: 'application/x-amz-json-1.1', body: JSON.stringify(value) };
}

export async function startCannedAnswerServer(answers: Readonly<Record<string, CannedAnswer>>): Promise<CannedAnswerServer> {
  const asked: string[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      const target = req.headers['x-amz-target'];
      const operation = (typeof target === 'string' ? target.split('.').pop() : undefined) ?? /(?:^|&)Action=([A-Za-z]+)/.exec(body)?.[1] ?? '';
      asked.push(operation);
      const answer = answers[operation];
      if (!answer) {
        res.writeHead(400, { 'Content-Type': 'text/plain' }).end(`no canned answer for ${operation}`);
        return;
      }
      res.writeHead(200, { 'Content-Type': answer.contentType, 'x-amzn-RequestId': 'canned-1' }).end(answer.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    asked,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
