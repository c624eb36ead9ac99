// A rotation against a real emulator over HTTP: a credentials file (the built-in profiles plus
// comments and CRLF lines around them, literal text, as are the expected files after a rewrite), a journal directory, and RotationDeps built on the real
// SDK (createKeyPairConnection). Shared by the unit tests and the bench.
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createKeyPairConnection } from '../../src/aws/connection';
import type { RotationDeps, RotationRequest } from '../../src/aws/rotateAccessKey';
import { RotationJournal } from '../../src/core/rotationJournal';
import { BUILT_IN_IDENTITIES, CALLER_USER_NAME, startIamEmulator, type IamEmulator, type IamEmulatorOptions } from '../emulator/index';

export const ROTATED_PROFILE = BUILT_IN_IDENTITIES.caller.profile;
export const ROTATED_USER = CALLER_USER_NAME;
export const OLD_KEY_ID = BUILT_IN_IDENTITIES.caller.credentials.accessKeyId;
export const OLD_SECRET = BUILT_IN_IDENTITIES.caller.credentials.secretAccessKey;

/** The built-in profiles with a comment, a CRLF section and a session token in the rotated profile: literal text. */
export function fixtureCredentialsText(): string {
  return (
    '# my AWS keys — hand-edited, keep this comment\n' +
    '[iam-emulator-admin]\n' +
    '; rotated by the tests\n' +
    'aws_session_token = FwoGZXIvYXdzEOLDTOKENOLDTOKEN\n' +
    'aws_access_key_id = AKIAEMULATORADMINKEY\n' +
    'aws_secret_access_key = TESTONLY/emulator/admin/notARealSecret00\n' +
    '\n' +
    '[iam-emulator-root]\n' +
    'aws_access_key_id = AKIAEMULATORROOTKEY2\n' +
    'aws_secret_access_key = TESTONLY/emulator/root/notARealSecret000\n' +
    '\n' +
    '[iam-emulator-limited]\n' +
    'aws_access_key_id = AKIAEMULATORLIMITED2\n' +
    'aws_secret_access_key = TESTONLY/emulator/limited/notARealSecret\n' +
    '\n' +
    '[iam-emulator-session]\n' +
    'aws_access_key_id = ASIAEMULATORSESSION2\n' +
    'aws_secret_access_key = TESTONLY/emulator/session/notARealSecret\n' +
    'aws_session_token = TESTONLY-emulator-session-token-for-demo-admin\n' +
    '\r\n' +
    '[crlf-profile]\r\n' +
    'aws_access_key_id = AKIAIOSFODNN7EXAMPLE\r\n' +
    'aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\r\n'
  );
}

export interface KeyLines {
  readonly id: string;
  readonly secret: string;
}

/**
 * The fixture file after its profiles' keys were rewritten, as literal text: the admin profile
 * loses its session token line (a rewrite drops it), every other byte is the fixture's. Without
 * `admin` the admin profile is as the fixture has it (token included).
 */
export function fixtureTextWith(keys: { admin?: KeyLines; limited?: KeyLines }): string {
  const admin = keys.admin
    ? '[iam-emulator-admin]\n' + '; rotated by the tests\n' + `aws_access_key_id = ${keys.admin.id}\n` + `aws_secret_access_key = ${keys.admin.secret}\n`
    : '[iam-emulator-admin]\n' +
      '; rotated by the tests\n' +
      'aws_session_token = FwoGZXIvYXdzEOLDTOKENOLDTOKEN\n' +
      'aws_access_key_id = AKIAEMULATORADMINKEY\n' +
      'aws_secret_access_key = TESTONLY/emulator/admin/notARealSecret00\n';
  const limited = keys.limited ?? { id: 'AKIAEMULATORLIMITED2', secret: 'TESTONLY/emulator/limited/notARealSecret' };
  return (
    '# my AWS keys — hand-edited, keep this comment\n' +
    admin +
    '\n' +
    '[iam-emulator-root]\n' +
    'aws_access_key_id = AKIAEMULATORROOTKEY2\n' +
    'aws_secret_access_key = TESTONLY/emulator/root/notARealSecret000\n' +
    '\n' +
    '[iam-emulator-limited]\n' +
    `aws_access_key_id = ${limited.id}\n` +
    `aws_secret_access_key = ${limited.secret}\n` +
    '\n' +
    '[iam-emulator-session]\n' +
    'aws_access_key_id = ASIAEMULATORSESSION2\n' +
    'aws_secret_access_key = TESTONLY/emulator/session/notARealSecret\n' +
    'aws_session_token = TESTONLY-emulator-session-token-for-demo-admin\n' +
    '\r\n' +
    '[crlf-profile]\r\n' +
    'aws_access_key_id = AKIAIOSFODNN7EXAMPLE\r\n' +
    'aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\r\n'
  );
}

export interface RotationFixture {
  readonly dir: string;
  readonly credentialsFile: string;
  readonly journalDir: string;
  readonly original: string;
  deps(overrides?: Partial<RotationDeps>): RotationDeps;
  request(overrides?: Partial<RotationRequest>): RotationRequest;
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
    dispose: () => fs.rm(dir, { recursive: true, force: true }),
  };
}

/** The user's keys as the emulator holds them: ID → status. */
export function keysOf(emulator: IamEmulator, userName = ROTATED_USER): Record<string, string> {
  return Object.fromEntries((emulator.store.getUser(userName)?.accessKeys ?? []).map((k) => [k.accessKeyId, k.status]));
}

export class SimulatedCrash extends Error {}

export interface RotationFixtureHandle {
  readonly emulator: IamEmulator;
  readonly fixture: RotationFixture;
}

/**
 * A fresh emulator (with the given propagation delay) and rotation fixture for each test of the
 * calling suite, closed after it; read `emulator` / `fixture` inside the tests.
 */
export function useRotationFixture(options: { seed: number; propagationDelayMs: number; emulator?: Omit<IamEmulatorOptions, 'seed' | 'faults'> }): RotationFixtureHandle {
  let emulator: IamEmulator | undefined;
  let fixture: RotationFixture | undefined;
  beforeEach(async () => {
    emulator = await startIamEmulator({ ...options.emulator, seed: options.seed, faults: { propagationDelayMs: options.propagationDelayMs } });
    fixture = await rotationFixture(emulator);
  });
  afterEach(async () => {
    await fixture?.dispose();
    await emulator?.close();
    fixture = undefined;
    emulator = undefined;
  });
  return {
    get emulator(): IamEmulator {
      if (!emulator) throw new Error('the emulator exists only inside a test');
      return emulator;
    },
    get fixture(): RotationFixture {
      if (!fixture) throw new Error('the rotation fixture exists only inside a test');
      return fixture;
    },
  };
}
