// Rotation reminders, what the first tests left open: a stored key reads back as the listing's
// key (the reminder rotates the key it names), and keys of the same age are ordered by key ID.
import assert from 'node:assert/strict';
import { fromStoredKey, keysDue } from '../../src/core/rotationReminders';
import type { AccessKey } from '../../src/core/types';

const NOW = new Date('2026-12-06T10:00:00Z');
const DAY = 86_400_000;

describe('rotation reminders (sweep)', () => {
  it('a stored key reads back with its ID, user, status and creation date', () => {
    const key = fromStoredKey({ accessKeyId: 'AKIASTORED0000000001', userName: 'alice', status: 'Inactive', createDate: '2026-05-20T10:00:00.000Z' });
    assert.deepEqual(key, { AccessKeyId: 'AKIASTORED0000000001', UserName: 'alice', Status: 'Inactive', CreateDate: new Date('2026-05-20T10:00:00.000Z') });
  });

  it('orders due keys oldest first, and keys of the same age by key ID', () => {
    const key = (id: string, ageDays: number): AccessKey => ({ AccessKeyId: id, UserName: 'dev', Status: 'Active', CreateDate: new Date(NOW.getTime() - ageDays * DAY) });
    const listings = [{ profile: 'dev', keys: [key('AKIAZZZ0000000000001', 100), key('AKIAAAA0000000000001', 100), key('AKIAMMM0000000000001', 200)] }];
    assert.deepEqual(
      keysDue(listings, NOW, 90).map((k) => k.accessKeyId),
      ['AKIAMMM0000000000001', 'AKIAAAA0000000000001', 'AKIAZZZ0000000000001'],
    );
  });
});
