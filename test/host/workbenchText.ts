// Reads, in the real browser, the text of ours that the workbench shows outside the extension
// host's reach: notification toasts (message and buttons), the quick input (title, placeholder,
// validation message, items), status bar entries of an extension and a modal dialog (message,
// detail, buttons). For the pseudo-locale run
// (test/host/pseudoLocaleRun.ts), which checks the text in the host.
import * as fs from 'fs';
import type { Page } from 'playwright-core';
import { captureFile, type CaptureKind, type CapturedText } from '../support/workbenchCapture';
import { sleep, until } from '../support/wait';

// VS Code's own text (its workbench has no pseudo-locale pack), not ours: the quick input's hint
// when no validation message shows, and the Cancel button of a cancellable progress toast.
const VSCODE_HINTS = ["Press 'Enter' to confirm your input or 'Escape' to cancel"];
const VSCODE_BUTTONS = ['Cancel'];

// A string, because test/tsconfig.json has no DOM types; it runs in the page.
const READ_SCRIPT = `(() => {
  const VSCODE_HINTS = ${JSON.stringify(VSCODE_HINTS)};
  const VSCODE_BUTTONS = ${JSON.stringify(VSCODE_BUTTONS)};
  const out = [];
  const text = (el) => ((el && el.textContent) || '').replace(/\\s+/g, ' ').trim();
  const push = (kind, where, value) => { if (value) out.push({ kind, where, text: value }); };
  for (const item of document.querySelectorAll('.notifications-toasts .notification-list-item')) {
    push('notification', 'message', text(item.querySelector('.notification-list-item-message')));
    for (const button of item.querySelectorAll('.notification-list-item-buttons-container .monaco-button')) {
      if (!VSCODE_BUTTONS.includes(text(button))) push('notification', 'button', text(button));
    }
  }
  const quick = document.querySelector('.quick-input-widget');
  if (quick && getComputedStyle(quick).display !== 'none') {
    push('quickInput', 'title', text(quick.querySelector('.quick-input-title')));
    const input = quick.querySelector('input.input');
    push('quickInput', 'placeholder', input ? (input.getAttribute('placeholder') || '').trim() : '');
    const message = text(quick.querySelector('.quick-input-message'));
    if (!VSCODE_HINTS.includes(message)) push('quickInput', 'message', message);
    for (const row of quick.querySelectorAll('.quick-input-list .monaco-list-row')) push('quickInput', 'item', (row.getAttribute('aria-label') || '').trim());
  }
  for (const box of document.querySelectorAll('.monaco-dialog-box')) {
    push('dialog', 'message', text(box.querySelector('.dialog-message-text')));
    push('dialog', 'detail', text(box.querySelector('.dialog-message-detail')));
    for (const button of box.querySelectorAll('.dialog-buttons .monaco-button')) {
      if (!VSCODE_BUTTONS.includes(text(button))) push('dialog', 'button', text(button));
    }
  }
  for (const item of document.querySelectorAll('.part.statusbar .statusbar-item')) {
    // VS Code's own entries' IDs start with "status."; an extension's do not (the reminder), except setStatusBarMessage's.
    if (!item.id.startsWith('status.') || item.id === 'status.extensionMessage') push('status', 'text', text(item));
  }
  return JSON.stringify(out);
})()`;

// What the page holds where READ_SCRIPT looks, for the error when nothing matched.
const LAYOUT_SCRIPT = `JSON.stringify({
  toasts: ((document.querySelector('.notifications-toasts') || {}).outerHTML || '').slice(0, 3000),
  dialog: ((document.querySelector('.monaco-dialog-box') || {}).outerHTML || '').slice(0, 3000),
  statusbar: [...document.querySelectorAll('.part.statusbar .statusbar-item')].map((item) => item.id + '=' + (item.textContent || '').trim()),
})`;

export async function readWorkbenchText(page: Page): Promise<CapturedText[]> {
  return JSON.parse((await page.evaluate(READ_SCRIPT)) as string) as CapturedText[];
}

/**
 * Waits for text of `kind` to show (at most 20 s), then until what shows holds still (at most
 * 3 s: a quick pick's items, a second toast), and writes it all to the capture file of `name`.
 */
export async function answerCaptureRequest(page: Page, dir: string, name: string, kind: CaptureKind): Promise<void> {
  let seen: CapturedText[] = [];
  const layoutAtStart = (await page.evaluate(LAYOUT_SCRIPT).catch(() => '')) as string;
  try {
    await until(async () => (seen = await readWorkbenchText(page)).some((t) => t.kind === kind), `${kind} text in the workbench`, 20_000, 100);
    for (let i = 0; i < 15; i++) {
      await sleep(200);
      const again = await readWorkbenchText(page);
      if (JSON.stringify(again) === JSON.stringify(seen)) break;
      seen = again;
    }
    fs.writeFileSync(captureFile(dir, name), JSON.stringify({ texts: seen }));
  } catch (error) {
    const layout = (await page.evaluate(LAYOUT_SCRIPT).catch(() => '')) as string;
    fs.writeFileSync(captureFile(dir, name), JSON.stringify({ texts: seen, error: `${error instanceof Error ? error.message : String(error)}; the page at the request: ${layoutAtStart}; at the end: ${layout}` }));
  }
}
