// The accounts an IAM Identity Center user can reach, from a profile with `sso_session` /
// `sso_start_url`: the token of `aws sso login`, then sso ListAccounts (paged); entering an
// account checks ListAccountRoles for `roleName` and takes GetRoleCredentials, kept until
// shortly before expiry. Portal calls are paced (Identity Center documents 20 per second).
// An expired or revoked token says to run `aws sso login --profile X`. The portal client
// lives in dist/sdk.js (src/aws/sdk/identityCenterApi.ts).
import type { AwsCredentialIdentityProvider } from '@smithy/types';
import type { Page } from '../../core/types';
import type { ConnectionSession } from '../connectionSession';
import type { CredentialKind } from '../profiles';
import type { IdentityCenterApi } from '../sdk/identityCenterApi';
import { loadSdk } from '../sdkLoader';
import { MemberAccountSource, type AccountSourceDeps } from './accountSource';
import type { OrgAccountInfo } from './orgTraversal';

export interface IdentityCenterConfig {
  readonly profile: string;
  readonly roleName: string;
}

export type IdentityCenterDeps = AccountSourceDeps;

export class IdentityCenterSource extends MemberAccountSource {
  readonly kind = 'identity-center' as const;
  private api: IdentityCenterApi | undefined;

  constructor(
    readonly config: IdentityCenterConfig,
    deps: IdentityCenterDeps,
  ) {
    super(config.profile, config.roleName, deps);
  }

  organizationId(): Promise<undefined> {
    return Promise.resolve(undefined);
  }

  /** GetRoleCredentials calls made so far for an account. */
  roleCredentialCalls(accountId: string): number {
    return this.credentialFetches(accountId);
  }

  protected async fetchAccountsPage(token: string | undefined, signal: AbortSignal): Promise<Page<OrgAccountInfo>> {
    const page = await this.portal().listAccounts(token, signal);
    return { items: page.items.map((a): OrgAccountInfo => ({ ...a, status: 'ACTIVE' })), nextMarker: page.nextMarker };
  }

  protected async enter(account: OrgAccountInfo, signal: AbortSignal): Promise<ConnectionSession> {
    const roles: string[] = [];
    let nextToken: string | undefined;
    do {
      const page = await this.portal().listAccountRoles(account.id, nextToken, signal);
      roles.push(...page.items);
      nextToken = page.nextMarker;
    } while (nextToken);
    if (!roles.includes(this.config.roleName)) {
      throw new Error(
        `The role ${this.config.roleName} is not assigned to you in account ${account.id}` +
          (roles.length > 0 ? ` (assigned: ${roles.join(', ')})` : ''),
      );
    }
    const session = this.sessionFor(account);
    await this.credentialsOf(account)();
    return session;
  }

  protected credentialsOf(account: OrgAccountInfo): AwsCredentialIdentityProvider {
    return this.memberCredentials(account.id, () => this.portal().getRoleCredentials(account.id, this.config.roleName)).provider;
  }

  protected credentialKind(): CredentialKind {
    return 'SSO';
  }

  protected disposeClients(): void {
    this.api?.dispose();
    this.api = undefined;
  }

  private portal(): IdentityCenterApi {
    return (this.api ??= loadSdk().createIdentityCenterApi(this.deps.settings, this.deps.hooks ?? {}, (signal) => this.deps.buckets.of('sso').take(signal)));
  }
}
