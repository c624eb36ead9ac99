import assert from 'node:assert/strict';
import fc from 'fast-check';
import { ageInDays, formatAge, formatIso, formatLocal, formatUtc } from '../../src/core/format';

const DAY = 86_400_000;
const dateArb = fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true });

describe('core/format', () => {
  describe('ageInDays', () => {
    it('counts complete 24-hour periods', () => {
      const from = new Date('2024-03-05T14:07:00Z');
      assert.equal(ageInDays(from, new Date('2024-03-05T23:59:59Z')), 0);
      assert.equal(ageInDays(from, new Date('2024-03-06T14:06:59.999Z')), 0);
      assert.equal(ageInDays(from, new Date('2024-03-06T14:07:00Z')), 1);
      assert.equal(ageInDays(from, new Date('2025-04-21T14:07:00Z')), 412);
    });

    it('is never negative, and 0 for invalid dates', () => {
      assert.equal(ageInDays(new Date('2030-01-01Z'), new Date('2024-01-01Z')), 0);
      assert.equal(ageInDays(new Date(NaN), new Date()), 0);
      assert.equal(ageInDays(new Date(), new Date(NaN)), 0);
    });

    it('is a whole number that grows by one per day added', () => {
      fc.assert(
        fc.property(dateArb, fc.nat(20000), fc.nat(DAY - 1), (from, days, extra) => {
          const now = new Date(from.getTime() + days * DAY + extra);
          assert.equal(ageInDays(from, now), days);
          assert.equal(ageInDays(now, from), 0);
        }),
      );
    });
  });

  describe('formatAge', () => {
    it('reads naturally', () => {
      assert.equal(formatAge(0), 'today');
      assert.equal(formatAge(1), '1 day');
      assert.equal(formatAge(2), '2 days');
      assert.equal(formatAge(412), '412 days');
      assert.equal(formatAge(12345), '12345 days');
      assert.equal(formatAge(1.9), '1 day');
      assert.equal(formatAge(-3), 'today');
      assert.equal(formatAge(NaN), 'today');
    });
  });

  describe('formatUtc', () => {
    it('prints date, minutes and UTC', () => {
      assert.equal(formatUtc(new Date('2024-03-05T14:07:59.999Z')), '2024-03-05 14:07 UTC');
      assert.equal(formatUtc(new Date('1999-12-31T00:00:00Z')), '1999-12-31 00:00 UTC');
      assert.equal(formatUtc(new Date(NaN)), 'invalid date');
    });

    it('has a fixed shape for any date', () => {
      fc.assert(
        fc.property(dateArb, (d) => {
          const s = formatUtc(d);
          assert.match(s, /^\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC$/);
          const back = new Date(s.replace(' UTC', 'Z').replace(' ', 'T'));
          assert.equal(back.getTime(), Math.floor(d.getTime() / 60000) * 60000);
        }),
      );
    });
  });

  describe('formatIso', () => {
    it('drops milliseconds and keeps Z', () => {
      assert.equal(formatIso(new Date('2024-03-05T14:07:09.123Z')), '2024-03-05T14:07:09Z');
      assert.equal(formatIso(new Date('2024-03-05T14:07:09Z')), '2024-03-05T14:07:09Z');
    });

    it('round-trips to the second', () => {
      fc.assert(
        fc.property(dateArb, (d) => {
          const s = formatIso(d);
          assert.match(s, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
          assert.equal(new Date(s).getTime(), Math.floor(d.getTime() / 1000) * 1000);
        }),
      );
    });
  });

  describe('formatLocal', () => {
    const d = new Date('2024-03-05T14:07:00Z');

    it('formats in the given time zone with a short zone name', () => {
      assert.equal(formatLocal(d, 'UTC'), '2024-03-05 14:07 UTC');
      assert.equal(formatLocal(d, 'America/New_York'), '2024-03-05 09:07 EST');
      assert.equal(formatLocal(new Date('2024-07-05T14:07:00Z'), 'America/New_York'), '2024-07-05 10:07 EDT');
      assert.equal(formatLocal(d, 'Asia/Tokyo'), '2024-03-05 23:07 GMT+9');
      assert.equal(formatLocal(d, 'Asia/Kolkata'), '2024-03-05 19:37 GMT+5:30');
    });

    it('uses 00 for midnight, not 24', () => {
      assert.equal(formatLocal(new Date('2024-03-05T00:30:00Z'), 'UTC'), '2024-03-05 00:30 UTC');
      assert.equal(formatLocal(new Date('2024-03-05T05:00:00Z'), 'America/New_York'), '2024-03-05 00:00 EST');
    });

    it('falls back to UTC for an unknown zone and handles invalid dates', () => {
      assert.equal(formatLocal(d, 'Mars/Olympus_Mons'), '2024-03-05 14:07 UTC');
      assert.equal(formatLocal(new Date(NaN), 'UTC'), 'invalid date');
    });

    it('always has the same shape', () => {
      fc.assert(
        fc.property(dateArb, fc.constantFrom(undefined, 'UTC', 'Europe/Berlin', 'Pacific/Chatham', 'America/St_Johns'), (date, tz) => {
          assert.match(formatLocal(date, tz), /^\d{4}-\d{2}-\d{2} \d{2}:\d{2} \S+$/);
        }),
      );
    });
  });
});
