// Rotation reminders on a fixed clock: which keys are due (keyHealth's threshold, strictly
// past it), once a day per key, "Remind me in 7 days", "Don't remind for this key", and one
// listing per connection per UTC day. Expected values are written by hand.
import assert from 'node:assert/strict';
import {
  applyChoice,
  connectionsToList,
  dayOf,
  keysDue,
  keysToRemind,
  markShown,
  recordListing,
  type DueKey,
} from '../../src/core/rotationReminders';
import type { AccessKey, AccessKeyStatus } from '../../src/core/types';

const NOW = new Date('2026-12-06T10:00:00Z');
const DAY = 86_400_000;
const at = (days: number, hours = 0): Date => new Date(NOW.getTime() + days * DAY + hours * 3_600_000);

function key(id: string, ageDays: number, status: AccessKeyStatus = 'Active', user = 'dev'): AccessKey {
  return { AccessKeyId: id, UserName: user, Status: status, CreateDate: new Date(NOW.getTime() - ageDays * DAY) };
}

const due = (id: string, ageDays: number, profile = 'dev'): DueKey => ({ profile, accessKeyId: id, userName: 'dev', ageDays });

describe('rotation reminders', () => {
  describe('keysDue', () => {
    it('takes active keys strictly older than the threshold, oldest first', () => {
      const listings = [{ profile: 'dev', keys: [key('AKIAOLDBUTINACTIVE01', 400, 'Inactive'), key('AKIAEXACTLY90DAYS001', 90), key('AKIA91DAYS0000000001', 91), key('AKIA300DAYS000000001', 300)] }];
      assert.deepEqual(keysDue(listings, NOW, 90), [due('AKIA300DAYS000000001', 300), due('AKIA91DAYS0000000001', 91)]);
    });

    it('lists a key two profiles hold once, under the first profile', () => {
      const shared = key('AKIASHAREDKEY0000001', 120);
      assert.deepEqual(keysDue([{ profile: 'default', keys: [shared] }, { profile: 'dev', keys: [shared] }], NOW, 90), [due('AKIASHAREDKEY0000001', 120, 'default')]);
    });

    it('follows the setting: 30 days makes a 45-day-old key due', () => {
      const listings = [{ profile: 'dev', keys: [key('AKIA45DAYS0000000001', 45)] }];
      assert.deepEqual(keysDue(listings, NOW, 90), []);
      assert.deepEqual(keysDue(listings, NOW, 30), [due('AKIA45DAYS0000000001', 45)]);
    });
  });

  describe('once a day, snooze, never', () => {
    const A = due('AKIAKEYA000000000001', 200);
    const B = due('AKIAKEYB000000000001', 100);

    it('reminds about a key at most once per UTC day, and again the next day', () => {
      let states = markShown({}, [A.accessKeyId], NOW);
      assert.deepEqual(keysToRemind([A, B], states, at(0, 13)), [B]); // 23:00 UTC, same day
      assert.deepEqual(keysToRemind([A, B], states, at(0, 14)), [A, B]); // 00:00 UTC, next day
      states = markShown(states, [A.accessKeyId, B.accessKeyId], at(1));
      assert.deepEqual(keysToRemind([A, B], states, at(1, 5)), []);
    });

    it('"Remind me in 7 days": quiet for seven days, then reminds again', () => {
      const states = applyChoice(markShown({}, [A.accessKeyId], NOW), A.accessKeyId, 'snooze', NOW);
      assert.deepEqual(states[A.accessKeyId], { shownDay: '2026-12-06', snoozedUntil: '2026-12-13T10:00:00.000Z' });
      assert.deepEqual(keysToRemind([A], states, at(6, 23)), []);
      assert.deepEqual(keysToRemind([A], states, at(7)), [A]);
    });

    it('"Don\'t remind for this key": never again, other keys still', () => {
      const states = applyChoice({}, A.accessKeyId, 'never', NOW);
      assert.deepEqual(keysToRemind([A, B], states, at(400)), [B]);
    });

    it('"Rotate…" and a dismissed notification change nothing beyond the day shown', () => {
      const shown = markShown({}, [A.accessKeyId], NOW);
      assert.equal(applyChoice(shown, A.accessKeyId, 'rotate', NOW), shown);
      assert.equal(applyChoice(shown, A.accessKeyId, 'dismissed', NOW), shown);
    });
  });

  describe('one listing per connection per day', () => {
    it('lists each connection once a UTC day; yesterday\'s listings are dropped', () => {
      assert.equal(dayOf(NOW), '2026-12-06');
      let memo = recordListing(undefined, NOW, 'dev|us-east-1|', 'dev', [key('AKIAKEYA000000000001', 200)]);
      assert.deepEqual(connectionsToList(['dev|us-east-1|', 'prod|us-east-1|'], memo, at(0, 13)), ['prod|us-east-1|']);
      memo = recordListing(memo, at(0, 13), 'prod|us-east-1|', 'prod', []);
      assert.deepEqual(connectionsToList(['dev|us-east-1|', 'prod|us-east-1|'], memo, at(0, 13)), []);
      assert.deepEqual(connectionsToList(['dev|us-east-1|', 'prod|us-east-1|'], memo, at(0, 14)), ['dev|us-east-1|', 'prod|us-east-1|']);
      const nextDay = recordListing(memo, at(1), 'prod|us-east-1|', 'prod', []);
      assert.deepEqual(nextDay, { day: '2026-12-07', listings: { 'prod|us-east-1|': { profile: 'prod', keys: [] } } });
    });

    it('keeps a listing as plain JSON that reads back to the same key', () => {
      const memo = recordListing(undefined, NOW, 'dev', 'dev', [key('AKIAKEYA000000000001', 200)]);
      assert.deepEqual(JSON.parse(JSON.stringify(memo)), {
        day: '2026-12-06',
        listings: { dev: { profile: 'dev', keys: [{ accessKeyId: 'AKIAKEYA000000000001', userName: 'dev', status: 'Active', createDate: '2026-05-20T10:00:00.000Z' }] } },
      });
    });
  });
});
