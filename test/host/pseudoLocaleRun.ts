// The pseudo-locale run: the extension as built (dist/, manifest, l10n/) copied to a temp folder
// with generated qps-ploc bundles beside its own (package.nls.qps-ploc.json and
// l10n/bundle.l10n.qps-ploc.json from @vscode/l10n-dev's pseudo-localizer, never shipped), loaded
// into code-server with display language qps-ploc, running the in-host suite
// out/test/pseudoLocale/index.js. Every string of ours then reads "Ƥşḗḗŭḓǿǿ", so English left in
// a row, hover, diagnostic or message is a string that never reached the bundle. Toasts, quick
// input and status bar text are read here, in the page, when the suite asks
// (test/support/workbenchCapture.ts), and checked in the host.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { getL10nPseudoLocalized, type l10nJsonFormat } from '@vscode/l10n-dev';
import { REPO_ROOT } from './codeServer';
import { parseResult, type TestCounts } from './results';
import { answerCaptureRequest } from './workbenchText';
import { runSuiteInWorkbench } from './workbenchSuite';
import { CAPTURE_DIR_ENV, parseCaptureRequest } from '../support/workbenchCapture';

export const PSEUDO_LOCALE = 'qps-ploc';
const SUITE = path.join(REPO_ROOT, 'out', 'test', 'pseudoLocale', 'index.js');
const SHIPPED = ['package.json', 'package.nls.json', 'dist', 'l10n', 'media', 'LICENSE', 'README.md'];

function readJson(file: string): l10nJsonFormat {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as l10nJsonFormat;
}

/** A temp copy of the built extension with the pseudo bundles; returns its folder. */
export function pseudoLocalizedExtension(dir: string): string {
  const extension = path.join(dir, 'extension');
  fs.mkdirSync(extension, { recursive: true });
  for (const entry of SHIPPED) fs.cpSync(path.join(REPO_ROOT, entry), path.join(extension, entry), { recursive: true });
  const write = (file: string, data: l10nJsonFormat): void => fs.writeFileSync(path.join(extension, file), JSON.stringify(getL10nPseudoLocalized(data), null, 2));
  write(`package.nls.${PSEUDO_LOCALE}.json`, readJson(path.join(REPO_ROOT, 'package.nls.json')));
  write(path.join('l10n', `bundle.l10n.${PSEUDO_LOCALE}.json`), readJson(path.join(REPO_ROOT, 'l10n', 'bundle.l10n.json')));
  return extension;
}

export interface PseudoLocaleRun {
  readonly counts: TestCounts | undefined;
  /** What the suite printed (its failures with their messages). */
  readonly output: string;
}

export async function runPseudoLocaleSuite(timeoutMs: number): Promise<PseudoLocaleRun> {
  if (!fs.existsSync(SUITE)) throw new Error(`${SUITE} is missing: run 'npm run compile-tests' first.`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'iamkeys-pseudo-'));
  const workspace = path.join(dir, 'workspace');
  fs.mkdirSync(workspace);
  const captures = path.join(dir, 'captures');
  fs.mkdirSync(captures);
  try {
    const run = await runSuiteInWorkbench({
      server: { workspaceFolder: workspace, locale: PSEUDO_LOCALE, env: { [CAPTURE_DIR_ENV]: captures } },
      extensionDevelopmentPath: pseudoLocalizedExtension(dir),
      extensionTestsPath: SUITE,
      timeoutMs,
      // The suite asks for what the workbench shows (a toast, a quick pick); the page answers into a file it waits for.
      onLine: (line, _type, page) => {
        const request = parseCaptureRequest(line);
        if (request) void answerCaptureRequest(page, captures, request.name, request.kind);
      },
    });
    const output = run.output + (run.exitCode === undefined ? `\nthe pseudo-locale suite did not finish within ${timeoutMs / 1000} s\n` : '');
    return { counts: parseResult(output), output };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
