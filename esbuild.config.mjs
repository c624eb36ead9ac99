// Bundles the extension into CommonJS files that load in stages:
//   dist/extension.js  what activation loads: activate(), the session registry, the tree view,
//                      thin command wrappers (src/extension.ts).
//   dist/features.js   what a command, the hover, the diagnostics or the credential report needs
//                      (src/features.ts), required on first use by src/featuresLoader.ts.
//   dist/sdk.js        the AWS SDK and everything that must load with it: the folder src/aws/sdk/
//                      (entry src/aws/sdk/index.ts), required on first use by src/aws/sdkLoader.ts.
// A module activation needs (the session registry, explorer rows, settings, the log...) lives
// in extension.js only: features.js takes it from extension.js's `__shared` export rather than
// bundling a second copy, so classes (`instanceof` on rows) and singletons stay one. The build
// fails if SDK code lands in extension.js or features.js, or feature code in extension.js, since
// either would cost every activation milliseconds; if sdk.js takes any src/ module outside
// src/aws/sdk/ (it would be a second copy: what the SDK side needs from the extension is handed
// to it at load time, src/aws/sdkHost.ts), or anything else bundles a file of src/aws/sdk/. It
// prints the size of each output.
// `--production` minifies for the .vsix; the default keeps sourcemaps for development;
// `--watch` rebuilds on change; `--outdir DIR` (default dist) and `--metafile FILE` (the
// metafiles of the builds, merged) are for the benchmark.
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { buildPreCommitHook } from './scripts/build-pre-commit-hook.mjs';

const argv = process.argv.slice(2);
const production = argv.includes('--production');
const watch = argv.includes('--watch');
const valueOf = (flag, fallback) => (argv.includes(flag) ? argv[argv.indexOf(flag) + 1] : fallback);
const outdir = valueOf('--outdir', 'dist');
const metafileOut = valueOf('--metafile', undefined);
const ROOT = path.dirname(new URL(import.meta.url).pathname);

/** Packages that are the AWS SDK: they belong in sdk.js only. */
const SDK_PACKAGE = /(^|[\\/])node_modules[\\/](@aws-sdk|@smithy|@aws-crypto|@aws)[\\/]/;
/**
 * Feature code: must never be in extension.js (activation would pay for it): csv-parse, the
 * command bodies (src/commands/ but for the ID table, the deps type and the JSON documents
 * provider activation registers), hover, diagnostics, reports, the rotation engine. The
 * features entry's own imports are added to this list at build time.
 */
const FEATURE_CODE = [
  /(^|[\\/])node_modules[\\/]csv-parse[\\/]/,
  /^src\/features\.ts$/,
  /^src\/(report|diagnostics|hover)\//,
  /^src\/commands\/(?!(commandIds|deps|jsonDocuments)\.ts$)/,
  /^src\/aws\/rotateAccessKey\.ts$/,
];
const SDK_LOADER = path.join('src', 'aws', 'sdkLoader.ts');
/** The SDK side of the lazy boundary: dist/sdk.js is this folder and nothing else of src/. */
const SDK_FOLDER = 'src/aws/sdk/';
const SDK_ENTRY = `${SDK_FOLDER}index.ts`;
const FEATURES_LOADER = path.join('src', 'featuresLoader.ts');
const CREDENTIAL_REPORT = path.join('src', 'core', 'credentialReport.ts');
const EXTENSION_ENTRY = 'src/extension.ts';
const FEATURES_ENTRY = 'src/features.ts';
const SHARED = 'iamkeys-shared';

const rel = (file) => path.relative(ROOT, path.resolve(ROOT, file)).split(path.sep).join('/');

/**
 * The runtime requires that stay requires of sibling files: sdkLoader's './sdk/index' (dist/sdk.js),
 * featuresLoader's './features' (dist/features.js), and the credential report's lazy
 * 'csv-parse/sync', which features.js provides (src/features.ts re-exports csv-parse's parse).
 */
const siblings = {
  name: 'siblings',
  setup(build) {
    build.onResolve({ filter: /^\.\/sdk\/index$/ }, (args) => (args.importer.endsWith(SDK_LOADER) ? { path: './sdk.js', external: true } : undefined));
    build.onResolve({ filter: /^\.\/features$/ }, (args) => (args.importer.endsWith(FEATURES_LOADER) ? { path: './features.js', external: true } : undefined));
    build.onResolve({ filter: /^csv-parse\/sync$/ }, (args) =>
      args.importer.endsWith(CREDENTIAL_REPORT) && args.kind === 'require-call' ? { path: './features.js', external: true } : undefined,
    );
  },
};

/**
 * For the features build: a source module that extension.js already holds (`shared`, paths
 * relative to the repository) is taken from extension.js at run time, not bundled again.
 * `used` collects which ones features.js takes, so extension.js exports exactly those.
 */
function fromExtension(shared, used) {
  return {
    name: 'from-extension',
    setup(build) {
      build.onResolve({ filter: /.*/ }, async (args) => {
        if (args.pluginData === SHARED || args.namespace !== 'file' || args.kind === 'entry-point') return undefined;
        if (!args.path.startsWith('.')) return undefined;
        const resolved = await build.resolve(args.path, { resolveDir: args.resolveDir, kind: args.kind, importer: args.importer, pluginData: SHARED });
        if (resolved.errors.length > 0 || resolved.external) return undefined;
        const file = rel(resolved.path);
        if (!shared.has(file)) return undefined;
        used.add(file);
        return { path: file, namespace: SHARED };
      });
      build.onLoad({ filter: /.*/, namespace: SHARED }, (args) => ({
        contents: `module.exports = require('./extension.js').__shared[${JSON.stringify(args.path)}];`,
        loader: 'js',
      }));
      build.onResolve({ filter: /^\.\/extension\.js$/, namespace: SHARED }, () => ({ path: './extension.js', external: true }));
    },
  };
}

/** extension.js's entry: src/extension.ts, plus `__shared`, the modules features.js takes from it. */
function extensionEntry(used) {
  const files = [...used].sort();
  const lines = [`export * from './${EXTENSION_ENTRY}';`];
  files.forEach((file, i) => lines.push(`import * as m${i} from './${file}';`));
  lines.push(`export const __shared = {${files.map((file, i) => `\n  ${JSON.stringify(file)}: m${i},`).join('')}\n};`);
  return {
    name: 'extension-entry',
    setup(build) {
      build.onResolve({ filter: /^iamkeys:extension$/ }, () => ({ path: 'extension', namespace: 'iamkeys-entry' }));
      build.onLoad({ filter: /.*/, namespace: 'iamkeys-entry' }, () => ({ contents: lines.join('\n'), loader: 'ts', resolveDir: ROOT }));
    },
  };
}

/** @type {import('esbuild').BuildOptions} */
const common = {
  outdir,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  external: ['vscode'],
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  legalComments: production ? 'none' : 'inline',
  logLevel: 'warning',
  metafile: true,
};

/** The inputs of one output file, relative to the repository. */
function inputsOf(metafile, name) {
  const [, output] = Object.entries(metafile.outputs).find(([file]) => path.basename(file) === name) ?? [];
  return output ? Object.keys(output.inputs).map(rel) : undefined;
}

/** Why the bundles are wrong, if they are. */
function problems(metafile, featureCode) {
  const found = [];
  const extension = inputsOf(metafile, 'extension.js') ?? [];
  const features = inputsOf(metafile, 'features.js') ?? [];
  const sdk = inputsOf(metafile, 'sdk.js') ?? [];
  const sdkIn = (inputs) => inputs.filter((input) => SDK_PACKAGE.test(input) || input.startsWith(SDK_FOLDER));
  for (const [name, inputs] of [['extension.js', extension], ['features.js', features]]) {
    const leaked = sdkIn(inputs);
    if (leaked.length > 0) found.push(`the AWS SDK must stay out of ${name} (load it through src/aws/sdkLoader.ts); found:\n  ${leaked.slice(0, 10).join('\n  ')}`);
  }
  const feature = extension.filter((input) => featureCode.some((pattern) => (typeof pattern === 'string' ? input === pattern : pattern.test(input))));
  if (feature.length > 0) found.push(`feature code must stay out of extension.js (load it through src/featuresLoader.ts); found:\n  ${feature.slice(0, 10).join('\n  ')}`);
  const outside = sdk.filter((input) => input.startsWith('src/') && !input.startsWith(SDK_FOLDER));
  if (outside.length > 0) found.push(`sdk.js must take no src/ module outside ${SDK_FOLDER} (a second copy; hand it over through src/aws/sdkHost.ts, or import it as a type); found:\n  ${outside.slice(0, 10).join('\n  ')}`);
  if (extension.length === 0) found.push('no extension.js in the build output');
  if (sdk.length === 0) found.push('no sdk.js in the build output');
  if (features.length === 0) found.push('no features.js in the build output');
  return found;
}

/** The modules src/features.ts imports itself: feature code by definition (vscode and packages aside). */
function featureRoots(metafile) {
  const entry = metafile.inputs[FEATURES_ENTRY];
  return (entry?.imports ?? []).map((imported) => imported.path.replace(`${SHARED}:`, '')).filter((file) => file.startsWith('src/'));
}

/** Builds all three bundles and the webview script; returns the merged metafile. */
async function buildAll() {
  await esbuild.build(webviewOptions);
  await buildPreCommitHook(path.join(outdir, 'pre-commit.js'), { production });
  // 1. What activation needs: the graph of src/extension.ts.
  const probe = await esbuild.build({ ...common, entryPoints: [EXTENSION_ENTRY], plugins: [siblings], write: false, outdir: 'unused', minify: false, sourcemap: false });
  const shared = new Set((inputsOf(probe.metafile, 'extension.js') ?? []).filter((input) => input.startsWith('src/')));
  // 2. features.js: everything else a feature needs; modules of that graph come from extension.js.
  const used = new Set();
  const features = await esbuild.build({ ...common, entryPoints: [{ in: FEATURES_ENTRY, out: 'features' }], plugins: [siblings, fromExtension(shared, used)] });
  // 3. extension.js (exporting what features.js takes) and sdk.js.
  const main = await esbuild.build({
    ...common,
    entryPoints: [{ in: 'iamkeys:extension', out: 'extension' }, { in: SDK_ENTRY, out: 'sdk' }],
    plugins: [siblings, extensionEntry(used)],
  });
  const metafile = { inputs: { ...main.metafile.inputs, ...features.metafile.inputs }, outputs: { ...main.metafile.outputs, ...features.metafile.outputs } };
  return { metafile, featureCode: [...FEATURE_CODE, ...featureRoots(features.metafile)] };
}

/** The Key health report's webview script, Chart.js bundled in (no CDN). */
/** @type {import('esbuild').BuildOptions} */
const webviewOptions = {
  entryPoints: ['src/report/webview/main.ts'],
  outfile: path.join(outdir, 'webview.js'),
  bundle: true,
  platform: 'browser',
  target: 'es2022',
  format: 'iife',
  minify: production,
  sourcemap: !production,
  legalComments: production ? 'none' : 'inline',
  logLevel: 'warning',
  metafile: true,
};

async function once() {
  const { metafile, featureCode } = await buildAll();
  const found = problems(metafile, featureCode);
  for (const problem of found) console.error(`esbuild: ${problem}`);
  for (const [file, output] of Object.entries(metafile.outputs)) {
    if (output.entryPoint) console.log(`${file}: ${(output.bytes / 1024).toFixed(1)} KiB`);
  }
  if (metafileOut) fs.writeFileSync(metafileOut, JSON.stringify(metafile));
  return found.length === 0;
}

if (watch) {
  let timer;
  let running = Promise.resolve();
  const rebuild = () => {
    running = running.then(() => once().catch((error) => console.error(`esbuild: ${error.message}`))).then(() => console.log(`[watch] built ${new Date().toLocaleTimeString()}`));
  };
  rebuild();
  fs.watch(path.join(ROOT, 'src'), { recursive: true }, () => {
    clearTimeout(timer);
    timer = setTimeout(rebuild, 100);
  });
} else if (!(await once())) {
  console.error('esbuild: build FAILED');
  process.exit(1);
}
