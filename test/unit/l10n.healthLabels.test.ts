// Every health rule's label reaches translators: it is a key of l10n/bundle.l10n.json, and the
// tree's label table (src/explorer/ruleLabels.ts) says the same English text as the rule.
import * as assert from 'assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { HEALTH_RULES } from '../../src/core/keyHealth';

const ROOT = path.resolve(__dirname, '../../..');

describe('l10n: health rule labels', () => {
  it('every rule label is in the bundle, and the tree\'s table has it as a literal vscode.l10n.t string', () => {
    const bundle = JSON.parse(fs.readFileSync(path.join(ROOT, 'l10n', 'bundle.l10n.json'), 'utf8')) as Record<string, unknown>;
    const table = fs.readFileSync(path.join(ROOT, 'src', 'explorer', 'ruleLabels.ts'), 'utf8');
    for (const rule of HEALTH_RULES) {
      assert.ok(rule.label in bundle, `"${rule.label}" (${rule.code}) is not in l10n/bundle.l10n.json`);
      const line = new RegExp(`'?${rule.code}'?: \\(\\) => vscode\\.l10n\\.t\\('${rule.label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}'\\)`);
      assert.match(table, line, `${rule.code}: the table's label differs from the rule's`);
    }
  });
});
