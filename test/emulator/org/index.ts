// Start an AWS Organization behind one loopback port: IAM/STS per account,
// sts:AssumeRole with trust rules, Organizations ListAccounts/DescribeOrganization
// and the Identity Center portal, with throttling per account and API family.
import { createHash } from 'node:crypto';
import { CALLER_CREDENTIALS } from '../identities';
import { OrgCounters, type OrgCounterSnapshot } from './orgCounters';
import { OrgHttpServer } from './orgServer';
import { OrgThrottle, type OrgThrottleConfig } from './orgThrottle';
import { OrgWorld, type OrgWorldOptions } from './orgWorld';

export interface OrgEmulatorOptions extends OrgWorldOptions {
  readonly port?: number;
  /** Short and empty pages (with NextToken / IsTruncated) in every paged list. */
  readonly shortPages?: boolean;
  readonly throttle?: OrgThrottleConfig;
  readonly latencyMs?: number;
}

export interface OrgEmulator {
  readonly url: string;
  readonly port: number;
  readonly world: OrgWorld;
  counters(): OrgCounterSnapshot;
  resetCounters(): void;
  setThrottle(config: OrgThrottleConfig): void;
  close(): Promise<void>;
}

export async function startOrgEmulator(options: OrgEmulatorOptions = {}): Promise<OrgEmulator> {
  const seed = options.seed ?? 1;
  const world = new OrgWorld(options);
  const counters = new OrgCounters();
  const throttle = new OrgThrottle(options.throttle);
  const server = new OrgHttpServer({
    world,
    counters,
    throttle,
    latencyMs: options.latencyMs ?? 0,
    paging: {
      secret: createHash('sha256').update(`org-emulator-markers:${seed}`).digest(),
      shortPagesSeed: options.shortPages ? seed : undefined,
    },
    auth: { verifySignatures: true, fallbackAccessKeyId: CALLER_CREDENTIALS.accessKeyId },
  });
  const address = await server.listen(options.port ?? 0, '127.0.0.1');
  return {
    url: `http://127.0.0.1:${address.port}`,
    port: address.port,
    world,
    counters: () => counters.snapshot(),
    resetCounters: () => counters.reset(),
    setThrottle: (config) => throttle.replace(config),
    close: () => server.close(),
  };
}

export { memberAccountId, DEFAULT_ROLE_NAME, ORGANIZATION_ID, SSO_ACCESS_TOKEN, type OrgAccount } from './orgWorld';
export type { OrgCounterSnapshot } from './orgCounters';
export type { OrgThrottleConfig, ApiFamily } from './orgThrottle';
export { writeSsoTokenCache } from './ssoTokenCache';
