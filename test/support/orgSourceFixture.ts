// The organization source of the organization unit tests: management profile "mgmt", role
// IamKeysReadOnly, real SDK over HTTP to the local organization endpoint, the caller's
// credentials, and rate buckets that never make a test wait.
import { OrganizationSource, type OrganizationSourceDeps } from '../../src/aws/organization/organizationSource';
import { orgApiBuckets } from '../../src/aws/organization/orgRates';
import { CALLER_CREDENTIALS } from '../emulator/identities';
import { startOrgEmulator, type OrgEmulator, type OrgEmulatorOptions } from '../emulator/org/index';

const FAST = { ratePerSecond: 1000, burst: 1000 };

export interface OrgSourceOptions extends Pick<OrganizationSourceDeps, 'log' | 'hooks'> {
  /** Attempts per call (default 3). */
  readonly maxAttempts?: number;
}

/** The source for the organization endpoint at `endpoint`. */
export function orgSourceAt(endpoint: string, options: OrgSourceOptions = {}): OrganizationSource {
  const { maxAttempts = 3, ...hooksAndLog } = options;
  return new OrganizationSource(
    { profile: 'mgmt', roleName: 'IamKeysReadOnly' },
    {
      settings: { profile: 'mgmt', region: 'us-east-1', endpoint, requestTimeoutMs: 5000, maxAttempts },
      buckets: orgApiBuckets({ sts: FAST, organizations: FAST, sso: FAST }),
      credentials: () => Promise.resolve(CALLER_CREDENTIALS),
      ...hooksAndLog,
    },
  );
}

export interface OrgSourceFixture {
  readonly emulator: OrgEmulator;
  readonly org: OrganizationSource;
  /** The source as the organization-wide walks take it. */
  source(): { id: string; traversal: OrganizationSource['traversal'] };
  close(): Promise<void>;
}

/** A local organization endpoint and the source for it; `close()` ends both. */
export async function startOrgSource(emulatorOptions: OrgEmulatorOptions, options: OrgSourceOptions = {}): Promise<OrgSourceFixture> {
  const emulator = await startOrgEmulator(emulatorOptions);
  const org = orgSourceAt(emulator.url, options);
  return {
    emulator,
    org,
    source: () => ({ id: 'org/mgmt', traversal: org.traversal }),
    close: async () => {
      org.dispose();
      await emulator.close();
    },
  };
}

/** Every account of the endpoint aborts `controller` as it answers a key listing (ListAccessKeys). */
export function abortOnKeyListing(emulator: OrgEmulator, controller: AbortController): void {
  for (const account of emulator.world.accounts) {
    const keysOf = account.store.keysOf.bind(account.store);
    account.store.keysOf = (owner) => {
      controller.abort();
      return keysOf(owner);
    };
  }
}
