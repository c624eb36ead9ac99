// Carries a drawn sample (reports/runs/sample-<folder>.json) across source edits made after the
// draw, so a rerun scores the same mutants: each sampled mutant's lines move by the lines added or
// removed above it (`git diff -U0 <commit the sample was drawn at>`). A mutant on a line an edit
// changed is dropped and listed (its code is not the code drawn). The sample as drawn is kept as
// sample-<folder>.drawn.json; a second remap starts from it again.
//   node scripts/stryker-sample-remap.mjs <core|aws> <commit the sample was drawn at>
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const [folder, fromCommit] = process.argv.slice(2);
if ((folder !== 'core' && folder !== 'aws') || !fromCommit) {
  console.error('usage: node scripts/stryker-sample-remap.mjs <core|aws> <commit>');
  process.exit(2);
}
const samplePath = path.join('reports', 'runs', `sample-${folder}.json`);
const drawnPath = path.join('reports', 'runs', `sample-${folder}.drawn.json`);
if (!fs.existsSync(drawnPath)) fs.copyFileSync(samplePath, drawnPath);
const drawn = JSON.parse(fs.readFileSync(drawnPath, 'utf8'));

/** Per file, the hunks of `git diff -U0` as [oldStart, oldCount, newCount] (1-based lines). */
function hunksOf(file) {
  const diff = execFileSync('git', ['diff', '-U0', fromCommit, '--', file], { encoding: 'utf8' });
  const hunks = [];
  for (const m of diff.matchAll(/^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/gm)) {
    hunks.push([Number(m[1]), m[2] === undefined ? 1 : Number(m[2]), m[4] === undefined ? 1 : Number(m[4])]);
  }
  return hunks;
}

/** The new 1-based line of an old one, or undefined when an edit changed that line. */
function moved(hunks, line) {
  let shift = 0;
  for (const [oldStart, oldCount, newCount] of hunks) {
    // A pure insertion (oldCount 0) goes after line oldStart.
    const lastOld = oldCount === 0 ? oldStart : oldStart + oldCount - 1;
    if (oldCount > 0 && line >= oldStart && line <= lastOld) return undefined;
    if (line > lastOld || (oldCount === 0 && line > oldStart)) shift += newCount - oldCount;
  }
  return line + shift;
}

const hunkCache = new Map();
const kept = [];
const dropped = [];
let movedCount = 0;
for (const m of drawn.sample) {
  if (!hunkCache.has(m.file)) hunkCache.set(m.file, hunksOf(m.file));
  const hunks = hunkCache.get(m.file);
  // The sample's lines are 0-based (the instrumenter's).
  const start = moved(hunks, m.location.start.line + 1);
  const end = moved(hunks, m.location.end.line + 1);
  if (start === undefined || end === undefined || end - start !== m.location.end.line - m.location.start.line) {
    dropped.push(m);
    continue;
  }
  if (start !== m.location.start.line + 1) movedCount++;
  kept.push({ ...m, location: { start: { ...m.location.start, line: start - 1 }, end: { ...m.location.end, line: end - 1 } } });
}
const range = (m) => `${m.file}:${m.location.start.line + 1}:${m.location.start.column}-${m.location.end.line + 1}:${m.location.end.column}`;
const mutate = [...new Set(kept.map(range))];
fs.writeFileSync(samplePath, JSON.stringify({ ...drawn, n: kept.length, mutate, sample: kept, remappedFrom: fromCommit }, null, 1));
console.log(`${drawn.folder}: ${kept.length} of ${drawn.sample.length} sampled mutants kept (${movedCount} moved), ${dropped.length} dropped on edited lines`);
for (const m of dropped) console.log(`  dropped\t${m.file}:${m.location.start.line + 1}:${m.location.start.column}\t${m.mutatorName}\t${JSON.stringify(m.replacement).slice(0, 80)}`);
