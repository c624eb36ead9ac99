// The host a failed request was sent to, kept on its error, so error rows and the log can say
// where the extension tried ("Network error (iam.amazonaws.com)"). Host and port only: never a
// path, query or user:pass@, nothing signed.

// Symbol.for: the extension's two bundles (extension.js, features.js) each hold a copy of this module.
const HOST = Symbol.for('iamKeys.triedHost');

/** Notes on `error` the host of the HTTP request that failed (the last attempt's). */
export function noteTriedHost(error: unknown, request: unknown): void {
  if (typeof error !== 'object' || error === null) return;
  const host = requestHost(request);
  if (host === undefined) return;
  try {
    Object.defineProperty(error, HOST, { value: host, configurable: true, enumerable: false });
  } catch {
    // a frozen error: no host to show
  }
}

/** The host a failed request went to, when it got that far (a credentials failure never does). */
export function triedHost(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const host = (error as { [HOST]?: unknown })[HOST];
  return typeof host === 'string' ? host : undefined;
}

function requestHost(request: unknown): string | undefined {
  if (typeof request !== 'object' || request === null) return undefined;
  const { hostname, port } = request as { hostname?: unknown; port?: unknown };
  if (typeof hostname !== 'string' || hostname === '') return undefined;
  // An IPv6 literal keeps its brackets; the SDK may hand it with or without them.
  const host = hostname.includes(':') && !hostname.startsWith('[') ? `[${hostname}]` : hostname;
  return typeof port === 'number' ? `${host}:${port}` : host;
}
