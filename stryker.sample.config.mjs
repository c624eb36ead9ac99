// A sampled folder run (docs/testing.md, "Folder scores (sampled)"): stryker.config.mjs with
// `mutate` set to the ranges of the mutants drawn by scripts/stryker-sample.mjs, the ignorer that
// leaves out the other mutants inside those ranges, and a report, cache and sandbox per folder (so
// the two folders can run at once).
//   node scripts/stryker-sample.mjs core 300 1206
//   STRYKER_SAMPLE=core nice -n 19 npx stryker run stryker.sample.config.mjs
import * as fs from 'node:fs';
import * as path from 'node:path';
import base from './stryker.config.mjs';

const folder = process.env.STRYKER_SAMPLE;
if (folder !== 'core' && folder !== 'aws') throw new Error('set STRYKER_SAMPLE=core or STRYKER_SAMPLE=aws');
const sampleFile = path.resolve('reports', 'runs', `sample-${folder}.json`);
// Read by the ignorer in this process and in Stryker's child processes.
process.env.STRYKER_SAMPLE_FILE = sampleFile;
const { mutate } = JSON.parse(fs.readFileSync(sampleFile, 'utf8'));

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  ...base,
  mutate,
  plugins: ['@stryker-mutator/*', './scripts/stryker-sample-ignorer.mjs'],
  ignorers: ['sampled-only'],
  ignorePatterns: [...base.ignorePatterns, '.stryker-tmp'],
  incrementalFile: `reports/runs/sample-${folder}.incremental.json`,
  htmlReporter: { fileName: `reports/runs/sample-${folder}.html` },
  jsonReporter: { fileName: `reports/runs/sample-${folder}.mutation.json` },
  tempDirName: `.stryker-tmp/sample-${folder}`,
};
