// An SDK request handler that records each request and sends nothing: tests see where a
// client would have sent a signed request without any network.
import type { RequestSender } from '../../src/aws/connection';

export interface RecordedRequest {
  readonly protocol: string;
  readonly hostname: string;
  readonly port?: number;
  readonly path: string;
  readonly signed: boolean;
  /** The Action=… of a query-protocol body (IAM, STS). */
  readonly action?: string;
}

export class RecordingRequestHandler implements RequestSender {
  readonly metadata = { handlerProtocol: 'http/1.1' };
  readonly requests: RecordedRequest[] = [];

  handle: RequestSender['handle'] = async (request) => {
    const body = typeof request.body === 'string' ? request.body : '';
    this.requests.push({
      protocol: request.protocol.replace(/:$/, ''),
      hostname: request.hostname,
      port: request.port,
      path: request.path,
      signed: Object.keys(request.headers).some((h) => h.toLowerCase() === 'authorization'),
      action: /(?:^|&)Action=([A-Za-z]+)/.exec(body)?.[1],
    });
    throw Object.assign(new Error('recorded, not sent'), { name: 'RecordedNotSent' });
  };

  updateHttpClientConfig(): void {}
  httpHandlerConfigs(): ReturnType<RequestSender['httpHandlerConfigs']> {
    return {};
  }
  destroy(): void {}
}
