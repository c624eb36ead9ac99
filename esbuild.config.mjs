// Bundles the extension into one CommonJS file. `--production` minifies for the .vsix;
// the default keeps sourcemaps for development; `--watch` rebuilds on change.
import * as esbuild from 'esbuild';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** @type {import('esbuild').BuildOptions} */
const options = {
  entryPoints: ['src/extension.ts'],
  outfile: 'dist/extension.js',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  external: ['vscode'],
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
  const bytes = Object.values(result.metafile.outputs).find((o) => o.entryPoint)?.bytes;
  if (bytes !== undefined) console.log(`dist/extension.js: ${(bytes / 1024).toFixed(1)} KiB`);
}
