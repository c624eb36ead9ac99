// The commands that are about the tree only (what it loads, filters and redraws): their
// handlers, by ID, for the one command table in src/features/commands/registerCommands.ts.
import type { CommandDeps } from '../../commands/deps';
import { CommandIds } from '../../commands/commandIds';
import { setAttentionFilter } from './attentionFilter';
import { clearFilter, filterUsers } from './filterUsers';
import { loadAll, loadMore } from './loadMore';
import { refresh } from './refresh';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- command arguments come from anywhere
type Handler = (arg: any, deps: CommandDeps) => unknown;

export const TREE_COMMANDS = {
  [CommandIds.refresh]: refresh,
  [CommandIds.loadMore]: loadMore,
  [CommandIds.loadAll]: loadAll,
  [CommandIds.filterUsers]: filterUsers,
  [CommandIds.clearFilter]: (_arg, deps) => clearFilter(deps),
  [CommandIds.showNeedsAttention]: (_arg, deps) => setAttentionFilter(true, deps),
  [CommandIds.showAllKeys]: (_arg, deps) => setAttentionFilter(false, deps),
} as const satisfies Record<string, Handler>;
