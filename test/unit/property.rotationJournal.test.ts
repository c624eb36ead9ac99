// The rotation journal's state machine and its storage, property-tested: only the steps of
// docs/reliability.md ("Key rotation") are accepted — the table below is written out by hand from
// there, not taken from the product's NEXT_STEPS — every saved step reads back, terminal steps
// are final, and nothing stored ever holds a secret.
import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { advance, assertNoSecret, unreadableRecordsMessage, IllegalRotationStep, isFinished, RotationJournal, type RotationRecord, type RotationStep } from '../../src/core/rotationJournal';
import { SecretText } from '../../src/core/secretText';

// docs/reliability.md: started → (makeRoom: roomMade) → created → fileWritten → verified →
// oldDeactivated → (deleteOld: oldDeleted) → done; a failed deactivation or delete ends in done
// (said so); undo (rollingBack → rolledBack) only before the new key was verified. done and
// rolledBack are final.
const ALLOWED: Readonly<Record<RotationStep, readonly RotationStep[]>> = {
  started: ['roomMade', 'created', 'rollingBack'],
  roomMade: ['created', 'rollingBack'],
  created: ['fileWritten', 'rollingBack'],
  fileWritten: ['verified', 'rollingBack'],
  verified: ['oldDeactivated', 'done'],
  oldDeactivated: ['oldDeleted', 'done'],
  oldDeleted: ['done'],
  done: [],
  rollingBack: ['rolledBack'],
  rolledBack: [],
};
const STEPS: readonly RotationStep[] = ['started', 'roomMade', 'created', 'fileWritten', 'verified', 'oldDeactivated', 'oldDeleted', 'done', 'rollingBack', 'rolledBack'];
const NOW = new Date('2026-06-01T00:00:00Z');

function fresh(id: string): RotationRecord {
  return {
    id,
    profile: 'dev',
    credentialsFile: '/tmp/credentials',
    userName: 'alice',
    oldAccessKeyId: 'AKIAOLD0000000000001',
    keysBefore: ['AKIAOLD0000000000001'],
    deleteOld: false,
    step: 'started',
    startedAt: NOW.toISOString(),
    updatedAt: NOW.toISOString(),
  };
}

describe('rotation journal (property)', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'iamkeys-journal-'));
  });
  afterEach(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('accepts exactly the transitions of the hand-written table: every pair of steps tried', () => {
    const wrong: string[] = [];
    for (const from of STEPS) {
      for (const to of STEPS) {
        const expected = ALLOWED[from].includes(to);
        let accepted: boolean;
        try {
          advance({ ...fresh('pair'), step: from, newAccessKeyId: 'AKIANEW0000000000001', makeRoomKeyId: 'AKIAOTHER00000000001' }, to, NOW);
          accepted = true;
        } catch (error) {
          assert.ok(error instanceof IllegalRotationStep, String(error));
          accepted = false;
        }
        if (accepted !== expected) wrong.push(`${from} → ${to}: ${accepted ? 'accepted' : 'refused'}`);
      }
      assert.equal(isFinished(from), ALLOWED[from].length === 0, `isFinished(${from})`);
    }
    assert.deepEqual(wrong, []);
    // The three a review planted: skipping verify, undoing after verify, leaving done.
    assert.throws(() => advance({ ...fresh('m'), step: 'fileWritten', newAccessKeyId: 'AKIANEW0000000000001' }, 'oldDeactivated', NOW), IllegalRotationStep);
    assert.throws(() => advance({ ...fresh('m'), step: 'verified', newAccessKeyId: 'AKIANEW0000000000001' }, 'rollingBack', NOW), IllegalRotationStep);
    assert.equal(isFinished('done'), true);
  });

  it('a random walk follows the table and ends only in done or rolledBack', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...STEPS), { maxLength: 30 }), (attempts) => {
        let record: RotationRecord = { ...fresh('walk'), makeRoomKeyId: 'AKIAOTHER00000000001' };
        for (const step of attempts) {
          if (ALLOWED[record.step].includes(step)) record = advance(record, step, NOW, step === 'created' ? { newAccessKeyId: 'AKIANEW0000000000001' } : {});
          else assert.throws(() => advance(record, step, NOW, { newAccessKeyId: 'AKIANEW0000000000001' }), IllegalRotationStep);
        }
        assert.equal(isFinished(record.step), record.step === 'done' || record.step === 'rolledBack');
      }),
      { numRuns: 500 },
    );
  });

  it('every step of a walk is saved atomically and reads back equal; no temp file is left; no secret in any file', async () => {
    const secret = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
    await fc.assert(
      fc.asyncProperty(fc.array(fc.nat({ max: 3 }), { maxLength: 10 }), async (choices) => {
        const journal = new RotationJournal(dir);
        let record: RotationRecord = { ...fresh(`w${choices.join('')}x`), makeRoomKeyId: 'AKIAOTHER00000000001' };
        await journal.save(record);
        for (const choice of choices) {
          const options = ALLOWED[record.step];
          if (options.length === 0) break;
          const step = options[choice % options.length];
          record = advance(record, step, NOW, step === 'created' ? { newAccessKeyId: 'AKIANEW0000000000001' } : {});
          await journal.save(record);
          const { records } = await journal.list();
          // Every saved record carries the format version (2: make room, profiles, authProfile).
          assert.deepEqual(records.find((r) => r.id === record.id), { ...record, version: 2 });
        }
        const names = await fs.readdir(dir);
        assert.ok(names.every((n) => /^rotation-.*\.json$/.test(n)), names.join());
        for (const name of names) assert.ok(!(await fs.readFile(path.join(dir, name), 'utf8')).includes(secret));
        await journal.remove(record.id);
      }),
      { numRuns: 50 },
    );
  });

  it('refuses to store a SecretText anywhere in a record', async () => {
    const sneaky = { ...fresh('s'), note: new SecretText('x') as unknown as string };
    assert.throws(() => assertNoSecret(sneaky), /must not be stored/);
    await assert.rejects(new RotationJournal(dir).save(sneaky), /must not be stored/);
    assert.deepEqual(await fs.readdir(dir).catch(() => []), []);
  });

  it('created needs the new key ID; unreadable files are reported, not fatal', async () => {
    assert.throws(() => advance(fresh('a'), 'created', NOW), /new key ID/);
    await fs.writeFile(path.join(dir, 'rotation-broken.json'), '{not json');
    const journal = new RotationJournal(dir);
    await journal.save(fresh('ok'));
    const listed = await journal.list();
    assert.deepEqual([listed.records.map((r) => r.id), listed.unreadable], [['ok'], [path.join(dir, 'rotation-broken.json')]]);
  });

  it('reads records without a version (the release before) and reports a newer version as unreadable, naming the file', async () => {
    // fresh() has no version field: the shape the release before wrote.
    await fs.writeFile(path.join(dir, 'rotation-legacy.json'), JSON.stringify(fresh('legacy')));
    await fs.writeFile(path.join(dir, 'rotation-future.json'), JSON.stringify({ ...fresh('future'), version: 3 }));
    const listed = await new RotationJournal(dir).list();
    assert.deepEqual(listed.records.map((r) => r.id), ['legacy']);
    assert.deepEqual(listed.unreadable, [path.join(dir, 'rotation-future.json')]);
    assert.equal(
      unreadableRecordsMessage(listed.unreadable),
      `1 journal record could not be read: ${path.join(dir, 'rotation-future.json')}. Nothing was done with it: check the keys of the profiles that were being rotated, then delete the file.`,
    );
  });
});
