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
  if (month < 1 || month > 12) return null;
  if (day === null) return options.requireDay ? null : { year, month, day };
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) return null;
  return { year, month, day };
}
