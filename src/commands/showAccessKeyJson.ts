// Show Access Key Metadata as JSON: IAM's fields as the aws CLI prints them, and last use
// apart under its own key. Keys not loaded in the tree are looked up first.
import * as vscode from 'vscode';
import { classifyError } from '../aws/errors';
import { findKeyOwner } from '../aws/keyOwner';
import { accessKeyJsonDocument, toCliJsonText } from '../core/cliJson';
import type { AccessKey, AccessKeyLastUsed } from '../core/types';
import type { CommandDeps } from './deps';
import { type KeyArgument, resolveKeyArgument } from './keyArgument';

export async function showAccessKeyJson(arg: KeyArgument, deps: CommandDeps): Promise<object | undefined> {
  const resolved = await resolveKeyArgument(arg, deps, vscode.l10n.t('Show Access Key Metadata as JSON'));
  if (!resolved) return undefined;
  let key: AccessKey | undefined = resolved.loaded?.key;
  let lastUsed: AccessKeyLastUsed | undefined;
  if (resolved.loaded) {
    lastUsed = await resolved.loaded.connection.lastUsed(key!.AccessKeyId).catch((error: unknown) => {
      deps.log.debug(`last use of ${key!.AccessKeyId} unknown: ${classifyError(error).message}`);
      return undefined;
    });
  } else {
    for (const connection of await deps.explorer.connections()) {
      await connection.ensureIdentity();
      const owner = await findKeyOwner(connection.api, connection.identity()?.Account, resolved.accessKeyId);
      if (owner.kind === 'found' && owner.key) {
        key = owner.key;
        lastUsed = owner.lastUsed;
        break;
      }
    }
  }
  if (!key) {
    void vscode.window.showWarningMessage(vscode.l10n.t('No metadata for {0}: it is not a key of a configured account, or it was deleted.', resolved.accessKeyId));
    return undefined;
  }
  const document = accessKeyJsonDocument(key, lastUsed);
  await deps.documents.show(key.AccessKeyId, toCliJsonText(document));
  return document;
}
