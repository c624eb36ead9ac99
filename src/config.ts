// The one place that reads iamKeys.* settings. Values are checked here, so the rest of the
// extension only sees sane ones; problems are kept as warnings for the UI to show.
import * as vscode from 'vscode';
import { parseIdentityCenterSettings, parseOrganizationSettings, type IdentityCenterSetting, type OrganizationSetting } from './core/orgSettings';
import { parseBoundedInteger, parsePageSize, validateEndpoint } from './core/validation';

export interface HoverSettings {
  readonly enabled: boolean;
  readonly cacheSeconds: number;
  readonly maxLookupsPerMinute: number;
}

export interface DiagnosticsSettings {
  readonly enabled: boolean;
  readonly ignore: readonly string[];
}

export const DEFAULT_DIAGNOSTICS: DiagnosticsSettings = { enabled: true, ignore: [] };

export interface IamKeysSettings {
  /** Profiles shown as roots, in order; '' stands for the SDK's default chain. */
  readonly profiles: readonly string[];
  readonly region: string;
  /** A validated endpoint, or '' when none is set or the set one was refused. */
  readonly endpoint: string;
  readonly pageSize: number;
  readonly rotationWarningDays: number;
  /** iamKeys.rotationReminders: the status-bar item and daily notification for keys past rotationWarningDays. */
  readonly rotationReminders?: boolean;
  /** Days without use before an active key is flagged (Security Hub IAM.22, CIS 1.12). */
  readonly unusedWarningDays: number;
  readonly maxConcurrentRequests: number;
  readonly requestTimeoutMs: number;
  readonly hover: HoverSettings;
  /** Mark access key IDs found in open files (off by default). */
  readonly decorations: boolean;
  /** Leaked-credential diagnostics in open files, and key IDs never to report (readSettings always sets it). */
  readonly diagnostics?: DiagnosticsSettings;
  /** iamKeys.allowWriteActions, from user settings only: key-changing commands run only when on. */
  readonly allowWriteActions: boolean;
  /** Organizations whose accounts are shown (iamKeys.organizations). */
  readonly organizations: readonly OrganizationSetting[];
  /** IAM Identity Center profiles whose accounts are shown (iamKeys.identityCenter). */
  readonly identityCenter: readonly IdentityCenterSetting[];
  /** Accounts entered and walked at once by organization-wide actions. */
  readonly maxConcurrentAccounts: number;
  /** Human-readable problems with the raw settings (shown in the view message). */
  readonly warnings: readonly string[];
  /** Set when iamKeys.endpoint holds something we refuse to send signed requests to. */
  readonly endpointError?: string;
}

export const SECTION = 'iamKeys';

export function readSettings(config: vscode.WorkspaceConfiguration = vscode.workspace.getConfiguration(SECTION)): IamKeysSettings {
  const warnings: string[] = [];
  const integer = (key: string, min: number, max: number, fallback: number, value = config.get<unknown>(key)): number => {
    const parsed = parseBoundedInteger(value, { min, max, default: fallback, name: `${SECTION}.${key}` });
    if (parsed.warning) warnings.push(parsed.warning);
    return parsed.value;
  };
  const pageSize = parsePageSize(config.get<unknown>('pageSize'));
  if (pageSize.warning) warnings.push(pageSize.warning);

  const rawEndpoint = stringSetting(config.get<unknown>('endpoint')).trim();
  const endpointCheck = validateEndpoint(rawEndpoint);
  const endpointError = endpointCheck.ok ? undefined : endpointCheck.reason;
  if (endpointError) warnings.push(endpointError);

  const primary = stringSetting(config.get<unknown>('profile')).trim();
  const extra = Array.isArray(config.get<unknown>('profiles')) ? (config.get<unknown[]>('profiles') ?? []) : [];
  const profiles = [...new Set([primary, ...extra.filter((p): p is string => typeof p === 'string').map((p) => p.trim()).filter(Boolean)])];

  const organizations = parseOrganizationSettings(config.get<unknown>('organizations'));
  const identityCenter = parseIdentityCenterSettings(config.get<unknown>('identityCenter'));
  warnings.push(...organizations.warnings, ...identityCenter.warnings);

  return {
    profiles,
    organizations: organizations.value,
    identityCenter: identityCenter.value,
    maxConcurrentAccounts: integer('maxConcurrentAccounts', 1, 32, 4),
    region: stringSetting(config.get<unknown>('region')).trim() || 'us-east-1',
    endpoint: endpointCheck.ok ? rawEndpoint : '',
    endpointError,
    pageSize: pageSize.value,
    rotationWarningDays: integer('rotationWarningDays', 1, 3650, 90),
    rotationReminders: config.get<unknown>('rotationReminders') !== false,
    unusedWarningDays: integer('unusedWarningDays', 1, 3650, 45),
    maxConcurrentRequests: integer('maxConcurrentRequests', 1, 16, 4),
    requestTimeoutMs: integer('requestTimeoutSeconds', 1, 300, 15) * 1000,
    hover: {
      enabled: config.get<unknown>('hover.enabled') !== false,
      cacheSeconds: integer('hover.cacheSeconds', 0, 86400, 300, userValue(config, 'hover.cacheSeconds')),
      maxLookupsPerMinute: integer('hover.maxLookupsPerMinute', 1, 600, 30, userValue(config, 'hover.maxLookupsPerMinute')),
    },
    decorations: config.get<unknown>('decorations.enabled') === true,
    diagnostics: {
      enabled: config.get<unknown>('diagnostics.enabled') !== false,
      ignore: stringList(userValue(config, 'diagnostics.ignore')),
    },
    // Application-scoped, and read from the user settings alone: no workspace can switch it on.
    allowWriteActions: config.inspect<unknown>('allowWriteActions')?.globalValue === true,
    warnings,
  };
}

/**
 * The value from the user's settings (in a remote window, the user's and the machine's), never
 * the workspace's: for the settings a cloned repository must not move (the lookup budget and
 * cache, the ignore list). package.json scopes them `machine` too; this also covers an editor
 * that would still apply a workspace value, and a trusted workspace.
 */
function userValue(config: vscode.WorkspaceConfiguration, key: string): unknown {
  return config.inspect<unknown>(key)?.globalValue;
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string').map((v) => v.trim()) : [];
}

function stringSetting(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** Settings that change which connections exist (and so everything under them). */
export const CONNECTION_KEYS = ['profile', 'profiles', 'region', 'endpoint', 'requestTimeoutSeconds', 'organizations', 'identityCenter'] as const;

/** The live settings object (a class: one copy, in dist/extension.js; feature code takes it as a type). */
export type { Settings } from './settings';
