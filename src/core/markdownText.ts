// Literal text inside Markdown, for values we don't control (IAM names and paths, service names,
// error messages) in hovers and tree tooltips. Editor-free, and small enough for activation.

// Every ASCII punctuation character may be backslash-escaped in CommonMark, so escaping all of
// them is always safe: no emphasis, links, images, HTML, tables, or `$(icon)` syntax can sneak in.
const PUNCTUATION = /[!-/:-@[-`{-~]/g;

/** `text` as literal Markdown on one line. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\r\n\t]+/g, ' ').replace(PUNCTUATION, '\\$&');
}
