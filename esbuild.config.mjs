// Bundles the extension into CommonJS files that load in stages, each lazy one a folder:
//   dist/extension.js  what activation loads: activate(), the session registry, the tree view,
//                      thin command wrappers (src/extension.ts).
//   dist/features.js   the folder src/features/ (entry index.ts): command bodies, hover,
//                      diagnostics, reports; required on first use by src/featuresLoader.ts,
//                      which hands it what it takes from activation (src/featuresHost.ts).
//   dist/sdk.js        the AWS SDK and everything that must load with it: the folder src/aws/sdk/
//                      (entry index.ts), required on first use by src/aws/sdkLoader.ts, which hands
//                      it src/aws/sdkHost.ts.
// The build fails if extension.js takes a file of src/features/ or src/aws/sdk/ or an SDK
// package (every activation would pay for it); if sdk.js takes any src/ module outside its
// folder; or if a src/ module is in two bundles and holds state or a class (a class declaration,
// a module-level let/var): a second copy would split it (`instanceof` fails across the copies,
// a setting made at activation is not seen by the copy). Stateless modules (pure functions,
// constants) may be in two bundles: a copy of them behaves the same. It prints each output's size.
// `--production` minifies for the .vsix; the default keeps sourcemaps for development;
// `--watch` rebuilds on change; `--outdir DIR` (default dist) and `--metafile FILE` are for the
// benchmark.
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
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
/** The two lazy sides, each one folder whose index.ts is its bundle's entry. */
const SDK_FOLDER = 'src/aws/sdk/';
const FEATURES_FOLDER = 'src/features/';
const EXTENSION_ENTRY = 'src/extension.ts';

const rel = (file) => path.relative(ROOT, path.resolve(ROOT, file)).split(path.sep).join('/');

/**
 * The loaders' runtime requires stay requires of sibling files: src/aws/sdkLoader.ts's
 * './sdk/index' is dist/sdk.js, src/featuresLoader.ts's './features/index' dist/features.js.
 */
const lazyFolders = {
  name: 'lazy-folders',
  setup(build) {
    const sibling = (loader, file) => (args) => (rel(args.importer) === loader && args.kind === 'require-call' ? { path: file, external: true } : undefined);
    build.onResolve({ filter: /^\.\/sdk\/index$/ }, sibling('src/aws/sdkLoader.ts', './sdk.js'));
    build.onResolve({ filter: /^\.\/features\/index$/ }, sibling('src/featuresLoader.ts', './features.js'));
  },
};

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

/** Every src/ file's text, for the `instanceof` check below (read once per build). */
function sourceTexts() {
  return fs.readdirSync(path.join(ROOT, 'src'), { recursive: true })
    .filter((file) => /\.ts$/.test(file))
    .map((file) => fs.readFileSync(path.join(ROOT, 'src', file), 'utf8'));
}

/**
 * What makes a module unsafe to copy into a second bundle, read from its source with
 * TypeScript's parser: a class declaration (a copy is another class: `instanceof` fails across
 * them, one EndpointRefusedError became two) and module-level let/var (state one copy sets and
 * the other never sees). A declaration tagged `@perBundle <why>` in its doc comment is allowed
 * a copy per bundle: state each bundle's entry sets alike, or a class no src/ file tests with
 * `instanceof` (checked here).
 */
function statefulParts(file, texts) {
  const source = ts.createSourceFile(file, fs.readFileSync(path.join(ROOT, file), 'utf8'), ts.ScriptTarget.Latest, true);
  const perBundle = (node) => ts.getJSDocTags(node).some((tag) => tag.tagName.text === 'perBundle' && String(tag.comment ?? '').trim() !== '');
  const found = [];
  for (const statement of source.statements) {
    if (ts.isClassDeclaration(statement)) {
      const name = statement.name?.text ?? '(default)';
      const tested = texts.some((text) => new RegExp(`instanceof\\s+${name}\\b`).test(text));
      if (!perBundle(statement)) found.push(`class ${name}`);
      else if (tested) found.push(`class ${name}, tagged @perBundle but a src/ file tests it with instanceof`);
    }
    if (ts.isVariableStatement(statement) && !(statement.declarationList.flags & (ts.NodeFlags.Const | ts.NodeFlags.Using)) && !perBundle(statement)) {
      for (const declaration of statement.declarationList.declarations) found.push(`let ${declaration.name.getText(source)}`);
    }
  }
  return found;
}

/** Why the bundles are wrong, if they are. */
function problems(metafile) {
  const found = [];
  const extension = inputsOf(metafile, 'extension.js') ?? [];
  const features = inputsOf(metafile, 'features.js') ?? [];
  const sdk = inputsOf(metafile, 'sdk.js') ?? [];
  const sdkIn = (inputs) => inputs.filter((input) => SDK_PACKAGE.test(input) || input.startsWith(SDK_FOLDER));
  for (const [name, inputs] of [['extension.js', extension], ['features.js', features]]) {
    const leaked = sdkIn(inputs);
    if (leaked.length > 0) found.push(`the AWS SDK must stay out of ${name} (load it through src/aws/sdkLoader.ts); found:\n  ${leaked.slice(0, 10).join('\n  ')}`);
  }
  const feature = extension.filter((input) => input.startsWith(FEATURES_FOLDER));
  if (feature.length > 0) found.push(`extension.js must take no file of ${FEATURES_FOLDER} (load it through src/featuresLoader.ts, or import it as a type); found:\n  ${feature.slice(0, 10).join('\n  ')}`);
  const outside = sdk.filter((input) => input.startsWith('src/') && !input.startsWith(SDK_FOLDER));
  if (outside.length > 0) found.push(`sdk.js must take no src/ module outside ${SDK_FOLDER} (a second copy; hand it over through src/aws/sdkHost.ts, or import it as a type); found:\n  ${outside.slice(0, 10).join('\n  ')}`);
  const inExtension = new Set(extension);
  const copies = features.filter((input) => input.startsWith('src/') && inExtension.has(input));
  const texts = copies.length > 0 ? sourceTexts() : [];
  const stateful = copies.map((file) => [file, statefulParts(file, texts)]).filter(([, parts]) => parts.length > 0);
  if (stateful.length > 0) {
    found.push(
      `features.js must not take a second copy of a module extension.js holds when it has a class or module-level state (hand it over through src/featuresHost.ts, import it as a type, or move the stateless part to its own file); found:\n  ${stateful
        .map(([file, parts]) => `${file} (${parts.join(', ')})`)
        .join('\n  ')}`,
    );
  }
  if (extension.length === 0) found.push('no extension.js in the build output');
  if (sdk.length === 0) found.push('no sdk.js in the build output');
  if (features.length === 0) found.push('no features.js in the build output');
  return found;
}

/** Builds the three bundles and the webview script; returns the metafile. */
async function buildAll() {
  await esbuild.build(webviewOptions);
  await buildPreCommitHook(path.join(outdir, 'pre-commit.js'), { production });
  const { metafile } = await esbuild.build({
    ...common,
    entryPoints: [
      { in: EXTENSION_ENTRY, out: 'extension' },
      { in: `${FEATURES_FOLDER}index.ts`, out: 'features' },
      { in: `${SDK_FOLDER}index.ts`, out: 'sdk' },
    ],
    plugins: [lazyFolders],
  });
  return metafile;
}

/** The Key health report's webview script, Chart.js bundled in (no CDN). */
/** @type {import('esbuild').BuildOptions} */
const webviewOptions = {
  entryPoints: ['src/features/report/webview/main.ts'],
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
  const metafile = await buildAll();
  const found = problems(metafile);
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
