/**
 * UI test fixture: the real VS Code workbench (code-server) with this extension loaded,
 * driven by headless Chromium through playwright-core. Mocha on Node, config
 * test/.mocharc.ui.json (files: out/test/ui/**\/*.ui.test.js, timeout 120 s).
 *
 * Usage in a *.ui.test.ts file:
 *
 *   import { useWorkbench } from './workbench';
 *   describe('explorer', () => {
 *     let endpoint = '';
 *     before(async () => { endpoint = ... });              // registered before useWorkbench's hook
 *     const wb = useWorkbench(() => ({ userSettings: { 'iamKeys.endpoint': endpoint } }));
 *     it('shows users', async () => {
 *       await wb().openContainer();
 *       await wb().treeItem('Users').waitFor();
 *       await wb().screenshot('users');
 *     });
 *   });
 *
 * API
 *   useWorkbench(options | () => options): () => Workbench
 *       mocha before/after hooks: one workbench per describe(); a failing test also saves
 *       test-results/screenshots/failed-<test title>.png. With iamKeys.profile set, before()
 *       fails (and saves workbench-without-rows-<suite>.png) when the view shows no row.
 *   openWorkbench(options?): Promise<Workbench>        (manual lifecycle; call close())
 *   waitUntil(predicate, { timeout?, interval?, message? })   poll a Node-side condition
 *   WorkbenchOptions: { userSettings?, env?, workspaceFiles?: {relPath: content},
 *                       awsConfig?, awsCredentials?, viewport?, extensionDevelopmentPath? }
 *       The temp workspace starts with test/host/fixtures/workspace/ plus workspaceFiles.
 *       env reaches the extension host; AWS_* from the outer environment never do.
 *   Workbench
 *     page, server, workspaceFolder                    raw access when a helper is missing
 *     tree: Locator                                    the "IAM Access Keys" tree
 *     openContainer()                                  show the IAM Access Keys side bar
 *     treeItem(name, { exact? }): Locator             a row of our tree by label or aria-label
 *     treeLabels(): Promise<string[]>                  visible row labels, top to bottom
 *     expand(name)                                     expand a row (never runs its command)
 *     expectTreeRows(screenshotName, timeout?)         a row shows, else a screenshot and a failure
 *     runCommand(title)                                F1, pick the entry labelled `title`
 *     openFile(relPath) / goTo(line, column?)          open a workspace file, move the cursor
 *     showHover(): Promise<Locator>                    "Show or Focus Hover" at the cursor
 *     screenshot(name): Promise<string>                test-results/screenshots/<name>.png
 *     settle()                                         wait for fade-in animations to end
 *     close()                                          page, context, browser, then server
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { launchChromium } from '../host/browser';
import { REPO_ROOT, startCodeServer, workbenchUrl, type CodeServer } from '../host/codeServer';
import { until } from '../support/wait';

export interface WorkbenchOptions {
  /**
   * Settings the server starts with (e.g. 'iamKeys.endpoint', 'iamKeys.profile'), each in the
   * file a remote window reads it from: machine-scoped ones in Machine/settings.json.
   */
  userSettings?: Record<string, unknown>;
  /** Environment of code-server and so of the extension host. */
  env?: Record<string, string>;
  /** Extra files for the temp workspace, relative path → content. */
  workspaceFiles?: Record<string, string>;
  /** Contents of the AWS shared config/credentials files the host sees (default empty). */
  awsConfig?: string;
  awsCredentials?: string;
  viewport?: { width: number; height: number };
  /** Extension folder to load (default: this repo). */
  extensionDevelopmentPath?: string;
}

export const SCREENSHOT_DIR = path.join(REPO_ROOT, 'test-results', 'screenshots');
const FIXTURES = path.join(REPO_ROOT, 'test', 'host', 'fixtures', 'workspace');
const CONTAINER_TITLE = /IAM Access Keys/;
// The same as the container's title: VS Code then shows it once ("IAM ACCESS KEYS", not "IAM ACCESS KEYS: ACCESS KEYS" cut behind the icons).
const VIEW_NAME = 'IAM Access Keys';

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export class Workbench {
  readonly tree: Locator;

  private constructor(
    readonly page: Page,
    readonly server: CodeServer,
    readonly workspaceFolder: string,
    private readonly browser: Browser,
    private readonly context: BrowserContext,
  ) {
    this.tree = page.getByRole('tree', { name: VIEW_NAME, exact: true });
  }

  static async open(options: WorkbenchOptions = {}): Promise<Workbench> {
    const workspaceFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'iamkeys-uiws-'));
    if (fs.existsSync(FIXTURES)) fs.cpSync(FIXTURES, workspaceFolder, { recursive: true });
    for (const [rel, content] of Object.entries(options.workspaceFiles ?? {})) {
      fs.mkdirSync(path.dirname(path.join(workspaceFolder, rel)), { recursive: true });
      fs.writeFileSync(path.join(workspaceFolder, rel), content);
    }
    let server: CodeServer | undefined;
    let browser: Browser | undefined;
    try {
      server = await startCodeServer({ workspaceFolder, ...options });
      browser = await launchChromium();
      const context = await browser.newContext({ viewport: options.viewport ?? { width: 1280, height: 800 } });
      const page = await context.newPage();
      const wb = new Workbench(page, server, workspaceFolder, browser, context);
      // The page load event can take over the 30 s default on a busy 2-core machine.
      await page.goto(workbenchUrl(server, { workspaceFolder, extensionDevelopmentPath: options.extensionDevelopmentPath }), { timeout: 120_000 });
      // The activity-bar entry appears once the extension's contributions are registered.
      await page.getByRole('tab', { name: CONTAINER_TITLE }).waitFor({ timeout: 60_000 });
      return wb;
    } catch (err) {
      await browser?.close().catch(() => undefined);
      await server?.stop();
      fs.rmSync(workspaceFolder, { recursive: true, force: true });
      throw err;
    }
  }

  /** Shows the IAM Access Keys container (clicking its tab again would hide the side bar). */
  async openContainer(): Promise<void> {
    if (!(await this.tree.isVisible())) {
      await this.page.getByRole('tab', { name: CONTAINER_TITLE }).click();
      await this.page.mouse.move(700, 500); // away from the tab, so its tooltip doesn't show in screenshots
    }
    await this.tree.waitFor();
  }

  /**
   * A row of the Access Keys tree whose visible label or accessible name matches `name`
   * (case-insensitive substring unless exact, or a RegExp). Both, because a TreeItem with
   * accessibilityInformation gets an aria-label that differs from its label.
   */
  treeItem(name: string | RegExp, options: { exact?: boolean } = {}): Locator {
    const text =
      typeof name !== 'string' ? name : options.exact ? new RegExp(`^${escapeRegExp(name)}$`) : new RegExp(escapeRegExp(name), 'i');
    const byLabel = this.tree.getByRole('treeitem').filter({ has: this.page.locator('.label-name', { hasText: text }) });
    return this.tree.getByRole('treeitem', { name, exact: options.exact }).or(byLabel).first();
  }

  /** Visible labels of the rendered rows, top to bottom (collapsed children aren't rendered). */
  async treeLabels(): Promise<string[]> {
    return this.tree.getByRole('treeitem').locator('.label-name').allInnerTexts();
  }

  /** Expands a collapsed row via its twistie, so a row's command does not run. */
  async expand(name: string | RegExp): Promise<void> {
    const row = this.treeItem(name);
    if ((await row.getAttribute('aria-expanded')) === 'true') return;
    await row.locator('.monaco-tl-twistie').click();
    // The locator, not an element handle: the row is drawn anew when its description changes
    // (e.g. a user's key count arrives), and a handle would keep watching the old element.
    await until(async () => (await row.getAttribute('aria-expanded')) === 'true', `the row ${String(name)} to expand`, 30_000, 100);
  }

  /** Shows the container and waits for a row of the Access Keys tree; without one, saves `screenshotName` and throws. */
  async expectTreeRows(screenshotName: string, timeout = 60_000): Promise<void> {
    try {
      // Not openContainer(): with the welcome view in place of the tree, it would click the
      // tab of the selected container and so hide the side bar.
      const tab = this.page.getByRole('tab', { name: CONTAINER_TITLE });
      if ((await tab.getAttribute('aria-selected')) !== 'true') await tab.click();
      await this.page.mouse.move(700, 500);
      await this.tree.getByRole('treeitem').first().waitFor({ timeout });
    } catch (err) {
      const file = await this.screenshot(screenshotName).catch(() => 'no screenshot');
      throw new Error(`The Access Keys view shows no row within ${timeout / 1000} s (${file}): ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  /** Runs a command from the F1 palette by its label as shown there ("Category: Title"). */
  async runCommand(title: string): Promise<void> {
    const widget = await this.quickInput('>' + title);
    const entry = widget.getByRole('option', { name: new RegExp(`^${escapeRegExp(title)}(,|$)`) }).first();
    try {
      await entry.click({ timeout: 10_000 });
    } catch {
      await this.page.keyboard.press('Escape');
      throw new Error(`Command "${title}" not found in the command palette`);
    }
    await widget.waitFor({ state: 'hidden' });
  }

  /** Opens a workspace file with Quick Open and waits for its editor tab. */
  async openFile(relativePath: string): Promise<void> {
    const widget = await this.quickInput(relativePath);
    await widget.getByRole('option').first().waitFor();
    await this.page.keyboard.press('Enter');
    await this.page.locator('.tabs-container').getByRole('tab', { name: path.basename(relativePath) }).first().waitFor();
  }

  /** Moves the cursor of the active editor (1-based line and column). */
  async goTo(line: number, column = 1): Promise<void> {
    await this.quickInput(`:${line}:${column}`);
    await this.page.keyboard.press('Enter');
  }

  /** Runs "Show or Focus Hover" at the cursor (mouse hovers don't work headless). */
  async showHover(): Promise<Locator> {
    await this.runCommand('Show or Focus Hover');
    const hover = this.page.locator('.monaco-editor .monaco-hover:not(.hidden)').first();
    await hover.waitFor();
    await this.settle(); // the hover fades in
    return hover;
  }

  /** Saves a PNG of the page to test-results/screenshots/<name>.png and returns its path. */
  async screenshot(name: string): Promise<string> {
    fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await this.settle();
    const file = path.join(SCREENSHOT_DIR, `${name.replace(/[^\w.-]+/g, '-')}.png`);
    await this.page.screenshot({ path: file });
    return file;
  }

  /** Page and context before the browser (else the server waits for a reconnect), then the server. */
  async close(): Promise<void> {
    await this.page.close().catch(() => undefined);
    await this.context.close().catch(() => undefined);
    await this.browser.close().catch(() => undefined);
    await this.server.stop();
    fs.rmSync(this.workspaceFolder, { recursive: true, force: true });
  }

  /** Waits (at most 1 s) for running finite CSS animations, e.g. fade-ins, to end. */
  async settle(): Promise<void> {
    // A string, because test/tsconfig.json has no DOM types; it runs in the page.
    await this.page.evaluate(`Promise.race([
      Promise.all(document.getAnimations()
        .filter((a) => a.effect && a.effect.getComputedTiming().iterations !== Infinity)
        .map((a) => a.finished.catch(() => undefined))),
      new Promise((r) => setTimeout(r, 1000)),
    ])`);
  }

  /** Opens the quick input (F1) with `value` typed in; returns the widget. */
  private async quickInput(value: string): Promise<Locator> {
    const widget = this.page.locator('.quick-input-widget');
    await this.page.keyboard.press('F1');
    const input = widget.locator('input.input');
    await input.waitFor();
    await input.fill(value);
    return widget;
  }
}

/**
 * Polls `predicate` on the Node side until it is true (default: 20 s, every 200 ms). Handy
 * instead of page.waitForFunction, whose callbacks need DOM types test/tsconfig.json lacks:
 *   await waitUntil(async () => (await wb().tree.getByRole('treeitem').count()) > before);
 */
export function waitUntil(
  predicate: () => Promise<boolean> | boolean,
  options: { timeout?: number; interval?: number; message?: string } = {},
): Promise<void> {
  return until(predicate, options.message ?? 'waitUntil condition', options.timeout ?? 20_000, options.interval ?? 200);
}

export function openWorkbench(options?: WorkbenchOptions): Promise<Workbench> {
  return Workbench.open(options);
}

/** One workbench per describe(): before() opens it, after() closes it. */
export function useWorkbench(options?: WorkbenchOptions | (() => WorkbenchOptions)): () => Workbench {
  let wb: Workbench | undefined;
  before(async function () {
    this.timeout(300_000);
    const opened = typeof options === 'function' ? options() : options;
    wb = await Workbench.open(opened);
    // With a profile set the view must show a row: a workbench without one is not the one the
    // suite asked for, and that fails here, with a picture, instead of being opened again.
    if (opened?.userSettings?.['iamKeys.profile'] !== undefined) await wb.expectTreeRows(`workbench-without-rows-${this.test?.parent?.fullTitle() ?? ''}`);
  });
  afterEach(async function () {
    if (wb && this.currentTest?.state === 'failed') {
      await wb.screenshot(`failed-${this.currentTest.fullTitle()}`).catch(() => undefined);
    }
  });
  after(async function () {
    this.timeout(60_000);
    await wb?.close();
    wb = undefined;
  });
  return () => {
    if (!wb) throw new Error('The workbench is not open (did before() fail?)');
    return wb;
  };
}
