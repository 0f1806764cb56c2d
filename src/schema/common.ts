import { z } from 'astro/zod';

/** An ISO 8601 timestamp with a UTC offset, e.g. `2025-03-30T01:30:00+01:00` or `2025-03-30T00:30:00Z`. */
export const TIMESTAMP_PATTERN = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** A calendar date, e.g. `2025-07-15`. */
export const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A lower-case kebab-case id, e.g. `checkout-api`. */
export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

function isRealDate(year: number, month: number, day: number): boolean {
  // setUTCFullYear takes the year as written: Date.UTC would read 0000-0099 as 1900-1999.
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/** True when `value` is a real ISO 8601 timestamp with an offset. */
export function isTimestamp(value: string): boolean {
  const m = TIMESTAMP_PATTERN.exec(value);
  if (!m) return false;
  const [, y, mo, d, h, mi, s = '0', offset = 'Z'] = m;
  if (!isRealDate(Number(y), Number(mo), Number(d))) return false;
  if (Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) return false;
  if (offset !== 'Z' && (Number(offset.slice(1, 3)) > 14 || Number(offset.slice(4, 6)) > 59)) return false;
  return true;
}

/** True when `value` is a real `YYYY-MM-DD` calendar date. */
export function isCalendarDate(value: string): boolean {
  const m = DATE_PATTERN.exec(value);
  return m !== null && isRealDate(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** A timestamp field: `2025-06-21T13:55:00Z` or `2025-06-21T14:55:00+01:00`. */
export const TimestampSchema = z
  .string({ error: 'expected an ISO 8601 timestamp with an offset, e.g. 2025-06-21T13:55:00Z' })
  .refine(isTimestamp, {
    error: 'expected an ISO 8601 timestamp with an offset, e.g. 2025-06-21T13:55:00Z or 2025-06-21T14:55:00+01:00',
  });

/** A date field: `2025-07-15`. */
export const CalendarDateSchema = z.string({ error: 'expected a date written YYYY-MM-DD, e.g. 2025-07-15' }).refine(isCalendarDate, {
  error: 'expected a date written YYYY-MM-DD, e.g. 2025-07-15',
});

/** An id: lower-case letters, digits and single hyphens, e.g. `checkout-api`. */
export const IdSchema = z.string({ error: 'expected an id such as checkout-api' }).regex(ID_PATTERN, {
  error: 'expected lower-case letters, digits and single hyphens, e.g. checkout-api',
});

/** A non-empty line of text. */
export const TextSchema = z.string({ error: 'expected text' }).trim().min(1, { error: 'expected text, found an empty value' });

/** An HTML character reference such as `&amp;`, `&#60;` or `&#x3c;`. */
const CHARACTER_REFERENCE = /&(?:#\d+|#x[0-9a-f]+|[a-z][a-z0-9]+);/i;

/**
 * A display name of the catalog or taxonomy, e.g. `Checkout API`: plain text, never markup. Names are
 * search filters and appear in headings, feeds and downloads; each place shows them as text, so `<`,
 * `>` or a character reference (`&amp;`) would only ever appear as typed.
 */
export const NameSchema = TextSchema.regex(/^[^<>]*$/, {
  error: 'expected a name in plain text, without < or >: write words or brackets instead of markup, e.g. Payments or Search (beta)',
}).refine((name) => !CHARACTER_REFERENCE.test(name), {
  error: 'expected a name in plain text, without character references: type the character itself, e.g. & rather than &amp;',
});
