// The accounts an IAM Identity Center user can reach, from a profile with `sso_session` /
// `sso_start_url`: the token of `aws sso login`, then sso ListAccounts (paged); entering an
// account checks ListAccountRoles for `roleName` and takes GetRoleCredentials, kept until
// shortly before expiry. Portal calls are paced (Identity Center documents 20 per second).
// An expired or revoked token says to run `aws sso login --profile X`.
import { GetRoleCredentialsCommand, ListAccountRolesCommand, ListAccountsCommand, type SSOClient } from '@aws-sdk/client-sso';
import type { AwsCredentialIdentityProvider } from '@smithy/types';
import { OrgTraversal, type OrgAccountInfo } from '../core/orgTraversal';
import type { TokenBuckets } from '../core/tokenBucket';
import type { Page } from '../core/types';
import { cachedCredentials, type CachedCredentials } from './cachedCredentials';
import { ClientFactory } from './clientFactory';
import type { AttemptRecord, Connection, ConnectionSettings } from './connection';
import { ConnectionSession } from './connectionSession';
import type { MemberSessionSink, OrgHooks } from './organizationSource';
import type { OrgApiFamily } from './orgRates';
import { createSdkConnectionWith } from './sdkConnection';
import { readSsoAccessToken, readSsoProfile, SsoLoginNeededError, type SsoProfile } from './ssoToken';

export interface IdentityCenterConfig {
  readonly profile: string;
  readonly roleName: string;
}

export interface IdentityCenterDeps {
  readonly settings: ConnectionSettings;
  readonly buckets: TokenBuckets<OrgApiFamily>;
  readonly registry?: MemberSessionSink;
  readonly hooks?: OrgHooks;
  readonly log?: { debug(message: string): void; trace(message: string): void };
}

const PAGE_SIZE = 100;

export class IdentityCenterSource {
  readonly traversal: OrgTraversal<OrgAccountInfo, ConnectionSession>;
  private readonly factory: ClientFactory;
  private client: SSOClient | undefined;
  private ssoProfile: Promise<SsoProfile> | undefined;
  private readonly sessions = new Map<string, ConnectionSession>();
  private readonly roleCredentials = new Map<string, CachedCredentials>();

  constructor(
    readonly config: IdentityCenterConfig,
    private readonly deps: IdentityCenterDeps,
  ) {
    this.factory = new ClientFactory(deps.settings, deps.hooks);
    this.traversal = new OrgTraversal<OrgAccountInfo, ConnectionSession>(
      (token, signal) => this.listAccountsPage(token, signal),
      (account, signal) => this.enter(account, signal),
    );
  }

  async listAccountsPage(token: string | undefined, signal: AbortSignal): Promise<Page<OrgAccountInfo>> {
    const out = await this.portal(signal, (client, accessToken) =>
      client.send(new ListAccountsCommand({ accessToken, nextToken: token, maxResults: PAGE_SIZE }), { abortSignal: signal }),
    );
    const items = (out.accountList ?? []).map((a): OrgAccountInfo => ({ id: a.accountId ?? '', name: a.accountName ?? a.accountId ?? '', status: 'ACTIVE' }));
    for (const account of items) this.sessionFor(account);
    return { items, nextMarker: out.nextToken || undefined };
  }

  sessionFor(account: OrgAccountInfo): ConnectionSession {
    const known = this.sessions.get(account.id);
    if (known) return known;
    const connect = (_profile: string, hooks: { onAttempt: (record: AttemptRecord) => void }): Connection =>
      createSdkConnectionWith(this.deps.settings, this.credentialsOf(account).provider, { ...this.deps.hooks, ...hooks });
    const session = new ConnectionSession(this.config.profile, { name: this.config.profile, kind: 'SSO', mfa: false }, connect, this.deps.log, {
      id: `sso/${this.config.profile}/${account.id}`,
      account: account.id,
    });
    this.sessions.set(account.id, session);
    this.deps.registry?.addMemberSession(account.id, session);
    return session;
  }

  /** GetRoleCredentials calls made so far for an account. */
  roleCredentialCalls(accountId: string): number {
    return this.roleCredentials.get(accountId)?.fetches() ?? 0;
  }

  private async enter(account: OrgAccountInfo, signal: AbortSignal): Promise<ConnectionSession> {
    const roles: string[] = [];
    let nextToken: string | undefined;
    do {
      const out = await this.portal(signal, (client, accessToken) =>
        client.send(new ListAccountRolesCommand({ accessToken, accountId: account.id, nextToken, maxResults: PAGE_SIZE }), { abortSignal: signal }),
      );
      roles.push(...(out.roleList ?? []).map((r) => r.roleName ?? ''));
      nextToken = out.nextToken || undefined;
    } while (nextToken);
    if (!roles.includes(this.config.roleName)) {
      throw new Error(
        `The role ${this.config.roleName} is not assigned to you in account ${account.id}` +
          (roles.length > 0 ? ` (assigned: ${roles.join(', ')})` : ''),
      );
    }
    const session = this.sessionFor(account);
    await this.credentialsOf(account).provider();
    return session;
  }

  private credentialsOf(account: OrgAccountInfo): CachedCredentials & { provider: AwsCredentialIdentityProvider } {
    let cached = this.roleCredentials.get(account.id);
    if (!cached) {
      cached = cachedCredentials(async () => {
        const out = await this.portal(undefined, (client, accessToken) =>
          client.send(new GetRoleCredentialsCommand({ accessToken, accountId: account.id, roleName: this.config.roleName })),
        );
        const c = out.roleCredentials;
        if (!c?.accessKeyId || !c.secretAccessKey) throw new Error(`GetRoleCredentials for ${account.id} returned no credentials`);
        return {
          accessKeyId: c.accessKeyId,
          secretAccessKey: c.secretAccessKey,
          sessionToken: c.sessionToken,
          expiration: c.expiration === undefined ? undefined : new Date(c.expiration),
        };
      });
      this.roleCredentials.set(account.id, cached);
    }
    return cached;
  }

  /** One paced portal call with the cached token; UnauthorizedException means: log in again. */
  private async portal<T>(signal: AbortSignal | undefined, call: (client: SSOClient, accessToken: string) => Promise<T>): Promise<T> {
    const sso = await (this.ssoProfile ??= readSsoProfile(this.config.profile).catch((error: unknown) => {
      this.ssoProfile = undefined;
      throw error;
    }));
    const accessToken = await readSsoAccessToken(sso);
    await this.deps.buckets.of('sso').take(signal);
    const client = (this.client ??= this.factory.ssoPortal(sso.ssoRegion));
    try {
      return await call(client, accessToken);
    } catch (error) {
      if ((error as { name?: unknown }).name === 'UnauthorizedException') {
        throw new SsoLoginNeededError(this.config.profile, `The IAM Identity Center session of profile "${this.config.profile}" is no longer valid`);
      }
      throw error;
    }
  }

  dispose(): void {
    this.traversal.reset();
    this.factory.dispose();
    this.client = undefined;
    for (const session of this.sessions.values()) session.dispose();
    this.sessions.clear();
    this.roleCredentials.clear();
  }
}
