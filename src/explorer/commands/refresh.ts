// Refresh: one node (its list is loaded again from the first page) or the whole view.
import { AccountNode } from '../nodes/accountNode';
import { ConnectionNode } from '../nodes/connectionNode';
import type { ExplorerNode } from '../nodes/explorerNode';
import { PagedNode } from '../nodes/pagedNode';
import type { CommandDeps } from '../../commands/deps';

export function refresh(node: ExplorerNode | undefined, deps: CommandDeps): void {
  if (node instanceof ConnectionNode) {
    deps.explorer.reconnect(node);
    return;
  }
  if (node instanceof AccountNode) {
    node.retry();
    deps.explorer.refresh(node);
    return;
  }
  if (node instanceof PagedNode) {
    node.reset();
    deps.explorer.refresh(node);
    return;
  }
  deps.explorer.rebuild();
}
