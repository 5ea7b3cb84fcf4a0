/** Reading an HTML page back: its text and its `<data>` figures, parsed as a browser would. */
import type { DefaultTreeAdapterMap } from 'parse5';
import { parsedPage } from './html-page.js';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

/** A `<data>` element of the page: its `value` attribute, `data-figure` id and text content. */
export interface HtmlFigure {
  value: string | null;
  figure: string | null;
  text: string;
}

const HTML_NS = 'http://www.w3.org/1999/xhtml';

/** Elements whose content a reader never sees as text. */
const UNREAD = new Set(['script', 'style', 'template', 'noscript']);

function parseHtml(bytes: Uint8Array): DefaultTreeAdapterMap['document'] {
  return parsedPage(bytes).document;
}

function isElement(node: Node): node is Element {
  return 'tagName' in node;
}

function attribute(element: Element, name: string): string | null {
  return element.attrs.find((a) => a.name === name)?.value ?? null;
}

function find(node: Node, test: (element: Element) => boolean, found: Element[] = []): Element[] {
  if (isElement(node) && test(node)) found.push(node);
  if ('childNodes' in node) for (const child of node.childNodes) find(child, test, found);
  return found;
}

/** The text content of a node (the DOM's textContent, less scripts, styles and templates, with <br> as a newline). */
function textContent(node: Node): string {
  if (node.nodeName === '#text' && 'value' in node) return node.value;
  if (isElement(node) && UNREAD.has(node.tagName)) return '';
  // A line break reads as one, as innerText gives it, so the words on either side stay apart.
  if (isElement(node) && node.tagName === 'br') return '\n';
  if (!('childNodes' in node)) return '';
  let text = '';
  for (const child of node.childNodes) text += textContent(child);
  return text;
}

/** The text content of the page's body. */
export function htmlText(bytes: Uint8Array): string {
  const document = parseHtml(bytes);
  const body = find(document, (e) => e.tagName === 'body')[0];
  return body ? textContent(body) : '';
}

/** The page's `<data>` elements in document order. */
export function htmlFigures(bytes: Uint8Array): HtmlFigure[] {
  return find(parseHtml(bytes), (e) => e.tagName === 'data' && e.namespaceURI === HTML_NS).map((e) => ({
    value: attribute(e, 'value'),
    figure: attribute(e, 'data-figure'),
    text: textContent(e),
  }));
}
