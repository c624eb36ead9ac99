// The Key health report webview's HTML: a strict CSP (nothing but our own script, by nonce, and
// our own stylesheet), theme colours through VS Code's CSS variables, and the report's data in
// a JSON block the bundled script (dist/webview.js, Chart.js inside — no CDN) draws from.
// No `vscode` import: the panel passes the URIs and the CSP source in.
import { randomBytes } from 'node:crypto';
import { keyCell, ruleLabels, type HealthReportData } from '../core/healthReport';

export interface PageResources {
  /** webview.cspSource */
  readonly cspSource: string;
  /** webview.asWebviewUri(dist/webview.js) */
  readonly scriptUri: string;
  /** webview.asWebviewUri(media/health-report.css) */
  readonly styleUri: string;
}

function html(text: string | number): string {
  return String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** JSON safe inside <script type="application/json">: no "</script>" or "<!--" can close it. */
function jsonBlock(data: unknown): string {
  return JSON.stringify(data).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
}

export function newNonce(): string {
  return randomBytes(18).toString('base64');
}

/** The reveal link of a worst key: a command URI the panel allows (enableCommandUris). */
export function revealUri(accessKeyId: string): string {
  return `command:iamKeys.revealAccessKey?${encodeURIComponent(JSON.stringify([{ accessKeyId }]))}`;
}

export function healthReportPage(data: HealthReportData, resources: PageResources, nonce: string = newNonce()): string {
  const csp = [
    "default-src 'none'",
    `style-src ${resources.cspSource}`,
    `img-src ${resources.cspSource} data:`,
    `script-src 'nonce-${nonce}'`,
  ].join('; ');
  const worstRows = data.worst
    .map((w) => {
      const key = w.accessKeyId ? `<a href="${html(revealUri(w.accessKeyId))}" title="Reveal in the explorer">${html(w.accessKeyId)}</a>` : html(keyCell(w));
      const controls = [...new Set(w.findings.flatMap((f) => f.controls))].join(', ');
      return `<tr class="sev-${w.severity}"><td>${html(w.account)}</td><td>${html(w.userName || '(root)')}</td><td>${key}</td><td>${html(w.status)}</td><td class="num">${w.ageDays}</td><td>${html(w.findings.map((f) => f.label).join('; '))}</td><td>${html(controls)}</td></tr>`;
    })
    .join('\n');
  const controlRows = data.controls.map((c) => `<tr class="sev-${c.severity}"><td>${html(c.control)}</td><td>${html(ruleLabels(c.rules))}</td><td class="num">${c.keys}</td></tr>`).join('\n');
  const sources = data.accounts
    .map((a) => `<li>${html(a.profile || 'default')} (${html(a.account || '?')}): ${a.keys} keys, ${a.source === 'credential-report' ? `credential report of ${html(a.reportGeneratedAt ?? '?')}` : 'keys loaded in the explorer'}${a.note ? ` — ${html(a.note)}` : ''}</li>`)
    .join('');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="${html(resources.styleUri)}">
<title>Key health report</title>
</head>
<body>
<h1>Key health report</h1>
<p class="summary"><strong>${data.totals.keys}</strong> keys (${data.totals.activeKeys} active) of ${data.totals.users} users · <strong>${data.totals.needingAttention}</strong> need attention · generated ${html(data.generatedAt)}</p>
<ul class="sources">${sources}</ul>
<p class="actions"><button id="export-markdown" type="button">Export as Markdown…</button> <button id="export-html" type="button">Export as HTML…</button></p>
<section class="charts">
<figure><figcaption>Keys failing each control</figcaption><canvas id="controls-chart" role="img" aria-label="Keys failing each control"></canvas></figure>
<figure><figcaption>Active keys by age</figcaption><canvas id="age-chart" role="img" aria-label="Active keys by age"></canvas></figure>
<figure><figcaption>Active keys by last use</figcaption><canvas id="last-used-chart" role="img" aria-label="Active keys by last use"></canvas></figure>
</section>
<h2>Controls</h2>
<table id="controls"><thead><tr><th>Control</th><th>Rules</th><th>Keys failing</th></tr></thead><tbody>
${controlRows}
</tbody></table>
<h2>Worst keys</h2>
<table id="worst"><thead><tr><th>Account</th><th>User</th><th>Access key</th><th>Status</th><th>Age (days)</th><th>Findings</th><th>Controls</th></tr></thead><tbody>
${worstRows}
</tbody></table>
<script type="application/json" id="report-data">${jsonBlock(data)}</script>
<script nonce="${nonce}" src="${html(resources.scriptUri)}"></script>
</body>
</html>
`;
}
