// Which settings file a remote window (code-server is one; so are Remote-SSH, WSL, Dev
// Containers and Codespaces) reads each setting from. Settings contributed with scope `machine`
// or `machine-overridable` apply only from the machine's file (<user-data-dir>/Machine/
// settings.json, the settings editor's Remote tab): code-server applies them from User at start
// but drops them at the first settings write of any kind. `application` settings apply only
// from User. The scope comes from package.json's contributes.configuration, not a hand list.
import * as fs from 'fs';
import * as path from 'path';

/** A setting's scope as package.json declares it; `window` when it declares none (VS Code's default). */
export type SettingScope = 'application' | 'machine' | 'machine-overridable' | 'window' | 'resource' | 'language-overridable';

interface ConfigurationSection {
  properties?: Record<string, { scope?: SettingScope }>;
}

/** The declared scope of every setting in `packageJsonPath`'s contributes.configuration. */
export function contributedScopes(packageJsonPath: string): Map<string, SettingScope> {
  const manifest = JSON.parse(fs.readFileSync(packageJsonPath, 'utf8')) as { contributes?: { configuration?: ConfigurationSection | ConfigurationSection[] } };
  const configuration = manifest.contributes?.configuration ?? [];
  const scopes = new Map<string, SettingScope>();
  for (const section of Array.isArray(configuration) ? configuration : [configuration]) {
    for (const [key, schema] of Object.entries(section.properties ?? {})) scopes.set(key, schema.scope ?? 'window');
  }
  return scopes;
}

const MACHINE_SCOPES: ReadonlySet<SettingScope> = new Set(['machine', 'machine-overridable']);

export interface SettingsFiles {
  /** <user-data-dir>/User/settings.json: application, window and resource settings, and any setting not contributed here. */
  user: Record<string, unknown>;
  /** <user-data-dir>/Machine/settings.json: machine and machine-overridable settings. */
  machine: Record<string, unknown>;
}

/** Splits `settings` into the two files by each key's scope in `scopes` (unknown keys go to User). */
export function splitSettingsByFile(settings: Record<string, unknown>, scopes: ReadonlyMap<string, SettingScope>): SettingsFiles {
  const files: SettingsFiles = { user: {}, machine: {} };
  for (const [key, value] of Object.entries(settings)) {
    const scope = scopes.get(key);
    files[scope && MACHINE_SCOPES.has(scope) ? 'machine' : 'user'][key] = value;
  }
  return files;
}

/** Writes User/settings.json and Machine/settings.json under `userDataDir` where a remote window reads each setting. */
export function writeSettingsFiles(userDataDir: string, settings: Record<string, unknown>, scopes: ReadonlyMap<string, SettingScope>): SettingsFiles {
  const files = splitSettingsByFile(settings, scopes);
  for (const [folder, content] of [['User', files.user], ['Machine', files.machine]] as const) {
    fs.mkdirSync(path.join(userDataDir, folder), { recursive: true });
    fs.writeFileSync(path.join(userDataDir, folder, 'settings.json'), JSON.stringify(content, null, 2));
  }
  return files;
}
