// The IAM calls of a rotation signed with a named profile's own credentials (authProfile: an
// admin signs for a user whose key may not call IAM), resolved the way the SDK resolves that
// profile (static keys, SSO, assume role, credential_process), through the one client factory.
import type { createConnection, ConnectionSettings, ConnectionHooks } from './connection';
import type { KeyPairApi } from './rotateAccessKey';

/** `connect`: createConnection of ./connection.ts (feature code passes the one activation holds). */
export function connectProfileForWrites(connect: typeof createConnection, settings: ConnectionSettings, hooks: ConnectionHooks = {}): { readonly api: KeyPairApi; dispose(): void } {
  const connection = connect(settings, hooks);
  const write = connection.writeApi;
  if (!write) {
    connection.dispose();
    throw new Error(`the connection of profile ${settings.profile} cannot change keys`);
  }
  const read = connection.api;
  return {
    api: {
      getCallerIdentity: (signal) => read.getCallerIdentity(signal),
      listAllAccessKeys: (userName, options) => read.listAllAccessKeys(userName, options),
      getAccessKeyLastUsed: (accessKeyId, signal) => read.getAccessKeyLastUsed(accessKeyId, signal),
      createAccessKey: (userName, signal) => write.createAccessKey(userName, signal),
      updateAccessKey: (accessKeyId, status, userName, signal) => write.updateAccessKey(accessKeyId, status, userName, signal),
      deleteAccessKey: (accessKeyId, userName, signal) => write.deleteAccessKey(accessKeyId, userName, signal),
    },
    dispose: () => connection.dispose(),
  };
}
