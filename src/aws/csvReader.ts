// Reads the credential report's CSV with the parser that loads with the SDK (src/aws/sdk/csvRows.ts):
// by the time a report's text is here, GetCredentialReport has loaded sdk.js.
import type { ReadCsv } from '../core/credentialReport';
import { loadSdk } from './sdkLoader';

export const readCsv: ReadCsv = (csv) => loadSdk().csvRows(csv);
