// The folder score estimated from a sampled Stryker run (docs/testing.md, "Folder scores (sampled)"):
// reads the sample drawn by scripts/stryker-sample.mjs (reports/runs/sample-<folder>.json) and the
// run's Stryker JSON report (reports/runs/sample-<folder>.mutation.json), counts only the sampled
// mutants (matched by file, location, mutator and replacement: the run's ids differ), and prints
// their statuses, the score (killed + timeout) / valid with a 95 % Wilson interval, the estimate of
// the folder's valid mutants, and each sampled survivor.
//   node scripts/mutation-sample-score.mjs core aws
import * as fs from 'node:fs';
import * as path from 'node:path';

const folders = process.argv.slice(2);
if (folders.length === 0 || folders.some((f) => f !== 'core' && f !== 'aws')) {
  console.error('usage: node scripts/mutation-sample-score.mjs <core|aws>…');
  process.exit(2);
}

const Z = 1.959963984540054; // two-sided 95 %

/** Wilson score interval for `hits` of `n` (no finite-population correction: the sample is ~4 % of a folder, so it is slightly conservative). */
export function wilson(hits, n) {
  if (n === 0) return [0, 1];
  const p = hits / n;
  const denominator = 1 + (Z * Z) / n;
  const centre = (p + (Z * Z) / (2 * n)) / denominator;
  const half = (Z * Math.sqrt((p * (1 - p)) / n + (Z * Z) / (4 * n * n))) / denominator;
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}

const percent = (x) => `${(100 * x).toFixed(1)} %`;
// The JSON report's positions are 1-based (line and column); the instrumenter's are 0-based.
const sameMutant = (sampled, reported) =>
  sampled.mutatorName === reported.mutatorName &&
  sampled.replacement === reported.replacement &&
  sampled.location.start.line + 1 === reported.location.start.line &&
  sampled.location.start.column + 1 === reported.location.start.column &&
  sampled.location.end.line + 1 === reported.location.end.line &&
  sampled.location.end.column + 1 === reported.location.end.column;

let failed = false;
for (const folder of folders) {
  const drawn = JSON.parse(fs.readFileSync(path.join('reports', 'runs', `sample-${folder}.json`), 'utf8'));
  const report = JSON.parse(fs.readFileSync(path.join('reports', 'runs', `sample-${folder}.mutation.json`), 'utf8'));
  const counts = { Killed: 0, Timeout: 0, Survived: 0, NoCoverage: 0, CompileError: 0, RuntimeError: 0 };
  const alive = [];
  let missing = 0;
  for (const m of drawn.sample) {
    const reported = report.files[m.file]?.mutants.find((r) => sameMutant(m, r));
    if (!reported || !(reported.status in counts)) {
      missing++;
      continue;
    }
    counts[reported.status]++;
    if (reported.status === 'Survived' || reported.status === 'NoCoverage') alive.push({ ...m, status: reported.status, static: reported.static === true });
  }
  const detected = counts.Killed + counts.Timeout;
  const valid = detected + counts.Survived + counts.NoCoverage;
  const covered = detected + counts.Survived;
  const [low, high] = wilson(detected, valid);
  const [validLow, validHigh] = wilson(valid, drawn.n);
  console.log(`${drawn.folder}: ${drawn.totalMutants} mutants in ${drawn.files} files; sample of ${drawn.n} (seed ${drawn.seed})`);
  console.log(`  sampled ${drawn.n}: compile errors ${counts.CompileError}, runtime errors ${counts.RuntimeError}, killed ${counts.Killed}, timeout ${counts.Timeout}, survived ${counts.Survived}, no coverage ${counts.NoCoverage}${missing ? `, NOT IN THE REPORT ${missing}` : ''}`);
  console.log(`  score (killed + timeout) / valid = ${detected} / ${valid} = ${percent(valid ? detected / valid : 0)}, 95 % Wilson interval ${percent(low)} – ${percent(high)}; of covered ${detected} / ${covered} = ${percent(covered ? detected / covered : 0)}`);
  console.log(`  valid mutants in the folder, estimated: ${Math.round((drawn.totalMutants * valid) / drawn.n)} (95 %: ${Math.round(drawn.totalMutants * validLow)} – ${Math.round(drawn.totalMutants * validHigh)}) of ${drawn.totalMutants}`);
  for (const m of alive) {
    console.log(`  ${m.status}${m.static ? ' (static)' : ''}\t${m.file}:${m.location.start.line + 1}:${m.location.start.column}\t${m.mutatorName}\t${JSON.stringify(m.replacement).slice(0, 120)}`);
  }
  if (missing) failed = true;
}
if (failed) {
  console.error('some sampled mutants are not in the report (a run of another sample, or unfinished)');
  process.exit(1);
}
