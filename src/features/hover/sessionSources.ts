// What KeyLookup needs: keys some account's list already loaded (the models' index), with what
// their session already knows (never fetching), and the registry's sessions for the owner lookup.
import type { SessionRegistry } from '../../aws/sessionRegistry';
import type { LoadedKeys } from '../../model/accountModels';
import type { KeyLookupSources, LoadedKeyInfo } from './keyLookup';

export function sessionLookupSources(registry: SessionRegistry, models: LoadedKeys): KeyLookupSources {
  return {
    loadedKey: async (accessKeyId): Promise<LoadedKeyInfo | undefined> => {
      const found = models.loadedKey(accessKeyId);
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
