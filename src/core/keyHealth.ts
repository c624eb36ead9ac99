// Judges an access key's hygiene (age, use, status, root ownership) in one place, so the tree
// markers, the hover and exports all agree on what "needs attention" means. Pure: the clock and
// the settings come in through the context.

import type { AccessKey, AccessKeyLastUsed } from './types';
import { ageInDays, formatAge } from './format';

export type Severity = 'ok' | 'info' | 'warning' | 'critical';
export type FindingSeverity = Exclude<Severity, 'ok'>;

export type KeyFindingCode = 'root-key' | 'rotation-due' | 'never-used' | 'unused-long' | 'inactive' | 'expired';

export interface KeyFinding {
  readonly code: KeyFindingCode;
  readonly severity: FindingSeverity;
  readonly message: string;
}

export interface KeyHealth {
  /** Whole days since CreateDate. */
  readonly ageDays: number;
  /** Most severe first. */
  readonly findings: KeyFinding[];
  /** The most severe finding's severity, or 'ok'. */
  readonly severity: Severity;
}

export interface KeyHealthContext {
  readonly now: Date;
  /** `iamKeys.rotationWarningDays`; a non-positive or non-finite value falls back to 90. */
  readonly rotationWarningDays: number;
  /** GetAccessKeyLastUsed's answer, when fetched. Absent means "unknown", not "never used". */
  readonly lastUsed?: AccessKeyLastUsed;
  /** The key belongs to the account's root user. */
  readonly isRoot?: boolean;
}

export type UserFindingCode = 'two-active';

export interface UserFinding {
  readonly code: UserFindingCode;
  readonly severity: FindingSeverity;
  readonly userName: string;
  readonly accessKeyIds: string[];
  readonly message: string;
}

export const DEFAULT_ROTATION_DAYS = 90;
/** A new key gets this long to be put to use before it's flagged as never used. */
export const NEVER_USED_GRACE_DAYS = 7;

const RANK: Record<Severity, number> = { ok: 0, info: 1, warning: 2, critical: 3 };

/** Higher of two severities. */
export function maxSeverity(a: Severity, b: Severity): Severity {
  return RANK[a] >= RANK[b] ? a : b;
}

function rotationDays(value: number): number {
  return Number.isFinite(value) && value >= 1 ? Math.floor(value) : DEFAULT_ROTATION_DAYS;
}

export function assessAccessKey(key: AccessKey, ctx: KeyHealthContext): KeyHealth {
  const rotateEvery = rotationDays(ctx.rotationWarningDays);
  const ageDays = ageInDays(key.CreateDate, ctx.now);
  const findings: KeyFinding[] = [];
  const active = key.Status === 'Active';

  if (ctx.isRoot) {
    findings.push({
      code: 'root-key',
      severity: 'critical',
      message: 'Root user access key: delete it and use IAM users or roles instead',
    });
  }
  if (key.Status === 'Inactive') {
    findings.push({ code: 'inactive', severity: 'info', message: "Inactive: can't sign requests" });
  } else if (key.Status === 'Expired') {
    findings.push({ code: 'expired', severity: 'info', message: "Expired: can't sign requests" });
  }
  if (active && ageDays > rotateEvery) {
    findings.push({
      code: 'rotation-due',
      severity: 'warning',
      message: `Active for ${formatAge(ageDays)} (rotate every ${rotateEvery})`,
    });
  }
  const lastUsed = ctx.lastUsed;
  if (active && lastUsed) {
    const last = lastUsed.LastUsedDate;
    if (last === undefined) {
      if (ageDays > NEVER_USED_GRACE_DAYS) {
        findings.push({
          code: 'never-used',
          severity: 'warning',
          message: `Active but never used (created ${formatAge(ageDays)} ago)`,
        });
      }
    } else {
      const idle = ageInDays(last, ctx.now);
      if (idle > rotateEvery) {
        findings.push({
          code: 'unused-long',
          severity: 'warning',
          message: `Not used for ${formatAge(idle)} (last used with ${lastUsed.ServiceName || 'an unknown service'})`,
        });
      }
    }
  }
  findings.sort((a, b) => RANK[b.severity] - RANK[a.severity]);
  const severity = findings.reduce<Severity>((s, f) => maxSeverity(s, f.severity), 'ok');
  return { ageDays, findings, severity };
}

/** Whether a key deserves a marker in the tree: any warning or critical finding. */
export function needsAttention(health: KeyHealth): boolean {
  return RANK[health.severity] >= RANK.warning;
}

/**
 * Findings about a user's keys taken together. Keys are grouped by UserName, so passing the
 * keys of several users is fine; one finding per user with more than one active key.
 */
export function assessUserKeys(keys: readonly AccessKey[]): UserFinding[] {
  const activeByUser = new Map<string, string[]>();
  for (const key of keys) {
    if (key.Status !== 'Active') continue;
    const ids = activeByUser.get(key.UserName);
    if (ids) ids.push(key.AccessKeyId);
    else activeByUser.set(key.UserName, [key.AccessKeyId]);
  }
  const findings: UserFinding[] = [];
  for (const [userName, ids] of activeByUser) {
    if (ids.length < 2) continue;
    findings.push({
      code: 'two-active',
      severity: 'info',
      userName,
      accessKeyIds: ids,
      message:
        ids.length === 2
          ? 'Both access keys are active: usually only during a rotation'
          : `${ids.length} access keys are active`,
    });
  }
  return findings;
}

/** Markdown, one line per marker, for the tree's tooltip / help. */
export const HEALTH_LEGEND: string = [
  '**Key health markers**',
  '',
  "- **Root key** (critical): an access key of the account's root user. Delete it; use IAM users or roles.",
  '- **Rotation due** (warning): active for longer than `iamKeys.rotationWarningDays` (default 90).',
  `- **Never used** (warning): active, created more than ${NEVER_USED_GRACE_DAYS} days ago, and IAM has no record of it being used.`,
  '- **Unused** (warning): active, but not used for longer than the rotation period.',
  '- **Two active keys** (info): the user has both keys active, which is normal only while rotating.',
  "- **Inactive** (info): disabled; it can't sign requests. Delete it once you're sure it isn't needed.",
  "- **Expired** (info): IAM marked it expired; it can't sign requests.",
].join('\n');
