// The Key health report's Markdown and HTML exports, in the editor's language: every heading,
// column and sentence goes through the `t` the command passes (vscode.l10n.t), numbers and the
// date through Intl with the display language. Data stays as it is: key IDs, account and user
// names, control IDs. English with the default `t` (unit tests, the CLI-like paths).
import { displayLocale } from './displayLanguage';
import { NUMERIC_DATE_TIME } from './format';
import { keyCell, ruleLabels, type HealthReportData, type WorstKey } from './healthReport';
import { severityText } from './keyHealth';
import { englishText, l10nKey, type Translate } from './translate';

const STATUS: Record<string, string> = { Active: l10nKey('Active'), Inactive: l10nKey('Inactive') };

/** IAM's status value as the reader's language says it (the raw value stays in JSON and CSV). */
export function statusText(status: string, t: Translate = englishText): string {
  const label = STATUS[status];
  return label ? t(label) : status;
}

/** Counts with the display language's digits and grouping ("12.345" in German). */
function numberFormat(): (n: number) => string {
  const f = new Intl.NumberFormat(displayLocale());
  return (n) => f.format(n);
}

/** Ages in days without grouping, as the tree says them (core/format's formatAge): "1400". */
function daysFormat(): (n: number) => string {
  const f = new Intl.NumberFormat(displayLocale(), { useGrouping: false });
  return (n) => f.format(n);
}

/** "06.12.2026, 12:57 UTC" in German, "12/06/2026, 12:57 UTC" in English: numeric, so no month name is left untranslated. */
export function reportDate(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(displayLocale(), { ...NUMERIC_DATE_TIME, timeZone: 'UTC' }).format(date);
}

function mdCell(text: string): string {
  return text.replace(/[|\\`*_[\]<>]/g, (c) => `\\${c}`).replace(/\r?\n/g, ' ');
}

function owner(w: WorstKey, t: Translate): string {
  return w.userName || t('(root)');
}

function sourceText(a: HealthReportData['accounts'][number], t: Translate): string {
  return a.source === 'credential-report' ? t('credential report of {0}', a.reportGeneratedAt ? reportDate(a.reportGeneratedAt) : '?') : t('keys loaded in the explorer');
}

function controlsOf(w: WorstKey): string {
  return [...new Set(w.findings.flatMap((f) => f.controls))].join(', ');
}

function findingsOf(w: WorstKey, t: Translate): string {
  return w.findings.map((f) => t(f.label)).join('; ');
}

/** The report as Markdown: tables, no links (command links work only inside VS Code). */
export function healthReportMarkdown(data: HealthReportData, t: Translate = englishText): string {
  const n = numberFormat();
  const days = daysFormat();
  const row = (cells: readonly string[]): string => `| ${cells.join(' | ')} |`;
  const lines = [`# ${t('Key health report')}`, '', t('Generated {0}.', reportDate(data.generatedAt)), ''];
  for (const a of data.accounts) {
    const line = t('{0} ({1}): {2} keys, {3}', mdCell(a.profile || 'default'), mdCell(a.account || '?'), n(a.keys), sourceText(a, t));
    lines.push(`- ${line}${a.note ? ` — ${mdCell(a.note)}` : ''}`);
  }
  const totals = t('{0} keys ({1} active) of {2} users · {3} need attention', `**${n(data.totals.keys)}**`, n(data.totals.activeKeys), n(data.totals.users), `**${n(data.totals.needingAttention)}**`);
  lines.push('', totals, '');
  lines.push(`## ${t('Controls')}`, '', row([t('Control'), t('Rules'), t('Severity'), t('Keys failing')]), '|---|---|---|---:|');
  for (const c of data.controls) lines.push(row([c.control, mdCell(ruleLabels(c.rules, t)), severityText(c.severity, t), n(c.keys)]));
  lines.push('', `## ${t('Active keys by age')}`, '', row([t('Age'), t('Keys')]), '|---|---:|');
  data.keyAge.buckets.forEach((b, i) => lines.push(row([mdCell(t(b)), n(data.keyAge.counts[i] ?? 0)])));
  lines.push('', `## ${t('Active keys by last use')}`, '', row([t('Last used'), t('Keys')]), '|---|---:|');
  data.lastUsed.buckets.forEach((b, i) => lines.push(row([mdCell(t(b)), n(data.lastUsed.counts[i] ?? 0)])));
  lines.push('', `## ${t('Worst keys')}`, '', row([t('Account'), t('User'), t('Access key'), t('Status'), t('Age (days)'), t('Findings'), t('Controls')]), '|---|---|---|---|---:|---|---|');
  for (const w of data.worst) {
    lines.push(row([mdCell(w.account), mdCell(owner(w, t)), mdCell(keyCell(w, t)), statusText(w.status, t), days(w.ageDays), mdCell(findingsOf(w, t)), controlsOf(w)]));
  }
  return `${lines.join('\n')}\n`;
}

function html(text: string | number): string {
  return String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function table(headers: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | number>>): string {
  const head = headers.map((h) => `<th>${html(h)}</th>`).join('');
  const body = rows.map((r) => `<tr>${r.map((c) => `<td>${html(c)}</td>`).join('')}</tr>`).join('\n');
  return `<table><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

/** The report as a self-contained HTML file: tables only, no script, nothing fetched. `language`: its <html lang>. */
export function healthReportHtml(data: HealthReportData, t: Translate = englishText, language = 'en'): string {
  const n = numberFormat();
  const days = daysFormat();
  const worstRows = data.worst.map((w) => [w.account, owner(w, t), keyCell(w, t), statusText(w.status, t), days(w.ageDays), findingsOf(w, t), controlsOf(w)]);
  const title = html(t('Key health report'));
  const totals = t('{0} keys ({1} active) of {2} users · {3} need attention', n(data.totals.keys), n(data.totals.activeKeys), n(data.totals.users), n(data.totals.needingAttention));
  return [
    '<!DOCTYPE html>',
    `<html lang="${html(language)}"><head><meta charset="utf-8">`,
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    `<title>${title}</title>`,
    '<style>body{font-family:system-ui,sans-serif;margin:2em}table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #8886;padding:.3em .6em;text-align:left}</style>',
    '</head><body>',
    `<h1>${title}</h1>`,
    `<p>${html(t('Generated {0}.', reportDate(data.generatedAt)))} ${html(totals)}</p>`,
    `<h2>${html(t('Controls'))}</h2>`,
    table([t('Control'), t('Rules'), t('Severity'), t('Keys failing')], data.controls.map((c) => [c.control, ruleLabels(c.rules, t), severityText(c.severity, t), n(c.keys)])),
    `<h2>${html(t('Active keys by age'))}</h2>`,
    table([t('Age'), t('Keys')], data.keyAge.buckets.map((b, i) => [t(b), n(data.keyAge.counts[i] ?? 0)])),
    `<h2>${html(t('Active keys by last use'))}</h2>`,
    table([t('Last used'), t('Keys')], data.lastUsed.buckets.map((b, i) => [t(b), n(data.lastUsed.counts[i] ?? 0)])),
    `<h2>${html(t('Worst keys'))}</h2>`,
    table([t('Account'), t('User'), t('Access key'), t('Status'), t('Age (days)'), t('Findings'), t('Controls')], worstRows),
    '</body></html>',
    '',
  ].join('\n');
}
