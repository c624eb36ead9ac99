// A source of accounts: an organization (organizationSource.ts) or an Identity Center profile
// (identityCenterSource.ts). One interface for the tree, the commands and the organization-wide
// walks; one base for what both do alike: list accounts through a traversal, make one session
// per member account on first sight (registered, unused until entered), keep each account's
// credentials until shortly before they expire, and dispose all of it together.
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@smithy/types';
import type { TokenBuckets } from '../../core/tokenBucket';
import type { Page } from '../../core/types';
import type { AttemptRecord, Connection, ConnectionHooks, ConnectionSettings } from '../connection';
import { ConnectionSession } from '../connectionSession';
import type { CredentialKind } from '../profiles';
import { loadSdk } from '../sdkLoader';
import { cachedCredentials, type CachedCredentials } from './cachedCredentials';
import type { OrgApiFamily } from './orgRates';
import { OrgTraversal, type AccountFilter, type OrgAccountInfo } from './orgTraversal';

/** One root of the tree: an organization, or an Identity Center profile. */
export interface AccountSource {
  readonly kind: 'organization' | 'identity-center';
  /** Stable, e.g. `org/mgmt/Admin` or `sso/dev-sso/ReadOnly`. */
  readonly id: string;
  readonly profile: string;
  readonly roleName: string;
  readonly traversal: OrgTraversal<OrgAccountInfo, ConnectionSession>;
  /** Organization ID (o-…), when DescribeOrganization answered; undefined for Identity Center. */
  organizationId(): Promise<string | undefined>;
  /** The account's session, made (not used) on first ask and registered. */
  sessionFor(account: OrgAccountInfo): ConnectionSession;
  dispose(): void;
}

/** Where member sessions are registered (the SessionRegistry). */
export interface MemberSessionSink {
  addMemberSession(account: string, session: ConnectionSession): void;
}

export type OrgHooks = Pick<ConnectionHooks, 'mfaCodeProvider' | 'log' | 'requestHandler'>;

export interface AccountSourceDeps {
  /** Region, endpoint, timeouts; `profile` is the source's profile. */
  readonly settings: ConnectionSettings;
  readonly buckets: TokenBuckets<OrgApiFamily>;
  readonly registry?: MemberSessionSink;
  /** The MFA prompt, where ignored endpoints and refused requests are logged, and (tests) the request handler. */
  readonly hooks?: OrgHooks;
  readonly log?: { debug(message: string): void; trace(message: string): void };
}

export abstract class MemberAccountSource implements AccountSource {
  abstract readonly kind: AccountSource['kind'];
  readonly traversal: OrgTraversal<OrgAccountInfo, ConnectionSession>;
  private readonly sessions = new Map<string, ConnectionSession>();
  private readonly credentialsByAccount = new Map<string, CachedCredentials>();

  protected constructor(
    readonly profile: string,
    readonly roleName: string,
    protected readonly deps: AccountSourceDeps,
    wanted?: AccountFilter,
  ) {
    this.traversal = new OrgTraversal<OrgAccountInfo, ConnectionSession>(
      (token, signal) => this.listAccountsPage(token, signal),
      (account, signal) => this.enter(account, signal),
      wanted,
    );
  }

  get id(): string {
    return `${this.idPrefix()}/${this.profile}/${this.roleName}`;
  }

  abstract organizationId(): Promise<string | undefined>;

  /** One page of accounts; each listed account gets its (unused) session at once. */
  async listAccountsPage(token: string | undefined, signal: AbortSignal): Promise<Page<OrgAccountInfo>> {
    const page = await this.fetchAccountsPage(token, signal);
    for (const account of page.items) this.sessionFor(account);
    return page;
  }

  sessionFor(account: OrgAccountInfo): ConnectionSession {
    const known = this.sessions.get(account.id);
    if (known) return known;
    const connect = (_profile: string, hooks: { onAttempt: (record: AttemptRecord) => void }): Connection =>
      loadSdk().createSdkConnectionWith(this.deps.settings, this.credentialsOf(account), { ...this.deps.hooks, ...hooks });
    const session = new ConnectionSession(this.profile, { name: this.profile, kind: this.credentialKind(), mfa: false }, connect, this.deps.log, {
      id: `${this.idPrefix()}/${this.profile}/${account.id}`,
      account: account.id,
    });
    this.sessions.set(account.id, session);
    this.deps.registry?.addMemberSession(account.id, session);
    return session;
  }

  dispose(): void {
    this.traversal.reset();
    this.disposeClients();
    for (const session of this.sessions.values()) session.dispose();
    this.sessions.clear();
    this.credentialsByAccount.clear();
  }

  protected abstract fetchAccountsPage(token: string | undefined, signal: AbortSignal): Promise<Page<OrgAccountInfo>>;
  /** Entering = having credentials for the account (checked or fetched now). */
  protected abstract enter(account: OrgAccountInfo, signal: AbortSignal): Promise<ConnectionSession>;
  /** What a member account's calls sign with. */
  protected abstract credentialsOf(account: OrgAccountInfo): AwsCredentialIdentityProvider;
  protected abstract credentialKind(): CredentialKind;
  protected abstract disposeClients(): void;

  /** An account's fetched credentials, kept until shortly before they expire. */
  protected memberCredentials(accountId: string, fetch: () => Promise<AwsCredentialIdentity>): CachedCredentials {
    let cached = this.credentialsByAccount.get(accountId);
    if (!cached) this.credentialsByAccount.set(accountId, (cached = cachedCredentials(fetch)));
    return cached;
  }

  /** How many times an account's credentials were fetched (AssumeRole or GetRoleCredentials). */
  protected credentialFetches(accountId: string): number {
    return this.credentialsByAccount.get(accountId)?.fetches() ?? 0;
  }

  private idPrefix(): string {
    return this.kind === 'organization' ? 'org' : 'sso';
  }
}
