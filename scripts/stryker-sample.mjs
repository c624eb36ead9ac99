// Draws a seeded uniform random sample of Stryker's own mutants of one folder, for a folder score
// that fits in an hour (the whole of src/core + src/aws is ~7,600 mutants, many hours on one core).
// Stryker's Instrumenter lists every mutant of every .ts file of the folder, with the options a
// `stryker run` uses (stryker.config.mjs sets no mutator exclusions and no ignorers); N of them are
// drawn without replacement by a seeded generator. The sample goes to
// reports/runs/sample-<folder>.json, which stryker.sample.config.mjs turns into Stryker's
// `mutate` ranges (`file:line:col-line:col`, one per sampled mutant's node) and the ignorer that
// leaves out the other mutants inside those ranges. Scores: scripts/mutation-sample-score.mjs.
//   node scripts/stryker-sample.mjs <core|aws> [N=300] [seed=1206]
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Instrumenter } from '@stryker-mutator/instrumenter';
import { sampledOnly } from './stryker-sample-ignorer.mjs';

const [folder, nText = '300', seedText = '1206'] = process.argv.slice(2);
if (folder !== 'core' && folder !== 'aws') {
  console.error('usage: node scripts/stryker-sample.mjs <core|aws> [N=300] [seed=1206]');
  process.exit(2);
}
const n = Number(nText);
const seed = Number(seedText);

const quiet = () => false;
const logger = { debug() {}, info() {}, warn() {}, error() {}, trace() {}, fatal() {}, isDebugEnabled: quiet, isTraceEnabled: quiet, isInfoEnabled: quiet, isWarnEnabled: quiet, isErrorEnabled: quiet, isFatalEnabled: quiet };

/** Every .ts file under a folder, in a fixed (sorted) order so the same seed draws the same mutants. */
function tsFiles(dir) {
  const found = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.posix.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...tsFiles(full));
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) found.push(full);
  }
  return found.sort();
}

/** mulberry32: a small seeded generator; uniform in [0, 1). */
function seededRandom(state) {
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const all = [];
for (const file of tsFiles(`src/${folder}`)) {
  const content = fs.readFileSync(file, 'utf8');
  const { mutants } = await new Instrumenter(logger).instrument([{ name: file, mutate: true, content }], { plugins: null, excludedMutations: [], ignorers: [], noHeader: false });
  for (const m of mutants) all.push({ file, location: m.location, mutatorName: m.mutatorName, replacement: m.replacement });
}

// Partial Fisher–Yates: the first n places of a seeded shuffle, a uniform draw without replacement.
const random = seededRandom(seed);
const take = Math.min(n, all.length);
for (let i = 0; i < take; i++) {
  const j = i + Math.floor(random() * (all.length - i));
  [all[i], all[j]] = [all[j], all[i]];
}
const sample = all.slice(0, take).sort((a, b) => a.file.localeCompare(b.file) || a.location.start.line - b.location.start.line || a.location.start.column - b.location.start.column);

// Stryker's range: lines 1-based, columns 0-based and inclusive at both ends; a range takes every
// mutant whose node lies fully inside it, so each sampled mutant gets its node's exact range.
const range = (m) => `${m.file}:${m.location.start.line + 1}:${m.location.start.column}-${m.location.end.line + 1}:${m.location.end.column}`;
const mutate = [...new Set(sample.map(range))];

// The run as Stryker will instrument it (the ranges, the ignorer): every sampled mutant must be in
// it, and the mutants beyond the sample cost run time.
const ranges = new Map();
for (const r of mutate) {
  const [, file, sl, sc, el, ec] = /^(.*):(\d+):(\d+)-(\d+):(\d+)$/.exec(r);
  ranges.set(file, [...(ranges.get(file) ?? []), { start: { line: Number(sl) - 1, column: Number(sc) }, end: { line: Number(el) - 1, column: Number(ec) } }]);
}
const sameMutant = (a, b) => a.file === b.file && a.mutatorName === b.mutatorName && a.replacement === b.replacement &&
  a.location.start.line === b.location.start.line && a.location.start.column === b.location.start.column &&
  a.location.end.line === b.location.end.line && a.location.end.column === b.location.end.column;
let toRun = 0;
let found = 0;
for (const [file, fileRanges] of ranges) {
  const content = fs.readFileSync(file, 'utf8');
  const { mutants } = await new Instrumenter(logger).instrument([{ name: file, mutate: fileRanges, content }], { plugins: null, excludedMutations: [], ignorers: [sampledOnly(sample)], noHeader: false });
  const running = mutants.filter((m) => m.status !== 'Ignored').map((m) => ({ file, location: m.location, mutatorName: m.mutatorName, replacement: m.replacement }));
  toRun += running.length;
  found += sample.filter((s) => s.file === file && running.some((m) => sameMutant(m, s))).length;
}
if (found !== take) {
  console.error(`only ${found} of the ${take} sampled mutants are in the instrumented ranges`);
  process.exit(1);
}

const out = path.join('reports', 'runs', `sample-${folder}.json`);
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, JSON.stringify({ folder: `src/${folder}`, seed, n: take, totalMutants: all.length, files: tsFiles(`src/${folder}`).length, mutate, sample }, null, 1));
console.log(`src/${folder}: ${all.length} mutants in ${tsFiles(`src/${folder}`).length} files; sampled ${take} (seed ${seed}) in ${mutate.length} ranges; Stryker will run ${toRun} mutants (the sampled ones and others on their nodes) -> ${out}`);
