import { LevelFormat, LevelSuffix, type INumberingOptions, type NumberingDefinition } from 'docx';
import type { FactSheet, List } from '../../model/fact-sheet.js';
import type { SheetView } from '../view.js';
import { sides, wordColor } from './units.js';

export const BULLET_REFERENCE = 'bullet';
export const DECIMAL_REFERENCE = 'decimal';

/** The list definition an ordered list starting at `start` uses: one per distinct start. */
export function decimalReference(start: number): string {
  return start === 1 ? DECIMAL_REFERENCE : `${DECIMAL_REFERENCE}-from-${start}`;
}

/** The numbering reference a list's items use. */
export function listReference(list: List): string {
  return list.ordered ? decimalReference(list.start) : BULLET_REFERENCE;
}

const INDENT = { left: 340, hanging: 220 };

/**
 * Word numbering for the sheet's lists: a bullet list in the accent colour and decimal lists (markers in the regular
 * face, as the PDF draws them), one definition for each first number the sheet's ordered lists start at. Each list is its own instance, so each starts again.
 */
export function documentNumbering(view: SheetView): INumberingOptions {
  const accent = wordColor(view.style.colors.accent);
  const start = sides(view.dir).start;
  const bullet: NumberingDefinition = {
    reference: BULLET_REFERENCE,
    levels: [
      {
        level: 0,
        format: LevelFormat.BULLET,
        text: '\u2022',
        alignment: start,
        suffix: LevelSuffix.TAB,
        style: {
          run: { color: accent, font: view.style.fonts.word },
          paragraph: { indent: INDENT },
        },
      },
    ],
  };
  const starts = new Set<number>([1]);
  for (const list of listsOf(view.sheet)) if (list.ordered) starts.add(list.start);
  const decimals: NumberingDefinition[] = [...starts]
    .sort((a, b) => a - b)
    .map((from) => ({
      reference: decimalReference(from),
      levels: [
        {
          level: 0,
          format: LevelFormat.DECIMAL,
          text: '%1.',
          start: from,
          alignment: start,
          suffix: LevelSuffix.TAB,
          style: {
            run: { color: accent, font: view.style.fonts.word },
            paragraph: { indent: INDENT },
          },
        },
      ],
    }));
  return { config: [bullet, ...decimals] };
}

function listsOf(sheet: FactSheet): List[] {
  return sheet.sections.flatMap((section) => section.blocks.filter((block): block is List => block.type === 'list'));
}
