// A per-attempt deadline that also covers the response body. The SDK's requestTimeout acts
// on an idle socket, so an endpoint that trickles its answer byte by byte would hold a
// request open forever; here every attempt ends by `timeoutMs`, as a retryable TimeoutError.
import type { NodeHttpHandler, NodeHttpHandlerOptions } from '@smithy/node-http-handler';
import type { HttpHandlerOptions, HttpResponse } from '@smithy/types';
import type { Readable } from 'stream';

export class DeadlineHttpHandler {
  readonly metadata = { handlerProtocol: 'http/1.1' };

  constructor(
    private readonly inner: NodeHttpHandler,
    private readonly timeoutMs: number,
  ) {}

  async handle(request: Parameters<NodeHttpHandler['handle']>[0], options: HttpHandlerOptions = {}): Promise<{ response: HttpResponse }> {
    const controller = new AbortController();
    const timeout = Object.assign(new Error(`No complete answer within ${this.timeoutMs} ms`), { name: 'TimeoutError' });
    const timer = setTimeout(() => controller.abort(timeout), this.timeoutMs);
    const outer = options.abortSignal as AbortSignal | undefined;
    const forward = (): void => controller.abort(outer?.reason);
    outer?.addEventListener('abort', forward, { once: true });
    // A signal aborted before the request got here (while signing) fires no event: stop now.
    if (outer?.aborted) forward();
    const done = (): void => {
      clearTimeout(timer);
      outer?.removeEventListener('abort', forward);
    };
    try {
      const { response } = await this.inner.handle(request, { ...options, abortSignal: controller.signal });
      const body = response.body as Readable | undefined;
      if (!body || typeof body.once !== 'function') {
        done();
        return { response };
      }
      const onAbort = (): void => {
        body.destroy(controller.signal.reason instanceof Error ? controller.signal.reason : timeout);
      };
      controller.signal.addEventListener('abort', onAbort, { once: true });
      const finish = (): void => {
        controller.signal.removeEventListener('abort', onAbort);
        done();
      };
      body.once('end', finish);
      body.once('close', finish);
      body.once('error', finish);
      return { response };
    } catch (error) {
      done();
      throw controller.signal.aborted && controller.signal.reason === timeout ? timeout : error;
    }
  }

  updateHttpClientConfig(key: keyof NodeHttpHandlerOptions, value: NodeHttpHandlerOptions[typeof key]): void {
    this.inner.updateHttpClientConfig(key, value);
  }

  httpHandlerConfigs(): NodeHttpHandlerOptions {
    return this.inner.httpHandlerConfigs();
  }

  destroy(): void {
    this.inner.destroy();
  }
}
