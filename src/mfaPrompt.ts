// The MFA code input box: asked when a profile assumes a role that requires MFA, and before the
// key changes of a profile with mfa_serial (GetSessionToken). The code is never logged or kept here.
import * as vscode from 'vscode';

export function askMfaCode(serial: string): Promise<string> {
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
