// Markdown helpers for hover text built from values we don't control (user names, service
// names, error messages). Editor-free. escapeMarkdown lives in core: tree tooltips use it too.
export { escapeMarkdown } from '../../core/markdownText';

/** A `command:` URI with the arguments as VS Code expects them: URL-encoded JSON array. */
export function commandUri(command: string, ...args: unknown[]): string {
  return `command:${command}?${encodeURIComponent(JSON.stringify(args))}`;
}

/** `[label](command:…)` with an optional tooltip; `label` is Markdown (icons allowed). */
export function commandLink(label: string, command: string, args: unknown[], tooltip?: string): string {
  const title = tooltip ? ` "${tooltip.replace(/["\\]/g, '\\$&')}"` : '';
  return `[${label}](${commandUri(command, ...args)}${title})`;
}
