import { AlignmentType } from 'docx';
import type { TemplateStyle } from '../../model/template.js';

/** Points to twentieths of a point, the unit of Word's page measures and paragraph spacing. */
export function twips(points: number): number {
  return Math.round(points * 20);
}

/** Points to half-points, the unit of Word's font sizes. */
export function halfPoints(points: number): number {
  return Math.round(points * 2);
}

/** `#rrggbb` to the `RRGGBB` Word writes. */
export function wordColor(color: string): string {
  return color.replace(/^#/, '').toUpperCase();
}

/** Line spacing as a multiple of the font size, in Word's 240ths of a line (rule `auto`). */
export function lineSpacing(multiple: number): number {
  return Math.round(240 * multiple);
}

/** Page sizes in twips, portrait. */
export const PAGE_SIZES = {
  A4: { width: 11906, height: 16838 },
  LETTER: { width: 12240, height: 15840 },
} as const;

/** The width between the side margins, in twips. */
export function textWidth(style: TemplateStyle): number {
  const [, right, , left] = style.page.margins;
  return PAGE_SIZES[style.page.size].width - twips(right) - twips(left);
}

/** The side of the page a line of the sheet's writing starts on, and the side it ends on. */
export function sides(dir: 'ltr' | 'rtl'): { start: typeof AlignmentType.LEFT | typeof AlignmentType.RIGHT; end: typeof AlignmentType.LEFT | typeof AlignmentType.RIGHT } {
  // docx writes LEFT and RIGHT of a bidirectional paragraph as the side of the page they name.
  return dir === 'rtl' ? { start: AlignmentType.RIGHT, end: AlignmentType.LEFT } : { start: AlignmentType.LEFT, end: AlignmentType.RIGHT };
}
