// The Key health report webview's HTML: a strict CSP (nothing but our own script, by nonce, and
// our own stylesheet), theme colours through VS Code's CSS variables, and the report's data in
// a JSON block the bundled script (dist/webview.js, Chart.js inside — no CDN) draws from.
// No `vscode` import: the panel passes the URIs, the CSP source, vscode.l10n.t and the display
// language in. Every chart has a table of the same numbers (a <details> under it) for screen
// readers and for reading exact counts.
import { randomBytes } from 'node:crypto';
import { keyCell, ruleLabels, type HealthReportData, type Histogram } from '../../core/healthReport';
import { statusText } from '../../core/healthReportExport';
import { englishText, l10nKey, type Translate } from '../../core/translate';

export interface PageResources {
  /** webview.cspSource */
  readonly cspSource: string;
  /** webview.asWebviewUri(dist/webview.js) */
  readonly scriptUri: string;
  /** webview.asWebviewUri(media/health-report.css) */
  readonly styleUri: string;
  /** vscode.env.language, for <html lang> */
  readonly language?: string;
}

function html(text: string | number): string {
  return String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** JSON safe inside <script type="application/json">: no "</script>" or "<!--" can close it. */
function jsonBlock(data: unknown): string {
  return JSON.stringify(data).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
}

/** Markup standing for an argument of a translated sentence (inserted after escaping the sentence). */
interface Markup {
  readonly markup: string;
}

/**
 * A translated sentence as HTML (its message marked with l10nKey, so `npm run l10n` exports it): the sentence is escaped, its arguments too, except Markup
 * ones, which are inserted as they are. Translations never hold markup.
 */
function sentence(t: Translate, message: string, ...args: Array<string | number | Markup>): string {
  const slots = args.map((_, i) => `\u0001${i}\u0001`);
  const text = html(t(message, ...slots));
  return text.replace(/\u0001(\d+)\u0001/g, (_, i: string) => {
    const arg = args[Number(i)];
    return typeof arg === 'object' ? arg.markup : html(arg ?? '');
  });
}

/** A chart's numbers as a table, in a <details> under the chart. */
function chartTable(id: string, caption: string, labelHeader: string, rows: ReadonlyArray<readonly [string, number]>, t: Translate): string {
  const body = rows.map(([label, count]) => `<tr><th scope="row">${html(label)}</th><td class="num">${count}</td></tr>`).join('');
  return `<details class="chart-data"><summary>${html(t('Data table'))}</summary><table id="${id}"><caption>${html(caption)}</caption><thead><tr><th scope="col">${html(labelHeader)}</th><th scope="col">${html(t('Keys'))}</th></tr></thead><tbody>${body}</tbody></table></details>`;
}

function histogramRows(histogram: Histogram, t: Translate): Array<[string, number]> {
  return histogram.buckets.map((bucket, i) => [t(bucket), histogram.counts[i] ?? 0]);
}

/** What the webview's script reads: the report, and every text it draws, already translated (it has no translator). */
export interface ReportPageData extends HealthReportData {
  /** The charts' dataset label (their tooltips show it). */
  readonly countLabel: string;
}

/** The data the charts draw, with their axis and dataset labels in the UI's language. */
function chartData(data: HealthReportData, t: Translate): ReportPageData {
  const translated = (h: Histogram): Histogram => ({ ...h, buckets: h.buckets.map((bucket) => t(bucket)) });
  return { ...data, keyAge: translated(data.keyAge), lastUsed: translated(data.lastUsed), countLabel: t('Keys') };
}

export function newNonce(): string {
  return randomBytes(18).toString('base64');
}

/** The reveal link of a worst key: a command URI the panel allows (enableCommandUris). */
export function revealUri(accessKeyId: string): string {
  return `command:iamKeys.revealAccessKey?${encodeURIComponent(JSON.stringify([{ accessKeyId }]))}`;
}

export function healthReportPage(data: HealthReportData, resources: PageResources, nonce: string = newNonce(), t: Translate = englishText): string {
  const csp = [
    "default-src 'none'",
    `style-src ${resources.cspSource}`,
    `img-src ${resources.cspSource} data:`,
    `script-src 'nonce-${nonce}'`,
  ].join('; ');
  const worstRows = data.worst
    .map((w) => {
      const key = w.accessKeyId ? `<a href="${html(revealUri(w.accessKeyId))}" title="${html(t('Reveal in the explorer'))}">${html(w.accessKeyId)}</a>` : html(keyCell(w, t));
      const controls = [...new Set(w.findings.flatMap((f) => f.controls))].join(', ');
      return `<tr class="sev-${w.severity}"><td>${html(w.account)}</td><td>${html(w.userName || t('(root)'))}</td><td>${key}</td><td>${html(statusText(w.status, t))}</td><td class="num">${w.ageDays}</td><td>${html(w.findings.map((f) => t(f.label)).join('; '))}</td><td>${html(controls)}</td></tr>`;
    })
    .join('\n');
  const controlRows = data.controls.map((c) => `<tr class="sev-${c.severity}"><td>${html(c.control)}</td><td>${html(ruleLabels(c.rules, t))}</td><td class="num">${c.keys}</td></tr>`).join('\n');
  const sources = data.accounts
    .map((a) => {
      const from = a.source === 'credential-report' ? t('credential report of {0}', a.reportGeneratedAt ?? '?') : t('keys loaded in the explorer');
      const line = sentence(t, l10nKey('{0} ({1}): {2} keys, {3}'), a.profile || 'default', a.account || '?', a.keys, from);
      return `<li>${line}${a.note ? ` — ${html(a.note)}` : ''}</li>`;
    })
    .join('');
  const strong = (n: number): Markup => ({ markup: `<strong>${n}</strong>` });
  const title = html(t('Key health report'));
  const charts: Array<[id: string, caption: string, table: string]> = [
    ['controls-chart', t('Keys failing each control'), chartTable('controls-data', t('Keys failing each control'), t('Control'), data.controls.map((c) => [c.control, c.keys]), t)],
    ['age-chart', t('Active keys by age'), chartTable('age-data', t('Active keys by age'), t('Age'), histogramRows(data.keyAge, t), t)],
    ['last-used-chart', t('Active keys by last use'), chartTable('last-used-data', t('Active keys by last use'), t('Last used'), histogramRows(data.lastUsed, t), t)],
  ];
  const figures = charts
    .map(([id, caption, table]) => `<figure><figcaption>${html(caption)}</figcaption><canvas id="${id}" role="img" aria-label="${html(caption)}"></canvas>${table}</figure>`)
    .join('\n');
  return `<!DOCTYPE html>
<html lang="${html(resources.language || 'en')}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="${html(resources.styleUri)}">
<title>${title}</title>
</head>
<body>
<h1>${title}</h1>
<p class="summary">${sentence(t, l10nKey('{0} keys ({1} active) of {2} users · {3} need attention · generated {4}'), strong(data.totals.keys), data.totals.activeKeys, data.totals.users, strong(data.totals.needingAttention), data.generatedAt)}</p>
<ul class="sources">${sources}</ul>
<p class="actions"><button id="export-markdown" type="button">${html(t('Export as Markdown…'))}</button> <button id="export-html" type="button">${html(t('Export as HTML…'))}</button></p>
<section class="charts">
${figures}
</section>
<h2>${html(t('Controls'))}</h2>
<table id="controls"><thead><tr><th>${html(t('Control'))}</th><th>${html(t('Rules'))}</th><th>${html(t('Keys failing'))}</th></tr></thead><tbody>
${controlRows}
</tbody></table>
<h2>${html(t('Worst keys'))}</h2>
<table id="worst"><thead><tr><th>${html(t('Account'))}</th><th>${html(t('User'))}</th><th>${html(t('Access key'))}</th><th>${html(t('Status'))}</th><th>${html(t('Age (days)'))}</th><th>${html(t('Findings'))}</th><th>${html(t('Controls'))}</th></tr></thead><tbody>
${worstRows}
</tbody></table>
<script type="application/json" id="report-data">${jsonBlock(chartData(data, t))}</script>
<script nonce="${nonce}" src="${html(resources.scriptUri)}"></script>
</body>
</html>
`;
}
