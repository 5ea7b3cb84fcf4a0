import { iso31661, iso31663 } from 'iso-3166';

/** What ISO 3166 says about a two-letter code. */
export type CountryCodeStatus =
  | { state: 'assigned' }
  | { state: 'unassigned' }
  /** Withdrawn from ISO 3166-1 (ISO 3166-3): each country the code stood for, with what replaced it. */
  | { state: 'withdrawn'; history: { name: string; successors: { code: string; name: string; withdrawn: boolean }[] }[] };

const assigned = new Set(iso31661.map((entry) => entry.alpha2));

// XK is a user-assigned code, not in ISO 3166-1, but it is the code the European Commission,
// the IMF and most registries use for Kosovo; sheets listing Kosovo among members need it.
assigned.add('XK');

/** Codes withdrawn and not reassigned since, in the standard's order (CS was withdrawn twice). */
const withdrawn = new Map<string, Extract<CountryCodeStatus, { state: 'withdrawn' }>['history']>();
for (const entry of iso31663) {
  const code = entry.from.alpha2;
  if (assigned.has(code)) continue; // BY, GE, SK... now name another country
  const history = withdrawn.get(code) ?? [];
  history.push({
    name: entry.from.name,
    successors: entry.to.map((to) => ({ code: to.alpha2, name: to.name, withdrawn: to.state !== 'assigned' })),
  });
  withdrawn.set(code, history);
}

/** Whether `code` is an assigned ISO 3166-1 alpha-2 code (or XK), a withdrawn one, or neither. */
export function countryCodeStatus(code: string): CountryCodeStatus {
  if (assigned.has(code)) return { state: 'assigned' };
  const history = withdrawn.get(code);
  return history ? { state: 'withdrawn', history } : { state: 'unassigned' };
}

/** True when `code` is an assigned ISO 3166-1 alpha-2 country code (or XK, Kosovo). */
export function isCountryCode(code: string): boolean {
  return assigned.has(code);
}
