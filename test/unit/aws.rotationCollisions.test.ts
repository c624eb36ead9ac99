// Rotations that meet each other, against the emulator over real HTTP with the real SDK (issue
// #21 item 2): two of one profile at once (in this process, and in a second process as another
// window would), two profiles of one file at once, an undo while someone else made a key, and
// recovery after a crash at "verified" with the file put back. Also the engine's own checks a
// mutant could drop (issue #27): a resumed "created" whose key reached the file is finished,
// and verify checks whose key the new one is. Rows: docs/reliability.md, last section.
import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import { recoverRotations, rotateAccessKey, type RotationOutcome } from '../../src/aws/rotateAccessKey';
import { readProfileKeys } from '../../src/core/credentialsFile';
import { withCredentialsFileLock } from '../../src/core/credentialsFileLock';
import { writeProfileKeys } from '../../src/core/credentialsFileStore';
import { SecretText } from '../../src/core/secretText';
import type { IamEmulator } from '../emulator/index';
import { LIMITED_USER_NAME } from '../emulator/identities';
import { fixtureTextWith, keysOf, OLD_KEY_ID, OLD_SECRET, ROTATED_PROFILE, ROTATED_USER, SimulatedCrash, useRotationFixture, type RotationFixture } from '../support/rotationFixture';
import { rotateInAnotherProcess } from '../support/rotateInAnotherProcess';
import { until } from '../support/wait';

const LIMITED_PROFILE = 'iam-emulator-limited';
const LIMITED_OLD_KEY = 'AKIAEMULATORLIMITED2';

describe('rotations that meet (emulator over real HTTP)', function () {
  this.timeout(90_000);
  const rotation = useRotationFixture({ seed: 21, propagationDelayMs: 300 });
  let emulator: IamEmulator;
  let fixture: RotationFixture;
  beforeEach(() => {
    ({ emulator, fixture } = rotation);
  });

  async function fileText(): Promise<string> {
    return fs.readFile(fixture.credentialsFile, 'utf8');
  }
  async function fileKey(profile = ROTATED_PROFILE): Promise<string> {
    const read = readProfileKeys(await fileText(), profile);
    assert.ok(read.ok, `the file holds keys for ${profile}`);
    return read.keys.accessKeyId;
  }
  function secretOf(accessKeyId: string): string {
    const secret = emulator.store.findAccessKey(accessKeyId)?.key.secretAccessKey;
    assert.ok(secret, `the emulator knows ${accessKeyId}`);
    return secret;
  }
  /** The user keeps exactly one Active key, the file holds it, and no key written in the file was deleted. */
  async function assertOneWorkingKey(profile = ROTATED_PROFILE, userName = ROTATED_USER): Promise<string> {
    const keys = keysOf(emulator, userName);
    const active = Object.keys(keys).filter((id) => keys[id] === 'Active');
    assert.equal(active.length, 1, `exactly one Active key: ${JSON.stringify(keys)}`);
    assert.equal(await fileKey(profile), active[0], 'the Active key is the one in the file');
    const text = await fileText();
    const deletedInFile = emulator.writeLog().filter((w) => w.action === 'DeleteAccessKey' && w.accessKeyId && text.includes(w.accessKeyId));
    assert.deepEqual(deletedInFile, [], 'no key the file holds was deleted');
    return active[0];
  }
  function byKind(outcomes: RotationOutcome[]): Record<string, RotationOutcome> {
    return Object.fromEntries(outcomes.map((o) => [o.kind, o]));
  }

  it('two rotations of one profile started at once: one rotates, the other is told one is in progress; one Active key, the one in the file', async () => {
    const outcomes = await Promise.all([rotateAccessKey(fixture.request(), fixture.deps()), rotateAccessKey(fixture.request(), fixture.deps())]);
    assert.deepEqual(outcomes.map((o) => o.kind).sort(), ['busy', 'rotated'], outcomes.map((o) => o.message).join(' | '));
    const { busy, rotated } = byKind(outcomes);
    assert.equal(busy.message, `A rotation of ${ROTATED_PROFILE} is in progress; this one was not started (nothing was changed). Its own message says how it ended.`);
    const kept = await assertOneWorkingKey();
    assert.ok(rotated.kind === 'rotated' && rotated.result.newAccessKeyId === kept);
    assert.deepEqual(keysOf(emulator), { [OLD_KEY_ID]: 'Inactive', [kept]: 'Active' });
    assert.deepEqual(emulator.writeLog().map((w) => w.action), ['CreateAccessKey', 'UpdateAccessKey'], 'one rotation reached IAM');
  });

  it('a second process (another window) rotating the same profile: started while the other is under way, it is told at once one is in progress and changes nothing', async () => {
    const otherJournal = `${fixture.journalDir}-other-window`;
    const theirs = rotateInAnotherProcess({ endpoint: emulator.url, credentialsFile: fixture.credentialsFile, profile: ROTATED_PROFILE, journalDir: otherJournal });
    // The other window has saved "started" (its CreateAccessKey is next): start this one now.
    await until(async () => (await fs.readdir(otherJournal).catch(() => [])).length > 0, 'the other process to start its rotation', 30_000, 20);
    const mine = await rotateAccessKey(fixture.request(), fixture.deps());
    assert.deepEqual(mine, { kind: 'busy', message: `A rotation of ${ROTATED_PROFILE} is in progress in another window; this one was not started (nothing was changed).` });
    const other = await theirs;
    assert.equal(other.kind, 'rotated', other.message);
    const kept = await assertOneWorkingKey();
    assert.deepEqual(keysOf(emulator), { [OLD_KEY_ID]: 'Inactive', [kept]: 'Active' });
    assert.equal(emulator.writeLog().filter((w) => w.action === 'CreateAccessKey').length, 1);
  });

  it('the profile\'s key changed by another writer while this rotation waited for the lock: it says so and does nothing', async () => {
    const theirs = emulator.store.addAccessKey(ROTATED_USER);
    let writing!: () => void;
    const otherWriter = withCredentialsFileLock(
      fixture.credentialsFile,
      async (lock) => {
        await new Promise<void>((resolve) => (writing = resolve));
        await writeProfileKeys(lock, ROTATED_PROFILE, { accessKeyId: theirs.accessKeyId, secret: new SecretText(theirs.secretAccessKey) }, { backup: true });
      },
      { waitMs: 0 },
    );
    await until(() => writing !== undefined, 'the other writer to hold the lock');
    const mine = rotateAccessKey(fixture.request(), fixture.deps());
    await new Promise((resolve) => setTimeout(resolve, 300)); // this rotation is waiting for the lock now
    writing();
    await otherWriter;
    assert.deepEqual(await mine, {
      kind: 'busy',
      message: `A rotation of ${ROTATED_PROFILE} was in progress (in another window) and finished while this one waited: ${ROTATED_PROFILE} now uses ${theirs.accessKeyId} instead of ${OLD_KEY_ID}. This rotation was not started (nothing was changed).`,
    });
    assert.deepEqual(emulator.writeLog(), [], 'nothing was sent');
  });

  it('two profiles of one file rotated together: both end rotated, neither undone; the file holds both new keys and every other byte', async () => {
    const outcomes = await Promise.all([rotateAccessKey(fixture.request(), fixture.deps()), rotateAccessKey(fixture.request({ profile: LIMITED_PROFILE }), fixture.deps())]);
    assert.deepEqual(outcomes.map((o) => o.kind), ['rotated', 'rotated'], outcomes.map((o) => o.message).join(' | '));
    const admin = await assertOneWorkingKey();
    const limited = await assertOneWorkingKey(LIMITED_PROFILE, LIMITED_USER_NAME);
    assert.deepEqual(keysOf(emulator, LIMITED_USER_NAME), { [LIMITED_OLD_KEY]: 'Inactive', [limited]: 'Active' });
    assert.equal(await fileText(), fixtureTextWith({ admin: { id: admin, secret: secretOf(admin) }, limited: { id: limited, secret: secretOf(limited) } }));
    assert.equal(emulator.writeLog().filter((w) => w.action === 'DeleteAccessKey').length, 0);
  });

  it('undo deletes no key someone else created meanwhile (CreateAccessKey failed, another key appeared)', async () => {
    emulator.setFaults({ actionFaults: { CreateAccessKey: 'serverError' } });
    let theirs = '';
    const deps = fixture.deps({
      afterStep: (step) => {
        if (step === 'started') theirs = emulator.store.addAccessKey(ROTATED_USER).accessKeyId; // someone else, e.g. in the console
      },
    });
    const outcome = await rotateAccessKey(fixture.request(), deps);
    assert.equal(outcome.kind, 'rolled-back', outcome.message);
    assert.deepEqual(keysOf(emulator), { [OLD_KEY_ID]: 'Active', [theirs]: 'Active' });
    assert.deepEqual(emulator.writeLog().filter((w) => w.action === 'DeleteAccessKey'), []);
    assert.ok(outcome.message.includes(`${theirs} (Active)`) && outcome.message.includes('it was left as it is'), outcome.message);
    assert.equal(await fileText(), fixture.original);
  });

  it('recovery after a crash at "verified" with the file put back: the key the file uses stays Active, the rotation\'s key goes, and it says what it found', async () => {
    const crashing = fixture.deps({
      afterStep: (step) => {
        if (step === 'verified') throw new SimulatedCrash('editor closed after verified');
      },
    });
    await assert.rejects(rotateAccessKey(fixture.request(), crashing), SimulatedCrash);
    const [made] = Object.keys(keysOf(emulator)).filter((id) => id !== OLD_KEY_ID);
    await fs.copyFile(`${fixture.credentialsFile}.iamkeys-backup`, fixture.credentialsFile); // the user put the old file back
    const logged: string[] = [];
    const outcomes = await recoverRotations(fixture.deps({ log: (m) => logged.push(m) }));
    assert.equal(outcomes.length, 1);
    const [outcome] = outcomes;
    assert.equal(outcome.kind, 'rolled-back', outcome.message);
    const found = `Found at start: the journal at "verified", ${ROTATED_PROFILE} holding ${OLD_KEY_ID} in the file, IAM keys of ${ROTATED_USER}: ${OLD_KEY_ID} Active, ${made} Active.`;
    assert.equal(
      outcome.message,
      `An interrupted rotation of ${ROTATED_PROFILE} was not finished: the credentials file holds ${OLD_KEY_ID} for ${ROTATED_PROFILE}, not the new key ${made}, so nothing was deactivated and the file was left as it is. The new key ${made} was deleted. ${found}`,
    );
    assert.ok(logged.some((line) => line.endsWith(found)), 'what it found is logged before it acts');
    assert.deepEqual(keysOf(emulator), { [OLD_KEY_ID]: 'Active' });
    assert.equal(await fileText(), fixture.original);
    assert.deepEqual(emulator.writeLog().filter((w) => w.action === 'UpdateAccessKey'), [], 'nothing was deactivated');
  });

  it('recovery leaves a rotation whose file another window holds locked to that window (journal kept), and picks it up once the lock is free', async () => {
    const crashing = fixture.deps({
      afterStep: (step) => {
        if (step === 'fileWritten') throw new SimulatedCrash('this window closed after fileWritten');
      },
    });
    await assert.rejects(rotateAccessKey(fixture.request(), crashing), SimulatedCrash);
    const [made] = Object.keys(keysOf(emulator)).filter((id) => id !== OLD_KEY_ID);
    let release!: () => void;
    const otherWindow = withCredentialsFileLock(fixture.credentialsFile, () => new Promise<void>((resolve) => (release = resolve)), { waitMs: 0 });
    await until(() => release !== undefined, 'the other window to hold the lock');
    const [left] = await recoverRotations(fixture.deps({ lockWaitMs: 300 }));
    assert.deepEqual(left, { kind: 'busy', message: `A rotation of ${ROTATED_PROFILE} is in progress in another window; it was left to that window (the journal keeps it in case that window closes).` });
    assert.equal((await fs.readdir(fixture.journalDir)).length, 1, 'the journal keeps it');
    assert.deepEqual(emulator.writeLog().map((w) => w.action), ['CreateAccessKey'], 'recovery sent nothing');
    release();
    await otherWindow;
    const [picked] = await recoverRotations(fixture.deps());
    assert.equal(picked.kind, 'rotated', picked.message);
    assert.deepEqual(keysOf(emulator), { [OLD_KEY_ID]: 'Inactive', [made]: 'Active' });
  });

  it('a resumed "created" whose new key already reached the file is finished, not undone', async () => {
    const deps = fixture.deps();
    const journal = deps.journal;
    // Cut short after the file write, before "fileWritten" was saved: the journal says "created".
    const crashing = {
      ...deps,
      journal: Object.assign(Object.create(Object.getPrototypeOf(journal)) as typeof journal, journal, {
        save: async (record: Parameters<typeof journal.save>[0]) => {
          if (record.step === 'fileWritten') throw new SimulatedCrash('closed before "fileWritten" was saved');
          return journal.save(record);
        },
      }),
    };
    await assert.rejects(rotateAccessKey(fixture.request(), crashing), SimulatedCrash);
    const [made] = Object.keys(keysOf(emulator)).filter((id) => id !== OLD_KEY_ID);
    assert.equal(await fileKey(), made, 'the file got the new key before the crash');
    const [outcome] = await recoverRotations(fixture.deps());
    assert.equal(outcome.kind, 'rotated', outcome.message);
    assert.deepEqual(keysOf(emulator), { [OLD_KEY_ID]: 'Inactive', [made]: 'Active' });
    assert.equal(await fileText(), fixtureTextWith({ admin: { id: made, secret: secretOf(made) } }));
  });

  it('verify checks whose key the new one is: a key of another user in the file is not taken as verified, and the old key stays Active', async () => {
    // A journal at "fileWritten" whose "new key" in the file belongs to limited-auditor, not demo-admin.
    await fs.mkdir(fixture.journalDir, { recursive: true });
    await fs.writeFile(
      `${fixture.journalDir}/rotation-0f7c2b1e-5d43-4a8e-9b61-3c2d1e0f9a87.json`,
      `{
  "id": "0f7c2b1e-5d43-4a8e-9b61-3c2d1e0f9a87",
  "profile": "iam-emulator-admin",
  "credentialsFile": ${JSON.stringify(fixture.credentialsFile)},
  "userName": "demo-admin",
  "oldAccessKeyId": "AKIAEMULATORADMINKEY",
  "keysBefore": [
    "AKIAEMULATORADMINKEY"
  ],
  "deleteOld": false,
  "step": "fileWritten",
  "startedAt": "2026-12-01T10:00:00.000Z",
  "updatedAt": "2026-12-01T10:00:02.000Z",
  "newAccessKeyId": "AKIAEMULATORLIMITED2"
}
`,
    );
    await fs.writeFile(`${fixture.credentialsFile}.iamkeys-backup`, fixture.original);
    await fs.writeFile(fixture.credentialsFile, fixtureTextWith({ admin: { id: 'AKIAEMULATORLIMITED2', secret: 'TESTONLY/emulator/limited/notARealSecret' } }));
    const [outcome] = await recoverRotations(fixture.deps());
    assert.notEqual(outcome.kind, 'rotated', outcome.message);
    assert.ok(outcome.message.includes(`the new key signs as arn:aws:iam::`) && outcome.message.includes(`${LIMITED_USER_NAME}, not ${ROTATED_USER}`), outcome.message);
    assert.equal(keysOf(emulator)[OLD_KEY_ID], 'Active');
    assert.equal(keysOf(emulator, LIMITED_USER_NAME)[LIMITED_OLD_KEY], 'Active', "the other user's key is neither deactivated nor deleted");
    assert.equal(await fileKey(), OLD_KEY_ID, 'the old key is back in the file');
    assert.ok((await fileText()).includes(OLD_SECRET));
  });
});
