// The organizations and Identity Center profiles the settings name, as account sources the
// tree, the commands and the hover share. Built on first use, dropped when the settings change
// (their member sessions go with the registry's rebuild). Building one makes no call.
import type { OrgAccountInfo, OrgTraversal, WalkResult } from '../core/orgTraversal';
import type { IdentityCenterSetting, OrganizationSetting } from '../core/orgSettings';
import type { ConnectionSession } from './connectionSession';
import type { ConnectionSettings } from './connection';
import type { IdentityCenterSource } from './identityCenterSource';
import type { MemberSessionSink, OrganizationSource } from './organizationSource';
import { orgApiBuckets } from './orgRates';
import { loadSdk } from './sdkLoader';

export interface OrgSourcesSettings {
  readonly organizations: readonly OrganizationSetting[];
  readonly identityCenter: readonly IdentityCenterSetting[];
  readonly region: string;
  readonly endpoint: string;
  readonly endpointError?: string;
  readonly requestTimeoutMs: number;
  readonly maxConcurrentAccounts: number;
}

/** One root of the tree: an organization, or an Identity Center profile. */
export interface AccountSource {
  readonly kind: 'organization' | 'identity-center';
  /** Stable, e.g. `org/mgmt` or `sso/dev-sso`. */
  readonly id: string;
  readonly profile: string;
  readonly roleName: string;
  readonly traversal: OrgTraversal<OrgAccountInfo, ConnectionSession>;
  /** Organization ID (o-…), when DescribeOrganization answered; undefined for Identity Center. */
  organizationId(): Promise<string | undefined>;
  sessionFor(account: OrgAccountInfo): ConnectionSession;
  dispose(): void;
}

export interface OrgSourcesDeps {
  settings(): OrgSourcesSettings;
  readonly registry: MemberSessionSink;
  readonly maxAttempts: number;
  /** Asked when the management profile assumes a role that requires MFA. */
  readonly mfaCodeProvider?: (mfaSerial: string) => Promise<string>;
  readonly log?: { warn(message: string): void; debug(message: string): void; trace(message: string): void };
}

export class OrgSources {
  private built: AccountSource[] | undefined;

  constructor(private readonly deps: OrgSourcesDeps) {}

  /** The sources the settings name (none when the endpoint setting is refused). */
  all(): readonly AccountSource[] {
    this.built ??= this.build();
    return this.built;
  }

  /** The source and account that hold an account ID, among accounts listed so far. */
  findListed(accountId: string): { source: AccountSource; account: OrgAccountInfo } | undefined {
    for (const source of this.all()) {
      const account = source.traversal.accounts.loaded.find((a) => a.id === accountId);
      if (account) return { source, account };
    }
    return undefined;
  }

  /** Lists every account of every source (ListAccounts pages only; no role is assumed). */
  async listAll(signal?: AbortSignal): Promise<void> {
    await Promise.all(this.all().map((source) => source.traversal.accounts.loadAll({ signal })));
  }

  /** Every source's wanted, active accounts, entered and visited `maxConcurrentAccounts` at a time. */
  async walk<R>(
    visit: (source: AccountSource, account: OrgAccountInfo, session: ConnectionSession, signal: AbortSignal) => Promise<R>,
    options: { signal?: AbortSignal; onProgress?: (source: AccountSource, done: number, total: number) => void } = {},
  ): Promise<{ source: AccountSource; result: WalkResult<OrgAccountInfo, R> }[]> {
    const out: { source: AccountSource; result: WalkResult<OrgAccountInfo, R> }[] = [];
    for (const source of this.all()) {
      const result = await source.traversal.walk({
        concurrency: this.deps.settings().maxConcurrentAccounts,
        signal: options.signal,
        visit: (account, session, signal) => visit(source, account, session, signal),
        onProgress: (done, total) => options.onProgress?.(source, done, total),
      });
      out.push({ source, result });
      if (result.cancelled) break;
    }
    return out;
  }

  rebuild(): void {
    for (const source of this.built ?? []) source.dispose();
    this.built = undefined;
  }

  dispose(): void {
    this.rebuild();
  }

  private build(): AccountSource[] {
    const s = this.deps.settings();
    if (s.endpointError) return [];
    if (s.organizations.length === 0 && s.identityCenter.length === 0) return [];
    // In dist/sdk.js, loaded on first use like every other part of the SDK.
    const { OrganizationSource: Org, IdentityCenterSource: Sso } = loadSdk();
    const buckets = orgApiBuckets();
    const settingsFor = (profile: string): ConnectionSettings => ({
      profile,
      region: s.region,
      endpoint: s.endpoint,
      requestTimeoutMs: s.requestTimeoutMs,
      maxAttempts: this.deps.maxAttempts,
    });
    const hooks = { mfaCodeProvider: this.deps.mfaCodeProvider, log: this.deps.log };
    const sources: AccountSource[] = [];
    for (const config of s.organizations) {
      const org: OrganizationSource = new Org(config, { settings: settingsFor(config.profile), buckets, registry: this.deps.registry, hooks, log: this.deps.log });
      sources.push({
        kind: 'organization',
        id: `org/${config.profile}/${config.roleName}`,
        profile: config.profile,
        roleName: config.roleName,
        traversal: org.traversal,
        organizationId: async () => (await org.describe()).id,
        sessionFor: (account) => org.sessionFor(account),
        dispose: () => org.dispose(),
      });
    }
    for (const config of s.identityCenter) {
      const sso: IdentityCenterSource = new Sso(config, { settings: settingsFor(config.profile), buckets, registry: this.deps.registry, hooks, log: this.deps.log });
      sources.push({
        kind: 'identity-center',
        id: `sso/${config.profile}/${config.roleName}`,
        profile: config.profile,
        roleName: config.roleName,
        traversal: sso.traversal,
        organizationId: () => Promise.resolve(undefined),
        sessionFor: (account) => sso.sessionFor(account),
        dispose: () => sso.dispose(),
      });
    }
    return sources;
  }
}
