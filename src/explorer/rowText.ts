// Ages and accessible names of tree rows, in the display language (vscode.env.language): the
// row shows a short age ("170d"), the tooltip and the screen reader a relative one ("170 days ago").
import * as vscode from 'vscode';
import { formatUtc } from '../core/format';
import type { AccessKeyLastUsed } from '../core/types';

function displayLocale(): string {
  const language = vscode.env.language || 'en';
  try {
    // A tag Intl does not know (e.g. the pseudo-locale qps-ploc) falls back to English, not a throw.
    return Intl.getCanonicalLocales(language)[0] ?? 'en';
  } catch {
    return 'en';
  }
}

function whole(days: number): number {
  return Number.isFinite(days) && days > 0 ? Math.floor(days) : 0;
}

/** "today", or the age in the narrowest unit form the language has ("170d", "170 T."). */
export function shortAge(days: number): string {
  const d = whole(days);
  const locale = displayLocale();
  if (d < 1) return new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }).format(0, 'day');
  return new Intl.NumberFormat(locale, { style: 'unit', unit: 'day', unitDisplay: 'narrow' }).format(d);
}

/** "today", "yesterday", "170 days ago". */
export function relativeAge(days: number): string {
  return new Intl.RelativeTimeFormat(displayLocale(), { numeric: 'auto' }).format(-whole(days), 'day');
}

/** "170 days", "1 day", "today". */
export function longAge(days: number): string {
  const d = whole(days);
  const locale = displayLocale();
  if (d < 1) return new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }).format(0, 'day');
  return new Intl.NumberFormat(locale, { style: 'unit', unit: 'day', unitDisplay: 'long' }).format(d);
}

/** What an icon says, for rows whose accessible name is built from label and description. */
function iconMeaning(icon: vscode.TreeItem['iconPath']): string | undefined {
  if (!(icon instanceof vscode.ThemeIcon)) return undefined;
  if (icon.id === 'error') return vscode.l10n.t('error');
  if (icon.id === 'warning') return vscode.l10n.t('warning');
  if (icon.id.startsWith('loading')) return vscode.l10n.t('loading');
  return undefined;
}

/**
 * The accessible name of a row that has none of its own: its label, what its icon means and its
 * description, so a screen reader hears what a sighted user sees.
 */
export function withAccessibleName(item: vscode.TreeItem): vscode.TreeItem {
  if (item.accessibilityInformation) return item;
  const label = typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
  const description = typeof item.description === 'string' ? item.description : undefined;
  item.accessibilityInformation = { label: [label, iconMeaning(item.iconPath), description].filter(Boolean).join(', ') };
  return item;
}

/** A key's last use in words: when, which service, which region (or why it is unknown). */
export function describeLastUsed(lastUsed?: AccessKeyLastUsed, error?: string): string {
  if (error) return vscode.l10n.t('unknown ({0})', error);
  if (!lastUsed) return vscode.l10n.t('unknown');
  if (!lastUsed.LastUsedDate) return vscode.l10n.t('never used');
  return `${formatUtc(lastUsed.LastUsedDate)} · ${lastUsed.ServiceName} · ${lastUsed.Region}`;
}
