// The pseudo-locale check of a modal dialog. VS Code refuses to show dialogs in a window running
// an extension test suite (its DialogService: "refused to show dialog in tests"; the modal then
// resolves undefined), so the in-host pseudo-locale suite cannot see one: here the pseudo
// extension (test/host/pseudoLocaleRun.ts) runs in a plain qps-ploc workbench, Rotate Access Key…
// is run from the palette, and the confirmation's message, detail and buttons are read from the
// page (test/host/workbenchText.ts), required to be pseudo-translated, and cancelled.
import * as assert from 'assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Browser } from 'playwright-core';
import { BUILT_IN_IDENTITIES, credentialsFileText } from '../emulator/identities';
import { startIamEmulator, type IamEmulator } from '../emulator/index';
import { launchChromium } from '../host/browser';
import { startCodeServer, workbenchUrl, type CodeServer } from '../host/codeServer';
import { PSEUDO_LOCALE, pseudoLocalizedExtension } from '../host/pseudoLocaleRun';
import { readWorkbenchText } from '../host/workbenchText';
import { englishIn } from '../support/pseudoEnglish';
import { until } from '../support/wait';

const PROFILE = BUILT_IN_IDENTITIES.caller.profile;
const KEY = BUILT_IN_IDENTITIES.caller.credentials.accessKeyId;
const PSEUDO = /[\u0100-\u024f\u1e00-\u1eff]/;

describe('UI: pseudo-locale qps-ploc, a modal dialog', function () {
  this.timeout(240_000);
  let emulator: IamEmulator | undefined;
  let server: CodeServer | undefined;
  let browser: Browser | undefined;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'iamkeys-pseudo-dialog-'));
  after(async () => {
    await browser?.close().catch(() => undefined);
    await server?.stop();
    await emulator?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('Rotate Access Key…\'s confirmation: message, detail and button pseudo-translated; Cancel sends nothing', async () => {
    emulator = await startIamEmulator({ port: 0, seed: 26 });
    const extension = pseudoLocalizedExtension(dir);
    const workspaceFolder = path.join(dir, 'workspace');
    fs.mkdirSync(workspaceFolder);
    server = await startCodeServer({
      workspaceFolder,
      locale: PSEUDO_LOCALE,
      userSettings: { 'iamKeys.endpoint': emulator.url, 'iamKeys.profile': PROFILE, 'iamKeys.allowWriteActions': true },
      awsCredentials: credentialsFileText(),
    });
    browser = await launchChromium();
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    await page.goto(workbenchUrl(server, { workspaceFolder, extensionDevelopmentPath: extension }), { timeout: 120_000 });
    const nls = JSON.parse(fs.readFileSync(path.join(extension, `package.nls.${PSEUDO_LOCALE}.json`), 'utf8')) as Record<string, string>;
    const title = nls['command.iamKeys.rotateAccessKey.title'];
    assert.ok(title && PSEUDO.test(title), `the pseudo title of Rotate Access Key…: ${title}`);

    // The activity bar tab shows once the extension's contributions are registered.
    await page.getByRole('tab', { name: nls['viewsContainer.iamKeys.title'] }).waitFor({ timeout: 60_000 });
    // The command shows in the palette once activation has set iamKeys.writeActionsAllowed; the
    // option's name starts with the category ("ĪȦḾ Ȧƈƈḗḗşş Ķḗḗẏş: …").
    const quick = page.locator('.quick-input-widget');
    const option = quick.getByRole('option', { name: title });
    await until(async () => {
      await page.keyboard.press('Escape');
      await page.keyboard.press('F1');
      await page.keyboard.type(title);
      return option.first().waitFor({ timeout: 3_000 }).then(() => true, () => false);
    }, 'Rotate Access Key… in the command palette', 60_000, 500);
    await option.first().click();
    // The profile pick (data), then the modal.
    await quick.getByRole('option', { name: new RegExp(`^${PROFILE}`) }).first().click({ timeout: 30_000 });
    const box = page.locator('.monaco-dialog-box');
    await box.waitFor({ timeout: 30_000 });
    await until(async () => (await readWorkbenchText(page)).some((t) => t.kind === 'dialog' && t.where === 'detail'), 'the dialog detail', 10_000, 100);
    const texts = (await readWorkbenchText(page)).filter((t) => t.kind === 'dialog');
    assert.deepEqual(texts.map((t) => t.where).sort(), ['button', 'detail', 'message'], JSON.stringify(texts));
    const credentialsFile = server.awsCredentialsFile;
    const leftovers = texts.flatMap((t) => {
      // The file path first: englishIn's IAM-path rule would otherwise leave its last part.
      const english = englishIn(t.text.split(credentialsFile).join(' '), [PROFILE, KEY]);
      return english.length > 0 ? [`dialog ${t.where}: "${t.text}" (English: ${english.join(' ')})`] : [];
    });
    for (const t of texts) assert.match(t.text, PSEUDO, `dialog ${t.where} pseudo-translated`);
    await box.locator('.dialog-buttons .monaco-button', { hasText: /^\s*Cancel\s*$/ }).click();
    await box.waitFor({ state: 'detached', timeout: 10_000 });
    assert.deepEqual(leftovers, [], 'a dialog showing English');
    assert.deepEqual(emulator.writeLog(), [], 'Cancel sends nothing');
  });
});
