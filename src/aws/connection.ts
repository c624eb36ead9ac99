// One connection = one profile (or the default chain) + region + endpoint, with one IAM and
// one STS client reused for every call, the SDK's standard retry strategy and request timeouts.
// The clients live in dist/sdk.js (src/aws/sdk/), loaded on first use.
import type { Connection, ConnectionHooks, ConnectionSettings, KeyPair, KeyPairConnection } from './sdk/connectionTypes';
import { loadSdk } from './sdkLoader';

export type { AttemptRecord, Connection, ConnectionHooks, ConnectionSettings, KeyPair, KeyPairConnection, MfaSigning, RequestSender } from './sdk/connectionTypes';

export function createConnection(settings: ConnectionSettings, hooks: ConnectionHooks = {}): Connection {
  return loadSdk().createSdkConnection(settings, hooks);
}

export function createKeyPairConnection(settings: ConnectionSettings, keyPair: KeyPair, hooks: ConnectionHooks = {}): KeyPairConnection {
  return loadSdk().createSdkConnection(settings, hooks, keyPair);
}
