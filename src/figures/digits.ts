/**
 * The digits a language writes its figures and dates in: a Unicode numbering system
 * (`latn` 0123, `arab` ٠١٢٣, `arabext` ۰۱۲۳...), set per language in its boilerplate
 * (`digits:`), or the language's own default in CLDR when not set. Intl applies it, so
 * grouping and decimal signs stay the language's ("٧٬٠٠٠" in Arabic-Indic digits).
 */

/** Numbering systems that are plain decimal digits, as Intl knows them. */
export function digitSystems(): string[] {
  return Intl.supportedValuesOf('numberingSystem').filter((system) => {
    const zero = new Intl.NumberFormat('en', { numberingSystem: system, useGrouping: false }).format(1234567890);
    return /^\p{Nd}{10}$/u.test(zero);
  });
}

/** `locale` with its digits set: `withDigits("ar", "arab")` is "ar-u-nu-arab"; the locale as it is for null. */
export function withDigits(locale: string, digits: string | null): string {
  return digits === null ? locale : new Intl.Locale(locale, { numberingSystem: digits }).toString();
}
