// What a row of the explorer stands for, as plain data (aws-toolkit-vscode's TreeNode.resource):
// commands read this, never the row's class, so they work the same from a row, an argument
// object or a prompt, and the tree can change its rows without touching a command.
import type { ConnectionSession } from '../aws/connectionSession';
import type { AccessKey, IamUser } from '../core/types';

export type RowResource =
  /** One access key, in the session that listed it. */
  | { readonly kind: 'key'; readonly key: AccessKey; readonly session: ConnectionSession }
  /** One IAM user. */
  | { readonly kind: 'user'; readonly user: IamUser; readonly session: ConnectionSession }
  /** The keys of whoever signs the session's calls ("My access keys"). */
  | { readonly kind: 'ownKeys'; readonly session: ConnectionSession }
  /** The account's users list. */
  | { readonly kind: 'users'; readonly session: ConnectionSession }
  /** A profile's root row. */
  | { readonly kind: 'profile'; readonly profile: string; readonly session: ConnectionSession };

export type ResourceKind = RowResource['kind'];

/**
 * The resource a command argument carries (a row passes itself), or undefined. A key's row is
 * the key's record (#22 memory): it carries the list row that shows it (`shownIn`, whose
 * resource names the session) instead of a resource of its own.
 */
export function resourceOf(arg: unknown): RowResource | undefined {
  if (typeof arg !== 'object' || arg === null) return undefined;
  if ('shownIn' in arg && 'AccessKeyId' in arg) {
    const session = carriedResource((arg as { shownIn?: unknown }).shownIn)?.session;
    return session ? { kind: 'key', key: arg as unknown as AccessKey, session } : undefined;
  }
  return carriedResource(arg);
}

/** The `resource` field of a row. */
function carriedResource(row: unknown): RowResource | undefined {
  if (typeof row !== 'object' || row === null || !('resource' in row)) return undefined;
  const resource = (row as { resource?: unknown }).resource;
  return typeof resource === 'object' && resource !== null && typeof (resource as { kind?: unknown }).kind === 'string' ? (resource as RowResource) : undefined;
}

/** The resource of `arg` when it is one of `kinds`. */
export function resourceOfKind<K extends ResourceKind>(arg: unknown, ...kinds: K[]): Extract<RowResource, { kind: K }> | undefined {
  const resource = resourceOf(arg);
  return resource && (kinds as ResourceKind[]).includes(resource.kind) ? (resource as Extract<RowResource, { kind: K }>) : undefined;
}

/** The session behind a row's resource, whatever its kind. */
export function sessionOf(arg: unknown): ConnectionSession | undefined {
  return resourceOf(arg)?.session;
}
