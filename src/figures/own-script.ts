/**
 * Number words in the language's own script. n2words writes Ukrainian with the Latin "i" where
 * the language writes the Cyrillic "і" ("сiм" for "сім"): a reader sees no difference, but a
 * search, a spell checker or a screen reader does. Latin letters that look like Cyrillic ones are
 * replaced in a language written in Cyrillic, and `foreignLetters` finds any letter left that is
 * not of the language's script.
 */

/** Latin letters and the Cyrillic letters they are mistaken for. */
const LATIN_TO_CYRILLIC: Readonly<Record<string, string>> = {
  a: 'а', c: 'с', e: 'е', i: 'і', o: 'о', p: 'р', x: 'х', y: 'у',
  A: 'А', B: 'В', C: 'С', E: 'Е', H: 'Н', I: 'І', K: 'К', M: 'М', O: 'О', P: 'Р', T: 'Т', X: 'Х',
};

const SCRIPT_NAMES: Readonly<Record<string, string>> = { Latn: 'Latin', Cyrl: 'Cyrillic', Arab: 'Arabic', Hebr: 'Hebrew', Grek: 'Greek' };

/** The script a language is written in (`Cyrl` for uk and ru), as Intl's likely subtags give it. */
export function scriptOf(lang: string): string | null {
  return new Intl.Locale(lang).maximize().script ?? null;
}

/** `words` with Latin look-alikes replaced by the letters of a Cyrillic-script language. */
export function toOwnScript(lang: string, words: string): string {
  if (scriptOf(lang) !== 'Cyrl') return words;
  return words.replace(/[A-Za-z]/g, (letter) => LATIN_TO_CYRILLIC[letter] ?? letter);
}

/** The letters of `text` that are not of the language's script (none when the script is unknown here). */
export function foreignLetters(lang: string, text: string): string[] {
  const script = SCRIPT_NAMES[scriptOf(lang) ?? ''];
  if (!script) return [];
  const own = new RegExp(`\\p{Script=${script}}`, 'u');
  return [...new Set([...text].filter((ch) => /\p{L}/u.test(ch) && !own.test(ch)))];
}
