// The organizations and Identity Center profiles the settings name, as account sources the
// tree, the commands and the hover share. Built on first use, dropped when the settings change
// (their member sessions go with the registry's rebuild). Building one makes no call.
import type { IdentityCenterSetting, OrganizationSetting } from '../../core/orgSettings';
import type { ConnectionSettings } from '../connection';
import type { AccountSource, MemberSessionSink } from './accountSource';
import { IdentityCenterSource } from './identityCenterSource';
import { OrganizationSource } from './organizationSource';
import { orgApiBuckets } from './orgRates';
import type { OrgAccountInfo } from './orgTraversal';

export type { AccountSource } from './accountSource';

export interface OrgSourcesSettings {
  readonly organizations: readonly OrganizationSetting[];
  readonly identityCenter: readonly IdentityCenterSetting[];
  readonly region: string;
  readonly endpoint: string;
  readonly endpointError?: string;
  readonly requestTimeoutMs: number;
  readonly maxConcurrentAccounts: number;
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
    const buckets = orgApiBuckets();
    const depsFor = (profile: string) => ({
      settings: { profile, region: s.region, endpoint: s.endpoint, requestTimeoutMs: s.requestTimeoutMs, maxAttempts: this.deps.maxAttempts } satisfies ConnectionSettings,
      buckets,
      registry: this.deps.registry,
      hooks: { mfaCodeProvider: this.deps.mfaCodeProvider, log: this.deps.log },
      log: this.deps.log,
    });
    return [
      ...s.organizations.map((config) => new OrganizationSource(config, depsFor(config.profile))),
      ...s.identityCenter.map((config) => new IdentityCenterSource(config, depsFor(config.profile))),
    ];
  }
}
