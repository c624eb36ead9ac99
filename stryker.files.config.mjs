// A whole-file sweep (docs/testing.md, "Folder scores now: whole-file sweeps"): stryker.config.mjs
// over the files named in STRYKER_FILES (comma-separated), with static mutants left out (each one
// reruns the whole unit suite; scripts/stryker-apply-mutants.mjs tests them one by one) and a
// report, cache and sandbox per sweep name, so sweeps of different files can run at once.
//   STRYKER_FILES=src/core/leakScanner.ts,src/core/stagedDiff.ts STRYKER_NAME=leaks npx stryker run stryker.files.config.mjs
import base from './stryker.config.mjs';

const files = (process.env.STRYKER_FILES ?? '').split(',').filter(Boolean);
const name = process.env.STRYKER_NAME ?? 'files';
if (files.length === 0) throw new Error('set STRYKER_FILES=src/core/a.ts,src/core/b.ts');

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  ...base,
  mutate: files,
  ignoreStatic: true,
  ignorePatterns: [...base.ignorePatterns, '.stryker-tmp'],
  incrementalFile: `reports/runs/files-${name}.incremental.json`,
  htmlReporter: { fileName: `reports/runs/files-${name}.html` },
  jsonReporter: { fileName: `reports/runs/files-${name}.mutation.json` },
  tempDirName: `.stryker-tmp/files-${name}`,
};
