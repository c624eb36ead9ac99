// What activate() returns to other extensions (vscode.extensions.getExtension(ID).activate()):
// a few stable calls, each doing what a command does, so another extension needs none of our
// classes; and, apart, the internal objects this extension's own tests drive, under a name
// that says they are not part of the API.
import * as vscode from 'vscode';
import type { ListAccessKeysOutput } from './aws/cliListAccessKeys';
import type { OrgSources } from './aws/organization/orgSources';
import { listProfiles as readProfiles } from './aws/profiles';
import type { RotationOutcome } from './aws/rotateAccessKey';
import type { SessionRegistry } from './aws/sessionRegistry';
import { CommandIds } from './commands/commandIds';
import type { FoundKey } from './features/commands/findAccessKey';
import type { Settings } from './config';
import type { ExplorerProvider } from './explorer/explorerProvider';
import type { TreeElement } from './explorer/nodes/treeElement';
import type { ViewState } from './explorer/viewState';
import type { AttentionBadge } from './reminders/attentionBadge';
import type { RotationReminders } from './reminders/rotationReminders';

export const IAM_KEYS_API_VERSION = 1;

/** A profile of the AWS config and credentials files: how it signs in, never a secret. */
export interface ProfileSummary {
  readonly name: string;
  readonly kind: string;
  readonly region?: string;
}

/** Which keys to list: a user's (default: the caller's own), through a profile or an account. */
export interface ListAccessKeysRequest {
  readonly userName?: string;
  /** A configured profile (default: the first). */
  readonly profile?: string;
  /** A 12-digit account ID: a member account of a configured organization, or a profile's account. */
  readonly account?: string;
}

/** The stable calls. */
export interface IamKeysApi {
  readonly version: typeof IAM_KEYS_API_VERSION;
  listProfiles(): Promise<readonly ProfileSummary[]>;
  /** As `aws iam list-access-keys` answers (the List Access Keys command); undefined if it failed (it told the user). */
  listAccessKeys(request?: ListAccessKeysRequest): Promise<ListAccessKeysOutput | undefined>;
  /** Who owns an access key ID (the Find Access Key Owner command, without revealing it in the tree); only the ID is ever sent. */
  findAccessKey(accessKeyId: string): Promise<FoundKey | undefined>;
  /** This extension's own tests only: internal objects, no stability promise, may change in any release. */
  readonly internalsForTests: IamKeysInternals;
}

/** The internal objects the in-host tests drive. */
export interface IamKeysInternals {
  readonly sessions: SessionRegistry;
  readonly explorer: ExplorerProvider;
  readonly treeView: vscode.TreeView<TreeElement>;
  readonly view: ViewState;
  readonly settings: Settings;
  /** What the start-up recovery of interrupted rotations did. */
  readonly recovery: Promise<readonly RotationOutcome[]>;
  readonly organizations: OrgSources;
  /** The rotation reminders (status-bar item, notifications) and the view's attention badge. */
  readonly reminders: RotationReminders;
  readonly badge: AttentionBadge;
}

export function createPublicApi(internals: IamKeysInternals): IamKeysApi {
  return {
    version: IAM_KEYS_API_VERSION,
    listProfiles: async () => (await readProfiles()).map(({ name, kind, region }) => ({ name, kind, ...(region ? { region } : {}) })),
    listAccessKeys: (request = {}) =>
      Promise.resolve(vscode.commands.executeCommand<ListAccessKeysOutput | undefined>(CommandIds.listAccessKeys, { ...request })),
    findAccessKey: (accessKeyId) => Promise.resolve(vscode.commands.executeCommand<FoundKey | undefined>(CommandIds.findAccessKey, { accessKeyId, reveal: false })),
    internalsForTests: internals,
  };
}
