// Runs in-process SDK code against throwaway AWS files: every AWS_* variable of this process
// is removed, the config/credentials files point into a temp dir, and restore() puts the
// original environment back.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export interface ProcessAwsEnv {
  readonly dir: string;
  restore(): void;
}

export function useIsolatedAwsEnv(files: { config?: string; credentials?: string }, extra: Record<string, string> = {}): ProcessAwsEnv {
  const saved = { ...process.env };
  for (const name of Object.keys(process.env)) if (name.toUpperCase().startsWith('AWS_')) delete process.env[name];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'iamkeys-env-'));
  fs.writeFileSync(path.join(dir, 'config'), files.config ?? '', { mode: 0o600 });
  fs.writeFileSync(path.join(dir, 'credentials'), files.credentials ?? '', { mode: 0o600 });
  Object.assign(process.env, {
    AWS_CONFIG_FILE: path.join(dir, 'config'),
    AWS_SHARED_CREDENTIALS_FILE: path.join(dir, 'credentials'),
    AWS_EC2_METADATA_DISABLED: 'true',
    ...extra,
  });
  return {
    dir,
    restore: () => {
      for (const name of Object.keys(process.env)) if (!(name in saved)) delete process.env[name];
      Object.assign(process.env, saved);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
