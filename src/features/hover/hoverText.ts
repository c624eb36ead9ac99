// The Markdown a hover over an IAM ID shows. Editor-free: the provider passes vscode.l10n.t as
// `t`, tests use the English default. Every value from outside (names, services, messages) is
// escaped; the only links are command links to the commands in HOVER_COMMANDS.
import { accessKeyIdKind, describeIdKind, type IdKind } from '../../core/accessKeyIds';
import { formatAgo, formatUtc, ageInDays } from '../../core/format';
import { assessAccessKey, findingLine, healthRule, type FindingSeverity } from '../../core/keyHealth';
import { englishText, type Translate } from '../../core/translate';
import type { AccessKeyLastUsed } from '../../core/types';
import type { KeyInfo } from './keyInfo';
import { commandLink, escapeMarkdown } from './markdown';

export { englishText, type Translate };

export interface HoverTextContext {
  readonly now: Date;
  /** `iamKeys.rotationWarningDays`. */
  readonly rotationWarningDays: number;
  /** `iamKeys.unusedWarningDays` (default 45). */
  readonly unusedWarningDays?: number;
  readonly t?: Translate;
}

/** The commands hover links may run: the provider trusts exactly these. */
export const HOVER_COMMANDS: readonly string[] = Object.freeze([
  'iamKeys.copyAccessKeyId',
  'iamKeys.showAccessKeyJson',
  'iamKeys.revealAccessKey',
  'iamKeys.selectProfile',
]);

const SEVERITY_ICON: Record<FindingSeverity, string> = { critical: '$(error)', warning: '$(warning)', info: '$(info)' };

/** Hover for an access key ID once something is known about it. */
export function keyInfoMarkdown(info: KeyInfo, ctx: HoverTextContext): string {
  const t = ctx.t ?? englishText;
  const id = info.accessKeyId;
  const kind: IdKind = accessKeyIdKind(id);
  const blocks = [heading(info.kind === 'temporary' ? '$(clock)' : '$(key)', id, kind, t)];
  switch (info.kind) {
    case 'found':
      blocks.push(...foundBlocks(info, ctx, t));
      break;
    case 'temporary':
      blocks.push(
        info.account
          ? t('Temporary key issued by account **{0}**.', escapeMarkdown(info.account))
          : t('Temporary key; the issuing account is unknown.'),
        t('IAM lists no temporary keys: they come from an assumed role or a session and expire on their own.'),
      );
      break;
    case 'canary':
      blocks.push(t('$(warning) Canary token ({0}, account **{1}**): using it alerts its owner. Not looked up.', escapeMarkdown(info.provider), escapeMarkdown(info.account)));
      break;
    case 'other-account':
      blocks.push(t('$(globe) Belongs to account **{0}**, which none of your profiles is signed in to. Add a profile for that account to see its owner.', escapeMarkdown(info.account)));
      break;
    case 'not-found':
      blocks.push(
        info.account
          ? t('$(question) Not found in account **{0}**: deleted, or never existed.', escapeMarkdown(info.account))
          : t('$(question) Not found in the accounts of your profiles.'),
      );
      if (info.deniedAsUnknown) blocks.push(t('IAM answered "access denied", as it does for keys it does not hold; it answers the same when iam:GetAccessKeyLastUsed is not allowed.'));
      break;
    case 'error':
      blocks.push(t('$(error) Lookup failed: {0}', escapeMarkdown(info.message)) + (info.hint ? `  \n${escapeMarkdown(info.hint)}` : ''));
      break;
    case 'no-connection':
      blocks.push(t('No AWS profile is configured.') + ' ' + commandLink(t('$(account) Select Profile…'), 'iamKeys.selectProfile', []));
      break;
    case 'limit-reached':
      blocks.push(t('$(watch) Lookup limit reached, try again in a moment ({0} s).', Math.max(1, Math.ceil(info.retryInMs / 1000))) + '  \n' + t('The limit is `iamKeys.hover.maxLookupsPerMinute`.'));
      break;
  }
  blocks.push(actionLinks(info, t));
  return blocks.join('\n\n');
}

/** Hover for the AWS documentation's example key: nothing to look up, nobody's key. */
export function exampleKeyMarkdown(accessKeyId: string, ctx: Pick<HoverTextContext, 't'>): string {
  const t = ctx.t ?? englishText;
  return [heading('$(book)', accessKeyId, accessKeyIdKind(accessKeyId), t), t('The AWS documentation\'s example access key ID: not a key of any account, nothing to look up.')].join('\n\n');
}

/** Hover shown while the lookup is still on its way; the next hover shows the answer. */
export function lookingUpMarkdown(accessKeyId: string, ctx: Pick<HoverTextContext, 't'>): string {
  const t = ctx.t ?? englishText;
  const kind: IdKind = accessKeyIdKind(accessKeyId);
  return [heading('$(loading~spin)', accessKeyId, kind, t), t('Looking up… hover again in a moment for the answer.')].join('\n\n');
}

/** Hover for other IAM unique IDs (user, role, …): what kind of ID it is; no AWS call. */
export function otherIdMarkdown(id: string, kind: IdKind, ctx: Pick<HoverTextContext, 't'>): string {
  const t = ctx.t ?? englishText;
  return [heading('$(info)', id, kind, t), t('An IAM unique ID, not an access key: there is nothing to look up.')].join('\n\n');
}

function heading(icon: string, id: string, kind: IdKind, t: Translate): string {
  return `${icon} **${escapeMarkdown(id)}** · ${escapeMarkdown(t(describeIdKind(kind)))}`;
}

function foundBlocks(info: Extract<KeyInfo, { kind: 'found' }>, ctx: HoverTextContext, t: Translate): string[] {
  const owner = info.root ? t('the account\'s root user') : `**${escapeMarkdown(info.userName)}**`;
  const where = [info.account ? escapeMarkdown(info.account) : undefined, info.profile ? t('profile {0}', escapeMarkdown(info.profile)) : undefined].filter(Boolean).join(' · ');
  const lines = [`${t('Owner')}: ${owner}`];
  if (where) lines.push(`${t('Account')}: ${where}`);
  const blocks: string[] = [];
  if (info.key) {
    const health = assessAccessKey(info.key, {
      now: ctx.now,
      rotationWarningDays: ctx.rotationWarningDays,
      unusedWarningDays: ctx.unusedWarningDays,
      lastUsed: info.lastUsed,
      isRoot: info.root,
    });
    lines.push(`${t('Status')}: ${escapeMarkdown(info.key.Status)}`);
    lines.push(`${t('Created')}: ${formatUtc(info.key.CreateDate)} · ${formatAgo(health.ageDays)}`);
    lines.push(`${t('Last used')}: ${lastUsedText(info.lastUsed, ctx.now, t)}`);
    blocks.push(lines.join('  \n'));
    if (health.findings.length > 0) {
      blocks.push(health.findings.map((f) => `${SEVERITY_ICON[f.severity]} ${escapeMarkdown(findingLine(f, t))}`).join('  \n'));
    }
  } else {
    lines.push(`${t('Status')}: ${t('unknown (the owner\'s keys could not be listed)')}`);
    lines.push(`${t('Last used')}: ${lastUsedText(info.lastUsed, ctx.now, t)}`);
    blocks.push(lines.join('  \n'));
    if (info.root) {
      const rule = healthRule('root-key');
      blocks.push(`${SEVERITY_ICON[rule.severity]} ${escapeMarkdown(`${t(rule.message)} [${rule.controls.join(', ')}]`)}`);
    }
  }
  return blocks;
}

function lastUsedText(lastUsed: AccessKeyLastUsed | undefined, now: Date, t: Translate): string {
  if (!lastUsed) return t('not fetched yet');
  if (!lastUsed.LastUsedDate) return t('never used');
  const parts = [formatUtc(lastUsed.LastUsedDate), formatAgo(ageInDays(lastUsed.LastUsedDate, now))];
  if (lastUsed.ServiceName && lastUsed.ServiceName !== 'N/A') parts.push(escapeMarkdown(lastUsed.ServiceName));
  if (lastUsed.Region && lastUsed.Region !== 'N/A') parts.push(escapeMarkdown(lastUsed.Region));
  return parts.join(' · ');
}

function actionLinks(info: KeyInfo, t: Translate): string {
  const arg = { accessKeyId: info.accessKeyId };
  const links = [commandLink(t('$(copy) Copy ID'), 'iamKeys.copyAccessKeyId', [arg], t('Copy the access key ID'))];
  if (info.kind === 'found') {
    links.push(commandLink(t('$(json) Show JSON'), 'iamKeys.showAccessKeyJson', [arg], t('Show the key\'s metadata as JSON')));
    if (!info.root) links.push(commandLink(t('$(go-to-file) Reveal in Explorer'), 'iamKeys.revealAccessKey', [arg], t('Reveal the key in the IAM Access Keys view')));
  }
  return links.join(' · ');
}
