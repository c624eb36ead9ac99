// The organization walks' view of the account models: a member account's users and keys the
// model holds complete (every page loaded, e.g. the tree's "Load all"), so a walk lists them no
// second time. Lists loaded in part answer undefined: the walk lists those itself.
import type { LoadedLists } from '../aws/organization/orgWideWalk';
import type { AccountModels } from './accountModels';

export function completeListsOf(models: AccountModels): LoadedLists {
  return {
    users: (session) => {
      const users = models.existing(session)?.users;
      return users?.isComplete ? users.loaded : undefined;
    },
    keysOf: (session, userName) => {
      const keys = models.existing(session)?.loadedKeysOf(userName);
      return keys?.isComplete ? keys.loaded : undefined;
    },
  };
}
