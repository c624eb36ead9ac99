// In-memory IAM account: users, their access keys, root's keys and temporary
// session credentials. Tests read it to know what the server should answer and
// mutate it to simulate changes between refreshes. Protocol-free: the action
// handlers turn missing entities into IAM errors.
import { makeAccessKeyId, makeSecretAccessKey, makeUserId } from './keyIds';
import { SeededRandom } from './random';

export type AccessKeyStatus = 'Active' | 'Inactive';

export interface KeyLastUsed {
  readonly date: Date;
  /** Service namespace, e.g. "s3", "iam". */
  readonly serviceName: string;
  readonly region: string;
}

export interface StoredAccessKey {
  readonly accessKeyId: string;
  /** Fake test secret; the server verifies signatures with it. */
  readonly secretAccessKey: string;
  status: AccessKeyStatus;
  readonly createDate: Date;
  /** Creation order within the store: breaks ties between keys created in the same second. */
  readonly sequence: number;
  /** Undefined when never used: IAM then answers ServiceName/Region "N/A". */
  lastUsed?: KeyLastUsed;
  /** Set for keys made by CreateAccessKey while a propagation delay is on: the key can't sign before this. */
  usableFrom?: Date;
}

export interface StoredUser {
  readonly userName: string;
  readonly userId: string;
  readonly path: string;
  readonly arn: string;
  readonly createDate: Date;
  passwordLastUsed?: Date;
  /** Console password set (only feeds the credential report). */
  passwordEnabled: boolean;
  mfaActive: boolean;
  /** Ordered by CreateDate, then AccessKeyId; IAM allows at most two. */
  readonly accessKeys: StoredAccessKey[];
  /** Actions this user is denied (AccessDenied): the emulator's stand-in for IAM policies. */
  readonly deniedActions: Set<string>;
}

export interface StoredRoot {
  readonly arn: string;
  readonly createDate: Date;
  passwordLastUsed?: Date;
  mfaActive: boolean;
  readonly accessKeys: StoredAccessKey[];
}

/** Temporary (ASIA) credentials acting for an IAM user, as GetSessionToken would hand out. */
export interface StoredSession {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken: string;
  readonly userName: string;
  /** Issued by GetSessionToken with a valid MFA code (aws:MultiFactorAuthPresent). */
  readonly mfa?: boolean;
  /** Absent: never expires (the built-in demo session). */
  readonly expiration?: Date;
}

/** Temporary credentials of an assumed role (sts:AssumeRole, Identity Center): act as `principal`, a user not in the store. */
export interface StoredRoleSession {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken: string;
  /** Stands in for the role session (arn = its assumed-role ARN); never listed by ListUsers. */
  readonly principal: StoredUser;
  readonly expiration: Date;
}

export type KeyOwner = { readonly kind: 'user'; readonly user: StoredUser } | { readonly kind: 'root' };

export interface NewUser {
  readonly userName: string;
  readonly path?: string;
  readonly userId?: string;
  readonly createDate?: Date;
  readonly passwordLastUsed?: Date;
  readonly passwordEnabled?: boolean;
  readonly mfaActive?: boolean;
  readonly deniedActions?: Iterable<string>;
}

export interface NewAccessKey {
  readonly accessKeyId?: string;
  readonly secretAccessKey?: string;
  readonly status?: AccessKeyStatus;
  readonly createDate?: Date;
  readonly lastUsed?: KeyLastUsed;
}

/** Order of ListUsers: by user name ignoring case (IAM names are unique ignoring case). */
export function userSortKey(userName: string): string {
  return userName.toLowerCase();
}

/** Order of ListAccessKeys: oldest key first; keys of the same second in creation order. */
export function accessKeySortKey(key: StoredAccessKey): string {
  return `${key.createDate.toISOString()}|${String(key.sequence).padStart(10, '0')}`;
}

/** IAM reports whole seconds; keeping stored dates at that precision makes round trips compare equal. */
export function wholeSeconds(date: Date): Date {
  return new Date(Math.floor(date.getTime() / 1000) * 1000);
}

export class IamStore {
  readonly accountId: string;
  /** When set, IAM names the root by this alias (UserName) in GetUser / ListAccessKeys. */
  accountAlias?: string;
  readonly root: StoredRoot;
  /** Source of IDs and secrets for entities created at runtime (CreateUser, CreateAccessKey). */
  readonly random: SeededRandom;
  /** Clock for runtime creations; tests may replace it. */
  now: () => Date = () => new Date();

  private readonly usersByKey = new Map<string, StoredUser>();
  private sortedUsers: StoredUser[] | undefined;
  private readonly keys = new Map<string, { key: StoredAccessKey; owner: KeyOwner }>();
  private readonly sessions = new Map<string, StoredSession>();
  private readonly roleSessions = new Map<string, StoredRoleSession>();
  private keySequence = 0;

  constructor(options: { accountId: string; seed: number; rootCreateDate: Date }) {
    this.accountId = options.accountId;
    this.random = new SeededRandom(options.seed ^ 0x5eed);
    this.root = {
      arn: `arn:aws:iam::${options.accountId}:root`,
      createDate: wholeSeconds(options.rootCreateDate),
      mfaActive: true,
      accessKeys: [],
    };
  }

  /** All users in ListUsers order. */
  users(): readonly StoredUser[] {
    if (!this.sortedUsers) {
      this.sortedUsers = [...this.usersByKey.values()].sort((a, b) =>
        compareStrings(userSortKey(a.userName), userSortKey(b.userName)),
      );
    }
    return this.sortedUsers;
  }

  /** Users whose path starts with `pathPrefix`, in ListUsers order. */
  usersUnderPath(pathPrefix: string): readonly StoredUser[] {
    return pathPrefix === '/' ? this.users() : this.users().filter((u) => u.path.startsWith(pathPrefix));
  }

  /** Lookup ignoring case, as IAM treats user names. */
  getUser(userName: string): StoredUser | undefined {
    return this.usersByKey.get(userSortKey(userName));
  }

  addUser(input: NewUser): StoredUser {
    const sortKey = userSortKey(input.userName);
    if (this.usersByKey.has(sortKey)) throw new Error(`user ${input.userName} already exists`);
    const path = input.path ?? '/';
    const user: StoredUser = {
      userName: input.userName,
      userId: input.userId ?? makeUserId(this.random),
      path,
      arn: `arn:aws:iam::${this.accountId}:user${path}${input.userName}`,
      createDate: wholeSeconds(input.createDate ?? this.now()),
      passwordLastUsed: input.passwordLastUsed && wholeSeconds(input.passwordLastUsed),
      passwordEnabled: input.passwordEnabled ?? input.passwordLastUsed !== undefined,
      mfaActive: input.mfaActive ?? false,
      accessKeys: [],
      deniedActions: new Set(input.deniedActions ?? []),
    };
    this.usersByKey.set(sortKey, user);
    this.sortedUsers = undefined;
    return user;
  }

  /** Removes a user and its keys; false when there was none. */
  deleteUser(userName: string): boolean {
    const user = this.getUser(userName);
    if (!user) return false;
    for (const key of user.accessKeys) this.keys.delete(key.accessKeyId);
    this.usersByKey.delete(userSortKey(userName));
    this.sortedUsers = undefined;
    return true;
  }

  /** Adds a key to a user. Does not enforce IAM's two-key quota (the CreateAccessKey action does). */
  addAccessKey(userName: string, input: NewAccessKey = {}): StoredAccessKey {
    const user = this.getUser(userName);
    if (!user) throw new Error(`no user ${userName}`);
    return this.addKeyTo({ kind: 'user', user }, input);
  }

  addRootAccessKey(input: NewAccessKey = {}): StoredAccessKey {
    return this.addKeyTo({ kind: 'root' }, input);
  }

  addKeyTo(keyOwner: KeyOwner, input: NewAccessKey): StoredAccessKey {
    const key: StoredAccessKey = {
      accessKeyId: input.accessKeyId ?? makeAccessKeyId(this.accountId, this.random),
      secretAccessKey: input.secretAccessKey ?? makeSecretAccessKey(this.random),
      status: input.status ?? 'Active',
      createDate: wholeSeconds(input.createDate ?? this.now()),
      sequence: ++this.keySequence,
      lastUsed: input.lastUsed && { ...input.lastUsed, date: wholeSeconds(input.lastUsed.date) },
    };
    if (this.keys.has(key.accessKeyId)) throw new Error(`access key ${key.accessKeyId} already exists`);
    const list = this.keysOf(keyOwner) as StoredAccessKey[];
    list.push(key);
    list.sort((a, b) => compareStrings(accessKeySortKey(a), accessKeySortKey(b)));
    this.keys.set(key.accessKeyId, { key, owner: keyOwner });
    return key;
  }

  findAccessKey(accessKeyId: string): { key: StoredAccessKey; owner: KeyOwner } | undefined {
    return this.keys.get(accessKeyId);
  }

  deleteAccessKey(accessKeyId: string): boolean {
    const found = this.keys.get(accessKeyId);
    if (!found) return false;
    const list = this.keysOf(found.owner) as StoredAccessKey[];
    list.splice(list.indexOf(found.key), 1);
    this.keys.delete(accessKeyId);
    return true;
  }

  /** Keys of a user or the root, in ListAccessKeys order. */
  keysOf(owner: KeyOwner): readonly StoredAccessKey[] {
    return owner.kind === 'root' ? this.root.accessKeys : owner.user.accessKeys;
  }

  addSession(session: StoredSession): void {
    if (!this.getUser(session.userName)) throw new Error(`no user ${session.userName} for session`);
    this.sessions.set(session.accessKeyId, session);
  }

  findSession(accessKeyId: string): StoredSession | undefined {
    return this.sessions.get(accessKeyId);
  }

  addRoleSession(session: StoredRoleSession): void {
    this.roleSessions.set(session.accessKeyId, session);
  }

  findRoleSession(accessKeyId: string): StoredRoleSession | undefined {
    return this.roleSessions.get(accessKeyId);
  }

  /** Every user's and root's keys; for generators and reports. */
  allAccessKeys(): readonly StoredAccessKey[] {
    return [...this.keys.values()].map((entry) => entry.key);
  }
}

/** Plain code-unit comparison (not locale-aware), so the order never depends on the machine. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
