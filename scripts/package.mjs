#!/usr/bin/env node
// Builds the .vsix for the VS Code Marketplace and Open VSX (`npm run package` runs typecheck
// and lint first). The production bundles are built into a staging folder together with the
// files the package ships, and `vsce package` runs there, so dist/ (the development build that
// `npm start`/`npm test` load) is left alone. README links and images are rewritten to
// absolute URLs in the repository, so they render on both marketplaces.
//
//   node scripts/package.mjs [--out FILE]     (default: iam-access-keys.vsix in the repo)
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const out = path.resolve(argv.includes('--out') ? argv[argv.indexOf('--out') + 1] : path.join(ROOT, 'iam-access-keys.vsix'));
// What the package is made of (besides dist/); .vscodeignore still decides what ships.
const SHIPPED = ['package.json', 'package.nls.json', 'README.md', 'LICENSE', 'CHANGELOG.md', '.vscodeignore', 'media', 'l10n'];

function run(what, command, args, cwd) {
  const result = spawnSync(command, args, { cwd, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`${what} failed (exit ${result.status ?? result.signal})`);
}

const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const repo = String(manifest.repository?.url ?? '').replace(/\.git$/, '');
if (!repo.startsWith('https://github.com/')) throw new Error('package.json repository.url must be the GitHub URL (README images are served from it)');

const stage = fs.mkdtempSync(path.join(os.tmpdir(), 'iamkeys-package-'));
try {
  for (const name of SHIPPED) {
    const from = path.join(ROOT, name);
    if (fs.existsSync(from)) fs.cpSync(from, path.join(stage, name), { recursive: true });
  }
  run('production build', process.execPath, ['esbuild.config.mjs', '--production', '--outdir', path.join(stage, 'dist')], ROOT);
  // vsce runs vscode:prepublish (the same production build into dist/, for a direct `vsce
  // publish`); here the staged dist/ is built already and the stage has no sources to build from.
  const staged = path.join(stage, 'package.json');
  const stagedManifest = JSON.parse(fs.readFileSync(staged, 'utf8'));
  delete stagedManifest.scripts['vscode:prepublish'];
  fs.writeFileSync(staged, `${JSON.stringify(stagedManifest, null, 2)}\n`);
  const vsce = path.join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce');
  run('vsce package', process.execPath, [
    vsce, 'package', '--no-dependencies', '-o', out,
    '--baseContentUrl', `${repo}/blob/HEAD/`,
    '--baseImagesUrl', `${repo}/raw/HEAD/`,
  ], stage);
} finally {
  fs.rmSync(stage, { recursive: true, force: true });
}
