/** A calendar date of the registry or frontmatter: year and month, day optional. */
export interface IsoDate {
  year: number;
  month: number;
  day: number | null;
}

const ISO_DATE = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/;

/** Reads `YYYY-MM` or `YYYY-MM-DD`; null unless it names a real date. */
export function parseIsoDate(text: string, options: { requireDay?: boolean } = {}): IsoDate | null {
  const match = ISO_DATE.exec(text);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = match[3] === undefined ? null : Number(match[3]);
  if (year < 1 || month < 1 || month > 12) return null; // ISO 8601 year 0000 is 1 BC: no sheet is dated before year 1
  if (day === null) return options.requireDay ? null : { year, month, day };
  const probe = utcDate(year, month, day);
  if (probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) return null;
  return { year, month, day };
}

/**
 * Midnight UTC of a calendar date. `Date.UTC` reads years 0 to 99 as 1900 to 1999, so
 * the year is set on its own, which takes any year as written.
 */
export function utcDate(year: number, month: number, day: number): Date {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date;
}
