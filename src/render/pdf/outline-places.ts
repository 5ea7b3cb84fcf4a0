/** Where a heading stands: its page (from 1) and its top-left corner, in points from the page's top-left. */
export interface HeadingPlace {
  page: number;
  top: number;
  left: number;
}

/** The parts of a pdfkit document (before `end()`) that its bookmarks are made of. */
interface OutlinedDocument {
  _root: { data: { Pages: { data: { Kids: Array<{ data: { MediaBox: number[] } }> } } } };
  outline: { children: Array<{ outlineData: Record<string, unknown> }> };
}

/**
 * Points each bookmark at its heading. pdfmake has pdfkit make a bookmark for each
 * heading, in order, with a destination at the top of its page and a left edge equal to
 * the page's width (pdfkit takes the left and top it is not given as offsets from the
 * far corner); each gets instead the heading's own page, left and top, at the zoom the
 * reader has ("XYZ" with null zoom).
 */
export function pointOutline(doc: unknown, places: readonly HeadingPlace[]): void {
  const { _root, outline } = doc as OutlinedDocument;
  const pages = _root.data.Pages.data.Kids;
  outline.children.forEach((item, index) => {
    const place = places[index];
    const page = place && pages[place.page - 1];
    if (!place || !page) return;
    item.outlineData.Dest = [page, 'XYZ', place.left, page.data.MediaBox[3]! - place.top, null];
  });
}
