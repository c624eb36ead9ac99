// The accounts of an AWS Organization seen from a management (or delegated-admin) profile:
// DescribeOrganization and ListAccounts with the profile's own credentials, and one session
// per member account that signs with `roleName` assumed in that account. A member session is
// registered as soon as the account is listed but costs nothing until used: AssumeRole runs
// when the account is entered (expanded, or reached by an organization-wide action), its
// credentials are kept until shortly before they expire and refreshed on the next use. The
// management account itself uses the profile's credentials; no admin role is ever assumed
// unless the user named it. The clients live in dist/sdk.js (src/aws/sdk/organizationsApi.ts).
import type { AwsCredentialIdentityProvider } from '@smithy/types';
import type { Page } from '../../core/types';
import type { ConnectionSession } from '../connectionSession';
import type { CredentialKind } from '../profiles';
import type { OrganizationsApi } from '../sdk/organizationsApi';
import { loadSdk } from '../sdkLoader';
import { MemberAccountSource, type AccountSourceDeps } from './accountSource';
import type { OrgAccountInfo } from './orgTraversal';

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

export interface OrganizationSourceDeps extends AccountSourceDeps {
  /** The profile's credentials; default: the client factory's provider for `config.profile`. */
  readonly credentials?: AwsCredentialIdentityProvider;
}

export const ROLE_SESSION_NAME = 'iam-access-keys';

export class OrganizationSource extends MemberAccountSource {
  readonly kind = 'organization' as const;
  private api: OrganizationsApi | undefined;
  private info: Promise<OrganizationInfo> | undefined;

  constructor(
    readonly config: OrganizationConfig,
    protected override readonly deps: OrganizationSourceDeps,
  ) {
    const include = config.includeAccounts && config.includeAccounts.length > 0 ? new Set(config.includeAccounts) : undefined;
    const exclude = new Set(config.excludeAccounts ?? []);
    super(config.profile, config.roleName, deps, (id) => (include === undefined || include.has(id)) && !exclude.has(id));
  }

  async organizationId(): Promise<string> {
    return (await this.describe()).id;
  }

  /** DescribeOrganization, asked once (a failure is asked again next time). */
  describe(): Promise<OrganizationInfo> {
    this.info ??= (async () => {
      await this.deps.buckets.of('organizations').take();
      return this.organizations().describeOrganization();
    })().catch((error: unknown) => {
      this.info = undefined;
      throw error;
    });
    return this.info;
  }

  /** AssumeRole calls made so far for an account (0 for the management account). */
  assumeRoleCalls(accountId: string): number {
    return this.credentialFetches(accountId);
  }

  protected async fetchAccountsPage(token: string | undefined, signal: AbortSignal): Promise<Page<OrganizationAccount>> {
    await this.deps.buckets.of('organizations').take(signal);
    return this.organizations().listAccounts(token, signal);
  }

  /** AssumeRole for a member, nothing for the management account. */
  protected async enter(account: OrgAccountInfo, signal: AbortSignal): Promise<ConnectionSession> {
    const session = this.sessionFor(account);
    const { managementAccountId } = await this.describe();
    if (account.id === managementAccountId) return session;
    const assumed = this.assumed(account.id);
    if (signal.aborted) throw signal.reason instanceof Error ? signal.reason : new Error('cancelled');
    await assumed.provider();
    return session;
  }

  protected credentialsOf(account: OrgAccountInfo): AwsCredentialIdentityProvider {
    return async () => {
      const { managementAccountId } = await this.describe();
      if (account.id === managementAccountId) return this.organizations().credentials();
      return this.assumed(account.id).provider();
    };
  }

  protected credentialKind(): CredentialKind {
    return 'assume role';
  }

  protected disposeClients(): void {
    this.api?.dispose();
    this.api = undefined;
  }

  private assumed(accountId: string) {
    return this.memberCredentials(accountId, async () => {
      await this.deps.buckets.of('sts').take();
      return this.organizations().assumeRole({
        roleArn: `arn:${partitionOf(this.deps.settings.region)}:iam::${accountId}:role/${this.config.roleName}`,
        sessionName: ROLE_SESSION_NAME,
        externalId: this.config.externalId,
      });
    });
  }

  private organizations(): OrganizationsApi {
    return (this.api ??= loadSdk().createOrganizationsApi(this.deps.settings, this.deps.hooks ?? {}, this.deps.credentials));
  }
}

/** The ARN partition of a region: role ARNs must name it. */
export function partitionOf(region: string): string {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  return 'aws';
}
