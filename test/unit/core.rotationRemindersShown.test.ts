// A reminder shown today is not shown again today, and showing it keeps the user's earlier
// answers about it and about other keys (#27: a sampled Stryker mutant that dropped them
// survived). Dates written by hand.
import assert from 'node:assert/strict';
import { applyChoice, keysToRemind, markShown, type DueKey } from '../../src/core/rotationReminders';

const NOW = new Date('2026-12-06T10:00:00Z');
const due: DueKey = { profile: 'dev', accessKeyId: 'AKIADUE0000000000001', userName: 'dev', ageDays: 120 };

describe('rotation reminders once shown', () => {
  it('does not show a reminder again the same UTC day, and shows it the next day', () => {
    const shown = markShown({}, ['AKIADUE0000000000001'], NOW);
    assert.deepEqual(shown, { AKIADUE0000000000001: { shownDay: '2026-12-06' } });
    assert.deepEqual(keysToRemind([due], shown, new Date('2026-12-06T23:59:00Z')), []);
    assert.deepEqual(keysToRemind([due], shown, new Date('2026-12-07T00:01:00Z')), [due]);
  });

  it('keeps the answers about other keys when one key\'s reminder is marked shown', () => {
    const snoozed = applyChoice({}, 'AKIAOTHER00000000002', 'snooze', NOW);
    assert.deepEqual(markShown(snoozed, ['AKIADUE0000000000001'], NOW), {
      AKIAOTHER00000000002: { snoozedUntil: '2026-12-13T10:00:00.000Z' },
      AKIADUE0000000000001: { shownDay: '2026-12-06' },
    });
  });

  it('keeps "Don\'t remind for this key" when a reminder for it is marked shown', () => {
    const never = applyChoice({}, 'AKIADUE0000000000001', 'never', NOW);
    const shown = markShown(never, ['AKIADUE0000000000001'], NOW);
    assert.deepEqual(shown, { AKIADUE0000000000001: { never: true, shownDay: '2026-12-06' } });
    assert.deepEqual(keysToRemind([due], shown, new Date('2027-03-01T10:00:00Z')), []);
  });
});
