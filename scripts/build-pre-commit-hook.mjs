// Bundles the pre-commit hook (src/hooks/preCommit.ts) into one file that needs only node:
// dist/pre-commit.js, which iamKeys.installPreCommitHook copies into a repository's hooks
// folder. The banner's marker line is how the installer knows the hook as its own. Imported
// by esbuild.config.mjs; run alone (`node scripts/build-pre-commit-hook.mjs OUTFILE`) by tests.
import * as esbuild from 'esbuild';
import path from 'node:path';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
// Must hold HOOK_MARKER (src/core/preCommitHookNames.ts).
const BANNER = '#!/usr/bin/env node\n// iam-access-keys pre-commit hook: blocks commits that add AWS access keys (installed by the IAM Access Keys extension).';

/** Writes the hook bundle to `outfile`. */
export async function buildPreCommitHook(outfile, { production = false } = {}) {
  await esbuild.build({
    absWorkingDir: ROOT,
    entryPoints: ['src/hooks/preCommit.ts'],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node18',
    format: 'cjs',
    minify: production,
    sourcemap: false,
    legalComments: 'none',
    banner: { js: BANNER },
    logLevel: 'warning',
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  await buildPreCommitHook(path.resolve(process.argv[2] ?? path.join(ROOT, 'dist', 'pre-commit.js')));
}
