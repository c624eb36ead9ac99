// Show Access Key Metadata as JSON: IAM's fields as the aws CLI prints them, and last use
// apart under its own key. Keys not loaded in a list are found through the one owner lookup.
import * as vscode from 'vscode';
import { classifyError } from '../../aws/errors';
import { lookUpKeyOwner } from '../../aws/keyOwner';
import { accessKeyJsonDocument, toCliJsonText } from '../../core/cliJson';
import type { AccessKey, AccessKeyLastUsed } from '../../core/types';
import type { CommandDeps } from '../../commands/deps';
import { resolveKey } from './targets';

/** `preserveFocus`: shown from a tree row (Enter or click), so the keyboard stays in the tree. */
export async function showAccessKeyJson(arg: unknown, deps: CommandDeps, options?: { preserveFocus?: unknown }): Promise<object | undefined> {
  const resolved = await resolveKey(arg, deps, vscode.l10n.t('Show Access Key Metadata as JSON'));
  if (!resolved) return undefined;
  let key: AccessKey | undefined;
  let lastUsed: AccessKeyLastUsed | undefined;
  if (resolved.loaded) {
    const { session } = resolved.loaded;
    key = resolved.loaded.key;
    lastUsed = await session.lastUsed(key.AccessKeyId).catch((error: unknown) => {
      deps.log.debug(`last use of ${resolved.accessKeyId} unknown: ${classifyError(error).message}`);
      return undefined;
    });
  } else {
    const info = await lookUpKeyOwner(await deps.sessions.sessions(), resolved.accessKeyId);
    if (info.kind === 'found') {
      key = info.key;
      lastUsed = info.lastUsed;
    }
  }
  if (!key) {
    void vscode.window.showWarningMessage(vscode.l10n.t('No metadata for {0}: it is not a key of a configured account, or it was deleted.', resolved.accessKeyId));
    return undefined;
  }
  const document = accessKeyJsonDocument(key, lastUsed);
  await deps.documents.show(key.AccessKeyId, toCliJsonText(document), { preserveFocus: options?.preserveFocus === true });
  return document;
}
