// l10n/bundle.l10n.json, the file translators start from, is exactly what the sources call for:
// every literal passed to vscode.l10n.t(), to a `Translate` (`t(…)`, `translate(…)`, in code
// that must not import vscode) or marked `l10nKey(…)` (rule tables), read from src/ by
// scripts/l10nExport.cjs on top of @vscode/l10n-dev, the script `npm run l10n` runs. A new,
// changed or removed string fails here until exported.
// Manifest strings: package.json says %key%, package.nls.json has the English text.
import * as assert from 'assert/strict';
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '../../..');

interface L10nExport {
  exportedBundle(): Promise<Record<string, unknown>>;
  bundleText(bundle: Record<string, unknown>): string;
  BUNDLE: string;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the npm script's own module (CommonJS, outside the compiled tree)
const l10nExport = require(path.join(ROOT, 'scripts', 'l10nExport.cjs')) as L10nExport;

describe('l10n bundle', () => {
  it('is the export of src/: vscode.l10n.t, Translate calls and l10nKey literals, nothing stale', async function () {
    this.timeout(120_000); // the extractor parses every file with tree-sitter
    const exported = await l10nExport.exportedBundle();
    const keys = Object.keys(exported);
    assert.ok(keys.length > 250, `only ${keys.length} strings found in src/: is the extraction broken?`);
    // One of each kind the plain l10n-dev export misses: a leak verdict (a `t` parameter in
    // editor-free code), a hover line, a rule message kept in the rules table (l10nKey).
    for (const key of ['Access key ID of account {0}, which none of your profiles can see', 'Key health markers', 'Not used for {0} days or more ({1} {2})']) {
      assert.ok(keys.includes(key), `the export lacks "${key}"`);
    }
    const committed = fs.readFileSync(l10nExport.BUNDLE, 'utf8');
    const bundle = JSON.parse(committed) as Record<string, unknown>;
    assert.deepEqual(keys.filter((key) => !(key in bundle)), [], "strings missing from l10n/bundle.l10n.json: run 'npm run l10n'");
    assert.deepEqual(Object.keys(bundle).filter((key) => !(key in exported)), [], "stale strings in l10n/bundle.l10n.json: run 'npm run l10n'");
    assert.equal(committed, l10nExport.bundleText(exported), "l10n/bundle.l10n.json is not as 'npm run l10n' writes it");
  });

  it('package.nls.json holds every %key% of package.json, and nothing else', () => {
    const manifest = fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8');
    const nls = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.nls.json'), 'utf8')) as Record<string, unknown>;
    const used = [...manifest.matchAll(/"%([^"%]+)%"/g)].map((m) => m[1] as string);
    assert.ok(used.includes('displayName') && used.length > 20, `only ${used.length} manifest strings use package.nls.json`);
    assert.deepEqual(used.filter((key) => typeof nls[key] !== 'string'), [], 'keys missing from package.nls.json');
    assert.deepEqual(Object.keys(nls).filter((key) => !used.includes(key)), [], 'unused keys in package.nls.json');
  });

  it('is where the manifest says, and ships in the package', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { l10n?: string };
    assert.equal(manifest.l10n, './l10n');
    const ignore = fs.readFileSync(path.join(ROOT, '.vscodeignore'), 'utf8').split('\n');
    assert.ok(ignore.includes('!l10n/**'), '.vscodeignore keeps l10n/');
    assert.ok(ignore.includes('!package.nls*.json'), '.vscodeignore keeps package.nls.json');
  });
});
