// Every rotation message reaches a translator (issue #26): the engine runs with a `t` that marks
// each literal piece of text («…») and leaves the arguments as they are, so English built outside
// a `t('…')` call shows up unmarked. What may stay unmarked is data: key IDs, profile and user
// names, the tool's command, dates, the error text of a failed call.
// Rows: docs/reliability.md, section "Rotation messages reach a translator".
import * as assert from 'node:assert/strict';
import { rotateAccessKey } from '../../src/aws/rotateAccessKey';
import { unreadableRecordsMessage } from '../../src/core/rotationJournal';
import type { Translate } from '../../src/core/translate';
import type { IamEmulator } from '../emulator/index';
import { OLD_KEY_ID, ROTATED_PROFILE, ROTATED_USER, useRotationFixture, type RotationFixture } from '../support/rotationFixture';

const OTHER_KEY = 'AKIAOTHERKEYOFADMIN1';

/** Marks every literal chunk of the template; placeholders are filled with their arguments unmarked. */
const marked: Translate = (message, ...args) =>
  message
    .split(/(\{\d+\})/)
    .map((part) => {
      const placeholder = /^\{(\d+)\}$/.exec(part);
      if (placeholder) return String(args[Number(placeholder[1])]);
      return part === '' ? '' : `«${part}»`;
    })
    .join('');

/** Fails when, outside the marks, anything but the given data and punctuation is left. */
function assertWhollyMarked(message: string, data: readonly string[]): void {
  assert.match(message, /«/, message);
  let rest = message.replace(/«[^«»]*»/g, ' ');
  for (const datum of [...data].sort((a, b) => b.length - a.length)) rest = rest.split(datum).join(' ');
  assert.match(rest, /^[\s.,:;()"'…-]*$/, `English outside a t('…') call: ${JSON.stringify(rest.trim())} in ${message}`);
}

describe('rotation messages reach a translator (emulator over real HTTP)', function () {
  this.timeout(60_000);
  const rotation = useRotationFixture({ seed: 26, propagationDelayMs: 0 });
  let emulator: IamEmulator;
  let fixture: RotationFixture;
  beforeEach(() => {
    ({ emulator, fixture } = rotation);
  });

  it('rotated: the done message is wholly translated', async () => {
    const outcome = await rotateAccessKey(fixture.request(), fixture.deps({ t: marked }));
    assert.equal(outcome.kind, 'rotated', outcome.message);
    assert.ok(outcome.kind === 'rotated');
    assertWhollyMarked(outcome.message, [ROTATED_PROFILE, OLD_KEY_ID, outcome.result.newAccessKeyId]);
  });

  it('refused with two keys: the message naming the other key and its last use is wholly translated', async () => {
    emulator.store.addAccessKey(ROTATED_USER, { accessKeyId: OTHER_KEY, status: 'Inactive', lastUsed: { date: new Date('2026-03-04T05:06:07Z'), serviceName: 's3', region: 'eu-west-1' } });
    const outcome = await rotateAccessKey(fixture.request(), fixture.deps({ t: marked }));
    assert.equal(outcome.kind, 'two-keys', outcome.message);
    assert.ok(outcome.kind === 'two-keys');
    assertWhollyMarked(outcome.message, [ROTATED_USER, OTHER_KEY, 'Inactive', '2026-03-04 05:06 UTC', 's3']);
  });

  it('tool-managed: the refusal naming the tool and its rotate command is wholly translated', async () => {
    const outcome = await rotateAccessKey(fixture.request({ profileKind: 'credential process', credentialProcess: 'aws-vault export dev' }), fixture.deps({ t: marked }));
    assert.equal(outcome.kind, 'refused', outcome.message);
    assert.ok(outcome.kind === 'refused');
    assert.equal(outcome.reason, 'toolManaged');
    assertWhollyMarked(outcome.message, [ROTATED_PROFILE, 'aws-vault', 'aws-vault rotate dev']);
  });

  it('rolled back: the undo message and its reason are wholly translated', async () => {
    const writeKeys = (): Promise<never> => Promise.reject(new Error('disk full'));
    const outcome = await rotateAccessKey(fixture.request(), fixture.deps({ t: marked, writeKeys }));
    assert.equal(outcome.kind, 'rolled-back', outcome.message);
    // The new key's ID (deleted by the undo) is data like the old one.
    assertWhollyMarked(outcome.message, [ROTATED_PROFILE, 'disk full', ...(outcome.message.match(/AKIA[A-Z0-9]{16}/g) ?? [])]);
  });

  it('unreadable journal records (one, several): the start-up message is wholly translated', () => {
    const files = ['/j/rotation-a.json', '/j/rotation-b.json'];
    assertWhollyMarked(unreadableRecordsMessage(files.slice(0, 1), marked) ?? '', files);
    assertWhollyMarked(unreadableRecordsMessage(files, marked) ?? '', [...files, '2']);
  });
});
