import { spawnSync } from 'node:child_process';
import { parse, type DefaultTreeAdapterMap } from 'parse5';
import type { FactSheet } from '../../src/model/index.js';
import { plainText, textRunsOf } from '../../src/model/index.js';

/** Running header and footer lines, which interrupt text that flows across pages. */
export interface PageFurniture {
  header: string;
  footerStart: string;
}

/**
 * The text of a PDF as poppler's pdftotext extracts it (layout mode, which keeps
 * every character). Lines of the running header and footer are dropped when given,
 * and a line that ends in a hyphen, a compound broken after its hyphen (the layout
 * never hyphenates words), is joined back to the next one.
 */
export function pdfText(file: string, furniture?: PageFurniture): string {
  const run = spawnSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`pdftotext failed on ${file}: ${run.stderr || run.error}`);
  const pages = run.stdout.split('\f').map((page, index) => {
    const lines = page.split('\n').map((line) => line.trim()).filter((line) => line !== '');
    if (!furniture) return lines;
    // The running header opens every page but the first, whose band holds the title.
    // (pdftotext gives the narrow no-break space of French typography as a space.)
    if (index > 0 && lines[0] !== undefined && fold(lines[0]) === fold(furniture.header)) lines.shift();
    return lines.filter((line) => !line.startsWith(furniture.footerStart));
  });
  return pages.flat().join('\n').replace(/-\n/g, '-');
}

/** `qpdf --check`: exit 0 when the PDF's structure is sound. */
export function qpdfCheck(file: string): { status: number | null; output: string } {
  const run = spawnSync('qpdf', ['--check', file], { encoding: 'utf8' });
  return { status: run.status, output: run.stdout + run.stderr };
}

export function qpdfJson(file: string, key: string): Record<string, unknown> {
  const run = spawnSync('qpdf', ['--json', `--json-key=${key}`, file], { encoding: 'utf8' });
  return JSON.parse(run.stdout) as Record<string, unknown>;
}

/**
 * Whitespace folded to single spaces. PDF text extraction turns line ends into
 * breaks and the narrow no-break space of French numbers into a space (the font
 * draws both with one glyph), so comparisons with PDF text fold them alike.
 */
export function fold(text: string): string {
  return text.replace(/[\s\u00a0\u202f]+/g, ' ').trim();
}

/** The letters, marks and digits of a text, in order: no spaces, punctuation or direction marks. */
export function lettersOnly(text: string): string {
  return text.replace(/[^\p{L}\p{M}\p{N}]+/gu, '');
}

/** Every text block of a sheet in reading order: title, headings, paragraphs, list items. */
export function blocksOf(sheet: FactSheet): string[] {
  return textRunsOf(sheet).map(plainText);
}

/** Asserts each needle occurs in the haystack after the previous one; returns the first that does not. */
export function firstOutOfOrder(haystack: string, needles: readonly string[]): string | null {
  let from = 0;
  for (const needle of needles) {
    const at = haystack.indexOf(needle, from);
    if (at < 0) return needle;
    from = at + needle.length;
  }
  return null;
}

export type HtmlNode = DefaultTreeAdapterMap['node'];
export type HtmlElement = DefaultTreeAdapterMap['element'];

export function parseHtml(html: string): HtmlNode {
  return parse(html) as unknown as HtmlNode;
}

/** Elements in document order that match. */
export function findAll(node: HtmlNode, match: (element: HtmlElement) => boolean): HtmlElement[] {
  const found: HtmlElement[] = [];
  const walk = (current: HtmlNode): void => {
    if ('tagName' in current && match(current)) found.push(current);
    const children = 'childNodes' in current ? current.childNodes : [];
    for (const child of children) walk(child as HtmlNode);
    if ('content' in current && current.content) walk(current.content as unknown as HtmlNode);
  };
  walk(node);
  return found;
}

export function byTag(tag: string) {
  return (element: HtmlElement) => element.tagName === tag;
}

export function attr(element: HtmlElement, name: string): string | undefined {
  return element.attrs.find((a) => a.name === name)?.value;
}

export function textContent(node: HtmlNode): string {
  if (node.nodeName === '#text') return (node as DefaultTreeAdapterMap['textNode']).value;
  const children = 'childNodes' in node ? node.childNodes : [];
  return children.map((child) => textContent(child as HtmlNode)).join('');
}
