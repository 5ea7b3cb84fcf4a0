/**
 * The face the web page and the Word document ask for text of a script the template's own
 * font does not cover (Word's complex-script font, `w:rFonts w:cs`, and the head of the CSS
 * stack). It is named here, once, until templates name a font per script: both renderers read
 * this function, so switching the family is one edit. Null for scripts the template font covers.
 */
const FONT_BY_SCRIPT: Readonly<Record<string, string>> = {
  Arab: 'Noto Naskh Arabic',
  Hebr: 'Noto Sans Hebrew',
};

export function scriptFont(lang: string): string | null {
  const script = new Intl.Locale(lang).maximize().script;
  return (script && FONT_BY_SCRIPT[script]) ?? null;
}
