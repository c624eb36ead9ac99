// The Markdown of tree tooltips, editor-free. Every value from IAM, STS or the settings (user
// names, paths inside ARNs, endpoints, profile names) is escaped: an IAM path may hold any
// printable character, so "/![x](https://…)/" or "/[link](command:…)/" would otherwise render as
// an image fetched from that host or a link that runs a command.
import { englishText, type Translate } from '../core/translate';
import type { IamUser } from '../core/types';
import { escapeMarkdown } from '../core/markdownText';

/** A user row: name, ARN (with its path), creation time and, if given, its age in words. */
export function userTooltipMarkdown(user: Pick<IamUser, 'UserName' | 'Arn' | 'CreateDate'>, t: Translate = englishText, age?: string): string {
  const created = `${t('Created')}: ${user.CreateDate.toISOString()}${age ? ` (${age})` : ''}`;
  return `**${escapeMarkdown(user.UserName)}**\n\n${escapeMarkdown(user.Arn)}\n\n${escapeMarkdown(created)}`;
}

export interface ConnectionTooltip {
  readonly label: string;
  /** How the profile gets credentials ("static keys", "SSO"…), already translated. */
  readonly credentials: string;
  readonly signingKeyId?: string;
  readonly identityArn?: string;
  readonly region: string;
  /** "aws", "aws-cn", "aws-us-gov"…, once the identity is known. */
  readonly partition?: string;
  readonly endpoint?: string;
}

/** A connection row: profile, credentials, signing key, identity, region, partition, endpoint. */
export function connectionTooltipMarkdown(c: ConnectionTooltip, t: Translate = englishText): string {
  const lines = [
    `**${escapeMarkdown(c.label)}**`,
    `${t('Credentials')}: ${escapeMarkdown(c.credentials)}`,
    c.signingKeyId ? `${t('Signing key')}: ${escapeMarkdown(c.signingKeyId)}` : undefined,
    c.identityArn ? `${t('Identity')}: ${escapeMarkdown(c.identityArn)}` : undefined,
    `${t('Region')}: ${escapeMarkdown(c.region)}`,
    c.partition ? `${t('Partition')}: ${escapeMarkdown(c.partition)}` : undefined,
    c.endpoint ? `${t('Endpoint')}: ${escapeMarkdown(c.endpoint)}` : undefined,
  ];
  return lines.filter(Boolean).join('  \n');
}
