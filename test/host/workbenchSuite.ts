// A compiled test suite run in code-server's extension host: code-server started, its workbench
// opened in headless Chromium with the suite as extensionTestsPath, the suite's console lines
// collected until it exits (or the time is up), and everything stopped after, whatever failed.
// Shared by the in-host runner, the vsix install check and the pseudo-locale run.
import { format } from 'util';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from './browser';
import { startCodeServer, workbenchUrl, type CodeServer, type CodeServerOptions } from './codeServer';

// The page's load event can take over Playwright's default 30 s on a busy 2-core machine.
const GOTO_OPTIONS = { timeout: 120_000 };

export interface WorkbenchSuiteOptions {
  /** The server's options; its workspaceFolder is the folder the workbench opens. */
  readonly server: CodeServerOptions;
  /** Compiled suite entry (a module exporting `run()`). */
  readonly extensionTestsPath: string;
  /** Extension folder loaded as under development (default: this repo). */
  readonly extensionDevelopmentPath?: string;
  readonly timeoutMs: number;
  /** After the server is up, before the page opens (the extension host starts with the page). */
  readonly beforeOpen?: (server: CodeServer) => Promise<unknown>;
  /** Each line the suite logs (console.log's arguments formatted), as it arrives, with the page that shows the workbench. */
  readonly onLine?: (line: string, type: string, page: Page) => void;
  readonly onPageError?: (message: string) => void;
  /** What the server printed, once the run is over (before it stops). */
  readonly onServerOutput?: (output: string) => void;
}

export interface WorkbenchSuiteRun {
  /** Every line the suite logged. */
  readonly output: string;
  /** The workbench's exit code; undefined when the time ran out first. */
  readonly exitCode: number | undefined;
}

/** Runs the suite; throws (after stopping everything) when the server or the page could not start. */
export async function runSuiteInWorkbench(options: WorkbenchSuiteOptions): Promise<WorkbenchSuiteRun> {
  let server: CodeServer | undefined;
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;
  let page: Page | undefined;
  let output = '';
  try {
    server = await startCodeServer(options.server);
    await options.beforeOpen?.(server);
    browser = await launchChromium();
    context = await browser.newContext();
    page = await context.newPage();
    let resolveExit!: (code: number) => void;
    const exited = new Promise<number>((resolve) => (resolveExit = resolve));
    const shown = page;
    await page.exposeFunction('codeAutomationLog', (type: string, args: unknown) => {
      const line = format(...(Array.isArray(args) ? args : [args]));
      output += line + '\n';
      options.onLine?.(line, type, shown);
    });
    await page.exposeFunction('codeAutomationExit', (code: number) => resolveExit(Number(code)));
    if (options.onPageError) page.on('pageerror', (error) => options.onPageError?.(error.message));
    const url = workbenchUrl(server, { workspaceFolder: options.server.workspaceFolder, extensionDevelopmentPath: options.extensionDevelopmentPath, extensionTestsPath: options.extensionTestsPath });
    await page.goto(url, GOTO_OPTIONS);
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), options.timeoutMs)));
    const outcome = await Promise.race([exited, timedOut]);
    clearTimeout(timer);
    return { output, exitCode: outcome === 'timeout' ? undefined : outcome };
  } finally {
    // Page and context before the browser, else the server keeps the extension host alive.
    await page?.close().catch(() => undefined);
    await context?.close().catch(() => undefined);
    await browser?.close().catch(() => undefined);
    if (server) options.onServerOutput?.(server.output());
    await server?.stop();
  }
}
