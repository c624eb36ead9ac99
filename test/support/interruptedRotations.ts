// What an editor closed in the middle of a key rotation leaves behind, made before the
// extension host starts (issue #12): one IAM user per interrupted step on a local emulator, its
// credentials file (and backup) as the crash left them, and the rotation journal in the
// extension's global storage. test/host/runInCodeServer.ts prepares it, code-server starts
// with the write switch on and the emulator as endpoint, and activation's recovery finds the
// journal; test/integration/startupRecovery.test.ts then checks the end states of
// docs/reliability.md ("Key rotation", and "Rotations that meet"). The journal files are literal
// JSON as the extension writes them (not made with its RotationJournal), one of them as the
// release before the rotation lock left it; key IDs are fixed. The description handed to the
// host holds key IDs and paths only, never a secret.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { startIamEmulator, type IamEmulator } from '../emulator/index';

/**
 * Where the crash left the rotation: its journal step after CreateAccessKey (answer lost /
 * saved), after the file write, after verify; after verify with the old file put back by the
 * user; and a record the release before the lock left mid-undo of a lost CreateAccessKey answer.
 */
export type InterruptedStep = 'started' | 'created' | 'fileWritten' | 'verified' | 'verifiedFileRestored' | 'olderRollingBack';
export const INTERRUPTED_STEPS: readonly InterruptedStep[] = ['started', 'created', 'fileWritten', 'verified', 'verifiedFileRestored', 'olderRollingBack'];

export interface InterruptedRotation {
  readonly step: InterruptedStep;
  readonly profile: string;
  readonly userName: string;
  readonly credentialsFile: string;
  readonly oldAccessKeyId: string;
  /** The key CreateAccessKey made before the crash (for "started" and the older record, its answer never arrived). */
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

interface Case {
  readonly step: InterruptedStep;
  readonly id: string;
  readonly oldKey: string;
  readonly newKey: string;
}

// Fixed IDs (AKIA + 16 of A–Z), one user per case.
const CASES: readonly Case[] = [
  { step: 'started', id: '7d0c5f3e-1a2b-4c3d-8e4f-5a6b7c8d9e01', oldKey: 'AKIARECOVERSTARTAOLD', newKey: 'AKIARECOVERSTARTANEW' },
  { step: 'created', id: '7d0c5f3e-1a2b-4c3d-8e4f-5a6b7c8d9e02', oldKey: 'AKIARECOVERCREATEOLD', newKey: 'AKIARECOVERCREATENEW' },
  { step: 'fileWritten', id: '7d0c5f3e-1a2b-4c3d-8e4f-5a6b7c8d9e03', oldKey: 'AKIARECOVERWRITTNOLD', newKey: 'AKIARECOVERWRITTNNEW' },
  { step: 'verified', id: '7d0c5f3e-1a2b-4c3d-8e4f-5a6b7c8d9e04', oldKey: 'AKIARECOVERVERIFYOLD', newKey: 'AKIARECOVERVERIFYNEW' },
  { step: 'verifiedFileRestored', id: '7d0c5f3e-1a2b-4c3d-8e4f-5a6b7c8d9e05', oldKey: 'AKIARECOVERRESTOROLD', newKey: 'AKIARECOVERRESTORNEW' },
  { step: 'olderRollingBack', id: '7d0c5f3e-1a2b-4c3d-8e4f-5a6b7c8d9e06', oldKey: 'AKIARECOVEROLDERVOLD', newKey: 'AKIARECOVEROLDERVNEW' },
];

/** The journal file of each case, as literal JSON (what RotationJournal.save writes: 2-space indent, newline at the end). */
function journalText(c: Case, userName: string, credentialsFile: string, at: string): string {
  const file = JSON.stringify(credentialsFile);
  switch (c.step) {
    case 'started':
      return `{
  "id": "${c.id}",
  "profile": "${userName}",
  "credentialsFile": ${file},
  "userName": "${userName}",
  "oldAccessKeyId": "${c.oldKey}",
  "keysBefore": [
    "${c.oldKey}"
  ],
  "deleteOld": false,
  "step": "started",
  "startedAt": "${at}",
  "updatedAt": "${at}"
}
`;
    case 'created':
    case 'fileWritten':
    case 'verified':
      return `{
  "id": "${c.id}",
  "profile": "${userName}",
  "credentialsFile": ${file},
  "userName": "${userName}",
  "oldAccessKeyId": "${c.oldKey}",
  "keysBefore": [
    "${c.oldKey}"
  ],
  "deleteOld": false,
  "step": "${c.step}",
  "startedAt": "${at}",
  "updatedAt": "${at}",
  "newAccessKeyId": "${c.newKey}"
}
`;
    case 'verifiedFileRestored':
      return `{
  "id": "${c.id}",
  "profile": "${userName}",
  "credentialsFile": ${file},
  "userName": "${userName}",
  "oldAccessKeyId": "${c.oldKey}",
  "keysBefore": [
    "${c.oldKey}"
  ],
  "deleteOld": false,
  "step": "verified",
  "startedAt": "${at}",
  "updatedAt": "${at}",
  "newAccessKeyId": "${c.newKey}"
}
`;
    case 'olderRollingBack':
      // As the release before the lock left it: its undo of a lost CreateAccessKey answer was cut
      // short (that release deleted every key not in keysBefore; this one deletes none it didn't get).
      return `{
  "id": "${c.id}",
  "profile": "${userName}",
  "credentialsFile": ${file},
  "userName": "${userName}",
  "oldAccessKeyId": "${c.oldKey}",
  "keysBefore": [
    "${c.oldKey}"
  ],
  "deleteOld": false,
  "step": "rollingBack",
  "startedAt": "${at}",
  "updatedAt": "${at}",
  "note": "CreateAccessKey failed: ServiceFailure: service failure"
}
`;
  }
}

export async function startupRecoveryFixture(): Promise<StartupRecoveryFixture> {
  const emulator = await startIamEmulator({ port: 0, seed: 12 });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'iamkeys-recovery-'));
  const descriptionFile = path.join(dir, 'scenario.json');
  const start = Date.now() - 60_000;
  const prepared = CASES.map((c, i) => {
    const name = `interrupted-${c.step.toLowerCase()}`;
    emulator.store.addUser({ userName: name, createDate: new Date(start - 400 * DAY) });
    const old = emulator.store.addAccessKey(name, { accessKeyId: c.oldKey, createDate: new Date(start - 100 * DAY) });
    const made = emulator.store.addAccessKey(name, { accessKeyId: c.newKey, createDate: new Date(start + i * 1000) });
    const credentialsFile = path.join(dir, c.step, 'credentials');
    fs.mkdirSync(path.dirname(credentialsFile), { recursive: true });
    const oldText = profileText(name, old.accessKeyId, old.secretAccessKey);
    const backupFile = `${credentialsFile}.iamkeys-backup`;
    if (c.step === 'started' || c.step === 'created' || c.step === 'olderRollingBack') {
      fs.writeFileSync(credentialsFile, oldText, { mode: 0o600 });
    } else if (c.step === 'verifiedFileRestored') {
      // The rotation wrote the new key and verified it; then the user copied the backup back.
      fs.writeFileSync(backupFile, oldText, { mode: 0o600 });
      fs.writeFileSync(credentialsFile, oldText, { mode: 0o600 });
    } else {
      // The write with a backup left the old file as the backup and the new key in place.
      fs.writeFileSync(backupFile, oldText, { mode: 0o600 });
      fs.writeFileSync(credentialsFile, profileText(name, made.accessKeyId, made.secretAccessKey), { mode: 0o600 });
    }
    const at = new Date(start + i * 1000).toISOString();
    return { c, text: (file: string) => journalText(c, name, file, at), rotation: { step: c.step, profile: name, userName: name, credentialsFile, oldAccessKeyId: c.oldKey, newAccessKeyId: c.newKey } };
  });
  return {
    emulator,
    userSettings: { 'iamKeys.endpoint': emulator.url, 'iamKeys.allowWriteActions': true },
    env: { [STARTUP_RECOVERY_ENV]: descriptionFile },
    async writeJournal(userDataDir) {
      const journalDir = journalDirIn(userDataDir);
      fs.mkdirSync(journalDir, { recursive: true });
      const rotations = prepared.map(({ c, text, rotation }) => {
        const journalFile = path.join(journalDir, `rotation-${c.id}.json`);
        fs.writeFileSync(journalFile, text(rotation.credentialsFile));
        return { ...rotation, journalFile };
      });
      const scenario: StartupRecoveryScenario = { endpoint: emulator.url, journalDir, rotations };
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
