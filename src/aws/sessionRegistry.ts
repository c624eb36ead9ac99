// The sessions the settings ask for, built on first use and shared by the explorer, the
// commands, the hover and diagnostics. A rebuild (settings changed) disposes them all; a build
// that was under way when the settings changed is dropped, and the settings are read again
// after the config files were, so no session is made from a stale snapshot. Every connection
// and every call also checks the CURRENT settings (guardedConnect): a session built while an
// endpoint was allowed sends nothing once the settings refuse it, rebuilt or not, reconnected or not.
import type { Connection } from './connection';
import { AccountLastUsed } from './accountLastUsed';
import { ConnectionSession, type ConnectionFactory } from './connectionSession';
import { hasDefaultCredentialSource } from './credentialSources';
import { EndpointRefusedError } from './endpointRule';
import type { IamApi } from './iamApi';
import { classifyError } from './errors';
import type { ProfileInfo } from './profiles';

export interface RegistrySettings {
  /** Profiles in order; '' stands for the SDK's default chain. */
  readonly profiles: readonly string[];
  /** Set when the endpoint setting is refused: no session at all then. */
  readonly endpointError?: string;
}

export type RegistryState =
  | { readonly kind: 'ready'; readonly sessions: readonly ConnectionSession[] }
  /** Only the default chain is configured, and it has nothing to find. */
  | { readonly kind: 'no-credentials' }
  | { readonly kind: 'endpoint-refused'; readonly reason: string };

export interface SessionRegistryDeps {
  settings(): RegistrySettings;
  readonly connect: ConnectionFactory;
  listProfiles(): Promise<ProfileInfo[]>;
  env(): NodeJS.ProcessEnv;
  readonly log: { warn(message: string): void; debug(message: string): void; trace(message: string): void };
}

export class SessionRegistry {
  private built: RegistryState | undefined;
  private building: Promise<RegistryState> | undefined;
  private generation = 0;
  private readonly loggedRefusals = new Set<string>();
  private readonly listeners = new Set<() => void>();
  /**
   * Sessions of organization member accounts, by account ID: registered when listed, cheap until
   * used. Their account source owns and disposes them; this is only where they are found.
   */
  private readonly memberSessions = new Map<string, ConnectionSession>();
  /** Last use by account, shared by the profiles' sessions; emptied when they are rebuilt. */
  private readonly lastUsed = new AccountLastUsed();

  constructor(private readonly deps: SessionRegistryDeps) {}

  /** The sessions, or why there are none; built on first use. */
  async state(): Promise<RegistryState> {
    for (;;) {
      if (this.built) return this.built;
      const generation = this.generation;
      const build = (this.building ??= this.build());
      const state = await build;
      if (generation === this.generation) {
        this.built = state;
        return state;
      }
      // Settings changed while building: that build was disposed; build again.
    }
  }

  /** The sessions (none when there is no credential or the endpoint is refused). */
  async sessions(): Promise<readonly ConnectionSession[]> {
    const state = await this.state();
    return state.kind === 'ready' ? state.sessions : [];
  }

  /** The sessions built so far, without building: for lookups that must cost nothing. */
  builtSessions(): readonly ConnectionSession[] {
    const profiles = this.built?.kind === 'ready' ? this.built.sessions : [];
    return this.memberSessions.size === 0 ? profiles : [...profiles, ...this.members()];
  }

  /** Registers a member account's session (replacing an older one for the account; its source disposes that). */
  addMemberSession(account: string, session: ConnectionSession): void {
    this.memberSessions.set(account, session);
  }

  /** A member account's session, if one is registered and its source has not closed it (no call). */
  memberSession(account: string): ConnectionSession | undefined {
    const session = this.memberSessions.get(account);
    return session?.isDisposed ? undefined : session;
  }

  /** The registered member sessions their sources still hold open. */
  private members(): ConnectionSession[] {
    return [...this.memberSessions.values()].filter((session) => !session.isDisposed);
  }

  /** The session of a profile ('' for the default chain). */
  async byProfile(profile: string): Promise<ConnectionSession | undefined> {
    return (await this.sessions()).find((s) => s.profile === profile);
  }

  /** The session of the main profile (the first configured), the one a command uses when none is named. */
  async main(): Promise<ConnectionSession | undefined> {
    const [first] = await this.sessions();
    return first;
  }

  /** The first session signed in to `account` (asks each session's identity once). */
  async byAccount(account: string): Promise<ConnectionSession | undefined> {
    const sessions = await this.sessions();
    const member = this.memberSession(account);
    const accounts = await Promise.all(sessions.map((s) => s.resolveAccount()));
    return sessions[accounts.indexOf(account)] ?? member;
  }

  /** Disposes every session; the next use builds them from the current settings. */
  rebuild(): void {
    this.generation++;
    this.loggedRefusals.clear();
    const old = this.built;
    const pending = this.building;
    this.built = undefined;
    this.building = undefined;
    if (old?.kind === 'ready') for (const session of old.sessions) session.dispose();
    // The endpoint or the profiles may have changed: an account ID may now mean another place.
    this.lastUsed.clear();
    // Member sessions stay: their sources own them (a source's rebuild disposes its own).
    for (const [account, session] of this.memberSessions) if (session.isDisposed) this.memberSessions.delete(account);
    void pending?.then((state) => {
      if (state.kind === 'ready') for (const session of state.sessions) session.dispose();
    });
    for (const listener of [...this.listeners]) listener();
  }

  /** Called after rebuild(): sessions were replaced. */
  onDidRebuild(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  dispose(): void {
    this.rebuild();
    this.listeners.clear();
  }

  /** Why no request may leave for a session of `generation` now, or undefined. */
  private refusal(generation: number): string | undefined {
    const error = this.deps.settings().endpointError;
    if (error) return error;
    if (generation !== this.generation) return 'The connection settings changed; this connection was closed.';
    return undefined;
  }

  private refuseIfNeeded(generation: number): void {
    const reason = this.refusal(generation);
    if (reason === undefined) return;
    if (!this.loggedRefusals.has(reason)) {
      this.loggedRefusals.add(reason);
      this.deps.log.warn(`No request is sent: ${reason}`);
    }
    throw new EndpointRefusedError(reason);
  }

  /** The factory sessions get: checks the current settings when connecting and before every call. */
  private guardedConnect(generation: number): ConnectionFactory {
    return (profile, hooks) => {
      this.refuseIfNeeded(generation);
      const connection = this.deps.connect(profile, hooks);
      const check = (): void => this.refuseIfNeeded(generation);
      // Every method of the read and the write API checks the settings first.
      const guard = <T extends object>(target: T): T =>
        new Proxy(target, {
          get(inner, property, receiver) {
            const value = Reflect.get(inner, property, receiver) as unknown;
            if (typeof value !== 'function') return value;
            return (...args: unknown[]) => {
              try {
                check();
              } catch (error) {
                return Promise.reject(error);
              }
              return (value as (...a: unknown[]) => unknown).apply(inner, args);
            };
          },
        });
      const guarded: Connection = {
        settings: connection.settings,
        api: guard<IamApi>(connection.api),
        writeApi: connection.writeApi ? guard(connection.writeApi) : undefined,
        accessKeyId: async () => {
          check();
          return connection.accessKeyId();
        },
        dispose: () => connection.dispose(),
      };
      return guarded;
    };
  }

  private async build(): Promise<RegistryState> {
    const generation = this.generation;
    let profiles: ProfileInfo[] = [];
    try {
      profiles = await this.deps.listProfiles();
    } catch (error) {
      this.deps.log.warn(`Could not read the AWS config files: ${classifyError(error).message}`);
    }
    // Read after the await: a change made meanwhile must win over the snapshot of before.
    const settings = this.deps.settings();
    if (settings.endpointError) {
      this.loggedRefusals.add(settings.endpointError);
      this.deps.log.warn(`No request is sent: ${settings.endpointError}`);
      return { kind: 'endpoint-refused', reason: settings.endpointError };
    }
    const onlyDefault = settings.profiles.length === 1 && settings.profiles[0] === '';
    if (onlyDefault && !hasDefaultCredentialSource(this.deps.env(), profiles)) return { kind: 'no-credentials' };
    const sessions = settings.profiles.map(
      (profile) =>
        new ConnectionSession(profile, profile ? profiles.find((p) => p.name === profile) : undefined, this.guardedConnect(generation), this.deps.log, undefined, this.lastUsed),
    );
    return { kind: 'ready', sessions };
  }
}
