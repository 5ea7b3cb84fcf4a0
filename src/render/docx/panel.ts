import { BorderStyle, ShadingType, Table, TableBorders, TableCell, TableLayoutType, TableRow, WidthType, type IBorderOptions, type ITableCellBorders, type Paragraph } from 'docx';
import type { SheetView } from '../view.js';
import { textWidth, wordColor } from './units.js';

const NO_BORDER = { style: BorderStyle.NONE, size: 0, color: 'auto' } as const;
export const NO_CELL_BORDERS: ITableCellBorders = { top: NO_BORDER, bottom: NO_BORDER, left: NO_BORDER, right: NO_BORDER };

/** Inner padding of a panel, in twips. */
export interface Padding {
  top: number;
  bottom: number;
  side: number;
}

/**
 * A shaded block the width of the text: a one-cell table that is not split across
 * pages, which Word and LibreOffice both shade edge to edge. `startRule` draws a
 * rule along the side where lines start.
 */
export function panel(view: SheetView, fill: string, padding: Padding, paragraphs: Paragraph[], startRule?: IBorderOptions): Table {
  const width = textWidth(view.style);
  return new Table({
    width: { size: width, type: WidthType.DXA },
    columnWidths: [width],
    layout: TableLayoutType.FIXED,
    borders: TableBorders.NONE,
    ...(view.dir === 'rtl' ? { visuallyRightToLeft: true } : {}),
    rows: [
      new TableRow({
        cantSplit: true,
        children: [
          new TableCell({
            width: { size: width, type: WidthType.DXA },
            shading: { type: ShadingType.CLEAR, color: 'auto', fill: wordColor(fill) },
            // In a right-to-left (bidiVisual) table, a cell's left border is drawn on its starting, right side.
            borders: startRule ? { ...NO_CELL_BORDERS, left: startRule } : NO_CELL_BORDERS,
            margins: { top: padding.top, bottom: padding.bottom, left: padding.side, right: padding.side, marginUnitType: WidthType.DXA },
            children: paragraphs,
          }),
        ],
      }),
    ],
  });
}
