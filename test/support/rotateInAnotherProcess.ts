// A second editor window's rotation, in a process of its own: the rotation engine run on the
// credentials file and profile it is given, against the endpoint given, printing its outcome's
// kind and message as one JSON line. The collision tests start it beside a rotation of their
// own, so the lock between them is the one two windows share (a lock directory on disk).
import { spawn } from 'node:child_process';
import { createKeyPairConnection } from '../../src/aws/connection';
import { rotateAccessKey } from '../../src/aws/rotateAccessKey';
import { RotationJournal } from '../../src/core/rotationJournal';

export interface OtherWindowRotation {
  readonly endpoint: string;
  readonly credentialsFile: string;
  readonly profile: string;
  readonly journalDir: string;
}

export interface OtherWindowOutcome {
  readonly kind: string;
  readonly message: string;
}

/** Runs the rotation in a child process; resolves with its outcome (rejects when it crashed). */
export function rotateInAnotherProcess(job: OtherWindowRotation): Promise<OtherWindowOutcome> {
  return new Promise((resolve, reject) => {
    // In an Electron host process.execPath is Electron: run it as plain Node.
    const child = spawn(process.execPath, [__filename, JSON.stringify(job)], { env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      const line = out.trim().split('\n').at(-1) ?? '';
      if (code === 0 && line.startsWith('{')) resolve(JSON.parse(line) as OtherWindowOutcome);
      else reject(new Error(`the other process ended with ${code}: ${err.slice(0, 2000)}`));
    });
  });
}

async function main(): Promise<void> {
  const job = JSON.parse(process.argv[2] ?? '{}') as OtherWindowRotation;
  const settings = { profile: '', region: 'us-east-1', endpoint: job.endpoint, requestTimeoutMs: 5000, maxAttempts: 2 };
  const outcome = await rotateAccessKey(
    { profile: job.profile, credentialsFile: job.credentialsFile, deleteOld: false, profileKind: 'static keys', environmentKeys: false },
    {
      connect: (keyPair) => createKeyPairConnection(settings, keyPair),
      journal: new RotationJournal(job.journalDir),
      now: () => new Date(),
      sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
      verifyTimeoutMs: 30_000,
      verifyIntervalMs: 100,
    },
  );
  process.stdout.write(`${JSON.stringify({ kind: outcome.kind, message: outcome.message })}\n`);
}

if (require.main === module) {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
      process.exit(1);
    },
  );
}
