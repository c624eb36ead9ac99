// The https-or-loopback rule every signed request obeys, on the extension's side of the lazy
// boundary: the settings check uses it directly, dist/sdk.js through src/aws/sdkHost.ts.
import { isLoopbackHost } from '../core/validation';

export class EndpointRefusedError extends Error {
  override readonly name = 'EndpointRefusedError';
}

/** Whether a request to protocol + hostname passes the https-or-loopback rule. */
export function requestAllowed(protocol: string | undefined, hostname: string | undefined): boolean {
  if (!hostname) return false;
  const scheme = (protocol ?? '').replace(/:$/, '').toLowerCase();
  return scheme === 'https' || (scheme === 'http' && isLoopbackHost(hostname));
}
