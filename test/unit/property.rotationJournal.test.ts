// The rotation journal's state machine and its storage, property-tested: only the listed
// steps are accepted, every saved step reads back, terminal steps are final, and nothing
// stored ever holds a secret.
import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { advance, assertNoSecret, IllegalRotationStep, isFinished, NEXT_STEPS, RotationJournal, type RotationRecord, type RotationStep } from '../../src/core/rotationJournal';
import { SecretText } from '../../src/core/secretText';

const STEPS = Object.keys(NEXT_STEPS) as RotationStep[];
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

  it('accepts exactly the listed next steps, and a walk always ends in done or rolledBack', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...STEPS), { maxLength: 30 }), (attempts) => {
        let record = fresh('walk');
        for (const step of attempts) {
          const allowed = NEXT_STEPS[record.step].includes(step);
          if (allowed) record = advance(record, step, NOW, step === 'created' ? { newAccessKeyId: 'AKIANEW0000000000001' } : {});
          else assert.throws(() => advance(record, step, NOW, { newAccessKeyId: 'AKIANEW0000000000001' }), IllegalRotationStep);
        }
        if (isFinished(record.step)) assert.ok(['done', 'rolledBack'].includes(record.step));
      }),
      { numRuns: 500 },
    );
  });

  it('every step of a walk is saved atomically and reads back equal; no temp file is left; no secret in any file', async () => {
    const secret = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
    await fc.assert(
      fc.asyncProperty(fc.array(fc.nat({ max: 3 }), { maxLength: 10 }), async (choices) => {
        const journal = new RotationJournal(dir);
        let record = fresh(`w${choices.join('')}x`);
        await journal.save(record);
        for (const choice of choices) {
          const options = NEXT_STEPS[record.step];
          if (options.length === 0) break;
          const step = options[choice % options.length];
          record = advance(record, step, NOW, step === 'created' ? { newAccessKeyId: 'AKIANEW0000000000001' } : {});
          await journal.save(record);
          const { records } = await journal.list();
          assert.deepEqual(records.find((r) => r.id === record.id), record);
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
    assert.deepEqual([listed.records.map((r) => r.id), listed.unreadable], [['ok'], ['rotation-broken.json']]);
  });
});
