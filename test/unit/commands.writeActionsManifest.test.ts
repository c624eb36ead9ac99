// The write switch in package.json: off by default, user-level only, restricted in untrusted
// workspaces, and every menu or palette entry of a write command hidden while it is off.
import * as assert from 'assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { CommandIds, WRITE_COMMAND_IDS, writesInAws } from '../../src/commands/commandIds';
import { type ConfigurationContribution, contributedSettings } from '../support/manifestSettings';
// contextValues.ts imports vscode; its writeActionsAllowed key, spelled out:
const WRITE_CONTEXT_KEY = 'iamKeys.writeActionsAllowed';

const ROOT = path.resolve(__dirname, '../../..');
// The commands that change keys in AWS, spelled out: the declaration in commandIds.ts must match.
const WRITE_COMMANDS: string[] = [CommandIds.rotateAccessKey, CommandIds.deactivateAccessKey, CommandIds.activateAccessKey, CommandIds.deleteAccessKey, CommandIds.createAccessKey];

interface Manifest {
  contributes: { configuration: ConfigurationContribution; menus: Record<string, Array<{ command?: string; when?: string }>> };
  capabilities: { untrustedWorkspaces: { restrictedConfigurations: string[] } };
}

describe('write actions in the manifest', () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as Manifest;

  it('iamKeys.allowWriteActions: boolean, default false, application scope, restricted', () => {
    const setting = contributedSettings(manifest)['iamKeys.allowWriteActions'];
    assert.deepEqual([setting?.type, setting?.default, setting?.scope], ['boolean', false, 'application']);
    assert.ok(manifest.capabilities.untrustedWorkspaces.restrictedConfigurations.includes('iamKeys.allowWriteActions'));
  });

  it('the write commands are declared as such beside their IDs (the switch is checked by that declaration), and no other', () => {
    assert.deepEqual([...WRITE_COMMAND_IDS].sort(), [...WRITE_COMMANDS].sort());
    assert.equal(writesInAws(CommandIds.deleteAccessKey), true);
    assert.equal(writesInAws(CommandIds.copyAccessKeyId), false);
  });

  it('every menu and palette entry of a write command requires the context key; each is in the palette list', () => {
    const key = WRITE_CONTEXT_KEY;
    for (const [menu, entries] of Object.entries(manifest.contributes.menus)) {
      for (const entry of entries.filter((e) => e.command && WRITE_COMMANDS.includes(e.command))) {
        assert.ok(entry.when?.includes(key), `${menu}: ${entry.command} when "${entry.when}" lacks ${key}`);
        assert.ok(!entry.when?.includes(`!${key}`), `${menu}: ${entry.command} must not show when off`);
      }
    }
    const palette = manifest.contributes.menus.commandPalette.map((e) => e.command);
    for (const id of WRITE_COMMANDS) assert.ok(palette.includes(id), `${id} is hidden from the palette while off`);
  });
});
