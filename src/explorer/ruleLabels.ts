// Health rule labels as the tree shows them. Each is a literal vscode.l10n.t call, so the
// string extractor (npm run l10n) puts it in the bundle translators work from; a label passed
// through t() as a variable never reaches them.
import * as vscode from 'vscode';
import type { KeyFindingCode } from '../core/keyHealth';

const LABELS: { readonly [K in KeyFindingCode]: () => string } = {
  'root-key': () => vscode.l10n.t('Root key'),
  'rotation-due': () => vscode.l10n.t('Rotation due'),
  'unused-90': () => vscode.l10n.t('Unused 90+ days'),
  unused: () => vscode.l10n.t('Unused'),
  'setup-key-unused': () => vscode.l10n.t('Setup key unused'),
  'two-active': () => vscode.l10n.t('Two active keys'),
  inactive: () => vscode.l10n.t('Inactive'),
  expired: () => vscode.l10n.t('Expired'),
};

export function ruleLabel(code: KeyFindingCode): string {
  return LABELS[code]();
}
