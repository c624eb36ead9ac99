// The Organizations and STS calls of an organization source (src/aws/organization/
// organizationSource.ts), on the SDK's side of the lazy boundary: the source keeps the
// traversal, the pacing and the member sessions; this holds the clients.
import { DescribeOrganizationCommand, ListAccountsCommand, type OrganizationsClient } from '@aws-sdk/client-organizations';
import { AssumeRoleCommand, type STSClient } from '@aws-sdk/client-sts';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@smithy/types';
import type { Page } from '../../core/types';
import { ClientFactory } from './clientFactory';
import type { ConnectionHooks, ConnectionSettings } from './connectionTypes';
import type { SdkHost } from './sdkHost';

/** Organizations answers at most 20 accounts per ListAccounts call. */
const LIST_ACCOUNTS_MAX = 20;

export interface OrganizationAccountRecord {
  readonly id: string;
  readonly name: string;
  readonly status: string;
  readonly email?: string;
}

export interface OrganizationsApi {
  /** The management profile's credentials (what the calls and the management account sign with). */
  readonly credentials: AwsCredentialIdentityProvider;
  describeOrganization(): Promise<{ id: string; managementAccountId: string }>;
  /** One ListAccounts page; an empty page may still carry NextToken. */
  listAccounts(token: string | undefined, signal: AbortSignal): Promise<Page<OrganizationAccountRecord>>;
  assumeRole(request: { roleArn: string; sessionName: string; externalId?: string }): Promise<AwsCredentialIdentity>;
  dispose(): void;
}

export function createOrganizationsApi(
  host: SdkHost,
  settings: ConnectionSettings,
  hooks: ConnectionHooks,
  credentials?: AwsCredentialIdentityProvider,
): OrganizationsApi {
  const factory = new ClientFactory(settings, host, hooks);
  const signer = credentials ?? factory.profileCredentials(settings.profile);
  let organizations: OrganizationsClient | undefined;
  let sts: STSClient | undefined;
  return {
    credentials: signer,
    async describeOrganization() {
      const out = await (organizations ??= factory.organizations(signer)).send(new DescribeOrganizationCommand({}));
      return { id: out.Organization?.Id ?? '', managementAccountId: out.Organization?.MasterAccountId ?? '' };
    },
    async listAccounts(token, signal) {
      const out = await (organizations ??= factory.organizations(signer)).send(new ListAccountsCommand({ NextToken: token, MaxResults: LIST_ACCOUNTS_MAX }), {
        abortSignal: signal,
      });
      const items = (out.Accounts ?? []).map(
        (a): OrganizationAccountRecord => ({ id: a.Id ?? '', name: a.Name ?? a.Id ?? '', status: a.State ?? a.Status ?? 'ACTIVE', email: a.Email }),
      );
      return { items, nextMarker: out.NextToken || undefined };
    },
    async assumeRole(request) {
      const out = await (sts ??= factory.assumeRoleSts(signer)).send(
        new AssumeRoleCommand({ RoleArn: request.roleArn, RoleSessionName: request.sessionName, ExternalId: request.externalId || undefined }),
      );
      const c = out.Credentials;
      if (!c?.AccessKeyId || !c.SecretAccessKey) throw new Error(`AssumeRole of ${request.roleArn} returned no credentials`);
      return { accessKeyId: c.AccessKeyId, secretAccessKey: c.SecretAccessKey, sessionToken: c.SessionToken, expiration: c.Expiration };
    },
    dispose() {
      factory.dispose();
      organizations = undefined;
      sts = undefined;
    },
  };
}
