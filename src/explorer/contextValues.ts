// contextValue names, in one place: package.json menus match on these.
export const ContextValues = {
  connection: 'connection',
  connectionError: 'connection.error',
  myKeys: 'pagedList.myKeys',
  users: 'pagedList.users',
  usersFiltered: 'pagedList.users.filtered',
  user: 'pagedList.user',
  accessKeyActive: 'accessKey.active',
  accessKeyInactive: 'accessKey.inactive',
  loadMore: 'loadMore',
  message: 'message',
  retry: 'message.retry',
} as const;

export type ContextValue = (typeof ContextValues)[keyof typeof ContextValues];

/** Context keys set with setContext, used in `when` clauses. */
export const ContextKeys = {
  noCredentials: 'iamKeys.noCredentials',
  filterActive: 'iamKeys.filterActive',
  attentionOnly: 'iamKeys.attentionOnly',
} as const;
