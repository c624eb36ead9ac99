// What an editor closed in the middle of a key rotation leaves behind, made before the
// extension host starts (issue #12): one IAM user per interrupted step on a local emulator, its
// credentials file (and backup) as the crash left them, and the rotation journal in the
// extension's global storage. test/host/runInCodeServer.ts prepares it, code-server starts
// with the write switch on and the emulator as endpoint, and activation's recovery finds the
// journal; test/integration/startupRecovery.test.ts then checks the end states of
// docs/reliability.md ("Key rotation"). The description handed to the host holds key IDs and
// paths only, never a secret.
import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { backupPathOf } from '../../src/core/credentialsFileStore';
import { RotationJournal, type RotationRecord } from '../../src/core/rotationJournal';
import { startIamEmulator, type IamEmulator } from '../emulator/index';

/** The journal step the crash left: after CreateAccessKey (answer lost / saved), after the file write, after verify. */
export type InterruptedStep = 'started' | 'created' | 'fileWritten' | 'verified';
export const INTERRUPTED_STEPS: readonly InterruptedStep[] = ['started', 'created', 'fileWritten', 'verified'];

export interface InterruptedRotation {
  readonly step: InterruptedStep;
  readonly profile: string;
  readonly userName: string;
  readonly credentialsFile: string;
  readonly oldAccessKeyId: string;
  /** The key CreateAccessKey made before the crash (for "started", its answer never arrived). */
  readonly newAccessKeyId: string;
  readonly journalFile: string;
}

/** Handed to the extension host as a JSON file named by IAMKEYS_STARTUP_RECOVERY. */
export interface StartupRecoveryScenario {
  readonly endpoint: string;
  readonly journalDir: string;
  readonly rotations: readonly InterruptedRotation[];
}

export const STARTUP_RECOVERY_ENV = 'IAMKEYS_STARTUP_RECOVERY';
const EXTENSION_STORAGE_ID = 'iam-keys-team.iam-access-keys';
const DAY = 86_400_000;

/** The extension's global storage in a code-server user-data dir (where activation looks for the journal). */
export function journalDirIn(userDataDir: string): string {
  return path.join(userDataDir, 'User', 'globalStorage', EXTENSION_STORAGE_ID);
}

export interface StartupRecoveryFixture {
  readonly emulator: IamEmulator;
  /** Settings code-server starts with: the endpoint and the write switch (the suite turns both off again). */
  readonly userSettings: Record<string, unknown>;
  /** Environment for the host: where the description file will be. */
  readonly env: Record<string, string>;
  /** Writes the journal into the user-data dir (before the workbench opens) and the description file. */
  writeJournal(userDataDir: string): Promise<StartupRecoveryScenario>;
  dispose(): Promise<void>;
}

function profileText(profile: string, accessKeyId: string, secret: string): string {
  return `# written by the interrupted-rotation fixture\n[${profile}]\naws_access_key_id = ${accessKeyId}\naws_secret_access_key = ${secret}\nregion = us-east-1\n`;
}

export async function startupRecoveryFixture(): Promise<StartupRecoveryFixture> {
  const emulator = await startIamEmulator({ port: 0, seed: 12 });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'iamkeys-recovery-'));
  const descriptionFile = path.join(dir, 'scenario.json');
  const start = Date.now() - 60_000;
  const prepared = INTERRUPTED_STEPS.map((step, i) => {
    const name = `interrupted-${step.toLowerCase()}`;
    emulator.store.addUser({ userName: name, createDate: new Date(start - 400 * DAY) });
    const old = emulator.store.addAccessKey(name, { createDate: new Date(start - 100 * DAY) });
    const made = emulator.store.addAccessKey(name, { createDate: new Date(start + i * 1000) });
    const credentialsFile = path.join(dir, step, 'credentials');
    fs.mkdirSync(path.dirname(credentialsFile), { recursive: true });
    const oldText = profileText(name, old.accessKeyId, old.secretAccessKey);
    if (step === 'started' || step === 'created') {
      fs.writeFileSync(credentialsFile, oldText, { mode: 0o600 });
    } else {
      // writeProfileKeys(…, { backup: true }) left the old file as the backup and the new key in place.
      fs.writeFileSync(backupPathOf(credentialsFile), oldText, { mode: 0o600 });
      fs.writeFileSync(credentialsFile, profileText(name, made.accessKeyId, made.secretAccessKey), { mode: 0o600 });
    }
    const at = new Date(start + i * 1000).toISOString();
    const record: RotationRecord = {
      id: randomUUID(),
      profile: name,
      credentialsFile,
      userName: name,
      oldAccessKeyId: old.accessKeyId,
      keysBefore: [old.accessKeyId],
      ...(step === 'started' ? {} : { newAccessKeyId: made.accessKeyId }),
      deleteOld: false,
      step,
      startedAt: at,
      updatedAt: at,
    };
    return { record, rotation: { step, profile: name, userName: name, credentialsFile, oldAccessKeyId: old.accessKeyId, newAccessKeyId: made.accessKeyId } };
  });
  return {
    emulator,
    userSettings: { 'iamKeys.endpoint': emulator.url, 'iamKeys.allowWriteActions': true },
    env: { [STARTUP_RECOVERY_ENV]: descriptionFile },
    async writeJournal(userDataDir) {
      const journalDir = journalDirIn(userDataDir);
      const journal = new RotationJournal(journalDir);
      for (const { record } of prepared) await journal.save(record);
      const scenario: StartupRecoveryScenario = {
        endpoint: emulator.url,
        journalDir,
        rotations: prepared.map(({ record, rotation }) => ({ ...rotation, journalFile: journal.fileOf(record.id) })),
      };
      fs.writeFileSync(descriptionFile, JSON.stringify(scenario, null, 2));
      return scenario;
    },
    async dispose() {
      await emulator.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The scenario the runner prepared, in the extension host; undefined when this host was started without one. */
export function readStartupRecoveryScenario(env: NodeJS.ProcessEnv = process.env): StartupRecoveryScenario | undefined {
  const file = env[STARTUP_RECOVERY_ENV];
  if (!file || !fs.existsSync(file)) return undefined;
  return JSON.parse(fs.readFileSync(file, 'utf8')) as StartupRecoveryScenario;
}
