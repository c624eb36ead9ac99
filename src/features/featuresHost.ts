// What dist/features.js takes from activation's side of the lazy boundary (dist/extension.js),
// handed over by src/featuresLoader.ts when the feature module loads (src/featuresHost.ts is
// the object) rather than bundled a second time: each has state or a class activation holds one
// copy of. Everything else feature code imports is stateless (pure functions, constants, types)
// and may be bundled into both files; esbuild.config.mjs checks which is which.
import type { createConnection, createKeyPairConnection } from '../aws/connection';
import type { readCsv } from '../aws/csvReader';
import type { keyChangeMfaSerial, listProfiles } from '../aws/profiles';
import type { TREE_COMMANDS } from '../explorer/commands/treeCommands';
import type { askMfaCode, withScriptedMfaCode } from '../mfaPrompt';

export interface FeaturesHost {
  /** Connections through the one loaded SDK (src/aws/sdkLoader.ts: one sdk.js, one endpoint rule). */
  readonly createConnection: typeof createConnection;
  readonly createKeyPairConnection: typeof createKeyPairConnection;
  /** The profiles of ~/.aws/config and credentials, read through the SDK's loader. */
  readonly listProfiles: typeof listProfiles;
  readonly keyChangeMfaSerial: typeof keyChangeMfaSerial;
  /** The credential report's CSV reader (csv-parse loads with sdk.js). */
  readonly readCsv: typeof readCsv;
  /** The MFA prompt, and the running write command's scripted code it answers with (one slot). */
  readonly askMfaCode: typeof askMfaCode;
  readonly withScriptedMfaCode: typeof withScriptedMfaCode;
  /** The tree's own commands (load, filter, refresh): they act on the rows activation built. */
  readonly treeCommands: typeof TREE_COMMANDS;
}
