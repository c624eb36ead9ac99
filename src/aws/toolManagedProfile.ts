// Profiles whose keys another tool keeps (aws-vault, Granted): their credential_process runs
// that tool, which stores the long-term key in its own vault. Rotating is that tool's job; the
// refusal names its own rotate command so the user can run it in a terminal.

export interface ToolRotation {
  readonly tool: 'aws-vault' | 'granted';
  /** The command to type, e.g. "aws-vault rotate dev". */
  readonly command: string;
}

/** Names that are safe to put on a command line as they are (no quoting, no shell meaning). */
const PLAIN_NAME = /^[A-Za-z0-9][\w.@+-]*$/;

/** The tool's own rotate command for a credential_process line it runs, or undefined for any other process. */
export function toolRotation(credentialProcess: string | undefined): ToolRotation | undefined {
  if (!credentialProcess) return undefined;
  const words = credentialProcess.trim().split(/\s+/);
  const program = (words[0] ?? '').replace(/^.*[/\\]/, '').replace(/\.exe$/i, '');
  if (program === 'aws-vault' && words[1] === 'export') {
    const name = firstArgument(words.slice(2));
    return name && PLAIN_NAME.test(name) ? { tool: 'aws-vault', command: `aws-vault rotate ${name}` } : undefined;
  }
  if ((program === 'granted' || program === 'dgranted') && words[1] === 'credential-process') {
    const name = optionValue(words.slice(2), '--profile');
    return name && PLAIN_NAME.test(name) ? { tool: 'granted', command: `granted credentials rotate ${name}` } : undefined;
  }
  return undefined;
}

/** aws-vault's options that take their value as the next word (the rest are switches or written --name=value). */
const AWS_VAULT_VALUE_OPTIONS = new Set(['--format', '--duration', '-d', '--region', '--mfa-token', '-t', '--backend', '--keychain', '--prompt', '--pass-dir', '--pass-cmd', '--pass-prefix', '--file-dir', '--secret-service-collection']);

/** The first word that is neither an option nor an option's value: the profile aws-vault exports. */
function firstArgument(words: readonly string[]): string | undefined {
  for (let i = 0; i < words.length; i++) {
    if (AWS_VAULT_VALUE_OPTIONS.has(words[i])) i++;
    else if (!words[i].startsWith('-')) return words[i];
  }
  return undefined;
}

function optionValue(words: readonly string[], option: string): string | undefined {
  for (let i = 0; i < words.length; i++) {
    if (words[i] === option) return words[i + 1];
    if (words[i].startsWith(`${option}=`)) return words[i].slice(option.length + 1);
  }
  return undefined;
}
