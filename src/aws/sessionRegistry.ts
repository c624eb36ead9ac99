// The sessions the settings ask for, built on first use and shared by the explorer, the
// commands, the hover and diagnostics. A rebuild (settings changed) disposes them all; a build
// that was under way when the settings changed is dropped, and the settings are read again
// after the config files were, so no session is made from a stale snapshot.
import type { AccessKey } from '../core/types';
import { ConnectionSession, type ConnectionFactory, type IndexedKey } from './connectionSession';
import { hasDefaultCredentialSource } from './credentialSources';
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
  private readonly listeners = new Set<() => void>();
  /** Sessions of organization member accounts, by account ID: registered when listed, cheap until used. */
  private readonly memberSessions = new Map<string, ConnectionSession>();

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
    return this.memberSessions.size === 0 ? profiles : [...profiles, ...this.memberSessions.values()];
  }

  /** Registers a member account's session (replacing and disposing an older one for the account). */
  addMemberSession(account: string, session: ConnectionSession): void {
    const old = this.memberSessions.get(account);
    if (old && old !== session) old.dispose();
    this.memberSessions.set(account, session);
  }

  /** A member account's session, if one is registered (no call). */
  memberSession(account: string): ConnectionSession | undefined {
    return this.memberSessions.get(account);
  }

  /** The session of a profile ('' for the default chain). */
  async byProfile(profile: string): Promise<ConnectionSession | undefined> {
    return (await this.sessions()).find((s) => s.profile === profile);
  }

  /** The first session signed in to `account` (asks each session's identity once). */
  async byAccount(account: string): Promise<ConnectionSession | undefined> {
    const sessions = await this.sessions();
    const member = this.memberSessions.get(account);
    const accounts = await Promise.all(sessions.map((s) => s.resolveAccount()));
    return sessions[accounts.indexOf(account)] ?? member;
  }

  /** A key some view loaded, from the sessions' indexes (no call, no tree walk). */
  loadedKey(accessKeyId: string): IndexedKey | undefined {
    for (const session of this.builtSessions()) {
      const key = session.loadedKey(accessKeyId);
      if (key) return { key, session };
    }
    return undefined;
  }

  loadedKeys(): IndexedKey[] {
    return this.builtSessions().flatMap((session) => session.loadedKeys().map((key: AccessKey) => ({ key, session })));
  }

  /** Disposes every session; the next use builds them from the current settings. */
  rebuild(): void {
    this.generation++;
    const old = this.built;
    const pending = this.building;
    this.built = undefined;
    this.building = undefined;
    if (old?.kind === 'ready') for (const session of old.sessions) session.dispose();
    for (const session of this.memberSessions.values()) session.dispose();
    this.memberSessions.clear();
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

  private async build(): Promise<RegistryState> {
    let profiles: ProfileInfo[] = [];
    try {
      profiles = await this.deps.listProfiles();
    } catch (error) {
      this.deps.log.warn(`Could not read the AWS config files: ${classifyError(error).message}`);
    }
    // Read after the await: a change made meanwhile must win over the snapshot of before.
    const settings = this.deps.settings();
    if (settings.endpointError) {
      this.deps.log.warn(`No request is sent: ${settings.endpointError}`);
      return { kind: 'endpoint-refused', reason: settings.endpointError };
    }
    const onlyDefault = settings.profiles.length === 1 && settings.profiles[0] === '';
    if (onlyDefault && !hasDefaultCredentialSource(this.deps.env(), profiles)) return { kind: 'no-credentials' };
    const sessions = settings.profiles.map(
      (profile) => new ConnectionSession(profile, profile ? profiles.find((p) => p.name === profile) : undefined, this.deps.connect, this.deps.log),
    );
    return { kind: 'ready', sessions };
  }
}
