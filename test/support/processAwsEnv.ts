// Runs in-process SDK code against throwaway AWS files (isolateThisProcess in awsEnv.ts: every
// AWS_* variable of this process removed, config/credentials in a temp dir, no instance
// metadata), plus `extra` variables; restore() puts the original environment back.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { isolateThisProcess } from './awsEnv';

export interface ProcessAwsEnv {
  readonly dir: string;
  restore(): void;
}

export function useIsolatedAwsEnv(files: { config?: string; credentials?: string }, extra: Record<string, string> = {}): ProcessAwsEnv {
  const saved = { ...process.env };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'iamkeys-env-'));
  isolateThisProcess(dir, { awsConfig: files.config, awsCredentials: files.credentials });
  Object.assign(process.env, extra);
  return {
    dir,
    restore: () => {
      for (const name of Object.keys(process.env)) if (!(name in saved)) delete process.env[name];
      Object.assign(process.env, saved);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
