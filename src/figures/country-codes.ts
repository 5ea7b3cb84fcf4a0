const regionNames = new Intl.DisplayNames('en', { type: 'region', fallback: 'none' });

// Codes ICU names that ISO 3166-1 only reserves (UK, EU, ...) or leaves to private use;
// XK stays allowed because it is the code in common use for Kosovo.
const RESERVED = /^(?:AA|Q[M-Z]|X[A-JL-Z]|ZZ|UK|EU|EZ|UN|AC|CP|DG|EA|IC|TA|FX)$/;

/** True when `code` is an assigned ISO 3166-1 alpha-2 country code. */
export function isCountryCode(code: string): boolean {
  return /^[A-Z]{2}$/.test(code) && !RESERVED.test(code) && regionNames.of(code) !== undefined;
}
