// contextValue names and context keys, in one place: package.json `when` clauses match on these.
import * as vscode from 'vscode';

export const ContextValues = {
  connection: 'connection',
  connectionError: 'connection.error',
  myKeys: 'pagedList.myKeys',
  users: 'pagedList.users',
  usersFiltered: 'pagedList.users.filtered',
  user: 'pagedList.user',
  accessKeyActive: 'accessKey.active',
  accessKeyInactive: 'accessKey.inactive',
  /** Keys of the user whose key signs the session's calls (Rotate… is offered on them). */
  accessKeyActiveOwn: 'accessKey.active.own',
  accessKeyInactiveOwn: 'accessKey.inactive.own',
  loadMore: 'loadMore',
  message: 'message',
  retry: 'message.retry',
  organization: 'organization',
  account: 'organization.account',
  accountInactive: 'organization.account.inactive',
  accountError: 'organization.account.error',
} as const;

export type ContextValue = (typeof ContextValues)[keyof typeof ContextValues];

/** Context keys set with setContext, used in `when` clauses. */
export const ContextKeys = {
  noCredentials: 'iamKeys.noCredentials',
  filterActive: 'iamKeys.filterActive',
  attentionOnly: 'iamKeys.attentionOnly',
  /** iamKeys.allowWriteActions is on: write commands show in menus and the palette. */
  writeActionsAllowed: 'iamKeys.writeActionsAllowed',
  /** iamKeys.organizations or iamKeys.identityCenter names a source: organization-wide commands show. */
  organizationConfigured: 'iamKeys.organizationConfigured',
} as const;

export type ContextKey = (typeof ContextKeys)[keyof typeof ContextKeys];

/** The one way to set a context key: only known keys, only boolean values. */
export async function setContext(key: ContextKey, value: boolean): Promise<void> {
  await vscode.commands.executeCommand('setContext', key, value);
}
