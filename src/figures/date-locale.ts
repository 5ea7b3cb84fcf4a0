/**
 * The locale dates are written in for a language tag. The project writes British English, so
 * `en` without a region dates as `en-GB` ("21 February 2013"), where Intl would take `en-US`
 * ("February 21, 2013"); a sheet published as `en-US` dates the American way. Every other tag
 * dates as Intl does for it.
 */
export function dateLocale(lang: string): string {
  const locale = new Intl.Locale(lang);
  return locale.language === 'en' && !locale.region ? new Intl.Locale('en', { script: locale.script, region: 'GB' }).toString() : lang;
}
