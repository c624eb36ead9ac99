// The MFA code: asked in an input box when a profile assumes a role that requires MFA, and
// before the key changes of a profile with mfa_serial (GetSessionToken); or, for scripts, the
// `mfaCode` of a write command's argument object, held only while that command runs. The code
// is never logged or kept beyond that.
import * as vscode from 'vscode';

/** The running write command's `mfaCode` (one command at a time asks: its code is used instead of the box). */
let scripted: string | undefined;

export function askMfaCode(serial: string): Promise<string> {
  if (scripted !== undefined) return Promise.resolve(scripted);
  return Promise.resolve(
    vscode.window.showInputBox({
      title: vscode.l10n.t('MFA code'),
      prompt: vscode.l10n.t('Code from the MFA device {0}', serial),
      ignoreFocusOut: true,
      password: true,
      validateInput: (value) => (/^\d{6}$/.test(value) ? undefined : vscode.l10n.t('Six digits')),
    }),
  ).then((code) => {
    if (!code) throw new Error('MFA code entry was cancelled');
    return code;
  });
}

/** Runs a write command with its argument's `mfaCode` (if any) answering the MFA prompt. */
export async function withScriptedMfaCode<T>(arg: unknown, run: () => Promise<T>): Promise<T> {
  const code = typeof arg === 'object' && arg !== null ? (arg as { mfaCode?: unknown }).mfaCode : undefined;
  if (typeof code !== 'string' || code === '') return run();
  scripted = code;
  try {
    return await run();
  } finally {
    scripted = undefined;
  }
}
