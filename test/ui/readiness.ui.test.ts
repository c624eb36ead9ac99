// What a new user, a screen-reader user and a keyboard user meet in the real workbench: the
// walkthrough (opened from the palette as Welcome: Open Walkthrough… does), a key row found by its
// accessible name, Enter and Ctrl+C on that row, and the view's "…" menu.
import * as assert from 'assert/strict';
import { BUILT_IN_IDENTITIES, credentialsFileText } from '../emulator/identities';
import { startIamEmulator, type IamEmulator } from '../emulator/index';
import { useWorkbench, waitUntil } from './workbench';

const DAY = 86_400_000;

describe('UI: ready for users', () => {
  let emulator: IamEmulator;
  let oldKey = '';
  before(async () => {
    emulator = await startIamEmulator({ port: 0, seed: 5, users: 3 });
    emulator.store.addUser({ userName: 'aa-old-key' });
    oldKey = emulator.store.addAccessKey('aa-old-key', {
      createDate: new Date(Date.now() - 200 * DAY),
      lastUsed: { date: new Date(Date.now() - DAY), serviceName: 's3', region: 'us-east-1' },
    }).accessKeyId;
  });
  after(() => emulator?.close());

  const wb = useWorkbench(() => ({
    userSettings: { 'iamKeys.endpoint': emulator.url, 'iamKeys.profile': BUILT_IN_IDENTITIES.caller.profile },
    awsCredentials: credentialsFileText(),
  }));

  it('the walkthrough opens from the palette with its four steps and a Select Profile button', async () => {
    // Welcome: Open Walkthrough… (workbench.action.openWalkthrough) asks which walkthrough.
    const widget = wb().page.locator('.quick-input-widget');
    await wb().page.keyboard.press('F1');
    await widget.locator('input.input').fill('>Welcome: Open Walkthrough');
    await widget.getByRole('option', { name: /Welcome: Open Walkthrough/ }).first().click();
    await widget.getByRole('option', { name: /Get started with IAM Access Keys/ }).first().click();
    const page = wb().page.locator('.gettingStartedContainer');
    for (const title of ['Pick an AWS profile', 'Grant the read-only policy', 'Optional: every account of your organization', 'Optional: allow rotating and changing keys']) {
      await page.getByRole('button', { name: new RegExp(title) }).first().waitFor({ timeout: 30_000 });
    }
    await page.getByRole('button', { name: 'Select Profile' }).first().waitFor();
    await wb().screenshot('readiness-walkthrough');
    // The policy step shows the policy JSON beside it.
    await page.getByRole('button', { name: /Grant the read-only policy/ }).first().click();
    await waitUntil(async () => {
      const frames = wb().page.frames();
      for (const frame of frames) if ((await frame.locator('text=iam:GetAccessKeyLastUsed').count().catch(() => 0)) > 0) return true;
      return false;
    }, { timeout: 30_000, message: 'the policy JSON in the step media' });
    await wb().screenshot('readiness-walkthrough-policy');
  });

  it('a key row is read by its accessible name with status, age and health; Enter shows its details, Ctrl+C copies its ID', async () => {
    await wb().openContainer();
    await wb().expand('Users');
    await wb().expand(/^aa-old-key/);
    const row = wb().tree.getByRole('treeitem', { name: `Access key ${oldKey}, Active, created 200 days ago, warning, Rotation due` });
    await row.waitFor({ timeout: 30_000 });
    // At the default width the row shows its health before anything is cut off.
    const shown = `${(await row.locator('.label-name').textContent()) ?? ''} | ${(await row.locator('.label-description').textContent()) ?? ''}`;
    assert.equal(shown, `Rotation due · …${oldKey.slice(-4)} | Active · 200d`);
    await wb().screenshot('readiness-key-row-accessible-name');
    await row.click();
    await wb().page.locator('.tabs-container').getByRole('tab', { name: new RegExp(`${oldKey}\\.json`) }).first().waitFor({ timeout: 30_000 });
    // The focus stayed in the tree: Ctrl+C there copies the selected row's ID (the status bar says so).
    await wb().page.keyboard.press('Control+C');
    await wb().page.locator('.statusbar').getByText(`Copied ${oldKey}`).waitFor({ timeout: 10_000 });
    await wb().screenshot('readiness-key-details-and-copy');
  });

  it('the view\'s "…" menu has Scan Workspace, and no organization command without an organization', async () => {
    await wb().openContainer();
    // The view is alone in its container: its actions are in the side bar's title.
    // Title actions show while the pointer is over the title.
    await wb().page.locator('.part.sidebar .composite.title').hover();
    await wb().page.locator('.part.sidebar .composite.title .codicon-toolbar-more').first().click();
    const menu = wb().page.locator('.monaco-menu');
    await menu.getByRole('menuitem', { name: /Scan Workspace for Leaked Access Keys/ }).waitFor({ timeout: 10_000 });
    assert.equal(await menu.getByRole('menuitem', { name: /Find Keys Needing Attention/ }).count(), 0);
    await wb().screenshot('readiness-view-menu');
    await wb().page.keyboard.press('Escape');
  });
});
