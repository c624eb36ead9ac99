// Several IAM accounts behind one endpoint, as an AWS Organization: a management
// account (the plain emulator's store, with the built-in test identities) and
// member accounts with generated users. Each member has one role trusting the
// management account (or none: its trust rule denies), and Identity Center
// hands out the same role sessions. Protocol-free: the handlers turn refusals
// into wire errors.
import { addBuiltInIdentities } from '../builtIns';
import { GENERATED_REFERENCE_DATE, generateAccount } from '../generate';
import { EMULATOR_ACCOUNT_ID } from '../identities';
import { BASE32_ALPHABET, makeAccessKeyId, makeSecretAccessKey } from '../keyIds';
import { SeededRandom } from '../random';
import { IamStore, wholeSeconds, type StoredRoleSession } from '../store';

export type AccountStatus = 'ACTIVE' | 'SUSPENDED';

export interface MemberRole {
  readonly roleName: string;
  /** Accounts whose principals the trust policy lets assume it. */
  readonly trustedAccounts: ReadonlySet<string>;
  /** sts:ExternalId condition, when the trust policy has one. */
  readonly externalId?: string;
}

export interface OrgAccount {
  readonly id: string;
  readonly name: string;
  readonly email: string;
  status: AccountStatus;
  readonly joined: Date;
  readonly store: IamStore;
  /** Role name → role; an account without the role the caller names denies AssumeRole. */
  readonly roles: Map<string, MemberRole>;
}

export interface SsoAccessToken {
  readonly accessToken: string;
  expiresAt: Date;
  /** Account ID → role names the token's user may use there. */
  readonly assignments: Map<string, string[]>;
}

export interface OrgWorldOptions {
  /** Member accounts besides the management account (default 3). */
  readonly members?: number;
  /** Generated users per member account (default 3). */
  readonly usersPerAccount?: number;
  readonly seed?: number;
  /** The role each member account has, trusting the management account (default "IamKeysReadOnly"). */
  readonly roleName?: string;
  readonly externalId?: string;
  /** Indexes (0-based, among members) whose role does not trust the management account. */
  readonly denyingMembers?: readonly number[];
  /** Indexes (0-based, among members) that are SUSPENDED. */
  readonly suspendedMembers?: readonly number[];
  /**
   * Roles of the management account itself, trusting that account: what a management profile
   * with role_arn + source_profile assumes, or an SSO profile's sso_role_name is assigned.
   */
  readonly managementRoles?: readonly string[];
  /** Role sessions last this long unless the caller asks for less (default 3600). */
  readonly sessionSeconds?: number;
  readonly referenceDate?: Date;
}

export const DEFAULT_ROLE_NAME = 'IamKeysReadOnly';
export const ORGANIZATION_ID = 'o-exampleorg1';
/** The Identity Center token the world starts with (valid for a day; tests may expire it). */
export const SSO_ACCESS_TOKEN = 'TESTONLY-emulator-sso-access-token';

/** Member account IDs are fixed by position, so tests can name them. */
export function memberAccountId(index: number): string {
  return String(210_000_000_000 + index * 1_001).padStart(12, '0');
}

export class OrgWorld {
  readonly organizationId = ORGANIZATION_ID;
  readonly management: OrgAccount;
  /** Management first, then members in ListAccounts order. */
  readonly accounts: OrgAccount[] = [];
  readonly ssoTokens = new Map<string, SsoAccessToken>();
  readonly sessionSeconds: number;
  private readonly byId = new Map<string, OrgAccount>();
  private readonly random: SeededRandom;

  constructor(options: OrgWorldOptions = {}) {
    const seed = options.seed ?? 1;
    const reference = options.referenceDate ?? GENERATED_REFERENCE_DATE;
    this.random = new SeededRandom(seed ^ 0x0a9);
    this.sessionSeconds = options.sessionSeconds ?? 3600;
    const roleName = options.roleName ?? DEFAULT_ROLE_NAME;
    const denying = new Set(options.denyingMembers ?? []);
    const suspended = new Set(options.suspendedMembers ?? []);

    const managementStore = new IamStore({ accountId: EMULATOR_ACCOUNT_ID, seed, rootCreateDate: daysBefore(reference, 2500) });
    addBuiltInIdentities(managementStore, reference);
    this.management = this.add(EMULATOR_ACCOUNT_ID, 'management', managementStore, reference);
    for (const name of options.managementRoles ?? []) {
      this.management.roles.set(name, { roleName: name, trustedAccounts: new Set([EMULATOR_ACCOUNT_ID]) });
    }

    for (let i = 0; i < (options.members ?? 3); i++) {
      const id = memberAccountId(i);
      const store = new IamStore({ accountId: id, seed: seed + i + 1, rootCreateDate: daysBefore(reference, 2000) });
      generateAccount(store, { users: options.usersPerAccount ?? 3, seed: seed * 7919 + i, referenceDate: reference });
      const account = this.add(id, `member-${String(i).padStart(3, '0')}`, store, daysBefore(reference, 1000 - i));
      if (suspended.has(i)) account.status = 'SUSPENDED';
      if (!denying.has(i)) {
        account.roles.set(roleName, { roleName, trustedAccounts: new Set([EMULATOR_ACCOUNT_ID]), externalId: options.externalId });
      }
    }

    const assignments = new Map<string, string[]>();
    for (const account of this.accounts) if (account.roles.size > 0) assignments.set(account.id, [...account.roles.keys()]);
    this.ssoTokens.set(SSO_ACCESS_TOKEN, {
      accessToken: SSO_ACCESS_TOKEN,
      expiresAt: new Date(Date.now() + 86_400_000),
      assignments,
    });
  }

  account(id: string): OrgAccount | undefined {
    return this.byId.get(id);
  }

  /** The account whose store knows this access key (long-term, session or role session). */
  accountOfKey(accessKeyId: string): OrgAccount | undefined {
    for (const account of this.accounts) {
      const store = account.store;
      if (store.findAccessKey(accessKeyId) || store.findSession(accessKeyId) || store.findRoleSession(accessKeyId)) return account;
    }
    return undefined;
  }

  /** Temporary credentials acting as `roleName` in `account` (after the caller's checks). */
  issueRoleSession(account: OrgAccount, roleName: string, sessionName: string, durationSeconds?: number): StoredRoleSession {
    const roleId = 'AROA' + this.random.chars(BASE32_ALPHABET, 17);
    const seconds = Math.min(durationSeconds ?? this.sessionSeconds, this.sessionSeconds);
    const session: StoredRoleSession = {
      accessKeyId: makeAccessKeyId(account.id, this.random, 'ASIA'),
      secretAccessKey: makeSecretAccessKey(this.random),
      sessionToken: 'TESTONLY-role-session-' + this.random.chars(BASE32_ALPHABET, 32),
      expiration: wholeSeconds(new Date(Date.now() + seconds * 1000)),
      principal: {
        userName: `${roleName}/${sessionName}`,
        userId: `${roleId}:${sessionName}`,
        path: '/',
        arn: `arn:aws:sts::${account.id}:assumed-role/${roleName}/${sessionName}`,
        createDate: new Date(),
        passwordEnabled: false,
        mfaActive: false,
        accessKeys: [],
        deniedActions: new Set(),
      },
    };
    account.store.addRoleSession(session);
    return session;
  }

  private add(id: string, name: string, store: IamStore, joined: Date): OrgAccount {
    const account: OrgAccount = {
      id,
      name,
      email: `aws+${name}@example.com`,
      status: 'ACTIVE',
      joined: wholeSeconds(joined),
      store,
      roles: new Map(),
    };
    this.accounts.push(account);
    this.byId.set(id, account);
    return account;
  }
}

function daysBefore(date: Date, days: number): Date {
  return new Date(date.getTime() - days * 86_400_000);
}
