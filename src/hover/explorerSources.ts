// Adapts the explorer to what KeyLookup needs: loaded keys with what their connection already
// knows (never fetching), and connections reduced to profile, API and account.
import type { ExplorerProvider } from '../explorer/explorerProvider';
import type { ConnectionNode } from '../explorer/nodes/connectionNode';
import type { KeyLookupSources, LoadedKeyInfo, LookupConnection } from './keyLookup';

export function explorerLookupSources(explorer: ExplorerProvider): KeyLookupSources {
  return {
    loadedKey: async (accessKeyId): Promise<LoadedKeyInfo | undefined> => {
      const found = explorer.loadedKey(accessKeyId);
      if (!found) return undefined;
      const { key, connection } = found;
      return {
        key,
        profile: connection.profile,
        account: connection.identity()?.Account,
        // Same rule as the tree's key rows: a key without a user name, listed by the root.
        root: connection.isRoot() && !key.UserName,
        lastUsed: connection.knownLastUsed(key.AccessKeyId),
        fetchLastUsed: () => connection.lastUsed(key.AccessKeyId),
      };
    },
    connections: async () => (await explorer.connections()).map(lookupConnection),
  };
}

function lookupConnection(node: ConnectionNode): LookupConnection {
  return {
    profile: node.profile,
    api: node.api,
    account: async () => {
      await node.ensureIdentity(); // asked once per connection, shared with the tree
      return node.identity()?.Account;
    },
  };
}
