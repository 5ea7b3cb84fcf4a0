import type { TemplateStyle } from '../model/template.js';
import { fontForLanguage } from '../model/script-fonts.js';

/**
 * The face the web page and the Word document ask for a language whose script the
 * template gives a font of its own (`fonts.scripts` in style.yaml): Word's complex-script
 * font (`w:rFonts w:cs`) and the head of the page's CSS stack. Null when the language is
 * set in the template's main font.
 */
export function scriptFont(style: TemplateStyle, lang: string): { family: string; word: string } | null {
  const choice = fontForLanguage(style, lang);
  return choice.script === null ? null : { family: choice.family, word: choice.word };
}
