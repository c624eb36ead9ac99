// Which profile names can be written into the credentials file: those the SDK's INI reader
// (@smithy's parseIni) reads back as exactly that profile, and this extension's reader too. The
// SDK splits lines at CR/LF, trims each line, takes "[a b]" (a word, a space, a name) as a typed
// section ("profile x", "sso-session x") or drops it, and refuses "__proto__"; a "]" inside
// the name is not read back by credentialsFile.ts. So: one line, no whitespace, no brackets.

/** Why `name` can't be a profile written into the credentials file, or undefined when it can. */
export function profileNameProblem(name: string): string | undefined {
  if (name === '') return 'The profile name is empty.';
  if (/[\r\n]/.test(name)) return `The profile name ${JSON.stringify(name)} holds a line break: it would start another section of the credentials file.`;
  if (/\s/.test(name)) return `The profile name ${JSON.stringify(name)} holds whitespace: the AWS SDK reads such a section under another name, or not at all.`;
  if (/[[\]]/.test(name)) return `The profile name ${JSON.stringify(name)} holds "[" or "]": the section header would not read back as that name.`;
  if (name === '__proto__') return 'The AWS SDK refuses the profile name "__proto__".';
  if (/[\u0000-\u001f\u007f]/.test(name)) return `The profile name ${JSON.stringify(name)} holds a control character.`;
  return undefined;
}
