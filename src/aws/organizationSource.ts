// The accounts of an AWS Organization seen from a management (or delegated-admin) profile:
// DescribeOrganization and ListAccounts with the profile's own credentials, and one session
// per member account that signs with `roleName` assumed in that account. A member session is
// registered as soon as the account is listed but costs nothing until used: AssumeRole runs
// when the account is entered (expanded, or reached by an organization-wide action), its
// credentials are kept until shortly before they expire and refreshed on the next use. The
// management account itself uses the profile's credentials; no admin role is ever assumed
// unless the user named it.
import { DescribeOrganizationCommand, ListAccountsCommand, type OrganizationsClient } from '@aws-sdk/client-organizations';
import { AssumeRoleCommand, type STSClient } from '@aws-sdk/client-sts';
import type { AwsCredentialIdentityProvider } from '@smithy/types';
import { OrgTraversal, type OrgAccountInfo } from '../core/orgTraversal';
import type { TokenBuckets } from '../core/tokenBucket';
import type { Page } from '../core/types';
import { cachedCredentials, type CachedCredentials } from './cachedCredentials';
import { ClientFactory } from './clientFactory';
import type { AttemptRecord, Connection, ConnectionHooks, ConnectionSettings } from './connection';
import { ConnectionSession } from './connectionSession';
import type { OrgApiFamily } from './orgRates';
import { createSdkConnectionWith } from './sdkConnection';

export interface OrganizationConfig {
  readonly profile: string;
  readonly roleName: string;
  readonly externalId?: string;
  readonly includeAccounts?: readonly string[];
  readonly excludeAccounts?: readonly string[];
}

export interface OrganizationAccount extends OrgAccountInfo {
  readonly email?: string;
}

export interface OrganizationInfo {
  readonly id: string;
  readonly managementAccountId: string;
}

export interface MemberSessionSink {
  addMemberSession(account: string, session: ConnectionSession): void;
}

export interface OrganizationSourceDeps {
  /** Region, endpoint, timeouts; `profile` is the organization's profile. */
  readonly settings: ConnectionSettings;
  readonly buckets: TokenBuckets<OrgApiFamily>;
  /** Where member sessions are registered (the SessionRegistry). */
  readonly registry?: MemberSessionSink;
  /** The profile's credentials; default: the client factory's provider for `config.profile`. */
  readonly credentials?: AwsCredentialIdentityProvider;
  /** The MFA prompt, where ignored endpoints and refused requests are logged, and (tests) the request handler. */
  readonly hooks?: OrgHooks;
  readonly log?: { debug(message: string): void; trace(message: string): void };
}

export type OrgHooks = Pick<ConnectionHooks, 'mfaCodeProvider' | 'log' | 'requestHandler'>;

/** Organizations answers at most 20 accounts per ListAccounts call. */
const LIST_ACCOUNTS_MAX = 20;
export const ROLE_SESSION_NAME = 'iam-access-keys';

export class OrganizationSource {
  readonly traversal: OrgTraversal<OrganizationAccount, ConnectionSession>;
  private readonly factory: ClientFactory;
  private readonly credentials: AwsCredentialIdentityProvider;
  private organizations: OrganizationsClient | undefined;
  private sts: STSClient | undefined;
  private info: Promise<OrganizationInfo> | undefined;
  private readonly members = new Map<string, ConnectionSession>();
  private readonly assumedByAccount = new Map<string, CachedCredentials>();

  constructor(
    readonly config: OrganizationConfig,
    private readonly deps: OrganizationSourceDeps,
  ) {
    this.factory = new ClientFactory(deps.settings, deps.hooks);
    this.credentials = deps.credentials ?? this.factory.profileCredentials(config.profile);
    const include = config.includeAccounts && config.includeAccounts.length > 0 ? new Set(config.includeAccounts) : undefined;
    const exclude = new Set(config.excludeAccounts ?? []);
    this.traversal = new OrgTraversal<OrganizationAccount, ConnectionSession>(
      (token, signal) => this.listAccountsPage(token, signal),
      (account, signal) => this.enter(account, signal),
      (id) => (include === undefined || include.has(id)) && !exclude.has(id),
    );
  }

  /** DescribeOrganization, asked once (a failure is asked again next time). */
  describe(): Promise<OrganizationInfo> {
    this.info ??= (async () => {
      await this.deps.buckets.of('organizations').take();
      const out = await this.organizationsClient().send(new DescribeOrganizationCommand({}));
      return { id: out.Organization?.Id ?? '', managementAccountId: out.Organization?.MasterAccountId ?? '' };
    })().catch((error: unknown) => {
      this.info = undefined;
      throw error;
    });
    return this.info;
  }

  /** One ListAccounts page; an empty page may still carry NextToken (the traversal follows it). */
  async listAccountsPage(token: string | undefined, signal: AbortSignal): Promise<Page<OrganizationAccount>> {
    await this.deps.buckets.of('organizations').take(signal);
    const out = await this.organizationsClient().send(new ListAccountsCommand({ NextToken: token, MaxResults: LIST_ACCOUNTS_MAX }), {
      abortSignal: signal,
    });
    const items = (out.Accounts ?? []).map(
      (a): OrganizationAccount => ({ id: a.Id ?? '', name: a.Name ?? a.Id ?? '', status: a.State ?? a.Status ?? 'ACTIVE', email: a.Email }),
    );
    for (const account of items) this.sessionFor(account);
    return { items, nextMarker: out.NextToken || undefined };
  }

  /** The account's session, made (not used) on first ask and registered. */
  sessionFor(account: OrganizationAccount): ConnectionSession {
    const known = this.members.get(account.id);
    if (known) return known;
    const connect = (_profile: string, hooks: { onAttempt: (record: AttemptRecord) => void }): Connection =>
      createSdkConnectionWith(this.deps.settings, this.credentialsOf(account), { ...this.deps.hooks, ...hooks });
    const session = new ConnectionSession(
      this.config.profile,
      { name: this.config.profile, kind: 'assume role', mfa: false },
      connect,
      this.deps.log,
      { id: `org/${this.config.profile}/${account.id}`, account: account.id },
    );
    this.members.set(account.id, session);
    this.deps.registry?.addMemberSession(account.id, session);
    return session;
  }

  /** AssumeRole calls made so far for an account (0 for the management account). */
  assumeRoleCalls(accountId: string): number {
    return this.assumedByAccount.get(accountId)?.fetches() ?? 0;
  }

  /** Entering = having credentials for the account: AssumeRole for a member, nothing for the management account. */
  private async enter(account: OrganizationAccount, signal: AbortSignal): Promise<ConnectionSession> {
    const session = this.sessionFor(account);
    const { managementAccountId } = await this.describe();
    if (account.id === managementAccountId) return session;
    const assumed = this.assumedCredentials(account);
    if (signal.aborted) throw signal.reason instanceof Error ? signal.reason : new Error('cancelled');
    await assumed.provider();
    return session;
  }

  private credentialsOf(account: OrganizationAccount): AwsCredentialIdentityProvider {
    return async () => {
      const { managementAccountId } = await this.describe();
      if (account.id === managementAccountId) return this.credentials();
      return this.assumedCredentials(account).provider();
    };
  }

  private assumedCredentials(account: OrganizationAccount): CachedCredentials {
    let assumed = this.assumedByAccount.get(account.id);
    if (!assumed) {
      assumed = cachedCredentials(async () => {
        await this.deps.buckets.of('sts').take();
        const out = await this.stsClient().send(
          new AssumeRoleCommand({
            RoleArn: `arn:${partitionOf(this.deps.settings.region)}:iam::${account.id}:role/${this.config.roleName}`,
            RoleSessionName: ROLE_SESSION_NAME,
            ExternalId: this.config.externalId || undefined,
          }),
        );
        const c = out.Credentials;
        if (!c?.AccessKeyId || !c.SecretAccessKey) throw new Error(`AssumeRole into ${account.id} returned no credentials`);
        return { accessKeyId: c.AccessKeyId, secretAccessKey: c.SecretAccessKey, sessionToken: c.SessionToken, expiration: c.Expiration };
      });
      this.assumedByAccount.set(account.id, assumed);
    }
    return assumed;
  }

  private organizationsClient(): OrganizationsClient {
    return (this.organizations ??= this.factory.organizations(this.credentials));
  }

  private stsClient(): STSClient {
    return (this.sts ??= this.factory.assumeRoleSts(this.credentials));
  }

  dispose(): void {
    this.traversal.reset();
    this.factory.dispose();
    this.organizations = undefined;
    this.sts = undefined;
    for (const session of this.members.values()) session.dispose();
    this.members.clear();
    this.assumedByAccount.clear();
  }
}

/** The ARN partition of a region: role ARNs must name it. */
export function partitionOf(region: string): string {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  return 'aws';
}
