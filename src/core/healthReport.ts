// The Key health report's data: per-control counts, key-age and last-used histograms and the
// worst keys, built from keys judged by HEALTH_RULES (its Markdown and HTML exports: healthReportExport.ts). Pure:
// the webview draws charts from this object, the command resolves to it.
import type { AssessedKey } from './accountHealth';
import { ageInDays, formatIso } from './format';
import { HEALTH_RULES, needsAttention, severityRank, type FindingSeverity, type Severity } from './keyHealth';
import { englishText, l10nKey, type Translate } from './translate';

export interface ReportAccountInput {
  readonly profile: string;
  readonly account: string;
  /** 'credential-report': every user of the account; 'loaded': only keys the views loaded. */
  readonly source: 'credential-report' | 'loaded';
  readonly reportGeneratedAt?: Date;
  /** Why the credential report could not be used, when it could not. */
  readonly note?: string;
  readonly keys: readonly AssessedKey[];
}

export interface Histogram {
  readonly buckets: readonly string[];
  readonly counts: readonly number[];
}

export interface WorstKey {
  readonly profile: string;
  readonly account: string;
  /** '' for root. */
  readonly userName: string;
  /** '' when not known (the credential report has no key IDs and the user's keys could not be listed). */
  readonly accessKeyId: string;
  readonly status: string;
  readonly severity: Severity;
  readonly ageDays: number;
  readonly findings: ReadonlyArray<{ readonly label: string; readonly message: string; readonly controls: readonly string[] }>;
}

export interface HealthReportData {
  readonly generatedAt: string;
  readonly accounts: ReadonlyArray<{ profile: string; account: string; source: string; reportGeneratedAt?: string; note?: string; keys: number }>;
  readonly totals: { readonly keys: number; readonly activeKeys: number; readonly needingAttention: number; readonly users: number };
  /** One entry per control named by a rule, in table order, with the keys failing it. */
  readonly controls: ReadonlyArray<{ readonly control: string; readonly rules: readonly string[]; readonly severity: FindingSeverity; readonly keys: number }>;
  /** One entry per rule, with its keys. */
  readonly rules: ReadonlyArray<{ readonly code: string; readonly label: string; readonly severity: FindingSeverity; readonly controls: readonly string[]; readonly keys: number }>;
  /** Active keys by age. */
  readonly keyAge: Histogram;
  /** Active keys by time since last use. */
  readonly lastUsed: Histogram;
  readonly worst: readonly WorstKey[];
}

export const AGE_BUCKETS: ReadonlyArray<{ readonly label: string; readonly maxDays: number }> = [
  { label: l10nKey('0–30 days'), maxDays: 30 },
  { label: l10nKey('31–90 days'), maxDays: 90 },
  { label: l10nKey('91–180 days'), maxDays: 180 },
  { label: l10nKey('181–365 days'), maxDays: 365 },
  { label: l10nKey('1–2 years'), maxDays: 730 },
  { label: l10nKey('over 2 years'), maxDays: Infinity },
];

export const LAST_USED_BUCKETS: ReadonlyArray<{ readonly label: string; readonly maxDays: number }> = [
  { label: l10nKey('0–7 days'), maxDays: 7 },
  { label: l10nKey('8–44 days'), maxDays: 44 },
  { label: l10nKey('45–89 days'), maxDays: 89 },
  { label: l10nKey('90–365 days'), maxDays: 365 },
  { label: l10nKey('over a year'), maxDays: Infinity },
];
const NEVER = l10nKey('never used');
const UNKNOWN = l10nKey('unknown');

function bucketIndex(days: number, buckets: ReadonlyArray<{ maxDays: number }>): number {
  return buckets.findIndex((b) => days <= b.maxDays);
}

export function buildHealthReport(accounts: readonly ReportAccountInput[], options: { now: Date; worstCount?: number }): HealthReportData {
  const all = eachKeyOnce(accounts);
  const active = all.filter(({ k }) => k.key.Status === 'Active');

  const ruleCounts = new Map<string, number>();
  for (const { k } of all) for (const f of k.health.findings) ruleCounts.set(f.code, (ruleCounts.get(f.code) ?? 0) + 1);
  const rules = HEALTH_RULES.map((r) => ({ code: r.code, label: r.label, severity: r.severity, controls: r.controls, keys: ruleCounts.get(r.code) ?? 0 }));

  const controls: Array<{ control: string; rules: string[]; severity: FindingSeverity; keys: number }> = [];
  for (const rule of HEALTH_RULES) {
    for (const control of rule.controls) {
      // A key failing two rules of one control (none today) counts once.
      const keys = all.filter(({ k }) => k.health.findings.some((f) => f.controls.includes(control))).length;
      const existing = controls.find((c) => c.control === control);
      if (existing) existing.rules.push(rule.code);
      else controls.push({ control, rules: [rule.code], severity: rule.severity, keys });
    }
  }

  const ageCounts = AGE_BUCKETS.map(() => 0);
  for (const { k } of active) ageCounts[bucketIndex(k.health.ageDays, AGE_BUCKETS)]!++;
  const usedLabels = [...LAST_USED_BUCKETS.map((b) => b.label), NEVER, UNKNOWN];
  const usedCounts = usedLabels.map(() => 0);
  for (const { k } of active) {
    if (!k.lastUsed) usedCounts[usedLabels.length - 1]!++;
    else if (!k.lastUsed.LastUsedDate) usedCounts[usedLabels.length - 2]!++;
    else usedCounts[bucketIndex(ageInDays(k.lastUsed.LastUsedDate, options.now), LAST_USED_BUCKETS)]!++;
  }

  const worst = all
    .filter(({ k }) => needsAttention(k.health))
    .sort(
      (a, b) =>
        severityRank(b.k.health.severity) - severityRank(a.k.health.severity) ||
        b.k.health.findings.length - a.k.health.findings.length ||
        b.k.health.ageDays - a.k.health.ageDays ||
        a.k.userName.localeCompare(b.k.userName),
    )
    .slice(0, options.worstCount ?? 20)
    .map(({ account, k }): WorstKey => ({
      profile: account.profile,
      account: account.account,
      userName: k.userName,
      accessKeyId: k.key.AccessKeyId,
      status: k.key.Status,
      severity: k.health.severity,
      ageDays: k.health.ageDays,
      findings: k.health.findings.map((f) => ({ label: f.label, message: f.message, controls: f.controls })),
    }));

  return {
    generatedAt: formatIso(options.now),
    accounts: accounts.map((a) => ({
      profile: a.profile,
      account: a.account,
      source: a.source,
      ...(a.reportGeneratedAt ? { reportGeneratedAt: formatIso(a.reportGeneratedAt) } : {}),
      ...(a.note ? { note: a.note } : {}),
      keys: a.keys.length,
    })),
    totals: {
      keys: all.length,
      activeKeys: active.length,
      needingAttention: all.filter(({ k }) => needsAttention(k.health)).length,
      users: new Set(all.map(({ account, k }) => `${account.account}/${k.userName}`)).size,
    },
    controls,
    rules,
    keyAge: { buckets: AGE_BUCKETS.map((b) => b.label), counts: ageCounts },
    lastUsed: { buckets: usedLabels, counts: usedCounts },
    worst,
  };
}

/**
 * Every key once, though two profiles reach one account: a key is its account plus its ID (or,
 * from a credential report, which has no IDs, its user and slot). An account one profile read
 * from its credential report (every user) takes nothing from another profile's loaded keys.
 */
function eachKeyOnce(accounts: readonly ReportAccountInput[]): Array<{ account: ReportAccountInput; k: AssessedKey }> {
  const accountOf = (a: ReportAccountInput): string => a.account || `profile:${a.profile}`;
  const fromReport = new Set(accounts.filter((a) => a.source === 'credential-report').map(accountOf));
  const byKey = new Map<string, { account: ReportAccountInput; k: AssessedKey }>();
  for (const account of accounts) {
    if (account.source === 'loaded' && fromReport.has(accountOf(account))) continue;
    for (const k of account.keys) {
      const key = k.slot !== undefined ? `${accountOf(account)}/${k.userName}#${k.slot}` : `${accountOf(account)}/${k.key.AccessKeyId || `${k.userName}#?`}`;
      const earlier = byKey.get(key);
      // The copy whose ID was matched wins: the report links to it.
      if (!earlier || (!earlier.k.key.AccessKeyId && k.key.AccessKeyId)) byKey.set(key, { account, k });
    }
  }
  return [...byKey.values()];
}

/** A control's rules as the reader knows them (their labels, in the UI's language with `t`), not by internal code. */
export function ruleLabels(codes: readonly string[], t: Translate = englishText): string {
  return codes.map((code) => t(HEALTH_RULES.find((r) => r.code === code)?.label ?? code)).join(', ');
}

/** A key's cell: its ID, else what it is (the credential report names no key IDs). */
export function keyCell(w: Pick<WorstKey, 'userName' | 'accessKeyId'>, t: Translate = englishText): string {
  return w.accessKeyId || (w.userName === '' ? t('root account key') : t('key listed in the credential report'));
}
