/// <reference lib="dom" />
// Issue 25, what the eye meets: the view title reads "IAM Access Keys" once (view name =
// container title; VS Code then shows it once), not "IAM ACCESS KEYS: ACC…" cut behind its
// icons, and Add Profile… sits in "…"; key rows at the default sidebar width lead with their
// health. Screenshots of each (the explorer one is the README's picture, docs/explorer.png).
import * as assert from 'assert/strict';
import { BUILT_IN_IDENTITIES } from '../emulator/identities';
import { useDemoWorkbench } from './demoWorkbench';

describe('UI: the remaining newcomer items (view title bar, key rows)', () => {
  const { wb, emulator } = useDemoWorkbench();

  it('the view title reads "IAM Access Keys" in full, beside four icons and "…" (Add Profile… is in "…")', async () => {
    await wb().openContainer();
    await wb().treeItem(BUILT_IN_IDENTITIES.caller.profile).waitFor();
    const titleBar = wb().page.locator('.part.sidebar .composite.title');
    const heading = titleBar.locator('h2').first();
    assert.equal(((await heading.textContent()) ?? '').trim(), 'IAM Access Keys');
    const cut = await heading.evaluate((el) => el.scrollWidth > el.clientWidth);
    assert.equal(cut, false, 'the title is cut');
    const labels = await titleBar.locator('.title-actions .action-item .action-label').evaluateAll((items) => items.map((i) => i.getAttribute('aria-label') ?? ''));
    assert.ok(labels.length >= 2 && labels.length <= 5, labels.join(' | '));
    assert.ok(!labels.some((l) => /Add Profile/.test(l)), labels.join(' | '));
    await wb().screenshot('newcomer-view-title');
  });

  it('key rows at the default sidebar width show the first finding and the end of the ID in full (README picture)', async () => {
    // A user of the demo with an Active key older than 90 days (from the endpoint's own data).
    const store = emulator().store;
    const old = store.users().find((u) => u.userName !== BUILT_IN_IDENTITIES.caller.userName && store.keysOf({ kind: 'user', user: u }).some((k) => k.status === 'Active' && Date.now() - k.createDate.getTime() > 100 * 86_400_000));
    assert.ok(old, 'a demo user with an old Active key');
    const key = store.keysOf({ kind: 'user', user: old }).find((k) => k.status === 'Active' && Date.now() - k.createDate.getTime() > 100 * 86_400_000)!;
    await wb().expand('Users');
    await wb().expand(new RegExp(`^${old.userName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    const row = wb().treeItem(key.accessKeyId);
    await row.waitFor();
    // The label (first finding, last 4 characters of the ID) must be whole at the
    // default width: its right edge inside the row's clipping box, which ends in "…" when cut.
    const name = row.locator('.label-name');
    const shown = ((await name.textContent()) ?? '').trim();
    assert.equal(shown, `Rotation due · …${key.accessKeyId.slice(-4)}`, shown);
    assert.match((await row.locator('.label-description').textContent()) ?? '', /(^| · )Active · /);
    const clipped = await name.evaluate((el) => {
      const box = el.closest('.monaco-icon-label-container') ?? el.parentElement!;
      return el.getBoundingClientRect().right > box.getBoundingClientRect().right + 0.5 || el.scrollWidth > el.clientWidth + 1;
    });
    assert.equal(clipped, false, `the label "${shown}" is cut at the default sidebar width`);
    // The full ID is still the row's accessible name.
    assert.match((await row.getAttribute('aria-label')) ?? '', new RegExp(key.accessKeyId));
    // User rows say no "created N days ago" (their tooltip does).
    const userRow = wb().treeItem(old.userName, { exact: true });
    assert.doesNotMatch((await userRow.locator('.label-description').textContent()) ?? '', /created|days ago/);
    await wb().page.mouse.move(700, 500);
    await wb().screenshot('newcomer-explorer');
  });
});
