/** Reading a Word document back as text: the paragraphs of word/document.xml. */
import { strFromU8, unzipSync } from 'fflate';
import { decodeXmlEntities } from './xml-entities.js';

/**
 * The text of a .docx: one line per `<w:p>` in document order (table cells included),
 * each the concatenation of its `<w:t>` texts, `<w:tab/>` as a tab and `<w:br/>` or
 * `<w:cr/>` as a newline. Characters are kept exactly (U+202F stays U+202F), but for the
 * directional isolates (U+2066 to U+2069) a right-to-left document sets its left-to-right
 * islands apart with: they mark where text runs, they are not text.
 */
export function docxText(bytes: Uint8Array): string {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, { filter: (file) => file.name === DOCUMENT_PART });
  } catch (error) {
    throw new Error(`the Word document could not be read: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  const part = files[DOCUMENT_PART];
  if (!part) throw new Error(`the Word document could not be read: it has no ${DOCUMENT_PART}`);
  return wordprocessingText(strFromU8(part));
}

const DOCUMENT_PART = 'word/document.xml';

/** Tags, comments, CDATA sections and processing instructions, or a run of text. */
const TOKEN = /<!--[\s\S]*?-->|<!\[CDATA\[([\s\S]*?)\]\]>|<[?!][^>]*>|<(\/?)([A-Za-z_][\w.:-]*)((?:[^>"']|"[^"]*"|'[^']*')*?)(\/?)>|([^<]+)/g;

/** The paragraph text of a WordprocessingML document part. */
export function wordprocessingText(xml: string): string {
  const paragraphs: string[] = [];
  /** Open elements, innermost last. */
  const stack: string[] = [];
  /** Indexes into `paragraphs` of the open `<w:p>` elements (-1: not read), innermost last. */
  const open: number[] = [];
  /** Depth of `<mc:Fallback>` nesting: alternate content already read from `<mc:Choice>`. */
  let fallback = 0;
  const append = (text: string): void => {
    const at = open[open.length - 1];
    if (at !== undefined && at >= 0 && fallback === 0) paragraphs[at] += text;
  };
  for (const match of xml.matchAll(TOKEN)) {
    const [, cdata, closing, name, , selfClosing, text] = match;
    if (text !== undefined || cdata !== undefined) {
      if (stack[stack.length - 1] === 'w:t') append(cdata ?? decodeXmlEntities(text!));
      continue;
    }
    if (name === undefined) continue; // comment, declaration or processing instruction
    if (closing) {
      // Pop to the matching element (tolerates stray end tags).
      const at = stack.lastIndexOf(name);
      if (at === -1) continue;
      for (const closed of stack.splice(at)) {
        if (closed === 'w:p') open.pop();
        else if (closed === 'mc:Fallback') fallback--;
      }
      continue;
    }
    if (stack[stack.length - 1] === 'w:r') {
      if (name === 'w:tab') append('\t');
      else if (name === 'w:br' || name === 'w:cr') append('\n');
    }
    if (selfClosing) {
      if (name === 'w:p' && fallback === 0) paragraphs.push(''); // an empty paragraph
      continue;
    }
    stack.push(name);
    if (name === 'w:p') {
      // Paragraphs inside alternate content (text boxes in <mc:Fallback>) are not read.
      open.push(fallback === 0 ? paragraphs.length : -1);
      if (fallback === 0) paragraphs.push('');
    } else if (name === 'mc:Fallback') fallback++;
  }
  return paragraphs.join('\n').replace(ISOLATES, '');
}

const ISOLATES = /[\u2066-\u2069]/g;
