// The typed command table against package.json: every contributed command has an entry with
// the same title, and every entry is contributed; menus name only known commands.
import * as assert from 'assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { COMMANDS, CommandIds, commandTitle } from '../../src/commands/commandIds';

const ROOT = path.resolve(__dirname, '../../..');

interface Manifest {
  contributes: { commands: Array<{ command: string; title: string }>; menus: Record<string, Array<{ command?: string }>> };
}

function manifest(): Manifest {
  return JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as Manifest;
}

/** A manifest string, with `%key%` placeholders read from package.nls.json when there is one. */
function resolveNls(value: string): string {
  const match = /^%(.+)%$/.exec(value);
  if (!match) return value;
  const nls = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.nls.json'), 'utf8')) as Record<string, string>;
  const text = nls[match[1] as string];
  assert.ok(text !== undefined, `package.nls.json has no ${match[1]}`);
  return text;
}

describe('command IDs', () => {
  it('match contributes.commands both ways, with the same titles', () => {
    const contributed = new Map(manifest().contributes.commands.map((c) => [c.command, resolveNls(c.title)]));
    const table = new Map(Object.values(COMMANDS).map((c) => [c.id as string, c.title as string]));
    assert.deepEqual([...table.keys()].sort(), [...contributed.keys()].sort());
    for (const [id, title] of table) assert.equal(title, contributed.get(id), `title of ${id}`);
  });

  it('menus name only commands of the table', () => {
    const known = new Set<string>(Object.values(COMMANDS).map((c) => c.id));
    for (const [menu, entries] of Object.entries(manifest().contributes.menus)) {
      for (const entry of entries) {
        if (entry.command) assert.ok(known.has(entry.command), `${menu} names unknown ${entry.command}`);
      }
    }
  });

  it('names a command by its title, not its ID', () => {
    assert.equal(commandTitle(CommandIds.exportAccessKeys), 'Export Access Keys…');
    assert.equal(CommandIds.findAccessKey, 'iamKeys.findAccessKey');
  });
});
