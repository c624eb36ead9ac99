// .gitignore patterns as VS Code globs, for the workspace scan's exclude (findFiles has no
// stable option to honour ignore files in the VS Code versions we support).

/**
 * .gitignore lines as globs: `name` anywhere (`**∕name`, and everything under it), `/name`
 * and `dir/name` from the folder root, `dir/` a directory. Negations (`!`) can't be expressed
 * in one exclude glob and are left out, so a file a negation re-includes stays excluded (a
 * known gap: pass `include` to scan such files).
 */
export function gitignoreGlobs(text: string): string[] {
  const globs: string[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith('#') || line.startsWith('!')) continue;
    const body = line.replace(/\/+$/, '');
    if (!body) continue;
    const anchored = body.startsWith('/') || body.slice(0, -1).includes('/');
    const path = anchored ? body.replace(/^\/+/, '') : `**/${body}`;
    globs.push(path, `${path}/**`);
  }
  return globs;
}
