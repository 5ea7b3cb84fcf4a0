import { titleLineGaps } from '../pdf/pdf-content.js';
import { BorderStyle, HeadingLevel, Paragraph, Tab, TabStopType, TextRun, type Table } from 'docx';
import type { SheetView } from '../view.js';
import { inlineRuns, plainRuns } from './inline-runs.js';
import { markRun } from './mark-image.js';
import { panel } from './panel.js';
import { STYLE } from './styles.js';
import { halfPoints, sides, textWidth, twips, wordColor } from './units.js';
import type { WordFonts } from './word-fonts.js';

const PADDING = { top: 260, bottom: 300, side: 320 };
/** The mark's size and the space after it, in points, as the PDF draws them. */
const MARK = 22;
const MARK_GAP = 8;
/** The organisation and the kind of document stand level with the mark's middle, not its foot (w:position). */
const RAISE = '7pt';

/**
 * The band across the top of page 1, white on the brand colour: the mark, the organisation and the kind of document, the
 * title, the subtitle and the date. A one-cell table, which Word and LibreOffice both shade edge to edge.
 */
export function titleBand(view: SheetView, fonts: WordFonts): Table {
  const { style, dir } = view;
  const width = textWidth(style);
  const inner = width - 2 * PADDING.side;
  const bidi = dir === 'rtl' ? { bidirectional: true } : {};
  const alignment = sides(dir).start;
  const inverse = wordColor(style.colors.inverse);

  const masthead = new Paragraph({
    style: STYLE.band,
    ...bidi,
    alignment,
    tabStops: [
      { type: TabStopType.LEFT, position: twips(MARK + MARK_GAP) },
      { type: TabStopType.RIGHT, position: inner },
    ],
    // The PDF's hairline under the masthead: white at 40 % over the band, 10 points below the mark and 14 above the title.
    border: { bottom: { style: BorderStyle.SINGLE, size: 4, space: 10, color: blend(style.colors.inverse, style.colors.brand, 0.4) } },
    spacing: { after: twips(14) },
    children: [
      markRun(view, MARK),
      new TextRun({ ...(dir === 'rtl' ? { rightToLeft: true } : {}), children: [new Tab()] }),
      ...plainRuns(view.sheet.contact.organisation.toLocaleUpperCase(view.lang), dir, {
        ...fonts.strong,
        size: halfPoints(style.sizes.organisation),
        sizeComplexScript: halfPoints(style.sizes.organisation),
        // Spaced capitals; a right-to-left script here is cursive (Arabic), whose letters spacing would part.
        ...(dir === 'ltr' ? { characterSpacing: 8 } : {}),
        color: inverse,
        position: RAISE,
      }),
      new TextRun({ ...(dir === 'rtl' ? { rightToLeft: true } : {}), children: [new Tab()] }),
      // In capitals, as the PDF and the web page print it; kept as written, so an edit of the label reads as it should.
      ...plainRuns(view.labels.kind, dir, { size: halfPoints(style.sizes.kind), sizeComplexScript: halfPoints(style.sizes.kind), color: inverse, allCaps: true, position: RAISE, ...(dir === 'ltr' ? { characterSpacing: 16 } : {}) }),
    ],
  });
  const paragraphs: Paragraph[] = [masthead, new Paragraph({ heading: HeadingLevel.TITLE, ...bidi, alignment, children: inlineRuns(view.sheet.meta.title, dir, fonts.strong, {}, titleLineGaps(view)) })];
  if (view.sheet.meta.subtitle) {
    paragraphs.push(new Paragraph({ style: STYLE.subtitle, ...bidi, alignment, children: inlineRuns(view.sheet.meta.subtitle, dir, fonts.strong) }));
  }
  if (view.date) {
    paragraphs.push(
      new Paragraph({
        style: STYLE.band,
        ...bidi,
        alignment,
        spacing: { before: twips(6) },
        children: plainRuns(view.date, dir, { size: halfPoints(style.sizes.kind), sizeComplexScript: halfPoints(style.sizes.kind), color: inverse }),
      }),
    );
  }
  return panel(view, style.colors.brand, PADDING, paragraphs);
}

/** `top` laid over `bottom` at `opacity`, as one colour in Word's `RRGGBB`. */
function blend(top: string, bottom: string, opacity: number): string {
  const channels = (hex: string) => [1, 3, 5].map((at) => parseInt(hex.slice(at, at + 2), 16));
  const [t, b] = [channels(top), channels(bottom)];
  return t.map((value, i) => Math.round(value * opacity + b[i]! * (1 - opacity)).toString(16).padStart(2, '0')).join('').toUpperCase();
}
