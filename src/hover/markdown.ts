// Markdown helpers for hover text built from values we don't control (user names, service
// names, error messages). Editor-free.

// Every ASCII punctuation character may be backslash-escaped in CommonMark, so escaping all of
// them is always safe: no emphasis, links, HTML, tables, or `$(icon)` syntax can sneak in.
const PUNCTUATION = /[!-/:-@[-`{-~]/g;

/** `text` as literal Markdown on one line. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\r\n\t]+/g, ' ').replace(PUNCTUATION, '\\$&');
}

/** A `command:` URI with the arguments as VS Code expects them: URL-encoded JSON array. */
export function commandUri(command: string, ...args: unknown[]): string {
  return `command:${command}?${encodeURIComponent(JSON.stringify(args))}`;
}

/** `[label](command:…)` with an optional tooltip; `label` is Markdown (icons allowed). */
export function commandLink(label: string, command: string, args: unknown[], tooltip?: string): string {
  const title = tooltip ? ` "${tooltip.replace(/["\\]/g, '\\$&')}"` : '';
  return `[${label}](${commandUri(command, ...args)}${title})`;
}
