/// <reference lib="dom" />
// Issue 25 item 19: the Settings editor named every setting "Iam Keys: …". VS Code's
// settingKeyToDisplayFormat (settingsTreeModels.ts) prefixes the key's section ("iamKeys",
// wordified) unless trimCategoryForGroup finds it in the ID of the group the setting is shown
// in. With one configuration section that group is the extension's own ID, which never
// matches; titled sections with IDs "iamKeys.<topic>" make the extension's page read
// "Profile", "Hover: Enabled"… under "IAM Access Keys › Connection", etc. A text search
// (including @ext:) shows results in a group named "searchResultModel", so VS Code 1.100
// keeps the prefix there (see docs/reliability.md).
import * as assert from 'assert/strict';
import { useWorkbench } from './workbench';

describe('UI: the Settings editor\'s IAM Access Keys page names settings without "Iam Keys:"', () => {
  const wb = useWorkbench({});

  /** The rendered setting rows' titles, e.g. "Iam Keys: Profile" or "Profile". */
  async function settingTitles(): Promise<string[]> {
    const titles = wb().page.locator('.settings-editor .settings-tree-container .setting-item-title');
    await titles.first().waitFor({ timeout: 20_000 });
    return titles.evaluateAll((items) => items.map((i) => (i.textContent ?? '').replace(/\s+/g, ' ').trim()));
  }

  it('Extensions › IAM Access Keys in the table of contents: "Profile", "Profiles", "Region"…, connection settings first', async () => {
    await wb().runCommand('Preferences: Open Settings (UI)');
    const toc = wb().page.locator('.settings-editor .settings-toc-container');
    await toc.waitFor();
    const entry = (name: string) => toc.getByRole('treeitem', { name: new RegExp(`^${name}`) }).first();
    await entry('Extensions').click();
    await entry('IAM Access Keys').click();
    const titles = await settingTitles();
    await wb().screenshot('settings-iam-access-keys-connection');
    assert.ok(titles.some((t) => /^Profile\b/.test(t)), titles.join(' | '));
    assert.ok(await wb().page.locator('.settings-editor .settings-group-title-label', { hasText: /^Connection$/ }).first().isVisible(), 'the Connection section heading');
    assert.deepEqual(titles.filter((t) => /Iam Keys/i.test(t)), [], titles.join(' | '));
  });
});
