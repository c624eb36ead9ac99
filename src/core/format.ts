// Date and age formatting shared by the tree, the hover and exports. Dates are locale-stable:
// output never depends on the machine's language, only (for formatLocal) on a time zone you
// pass or the process default. Ages are words, so they follow the editor's display language
// (core/displayLanguage.ts, English unless the extension set another).
import { displayLocale } from './displayLanguage';
import { englishText, type Translate } from './translate';

const MS_PER_DAY = 86_400_000;

/**
 * Whole days elapsed from `from` to `now` (complete 24-hour periods, rounded down). Never
 * negative: a date in the future (clock skew) is 0 days old, and so is an invalid date.
 */
export function ageInDays(from: Date, now: Date): number {
  const ms = now.getTime() - from.getTime();
  if (!(ms > 0)) return 0; // also catches NaN
  return Math.floor(ms / MS_PER_DAY);
}

function wholeDays(days: number): number {
  return Number.isFinite(days) && days > 0 ? Math.floor(days) : 0;
}

function today(locale: string): string {
  return new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }).format(0, 'day');
}

/** "today", "1 day", "412 days" ("heute", "412 Tage" in German). Fractions are rounded down; negative, NaN or ∞ reads "today". */
export function formatAge(days: number): string {
  const d = wholeDays(days);
  const locale = displayLocale();
  if (d < 1) return today(locale);
  return new Intl.NumberFormat(locale, { style: 'unit', unit: 'day', unitDisplay: 'long', useGrouping: false }).format(d);
}

/** "today", "1 day ago", "412 days ago" ("vor 412 Tagen"): a sentence can't build this from formatAge. */
export function formatAgo(days: number): string {
  const d = wholeDays(days);
  const locale = displayLocale();
  if (d < 1) return today(locale);
  return new Intl.RelativeTimeFormat(locale, { numeric: 'always' }).format(-d, 'day');
}

function isValidDate(date: Date): boolean {
  return date instanceof Date && !Number.isNaN(date.getTime());
}

/** "2024-03-05 14:07 UTC" (minutes, truncated). "invalid date" for an invalid Date. */
export function formatUtc(date: Date): string {
  if (!isValidDate(date)) return 'invalid date';
  const iso = date.toISOString(); // YYYY-MM-DDTHH:mm:ss.sssZ, or ±YYYYYY-… outside 0–9999
  const t = iso.indexOf('T');
  return `${iso.slice(0, t)} ${iso.slice(t + 1, t + 6)} UTC`;
}

/** "2024-03-05T14:07:09Z": ISO 8601 in UTC, without milliseconds. */
export function formatIso(date: Date): string {
  if (!isValidDate(date)) return 'invalid date';
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Date and minute in digits with the zone's short name: no month name is left untranslated. */
export const NUMERIC_DATE_TIME: Readonly<Intl.DateTimeFormatOptions> = {
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
  timeZoneName: 'short',
};

const localFormatters = new Map<string, Intl.DateTimeFormat>();

function localFormatter(timeZone: string | undefined): Intl.DateTimeFormat {
  const key = timeZone ?? '';
  let f = localFormatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { ...NUMERIC_DATE_TIME, timeZone });
    if (localFormatters.size > 50) localFormatters.clear();
    localFormatters.set(key, f);
  }
  return f;
}

/**
 * "2024-03-05 09:07 EST" in `timeZone` (an IANA name such as "Europe/Berlin"), or in the
 * process's time zone when omitted. The zone label is the short English one ("EST", "GMT+1",
 * "UTC"). An unknown time zone falls back to formatUtc rather than throwing.
 */
export function formatLocal(date: Date, timeZone?: string): string {
  if (!isValidDate(date)) return 'invalid date';
  let f: Intl.DateTimeFormat;
  try {
    f = localFormatter(timeZone);
  } catch {
    return formatUtc(date);
  }
  const parts: Record<string, string> = {};
  for (const p of f.formatToParts(date)) parts[p.type] = p.value;
  // formatToParts gives every field the options ask for, the zone's name included.
  const hour = parts.hour === '24' ? '00' : parts.hour;
  return `${parts.year}-${parts.month}-${parts.day} ${hour}:${parts.minute} ${parts.timeZoneName}`;
}

/** "2024-03-05 14:07 UTC (2024-03-05 09:07 EST local)"; only the UTC form when the local time zone is UTC. */
export function formatUtcAndLocal(date: Date, timeZone?: string, t: Translate = englishText): string {
  const utc = formatUtc(date);
  const local = formatLocal(date, timeZone);
  return local === utc ? utc : `${utc} (${t('{0} local', local)})`;
}
