// The pseudo-locale run's channel for text only the browser sees (notification toasts, quick
// input, status bar): the in-host suite triggers a command, then logs `IAMKEYS_CAPTURE <name>
// <kind>`; the Node side (test/host/workbenchText.ts), reading the page's DOM, writes what it
// saw to <capture dir>/<name>.json, which the in-host suite waits for. No vscode, no DOM types.
import * as path from 'path';

/** Environment variable naming the capture folder (code-server's environment reaches the extension host). */
export const CAPTURE_DIR_ENV = 'IAMKEYS_CAPTURE_DIR';
const MARK = 'IAMKEYS_CAPTURE';

/**
 * What to wait for before reading: a notification toast, the quick input, or a status bar message
 * of ours. 'dialog' (a modal) is read only by test/ui/pseudoLocaleDialog.ui.test.ts: a window
 * running a test suite never shows one, so the suite cannot ask for it.
 */
export type CaptureKind = 'notification' | 'quickInput' | 'status' | 'dialog';

export interface CapturedText {
  readonly kind: CaptureKind;
  /** e.g. 'message', 'button', 'title', 'placeholder', 'item'. */
  readonly where: string;
  readonly text: string;
}

export function captureRequestLine(name: string, kind: CaptureKind): string {
  if (!/^[\w-]+$/.test(name)) throw new Error(`capture name ${JSON.stringify(name)}: letters, digits, - and _ only`);
  return `${MARK} ${name} ${kind}`;
}

/** The request a log line carries, if it is one. */
export function parseCaptureRequest(line: string): { name: string; kind: CaptureKind } | undefined {
  const m = new RegExp(`^${MARK} ([\\w-]+) (notification|quickInput|status)\\s*$`).exec(line);
  return m ? { name: m[1]!, kind: m[2] as CaptureKind } : undefined;
}

export function captureFile(dir: string, name: string): string {
  return path.join(dir, `${name}.json`);
}
