// Ignore Access Key in Problems: adds the ID to iamKeys.diagnostics.ignore in the user
// settings (so a cloned repository can't hide a key from you), and resolves to the new list.
import * as vscode from 'vscode';
import { SECTION } from '../../config';

/** The shape the setting accepts (package.json's pattern): AKIA/ASIA/ABIA/ACCA IDs and the like. */
const KEY_ID = /^A[A-Z0-9]{19}$/;

export async function ignoreLeakedKey(arg: unknown): Promise<readonly string[] | undefined> {
  const accessKeyId = typeof arg === 'string' ? arg : typeof arg === 'object' && arg !== null && 'accessKeyId' in arg ? arg.accessKeyId : undefined;
  if (typeof accessKeyId !== 'string' || !KEY_ID.test(accessKeyId)) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Give an access key ID to ignore, such as {0}.', '{ "accessKeyId": "AKIAIOSFODNN7EXAMPLE" }'));
    return undefined;
  }
  const config = vscode.workspace.getConfiguration(SECTION);
  const current = config.inspect<unknown>('diagnostics.ignore')?.globalValue;
  const list = Array.isArray(current) ? current.filter((v): v is string => typeof v === 'string') : [];
  const next = list.includes(accessKeyId) ? list : [...list, accessKeyId];
  await config.update('diagnostics.ignore', next, vscode.ConfigurationTarget.Global);
  vscode.window.setStatusBarMessage(vscode.l10n.t('$(check) {0} will not be reported in Problems', accessKeyId), 3000);
  return next;
}
