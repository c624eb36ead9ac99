// What KeyLookup needs, from the session registry: keys some list already loaded, with what
// their session already knows (never fetching), and the sessions for the owner lookup.
import type { SessionRegistry } from '../aws/sessionRegistry';
import type { KeyLookupSources, LoadedKeyInfo } from './keyLookup';

export function sessionLookupSources(registry: SessionRegistry): KeyLookupSources {
  return {
    loadedKey: async (accessKeyId): Promise<LoadedKeyInfo | undefined> => {
      const found = registry.loadedKey(accessKeyId);
      if (!found) return undefined;
      const { key, session } = found;
      return {
        key,
        profile: session.profile,
        account: session.account(),
        root: session.isRootKey(key),
        lastUsed: session.knownLastUsed(key.AccessKeyId),
        fetchLastUsed: () => session.lastUsed(key.AccessKeyId),
      };
    },
    sessions: () => registry.sessions(),
  };
}
