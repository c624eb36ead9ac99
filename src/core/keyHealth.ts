// Judges an access key's hygiene in one place: HEALTH_RULES is the one table of rules, each
// named by the audit controls it stands for (AWS Security Hub's IAM.x, the CIS AWS Foundations
// Benchmark). Tree rows, the hover, the legend, exports and the health report all read it, so
// a new rule is one entry here. Pure: the clock and the settings come in through the context;
// texts are English templates that the UI passes through vscode.l10n.t.

import type { AccessKey, AccessKeyLastUsed } from './types';
import { ageInDays, formatAge, formatAgo } from './format';
import { englishText, l10nKey, type Translate } from './translate';

export type Severity = 'ok' | 'info' | 'warning' | 'critical';
export type FindingSeverity = Exclude<Severity, 'ok'>;

export type KeyFindingCode =
  | 'root-key'
  | 'rotation-due'
  | 'unused-90'
  | 'unused'
  | 'setup-key-unused'
  | 'two-active'
  | 'inactive'
  | 'expired';

export interface KeyHealthContext {
  readonly now: Date;
  /** `iamKeys.rotationWarningDays`; a non-positive or non-finite value falls back to 90. */
  readonly rotationWarningDays: number;
  /** `iamKeys.unusedWarningDays`; a non-positive or non-finite value falls back to 45. */
  readonly unusedWarningDays?: number;
  /** GetAccessKeyLastUsed's answer (or the credential report's), when known. Absent means "unknown", not "never used". */
  readonly lastUsed?: AccessKeyLastUsed;
  /** The key belongs to the account's root user. */
  readonly isRoot?: boolean;
  /** How many active keys the key's user has, when their key list is known. */
  readonly activeKeysOfUser?: number;
  /** The user has a console password (credential report's password_enabled), when known. */
  readonly passwordEnabled?: boolean;
  /** When the key's user was created, when known. */
  readonly userCreateDate?: Date;
}

/** What a rule's check sees: the key, its age and the context with thresholds resolved. */
export interface KeyFacts {
  readonly key: AccessKey;
  readonly ageDays: number;
  readonly active: boolean;
  readonly rotationDays: number;
  readonly unusedDays: number;
  readonly ctx: KeyHealthContext;
}

export interface HealthRule {
  readonly code: KeyFindingCode;
  readonly severity: FindingSeverity;
  /** Short label for tree rows and chart axes (English; localised by the caller). */
  readonly label: string;
  /** The finding's sentence, a template with {0}, {1}… filled by check's answer. */
  readonly message: string;
  /** The legend line; {0} = rotation days, {1} = unused days. */
  readonly legend: string;
  /** Audit controls this rule stands for: Security Hub control IDs, then CIS recommendations. */
  readonly controls: readonly string[];
  /** The message's arguments when the rule applies, undefined when it does not. */
  check(facts: KeyFacts): ReadonlyArray<string | number> | undefined;
}

export interface KeyFinding {
  readonly code: KeyFindingCode;
  readonly severity: FindingSeverity;
  readonly label: string;
  readonly controls: readonly string[];
  /** English sentence (logs, exports). */
  readonly message: string;
  /** The rule's message template and its arguments, for a localised sentence (findingText). */
  readonly template: string;
  readonly args: ReadonlyArray<string | number>;
}

export interface KeyHealth {
  /** Whole days since CreateDate. */
  readonly ageDays: number;
  /** Most severe first; equal severities in table order. */
  readonly findings: KeyFinding[];
  /** The most severe finding's severity, or 'ok'. */
  readonly severity: Severity;
}

export const DEFAULT_ROTATION_DAYS = 90;
export const DEFAULT_UNUSED_DAYS = 45;
/** Security Hub IAM.8's fixed threshold. */
export const IAM8_UNUSED_DAYS = 90;
/** A key made within this long of its user counts as made "at user setup" (CIS 1.11). */
export const USER_SETUP_WINDOW_MS = 86_400_000;

/** Days since last use, or since creation for a key never used; undefined when last use is unknown. */
function idleDays(f: KeyFacts): number | undefined {
  const lastUsed = f.ctx.lastUsed;
  if (!lastUsed) return undefined;
  return lastUsed.LastUsedDate ? ageInDays(lastUsed.LastUsedDate, f.ctx.now) : f.ageDays;
}

// Phrases that fill a rule message's argument: findingText translates them with the sentence.
const LAST_USED = l10nKey('last used');
const NEVER_USED_CREATED = l10nKey('never used, created');
const PHRASE_ARGS: ReadonlySet<string | number> = new Set([LAST_USED, NEVER_USED_CREATED]);

function unusedArgs(f: KeyFacts, threshold: number): ReadonlyArray<string | number> | undefined {
  const idle = idleDays(f);
  if (!f.active || idle === undefined || idle < threshold) return undefined;
  const since = f.ctx.lastUsed?.LastUsedDate ? LAST_USED : NEVER_USED_CREATED;
  return [since, formatAgo(idle)];
}

export const HEALTH_RULES: readonly HealthRule[] = Object.freeze([
  {
    code: 'root-key',
    severity: 'critical',
    label: l10nKey('Root key'),
    message: l10nKey('Root user access key: delete it and use IAM users or roles instead'),
    legend: l10nKey("an access key of the account's root user. Delete it; use IAM users or roles."),
    controls: ['IAM.4', 'CIS 1.4'],
    check: (f) => (f.ctx.isRoot ? [] : undefined),
  },
  {
    code: 'rotation-due',
    severity: 'warning',
    label: l10nKey('Rotation due'),
    message: l10nKey('Active for {0} (rotate every {1} days)'),
    legend: l10nKey('active for more than {0} days (`iamKeys.rotationWarningDays`; the controls say 90).'),
    controls: ['IAM.3', 'CIS 1.14'],
    check: (f) => (f.active && f.ageDays > f.rotationDays ? [formatAge(f.ageDays), f.rotationDays] : undefined),
  },
  {
    code: 'unused',
    severity: 'warning',
    label: l10nKey('Unused'),
    message: l10nKey('Not used for {0} days or more ({1} {2})'),
    legend: l10nKey('active and not used for {1} days or more, counted from creation if never used (`iamKeys.unusedWarningDays`; the controls say 45).'),
    controls: ['IAM.22', 'CIS 1.12'],
    check: (f) => {
      const args = unusedArgs(f, f.unusedDays);
      return args ? [f.unusedDays, ...args] : undefined;
    },
  },
  {
    code: 'unused-90',
    severity: 'warning',
    label: l10nKey('Unused 90+ days'),
    message: l10nKey('Not used for 90 days or more ({0} {1}): remove it'),
    legend: l10nKey('active and not used for 90 days or more, counted from creation if never used.'),
    controls: ['IAM.8'],
    check: (f) => unusedArgs(f, IAM8_UNUSED_DAYS),
  },
  {
    code: 'setup-key-unused',
    severity: 'warning',
    label: l10nKey('Setup key unused'),
    message: l10nKey('Created with the user, never used, and the user signs in with a console password'),
    legend: l10nKey('active, created at user setup, never used, while the user has a console password (known from the credential report).'),
    controls: ['CIS 1.11'],
    check: (f) => {
      const { lastUsed, passwordEnabled, userCreateDate } = f.ctx;
      if (!f.active || !lastUsed || lastUsed.LastUsedDate || passwordEnabled !== true || !userCreateDate) return undefined;
      return Math.abs(f.key.CreateDate.getTime() - userCreateDate.getTime()) <= USER_SETUP_WINDOW_MS ? [] : undefined;
    },
  },
  {
    code: 'two-active',
    severity: 'info',
    label: l10nKey('Two active keys'),
    message: l10nKey('The user has {0} active access keys: usually only during a rotation'),
    legend: l10nKey('the user has more than one active key, which is normal only while rotating.'),
    controls: ['CIS 1.13'],
    check: (f) => (f.active && (f.ctx.activeKeysOfUser ?? 0) > 1 ? [f.ctx.activeKeysOfUser ?? 0] : undefined),
  },
  {
    code: 'inactive',
    severity: 'info',
    label: l10nKey('Inactive'),
    message: l10nKey("Inactive: can't sign requests"),
    legend: l10nKey("disabled; it can't sign requests. Delete it once you're sure it isn't needed."),
    controls: [],
    check: (f) => (f.key.Status === 'Inactive' ? [] : undefined),
  },
  {
    code: 'expired',
    severity: 'info',
    label: l10nKey('Expired'),
    message: l10nKey("Expired: can't sign requests"),
    legend: l10nKey("IAM marked it expired; it can't sign requests."),
    controls: [],
    check: (f) => (f.key.Status === 'Expired' ? [] : undefined),
  },
]);

const RULES_BY_CODE: ReadonlyMap<KeyFindingCode, HealthRule> = new Map(HEALTH_RULES.map((rule) => [rule.code, rule]));

export function healthRule(code: KeyFindingCode): HealthRule {
  const rule = RULES_BY_CODE.get(code);
  if (!rule) throw new Error(`no health rule ${code}`);
  return rule;
}

const RANK: Record<Severity, number> = { ok: 0, info: 1, warning: 2, critical: 3 };

/** Higher of two severities. */
export function maxSeverity(a: Severity, b: Severity): Severity {
  return RANK[a] >= RANK[b] ? a : b;
}

export function severityRank(severity: Severity): number {
  return RANK[severity];
}

function threshold(value: number | undefined, fallback: number): number {
  return value !== undefined && Number.isFinite(value) && value >= 1 ? Math.floor(value) : fallback;
}

export function assessAccessKey(key: AccessKey, ctx: KeyHealthContext): KeyHealth {
  const facts: KeyFacts = {
    key,
    ageDays: ageInDays(key.CreateDate, ctx.now),
    active: key.Status === 'Active',
    rotationDays: threshold(ctx.rotationWarningDays, DEFAULT_ROTATION_DAYS),
    unusedDays: threshold(ctx.unusedWarningDays, DEFAULT_UNUSED_DAYS),
    ctx,
  };
  const findings: KeyFinding[] = [];
  for (const rule of HEALTH_RULES) {
    const args = rule.check(facts);
    if (args === undefined) continue;
    findings.push({
      code: rule.code,
      severity: rule.severity,
      label: rule.label,
      controls: rule.controls,
      message: englishText(rule.message, ...args),
      template: rule.message,
      args,
    });
  }
  findings.sort((a, b) => RANK[b.severity] - RANK[a.severity]);
  const severity = findings.reduce<Severity>((s, f) => maxSeverity(s, f.severity), 'ok');
  return { ageDays: facts.ageDays, findings, severity };
}

/** Whether a key deserves a marker in the tree: any warning or critical finding. */
export function needsAttention(health: KeyHealth): boolean {
  return RANK[health.severity] >= RANK.warning;
}

/** Active keys among a user's keys (for `activeKeysOfUser`). */
export function countActive(keys: readonly AccessKey[]): number {
  return keys.reduce((n, key) => n + (key.Status === 'Active' ? 1 : 0), 0);
}

/** User names with more than one active key (CIS 1.13), in first-seen order. */
export function usersWithSeveralActiveKeys(keys: readonly AccessKey[]): string[] {
  const active = new Map<string, number>();
  for (const key of keys) if (key.Status === 'Active') active.set(key.UserName, (active.get(key.UserName) ?? 0) + 1);
  return [...active].filter(([, n]) => n > 1).map(([user]) => user);
}

/** A finding's sentence in the UI's language. */
export function findingText(finding: KeyFinding, t: Translate = englishText): string {
  return t(finding.template, ...finding.args.map((arg) => (PHRASE_ARGS.has(arg) ? t(arg as string) : arg)));
}

/** "IAM.3, CIS 1.14", or '' for a finding no control names. */
export function controlsText(controls: readonly string[]): string {
  return controls.join(', ');
}

/** A finding as one line: sentence, then its controls in brackets. */
export function findingLine(finding: KeyFinding, t: Translate = englishText): string {
  const controls = controlsText(finding.controls);
  return controls ? `${findingText(finding, t)} [${controls}]` : findingText(finding, t);
}

const SEVERITY_WORDS: Record<FindingSeverity, string> = { critical: l10nKey('critical'), warning: l10nKey('warning'), info: l10nKey('info') };

/** A severity as the reader's language says it. */
export function severityText(severity: FindingSeverity, t: Translate = englishText): string {
  return t(SEVERITY_WORDS[severity]);
}

/** Markdown, one line per rule, for the tree's tooltip, the hover and the report. */
export function healthLegend(thresholds: { rotationWarningDays: number; unusedWarningDays?: number }, t: Translate = englishText): string {
  const rotation = threshold(thresholds.rotationWarningDays, DEFAULT_ROTATION_DAYS);
  const unused = threshold(thresholds.unusedWarningDays, DEFAULT_UNUSED_DAYS);
  const lines = HEALTH_RULES.map((rule) => {
    const controls = rule.controls.length > 0 ? `; ${controlsText(rule.controls)}` : '';
    return `- **${t(rule.label)}** (${severityText(rule.severity, t)}${controls}): ${t(rule.legend, rotation, unused)}`;
  });
  return [`**${t('Key health markers')}**`, '', ...lines, '', t('IAM.x: AWS Security Hub controls; CIS x.y: CIS AWS Foundations Benchmark (v1.4–v3.0).')].join('\n');
}
