// One AWS connection's state, apart from any tree row: who we are (GetCallerIdentity, asked
// once), the IAM/STS clients, the last-used cache and throttle notices. What was listed from
// it (lists, the loaded-key index) is its account's model (src/model). The explorer's connection row renders a session; commands, the hover
// and diagnostics ask the SessionRegistry for one. Creating a session costs a few objects: the
// SDK clients are built on first use, so hundreds of idle sessions (one per account) cost little.
import { findSlot, slotLastUsed, type CredentialReport, type ReportUser } from '../core/credentialReport';
import type { AccessKey, AccessKeyLastUsed, CallerIdentity } from '../core/types';
import type { AccountLastUsed } from './accountLastUsed';
import type { AttemptRecord, Connection } from './connection';
import { triedHost } from './triedHost';
import { fetchCredentialReport, type FetchReportOptions, type FetchedReport } from './credentialReport';
import { readCsv } from './csvReader';
import { classifyError } from './errors';
import type { IamApi } from './iamApi';
import type { IamWriteApi } from './iamWriteApi';
import type { ProfileInfo } from './profiles';

export type ConnectionFactory = (profile: string, hooks: { onAttempt: (record: AttemptRecord) => void }) => Connection;

type Listener = () => void;

export class ConnectionSession {
  /** Stable across rebuilds, e.g. `profile/dev`; tree row IDs start with it. */
  readonly id: string;
  private connection: Connection | undefined;
  private caller: CallerIdentity | undefined;
  private callerError: unknown;
  private identityLoad: Promise<void> | undefined;
  private signingKey: string | undefined;
  /** GetAccessKeyLastUsed calls under way, so one key is asked once at a time. */
  private readonly lastUsedCache = new Map<string, Promise<AccessKeyLastUsed>>();
  /** Answers while the account is unknown (or no shared store was given); else they go to sharedLastUsed. */
  private readonly lastUsedKnown = new Map<string, AccessKeyLastUsed>();
  private readonly throttleListeners = new Set<Listener>();
  private readonly resetListeners = new Set<Listener>();
  private report: CredentialReport | undefined;
  private readonly reportUsers = new Map<string, ReportUser>();
  private disposed = false;

  constructor(
    /** The profile name, or '' for the SDK's default chain. */
    readonly profile: string,
    /** undefined when the profile isn't in the config files (or none was named). */
    readonly profileInfo: ProfileInfo | undefined,
    private readonly connect: ConnectionFactory,
    private readonly log?: { debug(message: string): void; trace(message: string): void },
    /** A member account of an organization: its own ID, and its account known without a call. */
    private readonly member?: { readonly id: string; readonly account: string },
    /** Last use by account, shared with the other sessions of the registry (accountLastUsed.ts). */
    private readonly sharedLastUsed?: AccountLastUsed,
  ) {
    this.id = member?.id ?? `profile/${profile || 'default'}`;
  }

  /** The profile is named but missing from the config files: nothing can be asked. */
  get isMissingProfile(): boolean {
    return this.profile !== '' && this.profileInfo === undefined;
  }

  get isDisposed(): boolean {
    return this.disposed;
  }

  /** The IAM/STS API, built on first use. */
  get api(): IamApi {
    return this.current().api;
  }

  /** Key-changing calls, signed like the rest of this session's calls. */
  get writeApi(): IamWriteApi {
    const writer = this.current().writeApi;
    if (!writer) throw new Error(`The connection ${this.id} cannot change keys.`);
    return writer;
  }

  /** Region and endpoint the clients use. */
  get settings(): Connection['settings'] {
    return this.current().settings;
  }

  private current(): Connection {
    if (this.disposed) throw new Error(`The connection ${this.id} was closed (settings changed).`);
    this.connection ??= this.connect(this.profile, { onAttempt: (record) => this.onAttempt(record) });
    return this.connection;
  }

  identity(): CallerIdentity | undefined {
    return this.caller;
  }
  /** Why GetCallerIdentity failed, until the next retry. */
  identityError(): unknown {
    return this.callerError;
  }
  account(): string | undefined {
    return this.member?.account ?? this.caller?.Account;
  }
  isRoot(): boolean {
    return this.caller?.Arn.endsWith(':root') ?? false;
  }
  /** The one root-key rule: a key without a user name, listed by root credentials. */
  isRootKey(key: AccessKey): boolean {
    return this.isRoot() && !key.UserName;
  }
  partition(): string | undefined {
    return this.caller?.Arn.split(':')[1];
  }
  /** The access key ID the calls are signed with (never the secret), once identity is known. */
  signingKeyId(): string | undefined {
    return this.signingKey;
  }

  /** Asks STS who we are, once; a failure is kept (to show) until retryIdentity(). */
  ensureIdentity(): Promise<void> {
    if (this.isMissingProfile) return Promise.resolve();
    this.identityLoad ??= (async () => {
      try {
        const connection = this.current();
        this.caller = await connection.api.getCallerIdentity();
        this.callerError = undefined;
        this.signingKey = await connection.accessKeyId().catch(() => undefined);
      } catch (error) {
        this.callerError = error;
      }
    })();
    return this.identityLoad;
  }

  /** The account, asking STS if not known yet; undefined when identity failed. */
  async resolveAccount(): Promise<string | undefined> {
    // A member account is known from the organization's list: asking would assume its role.
    if (this.member) return this.member.account;
    await this.ensureIdentity();
    return this.caller?.Account;
  }

  /** After a failure: the next ensureIdentity() asks again (the error stays shown until then). */
  retryIdentity(): void {
    if (this.callerError !== undefined) this.identityLoad = undefined;
  }

  /**
   * GetAccessKeyLastUsed, asked once per key and remembered (failures are not) — for every
   * session of the same account, which read the answer from the shared store.
   */
  lastUsed(accessKeyId: string): Promise<AccessKeyLastUsed> {
    const known = this.knownLastUsed(accessKeyId);
    if (known) return Promise.resolve(known);
    let pending = this.lastUsedCache.get(accessKeyId);
    if (!pending) {
      const asked: Promise<AccessKeyLastUsed> = this.api.getAccessKeyLastUsed(accessKeyId).then(
        (value) => {
          // Kept only if the key was not changed (forgetKey) while the call was under way.
          if (this.lastUsedCache.get(accessKeyId) === asked) this.rememberLastUsed(accessKeyId, value);
          this.lastUsedCache.delete(accessKeyId);
          return value;
        },
        (error: unknown) => {
          if (this.lastUsedCache.get(accessKeyId) === asked) this.lastUsedCache.delete(accessKeyId);
          throw error;
        },
      );
      pending = asked;
      this.lastUsedCache.set(accessKeyId, pending);
    }
    return pending;
  }

  private rememberLastUsed(accessKeyId: string, value: AccessKeyLastUsed): void {
    const account = this.account();
    if (account && this.sharedLastUsed) this.sharedLastUsed.set(account, accessKeyId, value);
    else this.lastUsedKnown.set(accessKeyId, value);
  }

  /** Last use, only if already fetched (by this session or another of its account): reading it never costs a call. */
  knownLastUsed(accessKeyId: string): AccessKeyLastUsed | undefined {
    const own = this.lastUsedKnown.get(accessKeyId);
    if (own) return own;
    const account = this.account();
    return account ? this.sharedLastUsed?.get(account, accessKeyId) : undefined;
  }

  /**
   * Last use without a call: GetAccessKeyLastUsed's answer if fetched, else the credential
   * report's (the slot created in the same second as the key, of the same user).
   */
  knownLastUsedOf(key: AccessKey): AccessKeyLastUsed | undefined {
    const known = this.knownLastUsed(key.AccessKeyId);
    if (known) return known;
    const user = this.reportUser(key.UserName);
    const slot = user && findSlot(user, key);
    return user && slot ? slotLastUsed(user, slot) : undefined;
  }

  /** Fetches the credential report (2–3 calls) and keeps it; errors (AccessDenied…) are thrown. */
  async loadCredentialReport(options: Omit<FetchReportOptions, 'readCsv'> = {}): Promise<FetchedReport> {
    const fetched = await fetchCredentialReport(this.api, { readCsv, ...options });
    if (this.disposed) return fetched;
    this.report = fetched.report;
    this.reportUsers.clear();
    for (const user of fetched.report.users) this.reportUsers.set(user.isRoot ? '' : user.userName, user);
    return fetched;
  }

  /** The last credential report read, if any. */
  credentialReport(): CredentialReport | undefined {
    return this.report;
  }

  /** A user's row in the last credential report ('' for root). */
  reportUser(userName: string): ReportUser | undefined {
    return this.reportUsers.get(userName);
  }

  /** A key changed (or was deleted) in AWS: cached facts about it are dropped. */
  forgetKey(accessKeyId: string): void {
    this.lastUsedCache.delete(accessKeyId);
    this.lastUsedKnown.delete(accessKeyId);
    const account = this.account();
    if (account) this.sharedLastUsed?.forget(account, accessKeyId);
  }

  /** Called while a throttled request is being retried; returns the unsubscribe function. */
  onThrottled(listener: Listener): () => void {
    this.throttleListeners.add(listener);
    return () => this.throttleListeners.delete(listener);
  }

  /** Called when the session forgot everything (reconnect); its model drops its lists and index. */
  onDidReset(listener: Listener): () => void {
    this.resetListeners.add(listener);
    return () => this.resetListeners.delete(listener);
  }

  /**
   * Starts over with new SDK clients (credentials read again): after a credentials file was
   * fixed, a retry must not reuse what the SDK cached.
   */
  reconnect(): void {
    // A Refresh asks IAM again for the whole account, whichever profile's row it came from.
    const account = this.account();
    if (account) this.sharedLastUsed?.forgetAccount(account);
    this.connection?.dispose();
    this.connection = undefined;
    this.forgetAll();
  }

  private forgetAll(): void {
    this.identityLoad = undefined;
    this.callerError = undefined;
    this.caller = undefined;
    this.signingKey = undefined;
    this.lastUsedCache.clear();
    this.lastUsedKnown.clear();
    this.report = undefined;
    this.reportUsers.clear();
    for (const listener of [...this.resetListeners]) listener();
  }

  private onAttempt(record: AttemptRecord): void {
    if (record.error === undefined) {
      this.log?.trace(`${this.id} ${record.operation} ${record.durationMs} ms`);
      return;
    }
    const problem = classifyError(record.error);
    const host = triedHost(record.error);
    this.log?.debug(`${this.id} ${record.operation} failed after ${record.durationMs} ms: ${problem.kind} ${problem.code ?? ''}${host ? ` (host ${host})` : ''}`);
    if (problem.kind === 'throttled') for (const listener of [...this.throttleListeners]) listener();
  }

  dispose(): void {
    if (this.disposed) return;
    this.forgetAll();
    this.disposed = true;
    this.connection?.dispose();
    this.connection = undefined;
    this.throttleListeners.clear();
    this.resetListeners.clear();
  }
}
