// The activation-side parts dist/features.js uses (see src/features/featuresHost.ts), one copy each.
import { createConnection, createKeyPairConnection } from './aws/connection';
import { readCsv } from './aws/csvReader';
import { keyChangeMfaSerial, listProfiles } from './aws/profiles';
import { TREE_COMMANDS } from './explorer/commands/treeCommands';
import { askMfaCode, withScriptedMfaCode } from './mfaPrompt';
import type { FeaturesHost } from './features/featuresHost';

export const featuresHost: FeaturesHost = {
  createConnection,
  createKeyPairConnection,
  listProfiles,
  keyChangeMfaSerial,
  readCsv,
  askMfaCode,
  withScriptedMfaCode,
  treeCommands: TREE_COMMANDS,
};
