import { isArtifact, LAYOUT, type Marking, type Tag } from './structure.js';

/*
 * pdfmake does not tag; the pdfkit document under it can (`tagged: true`): marked content
 * in the pages' content streams, each sequence a part of a structure element. pdfmake
 * draws a page item by item (a line of text, a vector, an SVG), and a line inline by
 * inline, each with one `text` call. It offers no hook before it draws, but after each item
 * it calls its progress callback on its renderer, which holds the document and the laid-out
 * pages: from there each next item is marked before it is drawn (for the first item of a
 * page, when pdfkit adds the page), and this one document's `text` is wrapped to mark
 * each inline that starts another element (a link in a paragraph), its `link` to describe
 * a link's annotation by the link's text. Page 1 begins with a start
 * mark that draws nothing (`startMark`), so that the first callback comes before anything
 * that needs marking.
 */

/** What a piece of pdfmake content carries; pdfmake copies it from a text's pieces to the inlines it lays out. */
interface Tagged {
  tag?: Marking;
}

interface PageItem {
  type: string;
  item: Tagged & { inlines?: Tagged[] };
}

/** The parts of pdfkit's structure element (lib/structure_element.js) used here. */
interface StructureElement {
  add(child: unknown): StructureElement;
  end(): void;
}

/** The parts of a pdfkit document (0.19, with pdfmake's pages) used here. */
interface TaggingDocument {
  struct(type: string, options?: Record<string, unknown>): StructureElement;
  addStructure(element: StructureElement): unknown;
  markStructureContent(type: string): unknown;
  markContent(tag: string, options?: Record<string, unknown>): unknown;
  endMarkedContent(): unknown;
  text(...args: unknown[]): unknown;
  link(x: number, y: number, width: number, height: number, url: string, options?: Record<string, unknown>): unknown;
  on(event: 'pageAdded', listener: () => void): unknown;
  /** pdfmake's laid-out pages, set before it draws them. */
  _pdfMakePages: Array<{ items: PageItem[] }>;
  /** The link element pdfkit adds a link's annotation to (lib/mixins/text.js), while its text is drawn. */
  _currentStructureElement?: StructureElement;
}

const START: Marking = { artifact: 'Layout' };

/** The first thing on page 1 (as pdfmake's page background): an empty text, which draws nothing. */
export function startMark(): Record<string, unknown> {
  return { text: [{ text: '', tag: START }] };
}

/**
 * A progress callback for pdfmake (`setProgressCallback`, set before `createPdf`) that
 * marks what it draws as `document`'s elements and as artifacts, and builds the structure
 * tree, `document` at its root, in `document`'s reading order.
 */
export function structureWriter(document: Tag): (this: { pdfDocument: TaggingDocument }) => void {
  let writer: StructureWriter | null = null;
  return function progress(this: { pdfDocument: TaggingDocument }): void {
    writer ??= new StructureWriter(this.pdfDocument, document);
    writer.next();
  };
}

class StructureWriter {
  private readonly pages: Array<{ items: PageItem[] }>;
  private page = 0;
  /** The item drawn now: the start mark, when the writer is made. */
  private item = 0;
  private line: PageItem['item'] | null = null;
  private inline = 0;
  private open: Marking | null = null;
  private readonly elements = new Map<Tag, StructureElement>();
  /** The links with text on this page: ended with it, so that their annotations are written with the right page. */
  private links: Tag[] = [];

  constructor(
    private readonly doc: TaggingDocument,
    document: Tag,
  ) {
    this.pages = doc._pdfMakePages;
    const first = this.pages[0]?.items[0]?.item.inlines?.[0];
    if (first?.tag !== START) throw new Error('the tagged PDF does not begin with its start mark: something was drawn before it could be marked');
    doc.addStructure(this.element(document));
    const text = doc.text;
    doc.text = (...args: unknown[]) => {
      if (this.line) this.mark(this.line.inlines?.[this.inline++]?.tag ?? LAYOUT);
      return text.apply(doc, args);
    };
    // pdfkit gives the annotation of a link in a tagged PDF an empty description; a reader names it by its text.
    const link = doc.link;
    doc.link = (x, y, width, height, url, options = {}) => {
      const description = this.open !== null && !isArtifact(this.open) ? this.open.description : undefined;
      return link.call(doc, x, y, width, height, url, description === undefined ? options : { ...options, Contents: new String(description) });
    };
    doc.on('pageAdded', () => {
      this.page++;
      this.item = -1;
      this.next();
    });
  }

  /** Marks the next item of the page before it is drawn; after the last one, closes the page. */
  next(): void {
    const item = this.pages[this.page]!.items[++this.item];
    this.line = null;
    if (!item) {
      this.close();
      for (const link of this.links) this.elements.get(link)!.end();
      for (const link of this.links) this.elements.delete(link);
      this.links = [];
      return;
    }
    if (item.type === 'line') {
      this.line = item.item;
      this.inline = 0;
      this.mark(item.item.inlines?.[0]?.tag ?? LAYOUT);
    } else {
      this.mark(item.item.tag ?? LAYOUT);
    }
  }

  /** Opens a marked-content sequence for `marking`, unless the one open is already its. */
  private mark(marking: Marking): void {
    if (marking === this.open) return;
    this.close();
    if (isArtifact(marking)) {
      this.doc.markContent('Artifact', { type: marking.artifact });
    } else {
      const element = this.element(marking);
      element.add(this.doc.markStructureContent(marking.type));
      if (marking.type === 'Link') this.doc._currentStructureElement = element;
    }
    this.open = marking;
  }

  private close(): void {
    if (this.open === null) return;
    this.doc.endMarkedContent();
    this.doc._currentStructureElement = undefined;
    this.open = null;
  }

  /**
   * The structure element of `tag`, made with its declared elements the first time; a link
   * is added to the element it stands in when its text is first drawn on a page.
   */
  private element(tag: Tag): StructureElement {
    let element = this.elements.get(tag);
    if (element) return element;
    element = this.doc.struct(tag.type, { ...(tag.alt !== undefined ? { alt: tag.alt } : {}), ...(tag.lang !== undefined ? { lang: tag.lang } : {}) });
    this.elements.set(tag, element);
    for (const child of tag.children) element.add(this.element(child));
    if (tag.within) {
      this.element(tag.within).add(element);
      this.links.push(tag);
    }
    return element;
  }
}
