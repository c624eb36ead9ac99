// What a command acts on — a key, a user, a list or a profile — from a row's resource, an
// argument object or a prompt. One rule checks a key ID (validateAccessKeyId; a change also
// needs a long-term AKIA key), and sessions come from the registry by profile, never by position.
import * as vscode from 'vscode';
import type { ConnectionSession } from '../../aws/connectionSession';
import type { KeyInfo } from '../../aws/keyInfo';
import { statusText } from '../../core/healthReportExport';
import { validateAccessKeyId } from '../../core/validation';
import type { IndexedKey } from '../../model/accountModels';
import { resourceOfKind } from '../../model/rowResource';
import type { CommandDeps } from '../../commands/deps';
import { pickOrType } from './pickOrType';

/** 'read': any key ID (copy, show, find); 'change': a long-term key some profile can change. */
export type KeyUse = 'read' | 'change';

/** Why `value` is no key ID for `use`, or undefined: the one rule every key command applies. */
export function keyIdProblem(value: unknown, use: KeyUse): string | undefined {
  if (typeof value !== 'string') return vscode.l10n.t('accessKeyId must be text, such as "AKIAIOSFODNN7EXAMPLE".');
  const check = validateAccessKeyId(value);
  if (!check.ok) return check.reason;
  if (use === 'change' && !value.startsWith('AKIA')) return vscode.l10n.t('{0} is not a long-term access key ID (AKIA…): only those can be changed.', value);
  return undefined;
}

export interface ResolvedKey {
  readonly accessKeyId: string;
  /** The key as a loaded list holds it, with its session. */
  readonly loaded?: IndexedKey;
  /** The row it came from (to redraw its list in place). */
  readonly row?: unknown;
}

/**
 * A key ID from a key row, a string, `{ accessKeyId }`, or nothing (then a pick of the loaded
 * keys that also takes any typed ID, checked as it is typed); undefined with the reason shown.
 * A caller that passed an argument is never prompted.
 */
export async function resolveKey(arg: unknown, deps: CommandDeps, title: string, use: KeyUse = 'read'): Promise<ResolvedKey | undefined> {
  const row = resourceOfKind(arg, 'key');
  if (row) return { accessKeyId: row.key.AccessKeyId, loaded: { key: row.key, session: row.session }, row: arg };
  // An object without accessKeyId (`{ reveal: true }`, another row) asks, as nothing does.
  if (arg === undefined || arg === null || (typeof arg === 'object' && !('accessKeyId' in arg))) return pickKey(deps, title, use);
  const given = typeof arg === 'object' ? (arg as { accessKeyId?: unknown }).accessKeyId : arg;
  const problem = keyIdProblem(given, use);
  if (problem !== undefined) {
    void vscode.window.showErrorMessage(problem);
    return undefined;
  }
  return { accessKeyId: given as string, loaded: deps.models.loadedKey(given as string) };
}

async function pickKey(deps: CommandDeps, title: string, use: KeyUse): Promise<ResolvedKey | undefined> {
  const loaded = deps.models.loadedKeys();
  const accessKeyId = await pickOrType({
    title,
    placeholder: loaded.length > 0 ? vscode.l10n.t('Type any access key ID, or pick a loaded one') : vscode.l10n.t('Access key ID, e.g. AKIAIOSFODNN7EXAMPLE'),
    items: loaded.map(({ key, session }) => ({
      label: key.AccessKeyId,
      description: `${key.UserName || vscode.l10n.t('root')} · ${statusText(key.Status, vscode.l10n.t)}`,
      detail: session.profile || vscode.l10n.t('default credentials'),
      value: key.AccessKeyId,
    })),
    validate: (typed) => keyIdProblem(typed, use),
    fromTyped: (typed) => typed,
    typedDescription: vscode.l10n.t('look up this ID'),
  });
  if (accessKeyId === undefined) return undefined;
  // A pick of a loaded key skipped the typed check: apply the rule to it too.
  const problem = keyIdProblem(accessKeyId, use);
  if (problem !== undefined) {
    void vscode.window.showErrorMessage(problem);
    return undefined;
  }
  return { accessKeyId, loaded: deps.models.loadedKey(accessKeyId) };
}

export interface KeyTarget {
  readonly accessKeyId: string;
  /** As given or as the loaded key names its owner; undefined: the signing user's own key. */
  readonly userName?: string;
  readonly session: ConnectionSession;
  /** The row it came from, to redraw in place. */
  readonly row?: unknown;
  /** Chosen by a person (a row's menu or the palette's pick), not passed by a caller. */
  readonly interactive?: boolean;
}

/**
 * The key a changing command is about, from a row, `{ accessKeyId, userName?, profile? }`, or
 * nothing (the palette: a pick whose typed ID's owner is then looked up); undefined with the
 * reason shown.
 */
export async function resolveKeyTarget(arg: unknown, deps: CommandDeps, title = ''): Promise<KeyTarget | undefined> {
  const row = resourceOfKind(arg, 'key');
  if (row) return { accessKeyId: row.key.AccessKeyId, userName: row.key.UserName || undefined, session: row.session, row: arg, interactive: true };
  if (arg === undefined) return pickKeyTarget(deps, title);
  const given = (typeof arg === 'object' && arg !== null ? arg : {}) as { accessKeyId?: unknown; userName?: unknown; profile?: unknown };
  const problem = keyIdProblem(given.accessKeyId, 'change');
  if (problem !== undefined) {
    void vscode.window.showErrorMessage(problem);
    return undefined;
  }
  const accessKeyId = given.accessKeyId as string;
  if (given.userName !== undefined && typeof given.userName !== 'string') {
    void vscode.window.showErrorMessage(vscode.l10n.t('userName must be text.'));
    return undefined;
  }
  const loaded = deps.models.loadedKey(accessKeyId);
  const session = typeof given.profile === 'string' ? await deps.sessions.byProfile(given.profile) : (loaded?.session ?? (await deps.sessions.main()));
  if (!session) {
    void vscode.window.showErrorMessage(
      typeof given.profile === 'string' ? vscode.l10n.t('No connection uses the profile {0}.', given.profile || 'default') : vscode.l10n.t('No AWS connection is configured.'),
    );
    return undefined;
  }
  const userName = (given.userName as string | undefined) ?? (loaded?.key.UserName || undefined);
  return { accessKeyId, userName, session };
}

/** The palette's way in: pick a loaded key or type one; a typed key's owner comes from the owner lookup. */
async function pickKeyTarget(deps: CommandDeps, title: string): Promise<KeyTarget | undefined> {
  const picked = await pickKey(deps, title, 'change');
  if (!picked) return undefined;
  const { accessKeyId } = picked;
  if (picked.loaded) return { accessKeyId, userName: picked.loaded.key.UserName || undefined, session: picked.loaded.session, interactive: true };
  const { info } = await deps.lookup.lookup(accessKeyId);
  const session = info.kind === 'found' ? await deps.sessions.byProfile(info.profile) : undefined;
  if (info.kind !== 'found' || !session) {
    void vscode.window.showErrorMessage(vscode.l10n.t('{0} is not a key any of your profiles can change ({1}).', accessKeyId, describeLookup(info)));
    return undefined;
  }
  return { accessKeyId, userName: info.root ? undefined : info.userName, session, interactive: true };
}

function describeLookup(info: KeyInfo): string {
  switch (info.kind) {
    case 'other-account':
      return vscode.l10n.t('a key of account {0}', info.account);
    case 'temporary':
      return vscode.l10n.t('a temporary key');
    case 'canary':
      return vscode.l10n.t('a canary token');
    case 'not-found':
      return vscode.l10n.t('not found');
    case 'error':
      return info.message;
    case 'no-connection':
      return vscode.l10n.t('no AWS connection is configured');
    case 'limit-reached':
      return vscode.l10n.t('lookup limit reached, try again in a moment');
    default:
      return vscode.l10n.t('its profile is not connected');
  }
}

/** The session a command names by `profile`, or the main one when it names none; undefined with the reason shown. */
export async function sessionByProfile(profile: string | undefined, deps: CommandDeps): Promise<ConnectionSession | undefined> {
  const session = profile !== undefined ? await deps.sessions.byProfile(profile) : await deps.sessions.main();
  if (!session) {
    void vscode.window.showErrorMessage(profile ? vscode.l10n.t('Profile "{0}" is not shown in the explorer.', profile) : vscode.l10n.t('No AWS connection is configured.'));
  }
  return session;
}

/** A user row's name and session, or undefined for any other argument. */
export function userOfRow(arg: unknown): { readonly userName: string; readonly session: ConnectionSession } | undefined {
  const row = resourceOfKind(arg, 'user');
  return row ? { userName: row.user.UserName, session: row.session } : undefined;
}

/** A key list's session and owner from a user row ("userName") or "My access keys" (no owner: the signing user's). */
export function keyListOfRow(arg: unknown): { readonly userName?: string; readonly session: ConnectionSession } | undefined {
  const row = resourceOfKind(arg, 'user', 'ownKeys', 'users');
  if (!row) return undefined;
  return row.kind === 'user' ? { userName: row.user.UserName, session: row.session } : { session: row.session };
}

/** A profile from a profile row or a string. */
export function profileOfArgument(arg: unknown): string | undefined {
  const row = resourceOfKind(arg, 'profile');
  if (row) return row.profile;
  return typeof arg === 'string' ? arg : undefined;
}
