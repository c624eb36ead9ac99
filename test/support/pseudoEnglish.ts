// What the pseudo-locale checks (test/pseudoLocale/) count as English: words of plain English
// left in a text once data is taken out (key IDs and their tails, ARNs, user and profile names given as `data`,
// account IDs, dates and time zones, regions, control IDs, codicons, links, IAM's status
// values, and ages and numbers, which Intl formats in English for a locale it does not know).
// Pseudo-translated text ("Ƥşḗḗŭḓǿǿ") has no run of two plain ASCII letters.

/** What is plain English in `text` once data is taken out. */
export function englishIn(text: string, data: readonly string[]): string[] {
  let rest = text
    .replace(/\\([\\`*_{}[\]()#+\-.!|:,/<>'"])/g, '$1') // Markdown escapes
    .replace(/\barn:aws:[^\s)|]*|\bhttps?:\/\/\S+/g, ' ') // ARNs, the endpoint
    .replace(/(^|\s)\/[\w+=,.@/-]*\//g, ' ') // IAM paths
    .replace(/\b(Active|Inactive|UTC)\b/g, ' ')
    .replace(/\]\((?:command:|https?:)[^)]*\)/g, '] ') // link targets
    .replace(/\$\([\w~-]+\)/g, ' ') // codicons
    .replace(/\bA[KS]IA[A-Z0-9]{16}\b/g, ' ')
    .replace(/…[A-Z0-9]{4}\b/g, ' ') // a key row's ID tail ("…MPLE")
    .replace(/\b\d{4}-\d\d-\d\d( \d\d:\d\d( UTC)?)?/g, ' ')
    .replace(/\b(\d[\d,]* days?( ago)?|today|yesterday|\d+d)\b/g, ' ') // Intl's English for an unknown locale
    .replace(/\b(IAM|CIS)[. ]?\d+(\.\d+)*\b/g, " ") // control IDs
    .replace(/\b[a-z]{2}-[a-z]+-\d\b/g, ' ') // regions
    .replace(/\baws(-cn|-us-gov|-iso[a-z-]*)?\b/g, ' '); // partitions
  for (const d of data) rest = rest.split(d).join(' ');
  return rest.match(/[A-Za-z]{2,}/g) ?? [];
}

