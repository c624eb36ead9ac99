// The editor's display language for numbers and ages formatted in editor-free code (core, hover
// and leak text). The extension sets it once at activation from vscode.env.language (a change
// of display language reloads the window); unit tests and the CLI-like paths keep English.
/** @perBundle each bundle's entry sets it from the editor (src/extension.ts, src/features/index.ts). */
let language = 'en';

export function setDisplayLanguage(tag: string | undefined): void {
  language = tag || 'en';
}

/** A locale Intl accepts: a tag it does not know (e.g. the pseudo-locale qps-ploc) reads English. */
export function displayLocale(): string {
  try {
    return Intl.getCanonicalLocales(language)[0] ?? 'en';
  } catch {
    return 'en';
  }
}
