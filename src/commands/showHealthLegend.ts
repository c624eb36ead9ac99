// What the key health markers mean, said once for the whole view (its ⋯ menu) rather than in
// every key's tooltip, where it pushed the key's own details out of sight.
import * as vscode from 'vscode';
import { healthLegend } from '../core/keyHealth';
import type { CommandDeps } from './deps';

export interface HealthLegendResult {
  /** The legend as Markdown, with the thresholds of the current settings. */
  readonly markdown: string;
}

export async function showHealthLegend(deps: CommandDeps): Promise<HealthLegendResult> {
  const markdown = healthLegend(deps.settings.current, (message, ...args) => vscode.l10n.t(message, ...args));
  const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: markdown });
  await vscode.commands.executeCommand('markdown.showPreview', document.uri);
  return { markdown };
}
