// A coarse first cut of the workspace scan's candidates: a .gitignore's lines as VS Code
// globs, so findFiles never lists what is plainly ignored (node_modules, build output) and the
// file cap is not spent on it. The exact decision is GitExclusions' (src/core/gitExclusions.ts);
// a glob here must never drop a file git keeps, so a file with any negation gives no globs.

/**
 * .gitignore lines as globs: `name` anywhere (`**∕name`, and everything under it), `/name`
 * and `dir/name` from the folder root, `dir/` everything under a directory. Empty when the
 * text has a negation (`!`): which files it re-includes only GitExclusions can tell.
 */
export function gitignoreGlobs(text: string): string[] {
  const lines = text.split(/\r?\n/).map((raw) => raw.trim()).filter((line) => line && !line.startsWith('#'));
  if (lines.some((line) => line.startsWith('!'))) return [];
  const globs: string[] = [];
  for (const line of lines) {
    // Escapes and brace/comma characters mean something else in a VS Code glob: left to GitExclusions.
    if (/[\\{},]/.test(line)) continue;
    const folderOnly = line.endsWith('/');
    const body = line.replace(/\/+$/, '');
    if (!body) continue;
    const anchored = body.includes('/'); // a leading or inner slash
    const path = anchored ? body.replace(/^\/+/, '') : `**/${body}`;
    if (!folderOnly) globs.push(path);
    globs.push(`${path}/**`);
  }
  return globs;
}
