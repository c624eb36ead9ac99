/// <reference lib="dom" />
// Issue #14 in the real workbench (headless Chromium): a workspace scan cancelled from its
// progress notification, and the Key health report webview drawn in a light and a dark theme.
import * as assert from 'assert/strict';
import type { FrameLocator } from 'playwright-core';
import { BUILT_IN_IDENTITIES, credentialsFileText } from '../emulator/identities';
import { startIamEmulator, type IamEmulator } from '../emulator/index';
import { makeSecretAccessKey } from '../emulator/keyIds';
import { SeededRandom } from '../emulator/random';
import { useDemoWorkbench } from './demoWorkbench';
import { useWorkbench, waitUntil } from './workbench';

const DAY = 86_400_000;

describe('UI: Scan Workspace for Leaked Access Keys, cancelled from its notification', () => {
  // Enough files that the scan is still reading when Cancel is clicked: one secret in each, so
  // findings and errors count the files read, and no lookup is needed.
  const FILES = 20_000;
  const secret = makeSecretAccessKey(new SeededRandom(1414));
  const workspaceFiles: Record<string, string> = {};
  for (let i = 0; i < FILES; i++) workspaceFiles[`bulk/d${String(Math.floor(i / 200)).padStart(3, '0')}/f${i}.env`] = `AWS_SECRET_ACCESS_KEY=${secret}\n`;

  const { wb } = useDemoWorkbench({ workspaceFiles, viewport: { width: 1400, height: 900 } });

  it('Cancel in the progress notification stops the scan; the summary says cancelled, with the partial counts', async () => {
    const page = wb().page;
    await wb().runCommand('IAM Access Keys: Scan Workspace for Leaked Access Keys');
    const progress = page.locator('.notification-toast').filter({ hasText: 'Scanning the workspace for leaked access keys' });
    // Cancel once files are being read (the count moves), not while the files are still listed.
    await waitUntil(async () => /[1-9]\d* of \d+ files/.test((await progress.textContent().catch(() => '')) ?? ''), {
      timeout: 60_000,
      interval: 50,
      message: 'the scan to report files read',
    });
    await progress.getByRole('button', { name: 'Cancel' }).click();
    const summary = page.locator('.notification-toast').filter({ hasText: /Scanned \d+ files/ });
    await summary.waitFor({ timeout: 60_000 });
    const text = (await summary.textContent()) ?? '';
    const m = /Scanned (\d+) files: (\d+) leaked credentials, (\d+) of them errors \(cancelled\)\./.exec(text);
    assert.ok(m, text);
    const [files, findings, errors] = [Number(m[1]), Number(m[2]), Number(m[3])];
    assert.ok(files > 0 && files < FILES, `${files} of ${FILES} files scanned`);
    // One secret per bulk file read, each an Error; the fixture workspace's README.md and
    // keys.txt (documentation example IDs only) may be among the files read, with nothing to report.
    assert.equal(errors, findings, 'each finding an Error');
    assert.ok(findings <= files && findings >= files - 2, `${findings} leaked credentials in ${files} files read`);
    await wb().screenshot('issue14-scan-cancel');
  });
});

/**
 * The Key health report in a light theme, then in a dark one: the same report follows a theme
 * change made in the user settings while it is open (charts drawn, per-control counts shown).
 */
describe('UI: Key health report in a light and a dark theme', () => {
  // 10 users whose key is 200 days old (rotation due: IAM.3) and 10 whose key is 10 days old.
  const ROTATION_DUE = 10;
  let emulator: IamEmulator;
  before(async () => {
    emulator = await startIamEmulator({ port: 0, users: 0, seed: 1 });
    const recently = { date: new Date(Date.now() - DAY), serviceName: 's3', region: 'us-east-1' };
    for (let i = 0; i < 2 * ROTATION_DUE; i++) {
      const userName = `report-user-${String(i).padStart(2, '0')}`;
      emulator.store.addUser({ userName });
      emulator.store.addAccessKey(userName, { createDate: new Date(Date.now() - (i < ROTATION_DUE ? 200 : 10) * DAY), lastUsed: recently });
    }
  });
  after(() => emulator?.close());

  const wb = useWorkbench(() => ({
    userSettings: {
      'iamKeys.endpoint': emulator.url,
      'iamKeys.profile': BUILT_IN_IDENTITIES.caller.profile,
      'iamKeys.rotationWarningDays': 90,
      'workbench.colorTheme': 'Default Light Modern',
    },
    awsCredentials: credentialsFileText(),
    viewport: { width: 1400, height: 1000 },
  }));

  // The webview's document is two iframes deep: the host frame, then the active frame.
  const report = (): FrameLocator => wb().page.frameLocator('iframe.webview').frameLocator('#active-frame');

  /** The workbench tells the webview its theme kind by a class on <body>; waits for `kind`. */
  async function themeKind(kind: 'vscode-light' | 'vscode-dark'): Promise<void> {
    await waitUntil(async () => new RegExp(`\\b${kind}\\b`).test((await report().locator('body').getAttribute('class')) ?? ''), { timeout: 30_000, message: `the report's body has ${kind}` });
  }

  async function assertDrawn(screenshot: string): Promise<void> {
    for (const id of ['controls-chart', 'age-chart', 'last-used-chart']) {
      const size = await report().locator(`canvas#${id}`).evaluate((canvas: HTMLCanvasElement) => [canvas.width, canvas.height, canvas.getBoundingClientRect().width, canvas.getBoundingClientRect().height]);
      assert.ok(size.every((n) => n > 0), `${id}: ${size.join(' × ')}`);
    }
    const rows = await report().locator('#controls tbody tr').evaluateAll((trs: HTMLTableRowElement[]) => trs.map((tr) => Array.from(tr.cells, (td) => td.textContent ?? '')));
    assert.ok(rows.length > 0, 'control rows');
    for (const row of rows) assert.match(row[2] ?? '', /^\d+$/, row.join(' | '));
    const iam3 = rows.find((row) => row[0] === 'IAM.3');
    assert.ok(iam3, rows.map((row) => row.join(' | ')).join('\n'));
    // The seeded keys due for rotation, plus any of the emulator's built-in identities.
    assert.ok(Number(iam3[2]) >= ROTATION_DUE, iam3.join(' | '));
    // Each chart's numbers as a table a screen reader reads (a <details> under the chart).
    const tableRows = (id: string): Promise<string[][]> =>
      report().locator(`figure:has(canvas) details table#${id} tbody tr`).evaluateAll((trs: HTMLTableRowElement[]) => trs.map((tr) => Array.from(tr.cells, (cell) => cell.textContent ?? '')));
    const controlData = await tableRows('controls-data');
    assert.deepEqual(controlData.find((row) => row[0] === 'IAM.3'), [iam3[0], iam3[2]], 'the controls chart\'s table says what the Controls table says');
    const sum = (rows: string[][]): number => rows.reduce((n, row) => n + Number(row[1]), 0);
    const [age, lastUsed] = [await tableRows('age-data'), await tableRows('last-used-data')];
    assert.ok(age.length >= 5 && lastUsed.length >= 5, `${age.length} age rows, ${lastUsed.length} last-use rows`);
    assert.ok(sum(age) >= ROTATION_DUE, `age table: ${age.map((row) => row.join(' ')).join(', ')}`);
    assert.equal(sum(lastUsed), sum(age), 'both tables count every active key once');
    await wb().screenshot(screenshot);
  }

  it('Default Light Modern: draws the three charts and the count of keys failing each control', async () => {
    await wb().runCommand('IAM Access Keys: Show Key Health Report');
    await report().locator('body[data-rendered="true"]').waitFor({ timeout: 60_000 });
    await themeKind('vscode-light');
    await assertDrawn('issue14-report-light');
  });

  it('Dark Modern, chosen with Preferences: Color Theme while the report is open: the report follows', async () => {
    // The palette's command opens the theme picker in the same widget (runCommand waits for it to close).
    const picker = wb().page.locator('.quick-input-widget');
    await wb().page.keyboard.press('F1');
    await picker.locator('input.input').fill('>Preferences: Color Theme');
    await picker.getByRole('option', { name: /^Preferences: Color Theme/ }).first().click();
    await picker.locator('input.input').fill('Dark Modern');
    await picker.getByRole('option', { name: /^Dark Modern/ }).first().waitFor();
    await wb().page.keyboard.press('Enter');
    await themeKind('vscode-dark');
    await report().locator('body[data-rendered="true"]').waitFor({ timeout: 60_000 });
    await assertDrawn('issue14-report-dark');
  });
});
