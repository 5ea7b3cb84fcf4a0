import { Footer, Header, PageNumber, Paragraph, Tab, TabStopType, TextRun, type IRunOptions } from 'docx';
import { footerParts, type SheetView } from '../view.js';
import { STYLE } from './styles.js';
import { sides, textWidth } from './units.js';

/** Headers of the section: none on page 1 (the title band is there), the running header on the pages after it. */
export function pageHeaders(view: SheetView): { first: Header; default: Header } {
  const bidi = view.dir === 'rtl' ? { bidirectional: true } : {};
  const rtl = view.dir === 'rtl' ? { rightToLeft: true } : {};
  return {
    first: new Header({ children: [new Paragraph({ ...bidi, children: [] })] }),
    default: new Header({
      children: [new Paragraph({ style: STYLE.header, ...bidi, alignment: sides(view.dir).start, children: [new TextRun({ ...rtl, text: view.header })] })],
    }),
  };
}

/** The footer of every page: its start part, then its end part against the far margin, with page fields. */
export function pageFooters(view: SheetView): { first: Footer; default: Footer } {
  return { first: footer(view), default: footer(view) };
}

function footer(view: SheetView): Footer {
  const rtl: IRunOptions = view.dir === 'rtl' ? { rightToLeft: true } : {};
  const runs = (text: string): TextRun[] =>
    footerParts(text).map((part) =>
      'field' in part
        ? new TextRun({ ...rtl, children: [part.field === 'page' ? PageNumber.CURRENT : PageNumber.TOTAL_PAGES] })
        : new TextRun({ ...rtl, text: part.text }),
    );
  const children = [...runs(view.footer.left)];
  if (view.footer.right !== '') children.push(new TextRun({ ...rtl, children: [new Tab()] }), ...runs(view.footer.right));
  return new Footer({
    children: [
      new Paragraph({
        style: STYLE.footer,
        ...(view.dir === 'rtl' ? { bidirectional: true } : {}),
        alignment: sides(view.dir).start,
        tabStops: [{ type: TabStopType.RIGHT, position: textWidth(view.style) }],
        children,
      }),
    ],
  });
}
