// Commands act on targets (src/features/commands/targets.ts), not on tree rows: they may name a few
// things of the explorer (the provider, the view state, reveal) but never test a row's class.
// Reads the sources, so a new import or `instanceof` fails here before review.
import * as assert from 'assert/strict';
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '../../..');
const COMMANDS_DIR = path.join(ROOT, 'src/features/commands');
const MAX_EXPLORER_IMPORTS = 8;

interface ExplorerImport {
  readonly file: string;
  readonly from: string;
  readonly names: readonly string[];
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

/** Every import (static, `export … from`, or dynamic) of a module under src/explorer. */
function explorerImports(file: string): ExplorerImport[] {
  const text = fs.readFileSync(file, 'utf8');
  const found: ExplorerImport[] = [];
  const statement = /(?:import|export)\s+(?:type\s+)?([^;]*?)\s+from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;
  for (const match of text.matchAll(statement)) {
    const from = match[2] ?? match[3];
    const resolved = path.resolve(path.dirname(file), from);
    if (!resolved.startsWith(path.join(ROOT, 'src/explorer'))) continue;
    const clause = match[1] ?? '';
    const names = [...clause.replace(/\btype\b/g, '').matchAll(/([A-Za-z_$][\w$]*)(?:\s+as\s+([A-Za-z_$][\w$]*))?/g)].map((m) => m[2] ?? m[1]);
    found.push({ file: path.relative(ROOT, file), from, names });
  }
  return found;
}

describe('src/commands and the explorer', () => {
  const files = sourceFiles(COMMANDS_DIR);
  const imports = files.flatMap(explorerImports);

  it(`at most ${MAX_EXPLORER_IMPORTS} imports from src/explorer`, () => {
    assert.ok(files.length > 10, `read ${files.length} command files`);
    assert.ok(
      imports.length <= MAX_EXPLORER_IMPORTS,
      `${imports.length} imports from src/explorer:\n${imports.map((i) => `  ${i.file}: ${i.from} (${i.names.join(', ')})`).join('\n')}`,
    );
  });

  it('no instanceof on anything imported from src/explorer', () => {
    const offences = imports.flatMap(({ file, names }) => {
      const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
      return names.filter((name) => new RegExp(`instanceof\\s+${name.replace(/\$/g, '\\$')}\\b`).test(text)).map((name) => `${file}: instanceof ${name}`);
    });
    assert.deepEqual(offences, []);
  });

  it('the checker sees an explorer import and its instanceof (self-check on a sample)', () => {
    const sample = path.join(COMMANDS_DIR, '__sample.ts');
    fs.writeFileSync(sample, "import { UserNode } from '../../explorer/nodes/userNode';\nexport const isUser = (x: unknown) => x instanceof UserNode;\n");
    try {
      assert.deepEqual(explorerImports(sample).map((i) => i.names), [['UserNode']]);
    } finally {
      fs.unlinkSync(sample);
    }
  });
});
