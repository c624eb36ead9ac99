/// <reference lib="dom" />
// Runs inside the Key health report webview (bundled by esbuild into dist/webview.js with
// Chart.js; no CDN). Draws the three charts from the page's JSON block in the theme's colours
// and sends the export buttons to the extension.
import { BarController, BarElement, CategoryScale, Chart, LinearScale, Tooltip } from 'chart.js';
import type { ReportPageData } from '../healthReportPage';

declare function acquireVsCodeApi(): { postMessage(message: unknown): void };

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip);

const vscodeApi = acquireVsCodeApi();
const data = JSON.parse(document.getElementById('report-data')?.textContent ?? '{}') as ReportPageData;
const css = getComputedStyle(document.body);
const colour = (name: string, fallback: string): string => css.getPropertyValue(name).trim() || fallback;
const foreground = colour('--vscode-foreground', '#888');
const grid = colour('--vscode-panel-border', '#8884');
const SEVERITY_COLOUR: Record<string, string> = {
  critical: colour('--vscode-charts-red', '#e51400'),
  warning: colour('--vscode-charts-yellow', '#cca700'),
  info: colour('--vscode-charts-blue', '#1a85ff'),
};
Chart.defaults.color = foreground;
Chart.defaults.borderColor = grid;
Chart.defaults.font.family = css.getPropertyValue('--vscode-font-family') || 'sans-serif';

function bar(id: string, labels: readonly string[], counts: readonly number[], colours: string | string[], horizontal = false): void {
  const canvas = document.getElementById(id) as HTMLCanvasElement | null;
  if (!canvas) return;
  new Chart(canvas, {
    type: 'bar',
    data: { labels: [...labels], datasets: [{ data: [...counts], backgroundColor: colours, label: data.countLabel }] },
    options: {
      indexAxis: horizontal ? 'y' : 'x',
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      plugins: { tooltip: { enabled: true } },
      scales: { x: { ticks: { precision: 0 } }, y: { ticks: { precision: 0 } } },
    },
  });
}

bar('controls-chart', data.controls.map((c) => c.control), data.controls.map((c) => c.keys), data.controls.map((c) => SEVERITY_COLOUR[c.severity] ?? foreground), true);
bar('age-chart', data.keyAge.buckets, data.keyAge.counts, colour('--vscode-charts-purple', '#652d90'));
bar('last-used-chart', data.lastUsed.buckets, data.lastUsed.counts, colour('--vscode-charts-green', '#388a34'));

for (const format of ['markdown', 'html'] as const) {
  document.getElementById(`export-${format}`)?.addEventListener('click', () => vscodeApi.postMessage({ type: 'export', format }));
}
document.body.dataset.rendered = 'true';
