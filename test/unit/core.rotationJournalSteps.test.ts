// The rotation journal, case by case with hand-written expectations (issue #27: the mutants the
// property test left alive). Where each step leads (docs/reliability.md "Key rotation"), what
// advance() adds to a record, which files list() reads, skips or reports, and the stored text.
import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { advance, assertNoSecret, forwardStep, IllegalRotationStep, RotationJournal, unreadableRecordsMessage, type RotationRecord, type RotationStep } from '../../src/core/rotationJournal';
import { SecretText } from '../../src/core/secretText';

const NOW = new Date('2026-06-01T00:00:00Z');
const LATER = new Date('2026-06-01T00:05:00Z');

function record(step: RotationStep, extra: Partial<RotationRecord> = {}): RotationRecord {
  return {
    id: 'r1',
    profile: 'dev',
    credentialsFile: '/tmp/credentials',
    userName: 'alice',
    oldAccessKeyId: 'AKIAOLD0000000000001',
    keysBefore: ['AKIAOLD0000000000001'],
    deleteOld: false,
    step,
    startedAt: NOW.toISOString(),
    updatedAt: NOW.toISOString(),
    ...extra,
  };
}

describe('rotation journal: steps and storage, case by case', () => {
  it('forwardStep: where each step leads when its work succeeds, with and without make room and deleteOld', () => {
    const cases: Array<[RotationStep, Partial<RotationRecord>, RotationStep | undefined]> = [
      ['started', {}, 'created'],
      ['started', { makeRoomKeyId: 'AKIAOTHER00000000001' }, 'roomMade'],
      ['roomMade', { makeRoomKeyId: 'AKIAOTHER00000000001' }, 'created'],
      ['created', {}, 'fileWritten'],
      ['fileWritten', {}, 'verified'],
      ['verified', {}, 'oldDeactivated'],
      ['verified', { deleteOld: true }, 'oldDeactivated'],
      ['oldDeactivated', {}, 'done'],
      ['oldDeactivated', { deleteOld: true }, 'oldDeleted'],
      ['oldDeleted', { deleteOld: true }, 'done'],
      ['rollingBack', {}, 'rolledBack'],
      ['done', {}, undefined],
      ['rolledBack', {}, undefined],
    ];
    const got = cases.map(([step, extra]) => `${step}${JSON.stringify(extra)} → ${String(forwardStep(record(step, extra)))}`);
    assert.deepEqual(
      got,
      cases.map(([step, extra, to]) => `${step}${JSON.stringify(extra)} → ${String(to)}`),
    );
  });

  it('advance: sets the step and updatedAt, keeps the rest, takes the patch', () => {
    const created = advance(record('started'), 'created', LATER, { newAccessKeyId: 'AKIANEW0000000000001' });
    assert.deepEqual(created, { ...record('started'), step: 'created', newAccessKeyId: 'AKIANEW0000000000001', updatedAt: '2026-06-01T00:05:00.000Z' });
    // A record that already has the new key ID needs no patch to reach created.
    assert.equal(advance(record('started', { newAccessKeyId: 'AKIANEW0000000000001' }), 'created', LATER).step, 'created');
    assert.equal(advance(record('fileWritten'), 'rollingBack', LATER, { note: 'why' }).note, 'why');
  });

  it('advance: roomMade needs the key that made room; the refusal names the rotation and both steps', () => {
    assert.throws(() => advance(record('started'), 'roomMade', NOW), (error: unknown) => error instanceof IllegalRotationStep && error.message === 'roomMade needs the key that made room');
    assert.equal(advance(record('started', { makeRoomKeyId: 'AKIAOTHER00000000001' }), 'roomMade', NOW).step, 'roomMade');
    assert.throws(() => advance(record('done'), 'started', NOW), (error: unknown) => error instanceof IllegalRotationStep && error.message === 'rotation r1: done → started is not a step');
  });

  it('assertNoSecret: finds a SecretText inside an array inside the record; plain values pass', () => {
    assert.throws(() => assertNoSecret({ ...record('started'), keysBefore: ['AKIAOLD0000000000001', new SecretText('x')] }), /must not be stored/);
    assert.doesNotThrow(() => assertNoSecret({ ...record('started'), note: undefined }));
    assert.doesNotThrow(() => assertNoSecret(null));
  });

  it('unreadableRecordsMessage: none says nothing; several are counted and listed', () => {
    assert.equal(unreadableRecordsMessage([]), undefined);
    assert.equal(
      unreadableRecordsMessage(['/j/rotation-a.json', '/j/rotation-b.json']),
      '2 journal records could not be read: /j/rotation-a.json, /j/rotation-b.json. Nothing was done with them: check the keys of the profiles that were being rotated, then delete the files.',
    );
  });

  describe('storage', () => {
    let dir: string;
    beforeEach(async () => {
      dir = await fs.mkdtemp(path.join(os.tmpdir(), 'iamkeys-journal-steps-'));
    });
    afterEach(async () => {
      await fs.rm(dir, { recursive: true, force: true });
    });

    it('save writes rotation-<id>.json as indented JSON with the format version, creating missing folders', async () => {
      const nested = path.join(dir, 'a', 'b');
      await new RotationJournal(nested).save(record('started'));
      const text = await fs.readFile(path.join(nested, 'rotation-r1.json'), 'utf8');
      assert.equal(
        text,
        '{\n  "id": "r1",\n  "profile": "dev",\n  "credentialsFile": "/tmp/credentials",\n  "userName": "alice",\n  "oldAccessKeyId": "AKIAOLD0000000000001",\n' +
          '  "keysBefore": [\n    "AKIAOLD0000000000001"\n  ],\n  "deleteOld": false,\n  "step": "started",\n  "startedAt": "2026-06-01T00:00:00.000Z",\n' +
          '  "updatedAt": "2026-06-01T00:00:00.000Z",\n  "version": 2\n}\n',
      );
    });

    it('get: undefined once removed; an error other than "no such file" is thrown', async () => {
      const journal = new RotationJournal(dir);
      await journal.save(record('created', { newAccessKeyId: 'AKIANEW0000000000001' }));
      assert.equal((await journal.get('r1'))?.step, 'created');
      await journal.remove('r1');
      assert.equal(await journal.get('r1'), undefined);
      // Removing what is already gone (a rotation finished by its own window meanwhile) is no error.
      await journal.remove('r1');
      await fs.mkdir(path.join(dir, 'rotation-r2.json'));
      await assert.rejects(journal.get('r2'), { code: 'EISDIR' });
    });

    it('list: oldest first; only rotation-<id>.json files; a folder that is not there lists nothing', async () => {
      const journal = new RotationJournal(dir);
      // IDs in the other order than their start times: the folder lists names sorted.
      await journal.save(record('created', { id: 'a-late', startedAt: '2026-06-01T00:09:00.000Z', newAccessKeyId: 'AKIANEW0000000000001' }));
      await journal.save(record('started', { id: 'b-early', startedAt: '2026-06-01T00:01:00.000Z' }));
      await fs.writeFile(path.join(dir, 'notes.txt'), 'not a record');
      await fs.writeFile(path.join(dir, 'rotation-x.json.tmp'), '{broken');
      const listed = await journal.list();
      assert.deepEqual([listed.records.map((r) => r.id), listed.unreadable], [['b-early', 'a-late'], []]);
      assert.deepEqual(await new RotationJournal(path.join(dir, 'missing')).list(), { records: [], unreadable: [] });
    });

    it('list: a record without an ID, with an unknown step, or with version 0, 1.5 or 3 is unreadable (named, in order)', async () => {
      const files: Record<string, unknown> = {
        'rotation-a.json': { ...record('started'), id: 7 },
        'rotation-b.json': { ...record('started'), step: 'toString' },
        'rotation-c.json': { ...record('started'), step: 'halfway' },
        'rotation-d.json': { ...record('started'), version: 0 },
        'rotation-e.json': { ...record('started'), version: 1.5 },
        'rotation-f.json': { ...record('started'), version: 3 },
        'rotation-g.json': { ...record('started'), id: 'v1', version: 1 },
      };
      for (const [name, value] of Object.entries(files).reverse()) await fs.writeFile(path.join(dir, name), JSON.stringify(value));
      const listed = await new RotationJournal(dir).list();
      assert.deepEqual(listed.records.map((r) => r.id), ['v1']);
      assert.deepEqual(
        listed.unreadable,
        ['a', 'b', 'c', 'd', 'e', 'f'].map((n) => path.join(dir, `rotation-${n}.json`)),
      );
      await assert.rejects(new RotationJournal(dir).get('f'), { message: 'rotation record version 3 is not one this release reads' });
      await assert.rejects(new RotationJournal(dir).get('a'), { message: 'not a rotation record' });
    });
  });
});
