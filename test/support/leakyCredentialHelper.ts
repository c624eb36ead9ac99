// A credential_process helper that fails after printing secrets (issue 21): a password (also in
// a form no redactor can know, "the password is …"), a Vault token and a secret-key-shaped
// value, to stderr and stdout, then exit 3. The SDK puts its stderr in the error it throws.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export const PLANTED_HELPER_SECRETS = {
  password: 'Kq7-mZp2_wLx9.Rt4vBn',
  vaultToken: 'hvs.CAESIFq2mZp7wLx9Rt4vBnKq7aYs3dGh0jUe1oIc5',
  secret: 'Zq8mK2pL9vX4nB7cR1tY6wE3uI0oP5aS/dF+gH2j',
} as const;

/** Writes the helper script into a fresh temp folder; returns its path (for credential_process). */
export function writeLeakyCredentialHelper(): string {
  const planted = PLANTED_HELPER_SECRETS;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'iamkeys-helper-'));
  const script = path.join(dir, 'credential-helper.sh');
  const lines = [
    '#!/bin/sh',
    `echo "vault login failed: the password is ${planted.password}" >&2`,
    `echo "password=${planted.password}" >&2`,
    `echo "Password: ${planted.password}" >&2`,
    `echo "token ${planted.vaultToken} was refused" >&2`,
    `echo "fallback key ${planted.secret}" >&2`,
    `echo "debug: tried ${planted.password} with ${planted.vaultToken} and ${planted.secret}"`,
    'exit 3',
  ];
  fs.writeFileSync(script, `${lines.join('\n')}\n`, { mode: 0o700 });
  return script;
}

/** Which planted values (or a 12-character piece of one) `text` holds. */
export function plantedIn(text: string): string[] {
  return Object.entries(PLANTED_HELPER_SECRETS)
    .filter(([, value]) => text.includes(value) || text.includes(value.slice(4, 16)))
    .map(([what]) => what);
}
