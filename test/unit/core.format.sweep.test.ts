// Ages and dates as a user reads them in the hover, the tree and the leak warnings: "412 days
// ago", an infinite age, an invalid date in an export, the UTC-and-local pair of a key row.
// Issue #27: the whole-file Stryker sweep of src/core/format.ts left these unchecked.
import assert from 'node:assert/strict';
import { setDisplayLanguage } from '../../src/core/displayLanguage';
import { formatAge, formatAgo, formatIso, formatLocal, formatUtcAndLocal } from '../../src/core/format';

/** `name` with the case of its letters flipped where the bits of `n` say: a different spelling per n. */
function spelling(name: string, n: number): string {
  let bit = 0;
  return Array.from(name, (c) => (/[a-z]/i.test(c) && (n >> bit++) & 1 ? (c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase()) : c)).join('');
}

describe('core/format (sweep)', () => {
  afterEach(() => setDisplayLanguage('en'));

  describe('formatAgo', () => {
    it('says how long ago in whole days, and "today" under one day', () => {
      assert.equal(formatAgo(0), 'today');
      assert.equal(formatAgo(0.99), 'today');
      assert.equal(formatAgo(1), '1 day ago');
      assert.equal(formatAgo(1.5), '1 day ago');
      assert.equal(formatAgo(412), '412 days ago');
      assert.equal(formatAgo(-2), 'today');
      assert.equal(formatAgo(Infinity), 'today');
    });

    it('follows the display language', () => {
      setDisplayLanguage('de');
      assert.equal(formatAgo(412), 'vor 412 Tagen');
      assert.equal(formatAgo(0), 'heute');
    });
  });

  describe('formatAge', () => {
    it('reads "today" for an infinite age, not "∞ days"', () => {
      assert.equal(formatAge(Infinity), 'today');
      assert.equal(formatAge(-Infinity), 'today');
    });

    it('follows the display language', () => {
      setDisplayLanguage('de');
      assert.equal(formatAge(12345), '12345 Tage');
    });
  });

  describe('formatIso', () => {
    it('writes "invalid date" for an invalid Date instead of throwing', () => {
      assert.equal(formatIso(new Date(NaN)), 'invalid date');
    });
  });

  describe('formatLocal', () => {
    it('reads a zone name in any letter case, also past the 51 formatters it keeps', () => {
      // 60 keys: the cache is cleared at least once on the way, so formatters are built anew
      // even when earlier tests filled it.
      const d = new Date('2024-03-05T14:07:00Z');
      for (let n = 1; n <= 60; n++) {
        const zone = spelling('America/New_York', n);
        assert.equal(formatLocal(d, zone), '2024-03-05 09:07 EST', zone);
      }
    });
  });

  describe('formatUtcAndLocal', () => {
    const d = new Date('2024-03-05T14:07:00Z');

    it('adds the local time in parentheses when the zone is not UTC', () => {
      assert.equal(formatUtcAndLocal(d, 'America/New_York'), '2024-03-05 14:07 UTC (2024-03-05 09:07 EST local)');
      assert.equal(formatUtcAndLocal(d, 'Asia/Kolkata'), '2024-03-05 14:07 UTC (2024-03-05 19:37 GMT+5:30 local)');
    });

    it('gives only the UTC form when local time is UTC', () => {
      assert.equal(formatUtcAndLocal(d, 'UTC'), '2024-03-05 14:07 UTC');
      assert.equal(formatUtcAndLocal(d, 'Mars/Olympus_Mons'), '2024-03-05 14:07 UTC');
    });

    it('words the local part through the translator it is given', () => {
      const t = (message: string, ...args: Array<string | number | boolean>): string => `[${message}|${args.join(',')}]`;
      assert.equal(formatUtcAndLocal(d, 'Europe/Berlin', t), '2024-03-05 14:07 UTC ([{0} local|2024-03-05 15:07 GMT+1])');
    });

    it('says "invalid date" once for an invalid Date', () => {
      assert.equal(formatUtcAndLocal(new Date(NaN), 'America/New_York'), 'invalid date');
    });
  });
});
