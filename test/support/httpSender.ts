// A request handler (RequestSender) that sends over HTTP with the SDK's own Node handler, for
// tests that watch or steer a client's requests: subclasses override `handle` and call `send`.
// It remembers whether it was destroyed (its sockets closed).
import { NodeHttpHandler } from '@smithy/node-http-handler';
import type { RequestSender } from '../../src/aws/connection';

export class HttpSender implements RequestSender {
  readonly metadata = { handlerProtocol: 'http/1.1' };
  private readonly inner = new NodeHttpHandler();
  destroyed = false;

  protected send: RequestSender['handle'] = (request, options) => this.inner.handle(request, options);
  handle: RequestSender['handle'] = (request, options) => this.send(request, options);

  updateHttpClientConfig(): void {}
  httpHandlerConfigs(): ReturnType<RequestSender['httpHandlerConfigs']> {
    return {};
  }
  destroy(): void {
    this.destroyed = true;
    this.inner.destroy();
  }
}
