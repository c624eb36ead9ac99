// A rotation against a real emulator over HTTP: a credentials file (the built-in profiles plus
// comments and CRLF lines around them), a journal directory, and RotationDeps built on the real
// SDK (createKeyPairConnection). Shared by the unit tests and the bench.
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createKeyPairConnection } from '../../src/aws/connection';
import type { RotationDeps, RotationRequest } from '../../src/aws/rotateAccessKey';
import { splitLines } from '../../src/core/credentialsFile';
import { RotationJournal } from '../../src/core/rotationJournal';
import { BUILT_IN_IDENTITIES, CALLER_USER_NAME, credentialsFileText, type IamEmulator } from '../emulator/index';

export const ROTATED_PROFILE = BUILT_IN_IDENTITIES.caller.profile;
export const ROTATED_USER = CALLER_USER_NAME;
export const OLD_KEY_ID = BUILT_IN_IDENTITIES.caller.credentials.accessKeyId;
export const OLD_SECRET = BUILT_IN_IDENTITIES.caller.credentials.secretAccessKey;

/** The built-in profiles with a comment, a CRLF section and a session token in the rotated profile. */
export function fixtureCredentialsText(): string {
  const text = credentialsFileText();
  return (
    '# my AWS keys — hand-edited, keep this comment\n' +
    text.replace(`[${ROTATED_PROFILE}]\n`, `[${ROTATED_PROFILE}]\n; rotated by the tests\naws_session_token = FwoGZXIvYXdzEOLDTOKENOLDTOKEN\n`) +
    '\r\n[crlf-profile]\r\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\r\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\r\n'
  );
}

export interface RotationFixture {
  readonly dir: string;
  readonly credentialsFile: string;
  readonly journalDir: string;
  readonly original: string;
  deps(overrides?: Partial<RotationDeps>): RotationDeps;
  request(overrides?: Partial<RotationRequest>): RotationRequest;
  /** Lines of the file other than the rotated profile's key and token lines. */
  linesOutsideProfileKeys(text: string): string[];
  dispose(): Promise<void>;
}

export async function rotationFixture(emulator: IamEmulator, options: { maxAttempts?: number } = {}): Promise<RotationFixture> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'iamkeys-rotate-'));
  const credentialsFile = path.join(dir, 'credentials');
  const journalDir = path.join(dir, 'journal');
  const original = fixtureCredentialsText();
  await fs.writeFile(credentialsFile, original, { mode: 0o644 });
  const settings = { profile: '', region: 'us-east-1', endpoint: emulator.url, requestTimeoutMs: 5000, maxAttempts: options.maxAttempts ?? 2 };
  return {
    dir,
    credentialsFile,
    journalDir,
    original,
    deps: (overrides = {}) => ({
      connect: (keyPair) => createKeyPairConnection(settings, keyPair),
      journal: new RotationJournal(journalDir),
      now: () => new Date(),
      sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
      verifyTimeoutMs: 30_000,
      verifyIntervalMs: 100,
      ...overrides,
    }),
    request: (overrides = {}) => ({
      profile: ROTATED_PROFILE,
      credentialsFile,
      deleteOld: false,
      profileKind: 'static keys',
      environmentKeys: false,
      ...overrides,
    }),
    linesOutsideProfileKeys: (text) => {
      let inside = false;
      return splitLines(text)
        .filter((line) => {
          const header = /^\s*\[([^\]]*)\]/.exec(line.body);
          if (header) inside = header[1].trim() === ROTATED_PROFILE;
          return !(inside && /^\s*(aws_access_key_id|aws_secret_access_key|aws_session_token)\s*=/.test(line.body));
        })
        .map((line) => line.body + line.ending);
    },
    dispose: () => fs.rm(dir, { recursive: true, force: true }),
  };
}

/** The user's keys as the emulator holds them: ID → status. */
export function keysOf(emulator: IamEmulator, userName = ROTATED_USER): Record<string, string> {
  return Object.fromEntries((emulator.store.getUser(userName)?.accessKeys ?? []).map((k) => [k.accessKeyId, k.status]));
}

export class SimulatedCrash extends Error {}
