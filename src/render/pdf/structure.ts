/**
 * The logical structure of a sheet's PDF, as its content declares it: the standard
 * structure types a reader of a tagged PDF (a screen reader, a reflowing viewer) finds
 * the document's headings, paragraphs, lists, links and figures by. pdf-content.ts
 * builds the tree beside the pdfmake nodes, in reading order, and gives each piece of
 * text the element it belongs to (its `tag`); structure-writer.ts makes the PDF's
 * structure tree from it while pdfmake draws.
 */

/** The PDF 1.7 standard structure types the sheets use (PDF/UA-1 takes these, not PDF 2.0's). */
export type TagType = 'Document' | 'Sect' | 'H1' | 'H2' | 'P' | 'L' | 'LI' | 'Lbl' | 'LBody' | 'Link' | 'Figure';

/** A structure element. */
export interface Tag {
  type: TagType;
  /** Its elements, in reading order. */
  children: Tag[];
  /** What stands for a figure when it cannot be seen. */
  alt?: string;
  /** The language of a passage not in the document's language (BCP 47). */
  lang?: string;
  /**
   * For an element that is made where its text is drawn (a link, set among the
   * pieces of text of its paragraph): the element it stands in.
   */
  within?: Tag;
  /** What a link's annotations say it is (their /Contents): its text. */
  description?: string;
}

/**
 * Content that is not part of the text: running headers and footers (`Pagination`),
 * rules and backgrounds (`Layout`). Readers skip it.
 */
export interface Artifact {
  artifact: 'Pagination' | 'Layout';
}

/** What a piece of content is marked as. */
export type Marking = Tag | Artifact;

export const PAGINATION: Artifact = { artifact: 'Pagination' };
export const LAYOUT: Artifact = { artifact: 'Layout' };

/** A new element, added to `parent`'s elements when there is one. */
export function tag(type: TagType, parent: Tag | null, options: { alt?: string; lang?: string } = {}): Tag {
  const element: Tag = { type, children: [], ...options };
  parent?.children.push(element);
  return element;
}

/** The element of a link reading `text`, made in `within` where its text is drawn (among that element's own pieces of text). */
export function linkTag(within: Tag, text: string): Tag {
  return { type: 'Link', children: [], within, description: text };
}

export function isArtifact(marking: Marking): marking is Artifact {
  return 'artifact' in marking;
}
