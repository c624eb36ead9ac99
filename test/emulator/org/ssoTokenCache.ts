// The file `aws sso login` leaves behind: ~/.aws/sso/cache/<sha1(session name
// or start URL)>.json holding the access token and its expiry. Tests write it
// into a temporary home so the SDK's token loader finds it.
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface SsoTokenCacheEntry {
  /** `sso_session` name, or the legacy profile's `sso_start_url`. */
  readonly cacheKey: string;
  /** Left out of the file when undefined (a damaged cache file). */
  readonly accessToken: string | undefined;
  /** A Date, or text written as it is (a damaged cache file). */
  readonly expiresAt: Date | string;
  readonly region: string;
  readonly startUrl: string;
}

/** Writes the cache file under `homeDir` and returns its path. */
export function writeSsoTokenCache(homeDir: string, entry: SsoTokenCacheEntry): string {
  const dir = join(homeDir, '.aws', 'sso', 'cache');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, createHash('sha1').update(entry.cacheKey).digest('hex') + '.json');
  const body = {
    startUrl: entry.startUrl,
    region: entry.region,
    accessToken: entry.accessToken,
    expiresAt: typeof entry.expiresAt === 'string' ? entry.expiresAt : entry.expiresAt.toISOString().replace(/\.\d{3}Z$/, 'Z'),
  };
  writeFileSync(file, JSON.stringify(body, null, 2), { mode: 0o600 });
  return file;
}
