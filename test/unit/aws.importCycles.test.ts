// No import circles in src/aws, type-only imports included: a circle (connection → sdkLoader →
// sdk → organizationSource → connection) means no file of it can be understood, moved or
// bundled on its own.
import * as assert from 'assert/strict';
import * as path from 'path';
import { importCycles, importGraph } from '../support/importGraph';

const AWS = path.resolve(__dirname, '../../../src/aws');

describe('src/aws import graph', () => {
  it('finds a circle when there is one (the check can fail)', () => {
    const graph = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['c.ts']],
      ['c.ts', ['a.ts']],
      ['d.ts', ['a.ts', 'd.ts']],
      ['e.ts', ['a.ts']],
    ]);
    assert.deepEqual(importCycles(graph).sort(), [['a.ts', 'b.ts', 'c.ts'], ['d.ts']]);
  });

  it('reads type-only imports, type queries and subfolders', () => {
    const graph = importGraph(AWS);
    // `import type` only, from a subfolder:
    assert.ok(graph.get('connection.ts')?.includes('sdk/connectionTypes.ts'), `connection.ts → ${graph.get('connection.ts')?.join(', ')}`);
    // sdkLoader.ts names the SDK entry only in `typeof import('./sdk/index')` and a require:
    assert.ok(graph.get('sdkLoader.ts')?.includes('sdk/index.ts'), `sdkLoader.ts → ${graph.get('sdkLoader.ts')?.join(', ')}`);
  });

  it('has no circles, type-only imports included', () => {
    const cycles = importCycles(importGraph(AWS));
    assert.deepEqual(cycles, [], `import circles in src/aws:\n${cycles.map((c) => `  ${c.join(' ↔ ')}`).join('\n')}`);
  });
});
