// Bundles the extension into two CommonJS files: dist/extension.js (what activation loads) and
// dist/sdk.js (src/aws/sdk.ts: the AWS SDK, required on first use by src/aws/sdkLoader.ts).
// The build fails if SDK code ends up in extension.js, since that would cost every activation
// tens of milliseconds. `--production` minifies for the .vsix; the default keeps sourcemaps for
// development; `--watch` rebuilds on change; `--outdir DIR` (default dist) and
// `--metafile FILE` are for the benchmark.
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';

const argv = process.argv.slice(2);
const production = argv.includes('--production');
const watch = argv.includes('--watch');
const valueOf = (flag, fallback) => (argv.includes(flag) ? argv[argv.indexOf(flag) + 1] : fallback);
const outdir = valueOf('--outdir', 'dist');
const metafileOut = valueOf('--metafile', undefined);

/** Packages that are the AWS SDK: they belong in sdk.js only. */
const SDK_PACKAGE = /(^|[\\/])node_modules[\\/](@aws-sdk|@smithy|@aws-crypto|@aws)[\\/]/;
const LOADER = path.join('src', 'aws', 'sdkLoader.ts');

/** The SDK inputs bundled into extension.js (must be none). */
function sdkInExtension(metafile) {
  const [, output] = Object.entries(metafile.outputs).find(([file]) => /extension\.js$/.test(file)) ?? [];
  if (!output) return ['(no extension.js in the build output)'];
  return Object.keys(output.inputs).filter((input) => SDK_PACKAGE.test(input));
}

const sdkApart = {
  name: 'sdk-apart',
  setup(build) {
    // sdkLoader's require('./sdk') stays a runtime require of the sibling file dist/sdk.js.
    build.onResolve({ filter: /^\.\/sdk$/ }, (args) =>
      args.importer.endsWith(LOADER) ? { path: './sdk.js', external: true } : undefined,
    );
    build.onEnd((result) => {
      if (!result.metafile) return;
      const leaked = sdkInExtension(result.metafile);
      if (leaked.length > 0) {
        console.error(`esbuild: the AWS SDK must stay out of extension.js (load it through src/aws/sdkLoader.ts); found:\n  ${leaked.slice(0, 10).join('\n  ')}`);
      }
    });
  },
};

/** @type {import('esbuild').BuildOptions} */
const options = {
  entryPoints: [
    { in: 'src/extension.ts', out: 'extension' },
    { in: 'src/aws/sdk.ts', out: 'sdk' },
  ],
  outdir,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  external: ['vscode'],
  plugins: [sdkApart],
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  legalComments: production ? 'none' : 'inline',
  logLevel: 'info',
  metafile: true,
};

/** The Key health report's webview script, Chart.js bundled in (no CDN). */
/** @type {import('esbuild').BuildOptions} */
const webviewOptions = {
  entryPoints: ['src/report/webview/main.ts'],
  outfile: 'dist/webview.js',
  bundle: true,
  platform: 'browser',
  target: 'es2022',
  format: 'iife',
  minify: production,
  sourcemap: !production,
  legalComments: production ? 'none' : 'inline',
  logLevel: 'info',
};

if (watch) {
  const context = await esbuild.context(options);
  await context.watch();
  await (await esbuild.context(webviewOptions)).watch();
} else {
  await esbuild.build(webviewOptions);
  const result = await esbuild.build(options);
  const leaked = sdkInExtension(result.metafile);
  if (leaked.length > 0) {
    console.error(`esbuild: build FAILED: ${leaked.length} SDK input(s) in extension.js`);
    process.exit(1);
  }
  if (metafileOut) fs.writeFileSync(metafileOut, JSON.stringify(result.metafile));
  for (const [file, output] of Object.entries(result.metafile.outputs)) {
    if (output.entryPoint) console.log(`${file}: ${(output.bytes / 1024).toFixed(1)} KiB`);
  }
}
