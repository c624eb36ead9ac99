// The AWS SDK's own reading of a credentials file, the oracle of the credentials-file tests:
// the text goes to a file and is read by loadSharedConfigFiles (@smithy/shared-ini-file-loader,
// the reader fromIni uses), so what the product reads can be held against what the SDK reads.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { loadSharedConfigFiles } from '@smithy/shared-ini-file-loader';

/** Each section the SDK finds in `text`, with its settings (sub-settings as "parent.name"). */
export type SdkReading = Record<string, Record<string, string>>;

export async function sdkReadsCredentials(text: string, dir: string): Promise<SdkReading> {
  const file = path.join(dir, 'credentials');
  await fs.writeFile(file, text);
  const files = await loadSharedConfigFiles({ filepath: file, configFilepath: path.join(dir, 'no-config'), ignoreCache: true });
  return files.credentialsFile as SdkReading;
}
