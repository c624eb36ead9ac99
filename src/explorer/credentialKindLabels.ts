// How a profile gets its credentials, as the connection row's tooltip says it: each a literal
// vscode.l10n.t call so that `npm run l10n` exports it (a kind passed to t() as a variable never
// reaches translators).
import * as vscode from 'vscode';
import type { CredentialKind } from '../aws/profiles';

const LABELS: { readonly [K in CredentialKind]: () => string } = {
  'static keys': () => vscode.l10n.t('static keys'),
  SSO: () => vscode.l10n.t('SSO'),
  'credential process': () => vscode.l10n.t('credential process'),
  'assume role': () => vscode.l10n.t('assume role'),
  'web identity': () => vscode.l10n.t('web identity'),
  unknown: () => vscode.l10n.t('unknown'),
};

export function credentialKindLabel(kind: CredentialKind): string {
  return LABELS[kind]();
}
