// The shape of vscode.l10n.t for code that must not import vscode: core and hover text take a
// `t` and default to English; the UI passes vscode.l10n.t.

export type Translate = (message: string, ...args: Array<string | number | boolean>) => string;

/** English stand-in for vscode.l10n.t: fills {0}, {1}, … */
export const englishText: Translate = (message, ...args) =>
  message.replace(/\{(\d+)\}/g, (whole, index: string) => (Number(index) < args.length ? String(args[Number(index)]) : whole));

/**
 * Marks a literal kept as data (a rule table, a phrase passed as an argument) and translated
 * later through a Translate: `npm run l10n` (scripts/l10nExport.cjs) exports it. Returns it as is.
 */
export const l10nKey = (message: string): string => message;

/** @perBundle each bundle's entry sets it from the editor (src/extension.ts, src/features/index.ts). */
let displayText: Translate = englishText;

/**
 * The editor's translator, for editor-free text no caller can hand a `t` to (how an AWS error
 * is classified reaches every row and message); the extension sets vscode.l10n.t at activation,
 * unit tests keep English.
 */
export function setDisplayTranslator(t: Translate): void {
  displayText = t;
}

/** Translates with the editor's translator set at activation (English until then). */
export const translate: Translate = (message, ...args) => displayText(message, ...args);
