// The whole-suite write check's bookkeeping (test/support/writeWindows.ts): windows opened and
// closed by the switch, writes inside and outside them, and the emulator's process-wide write
// observer that feeds it (which clearWriteLog() does not blind).
import * as assert from 'node:assert/strict';
import { CreateAccessKeyCommand, UpdateAccessKeyCommand } from '@aws-sdk/client-iam';
import { iamClientFor } from '../emulator/clients';
import { observeWrites, startIamEmulator, type WriteLogEntry } from '../emulator/index';
import { WriteWindows } from '../support/writeWindows';

const at = (iso: string): number => Date.parse(iso);

describe('whole-suite write check: windows with iamKeys.allowWriteActions on', () => {
  it('a write inside a window passes; one before, between or after windows is reported', () => {
    const w = new WriteWindows();
    w.switchSeen(false, at('2026-01-01T00:00:00.000Z'));
    w.switchSeen(true, at('2026-01-01T00:01:00.000Z'));
    w.switchSeen(true, at('2026-01-01T00:01:30.000Z')); // still on: same window
    w.switchSeen(false, at('2026-01-01T00:02:00.000Z'));
    w.switchSeen(true, at('2026-01-01T00:05:00.000Z'));
    w.writeSeen({ action: 'CreateAccessKey', time: '2026-01-01T00:00:30.000Z', accessKeyId: 'AKIABEFORE', test: 'first' });
    w.writeSeen({ action: 'CreateAccessKey', time: '2026-01-01T00:01:00.000Z', accessKeyId: 'AKIAATOPEN' });
    w.writeSeen({ action: 'UpdateAccessKey', time: '2026-01-01T00:02:00.000Z', accessKeyId: 'AKIAATCLOSE' });
    w.writeSeen({ action: 'DeleteAccessKey', time: '2026-01-01T00:03:00.000Z', accessKeyId: 'AKIABETWEEN' });
    w.writeSeen({ action: 'DeleteAccessKey', time: '2026-01-01T09:00:00.000Z', accessKeyId: 'AKIASTILLOPEN' });
    assert.deepEqual(w.allWindows(), [
      { from: at('2026-01-01T00:01:00.000Z'), to: at('2026-01-01T00:02:00.000Z') },
      { from: at('2026-01-01T00:05:00.000Z') },
    ]);
    assert.deepEqual(
      w.outside().map((x) => x.accessKeyId),
      ['AKIABEFORE', 'AKIABETWEEN'],
    );
    assert.equal(
      w.report(),
      [
        '2 write action(s) reached an endpoint while iamKeys.allowWriteActions was off:',
        '  2026-01-01T00:00:30.000Z CreateAccessKey AKIABEFORE - (during "first")',
        '  2026-01-01T00:03:00.000Z DeleteAccessKey AKIABETWEEN -',
        'windows with the switch on: 2026-01-01T00:01:00.000Z – 2026-01-01T00:02:00.000Z, 2026-01-01T00:05:00.000Z – end',
      ].join('\n'),
    );
  });

  it('no window at all: every write is outside; no write: nothing to report', () => {
    const w = new WriteWindows();
    assert.equal(w.report(), undefined);
    w.writeSeen({ action: 'CreateUser', time: '2026-01-01T00:00:00.000Z' });
    assert.match(w.report() ?? '', /^1 write action\(s\)[^]*windows with the switch on: none$/);
  });

  it('the emulator tells an observer of every write, even after clearWriteLog(); not after unsubscribing', async () => {
    const emulator = await startIamEmulator({ seed: 5 });
    const iam = iamClientFor(emulator, undefined, { maxAttempts: 1 });
    const seen: WriteLogEntry[] = [];
    const stop = observeWrites((entry) => seen.push(entry));
    try {
      const { AccessKey } = await iam.send(new CreateAccessKeyCommand({}));
      emulator.clearWriteLog();
      await iam.send(new UpdateAccessKeyCommand({ AccessKeyId: AccessKey?.AccessKeyId, Status: 'Inactive' }));
      stop();
      await iam.send(new UpdateAccessKeyCommand({ AccessKeyId: AccessKey?.AccessKeyId, Status: 'Active' }));
      assert.deepEqual(
        seen.map((e) => [e.action, e.accessKeyId]),
        [
          ['CreateAccessKey', AccessKey?.AccessKeyId],
          ['UpdateAccessKey', AccessKey?.AccessKeyId],
        ],
      );
      assert.equal(emulator.writeLog().length, 2, 'the emulator\'s own log: the update and the second update');
    } finally {
      stop();
      iam.destroy();
      await emulator.close();
    }
  });
});
