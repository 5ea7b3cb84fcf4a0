/**
 * How one language names countries in running text: CLDR's region names (Intl.DisplayNames),
 * unless the project gives the official short name its press office uses, joined as the
 * language joins lists (Intl.ListFormat: "A, B et C", "A, B and C").
 */
export interface CountryNameSettings {
  /** The locale whose list style joins the names ("en-GB": no comma before "and"); the sheet's language when null. */
  listLocale: string | null;
  /** Code -> the name as printed in a sentence ("la République de Corée"). */
  names: ReadonlyMap<string, string>;
}

export const NO_COUNTRY_NAMES: CountryNameSettings = { listLocale: null, names: new Map() };

export type CountryList = { ok: true; text: string } | { ok: false; missing: string[] };

/** Lists countries by their codes, in the given order. */
export type CountryLister = (codes: readonly string[]) => CountryList;

export function createCountryLister(lang: string, settings: CountryNameSettings): CountryLister {
  // Intl falls back to the default locale silently; a language CLDR does not cover must name every country itself.
  const cldr = Intl.DisplayNames.supportedLocalesOf([lang]).length > 0 ? new Intl.DisplayNames([lang], { type: 'region', fallback: 'none' }) : null;
  const list = new Intl.ListFormat(settings.listLocale ?? lang, { type: 'conjunction', style: 'long' });
  return (codes) => {
    const names: string[] = [];
    const missing: string[] = [];
    for (const code of codes) {
      const name = settings.names.get(code) ?? cldr?.of(code);
      if (name) names.push(name);
      else missing.push(code);
    }
    return missing.length > 0 ? { ok: false, missing } : { ok: true, text: list.format(names) };
  };
}
