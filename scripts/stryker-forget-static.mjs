// Drops the static mutants that were not killed from a Stryker incremental file, so the next run
// tests them again. Stryker records no covering tests for a static mutant (it runs at module
// load), so a test added later that kills it changes nothing Stryker compares: without this, a
// rerun reuses their old "Survived" / "NoCoverage" (docs/testing.md, "Folder scores (sampled)").
//   node scripts/stryker-forget-static.mjs reports/runs/sample-core.incremental.json
import * as fs from 'node:fs';

const [file] = process.argv.slice(2);
if (!file) {
  console.error('usage: node scripts/stryker-forget-static.mjs <incremental file>');
  process.exit(2);
}
const report = JSON.parse(fs.readFileSync(file, 'utf8'));
let dropped = 0;
for (const entry of Object.values(report.files)) {
  const before = entry.mutants.length;
  entry.mutants = entry.mutants.filter((m) => !(m.static && (m.status === 'Survived' || m.status === 'NoCoverage')));
  dropped += before - entry.mutants.length;
}
fs.writeFileSync(file, JSON.stringify(report));
console.log(`${file}: ${dropped} static mutants that were not killed will be tested again`);
