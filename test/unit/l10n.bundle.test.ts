// Every string the extension passes to vscode.l10n.t() is in l10n/bundle.l10n.json, the file
// translators start from. The strings are read from src/ with @vscode/l10n-dev, the tool that
// writes the bundle (`npm run l10n`), so a new or changed string fails here until exported.
// Manifest strings: package.json says %key%, package.nls.json has the English text.
import * as assert from 'assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { getL10nJson } from '@vscode/l10n-dev';

const ROOT = path.resolve(__dirname, '../../..');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

describe('l10n bundle', () => {
  it('holds every vscode.l10n.t string in src/', async function () {
    this.timeout(120_000); // the extractor parses every file with tree-sitter
    const files = sourceFiles(path.join(ROOT, 'src')).map((file) => ({ extension: '.ts', contents: fs.readFileSync(file, 'utf8') }));
    const used = await getL10nJson(files);
    const usedKeys = Object.keys(used);
    assert.ok(usedKeys.length > 50, `only ${usedKeys.length} strings found in src/: is the extraction broken?`);
    const bundle = JSON.parse(fs.readFileSync(path.join(ROOT, 'l10n', 'bundle.l10n.json'), 'utf8')) as Record<string, unknown>;
    const missing = usedKeys.filter((key) => !(key in bundle));
    assert.deepEqual(missing, [], "strings missing from l10n/bundle.l10n.json: run 'npm run l10n'");
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
