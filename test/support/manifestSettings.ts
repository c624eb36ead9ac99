// The settings package.json contributes, whether contributes.configuration is one section or
// an array of titled sections (as the Settings editor groups them).

export interface ContributedSetting {
  readonly type?: string | string[];
  readonly default?: unknown;
  readonly scope?: string;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly [field: string]: unknown;
}

interface ConfigurationSection {
  readonly properties?: Record<string, ContributedSetting>;
}

/** contributes.configuration: one section, or titled sections. */
export type ConfigurationContribution = ConfigurationSection | readonly ConfigurationSection[];

/** Every contributed setting by key, across the configuration sections. */
export function contributedSettings(manifest: { contributes?: { configuration?: ConfigurationContribution } }): Record<string, ContributedSetting> {
  const configuration = manifest.contributes?.configuration ?? [];
  const sections: readonly ConfigurationSection[] = Array.isArray(configuration) ? configuration : [configuration as ConfigurationSection];
  return Object.assign({}, ...sections.map((section) => section.properties ?? {})) as Record<string, ContributedSetting>;
}
