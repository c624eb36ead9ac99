// `npm run l10n`: writes l10n/bundle.l10n.json, the English strings translators work from.
// @vscode/l10n-dev finds only literal `vscode.l10n.t('…')` calls, but src/core, src/aws and the
// editor-free text builders take a `Translate` (src/core/translate.ts) instead of importing
// vscode, and the key-health rules store their literals in a table wrapped in `l10nKey('…')`.
// So each source file is shown to l10n-dev with those calls spelled as `l10n.t(…)`; l10n-dev's
// own parser still decides what a literal message is (a variable argument is not exported).
// A unit test (test/unit/l10n.bundle.test.ts) fails when the committed bundle is out of date.
/* eslint-disable @typescript-eslint/no-require-imports -- CommonJS, so the compiled unit test can require() it */
'use strict';
const fs = require('fs');
const path = require('path');
const { getL10nJson } = require('@vscode/l10n-dev');

const ROOT = path.resolve(__dirname, '..');
const BUNDLE = path.join(ROOT, 'l10n', 'bundle.l10n.json');

// `t(`, `translate(` and `l10nKey(` not preceded by a property access or a longer identifier.
const TRANSLATE_CALL = /(?<![\w$.])(?:t|translate|l10nKey)\(/g;

function sourceFiles(dir) {
  const files = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) files.push(...sourceFiles(full));
    else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts')) files.push(full);
  }
  return files.sort();
}

/** The bundle the sources call for: { english message: english message }, keys sorted. */
async function exportedBundle(srcDir = path.join(ROOT, 'src')) {
  const scripts = sourceFiles(srcDir).map((file) => ({
    extension: path.extname(file),
    contents: `import * as l10n from '@vscode/l10n';\n${fs.readFileSync(file, 'utf8').replace(TRANSLATE_CALL, 'l10n.t(')}`,
  }));
  const bundle = await getL10nJson(scripts);
  return Object.fromEntries(Object.keys(bundle).sort().map((key) => [key, bundle[key]]));
}

function bundleText(bundle) {
  return `${JSON.stringify(bundle, null, 2)}\n`;
}

module.exports = { exportedBundle, bundleText, BUNDLE };

if (require.main === module) {
  exportedBundle().then(
    (bundle) => {
      fs.writeFileSync(BUNDLE, bundleText(bundle));
      console.log(`l10n: ${Object.keys(bundle).length} strings written to ${path.relative(ROOT, BUNDLE)}`);
    },
    (error) => {
      console.error(`l10n: ${error instanceof Error ? error.message : error}`);
      process.exit(1);
    },
  );
}
