// The one rule for where a signed request may go, used by every SDK client the extension
// builds (IAM, STS, and the STS/SSO clients the credential providers build inside).
//
// Why: with `iamKeys.endpoint` empty, the SDK would read AWS_ENDPOINT_URL, AWS_ENDPOINT_URL_IAM
// / _STS and a profile's `endpoint_url` (the [default] profile's even when another profile is
// selected, since the SDK's lookup ignores the client's profile). Requests signed with one
// profile's credentials could then go over plain http to any host. So configured endpoint URLs
// are always ignored (`iamKeys.endpoint` is the only override, and it passes the
// https-or-loopback rule of validateEndpoint), the reason is logged, and the request handler
// refuses any request whose URL breaks the rule, whatever resolved it.
import type { HttpHandlerOptions } from '@smithy/types';
import type { SdkHost } from './sdkHost';

/** For the SDK's own nested clients (assume-role STS, SSO, SSO-OIDC) via `clientConfig`. */
export const IGNORE_CONFIGURED_ENDPOINTS = { ignoreConfiguredEndpointUrls: true } as const;

/**
 * The endpoint part of every client's config: `endpoint` only from the checked setting,
 * configured endpoint URLs ignored. Throws if `endpoint` breaks the rule (a caller that skipped
 * the settings check must not get a client).
 */
export function guardedEndpointConfig(endpoint: string, host: SdkHost): { endpoint?: string; ignoreConfiguredEndpointUrls: true } {
  const check = host.validateEndpoint(endpoint);
  if (!check.ok) throw host.endpointRefused(check.reason);
  return { ...(endpoint ? { endpoint } : {}), ...IGNORE_CONFIGURED_ENDPOINTS };
}

/** Only scheme, host and port: no user:pass@, path or query reaches a log. */
export function describeEndpoint(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}`;
  } catch {
    return '(not a URL)';
  }
}

interface RequestLike {
  readonly protocol?: string;
  readonly hostname?: string;
  readonly port?: number;
}

interface HandlerLike<R> {
  handle(request: R, options?: HttpHandlerOptions): Promise<unknown>;
}

/**
 * The last line: a request handler that refuses (throws, sends nothing) a request whose URL
 * breaks the https-or-loopback rule, then hands the rest to `inner`. Nested clients that the
 * credential providers build reuse the caller's handler, so they are covered too.
 */
export function guardRequestHandler<R extends RequestLike, H extends HandlerLike<R>>(inner: H, host: SdkHost, onRefused?: (message: string) => void): H {
  return new Proxy(inner, {
    get(target, property, receiver) {
      if (property !== 'handle') return Reflect.get(target, property, receiver) as unknown;
      return (request: R, options?: HttpHandlerOptions) => {
        if (!host.requestAllowed(request.protocol, request.hostname)) {
          const where = `${(request.protocol ?? '').replace(/:$/, '')}://${request.hostname ?? ''}${request.port ? `:${request.port}` : ''}`;
          const message = `Refused to send a signed request to ${where}: only https://, or http:// on this machine, is allowed.`;
          onRefused?.(message);
          return Promise.reject(host.endpointRefused(message));
        }
        return target.handle(request, options);
      };
    },
  });
}

/** An endpoint URL the SDK would have read from the environment or the config files. */
export interface ConfiguredEndpoint {
  /** e.g. `AWS_ENDPOINT_URL_STS` or `endpoint_url of [profile dev]`. */
  readonly source: string;
  /** scheme://host[:port] only. */
  readonly endpoint: string;
}

const ENV_NAMES = ['AWS_ENDPOINT_URL', 'AWS_ENDPOINT_URL_IAM', 'AWS_ENDPOINT_URL_STS', 'AWS_ENDPOINT_URL_ORGANIZATIONS', 'AWS_ENDPOINT_URL_SSO', 'AWS_ENDPOINT_URL_SSO_OIDC'];
const SERVICE_KEYS = ['iam', 'sts', 'organizations', 'sso', 'sso_oidc'];

type Sections = Record<string, Record<string, string | undefined> | undefined>;

/**
 * Every endpoint URL the SDK would read for `profile` ('' = default chain) if it were not told
 * to ignore them: the AWS_ENDPOINT_URL* variables, and `endpoint_url` (direct or through a
 * `services` section) of the selected profile, of AWS_PROFILE and of [default].
 */
export function findConfiguredEndpoints(
  env: NodeJS.ProcessEnv,
  files: { configFile?: Sections; credentialsFile?: Sections },
  profile: string,
): ConfiguredEndpoint[] {
  const found: ConfiguredEndpoint[] = [];
  for (const name of ENV_NAMES) {
    const value = env[name];
    if (value) found.push({ source: name, endpoint: describeEndpoint(value) });
  }
  const names = [...new Set([profile, env.AWS_PROFILE ?? '', 'default'].filter(Boolean))];
  for (const name of names) {
    for (const [fileName, sections] of [['config', files.configFile], ['credentials', files.credentialsFile]] as const) {
      const section = sections?.[name];
      if (!section) continue;
      const where = `[${name === 'default' ? 'default' : `profile ${name}`}] in the ${fileName} file`;
      if (section.endpoint_url) found.push({ source: `endpoint_url of ${where}`, endpoint: describeEndpoint(section.endpoint_url) });
      const services = section.services ? files.configFile?.[`services.${section.services}`] : undefined;
      for (const service of SERVICE_KEYS) {
        const url = services?.[`${service}.endpoint_url`];
        if (url) found.push({ source: `${service}.endpoint_url of [services ${section.services}] (used by ${where})`, endpoint: describeEndpoint(url) });
      }
    }
  }
  return found;
}

/** One log line per configured endpoint that is ignored, saying why. */
export function ignoredEndpointMessages(found: readonly ConfiguredEndpoint[]): string[] {
  return found.map(
    (f) =>
      `Ignored the endpoint ${f.endpoint} from ${f.source}: only the iamKeys.endpoint setting (https://, or http:// on this machine) ` +
      'chooses where signed requests go, so an environment variable or another profile cannot redirect them.',
  );
}

/** Reads the config files (as the SDK does) and returns the messages for `profile`; never throws. */
export async function reportIgnoredEndpoints(env: NodeJS.ProcessEnv, profile: string): Promise<string[]> {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use, like the SDK
    const { loadSharedConfigFiles } = require('@smithy/shared-ini-file-loader') as typeof import('@smithy/shared-ini-file-loader');
    const files = await loadSharedConfigFiles({ ignoreCache: true });
    return ignoredEndpointMessages(findConfiguredEndpoints(env, files as { configFile?: Sections; credentialsFile?: Sections }, profile));
  } catch {
    return ignoredEndpointMessages(findConfiguredEndpoints(env, {}, profile));
  }
}
