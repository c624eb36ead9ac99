// Lists what a Stryker JSON report left alive, per file: survived and not-covered mutants, and the
// static mutants a sweep left out (ignoreStatic), as `status  file:line:column  mutator  replacement`
// (line 1-based, column 0-based, as scripts/stryker-apply-mutants.mjs prints them), with counts.
//   node scripts/stryker-survivors.mjs reports/runs/files-leaks.mutation.json
import * as fs from 'node:fs';

const [reportFile] = process.argv.slice(2);
if (!reportFile) {
  console.error('usage: node scripts/stryker-survivors.mjs <stryker mutation.json>');
  process.exit(2);
}
const report = JSON.parse(fs.readFileSync(reportFile, 'utf8'));
const alive = new Set(['Survived', 'NoCoverage']);
for (const [file, { mutants }] of Object.entries(report.files).sort(([a], [b]) => a.localeCompare(b))) {
  const counts = {};
  const lines = [];
  for (const m of [...mutants].sort((a, b) => a.location.start.line - b.location.start.line || a.location.start.column - b.location.start.column)) {
    counts[m.status] = (counts[m.status] ?? 0) + 1;
    const isStatic = m.status === 'Ignored' && /static/i.test(m.statusReason ?? '');
    if (!alive.has(m.status) && !isStatic) continue;
    const status = isStatic ? 'Static (untested)' : m.status;
    lines.push(`  ${status}\t${file}:${m.location.start.line}:${m.location.start.column - 1}\t${m.mutatorName}\t${JSON.stringify(m.replacement ?? '').slice(0, 100)}`);
  }
  const killed = (counts.Killed ?? 0) + (counts.Timeout ?? 0);
  const valid = killed + (counts.Survived ?? 0) + (counts.NoCoverage ?? 0);
  console.log(`${file}: ${killed}/${valid} killed of the tested (${JSON.stringify(counts)})`);
  for (const line of lines) console.log(line);
}
