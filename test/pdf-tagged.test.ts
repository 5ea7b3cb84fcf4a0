import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SaxesParser } from 'saxes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Inline, Paragraph } from '../src/model/fact-sheet.js';
import { plainText } from '../src/model/index.js';
import { renderers } from '../src/render/registry.js';
import { outputBytes } from '../src/render/renderer.js';
import { footerParts, type SheetView } from '../src/render/view.js';
import { pdfStructure, type StructureElement } from '../src/verify/pdf-text.js';
import { qpdfCheck, qpdfJson } from './helpers/read-back.js';
import { projectViews } from './helpers/views.js';

// The PDFs are tagged: read back with pdf.js, their structure tree holds the sheet's title,
// headings, paragraphs and list items in the model's order, with the model's text, and
// nothing of the running header and footer; poppler and qpdf see a sound tagged PDF.

// Every sheet in every language: a structure tree that holds the model is asked of every PDF the repository publishes.
const views = await projectViews();
let dir: string;
const files = new Map<SheetView, string>();
const trees = new Map<SheetView, StructureElement[]>();

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'factsheet-pdf-tagged-'));
  for (const view of views) {
    const bytes = outputBytes(await renderers.pdf.render(view));
    const file = path.join(dir, `${view.lang}.pdf`);
    writeFileSync(file, bytes);
    files.set(view, file);
    trees.set(view, await pdfStructure(bytes));
  }
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const cases = () => views.map((view) => [`${view.lang}/${view.sheet.id}`, view] as const);

/** A text without its spaces: pdf.js joins the lines of a paragraph without one. */
const bare = (text: string) => text.replace(/[\s\u00a0\u202f]+/g, '');

/**
 * What a comparison keeps of a text: left to right, its characters in order; right to left,
 * only which characters it has (pdf.js gives each line's text in the order it is drawn,
 * and the lines of a right-to-left paragraph are drawn in visual order).
 */
const comparable = (view: SheetView) => (text: string) => (view.dir === 'rtl' ? [...bare(text)].sort().join('') : bare(text));

/** The elements of a page's tree in reading order (depth first), with their depth below the document. */
function flatten(element: StructureElement, depth = 0, out: Array<{ element: StructureElement; depth: number }> = []) {
  out.push({ element, depth });
  for (const child of element.children) flatten(child, depth + 1, out);
  return out;
}

/** The document element of each page's tree. */
function documents(view: SheetView): StructureElement[] {
  return trees.get(view)!.map((root) => {
    expect(root.children.map((child) => child.role)).toEqual(['Document']);
    return root.children[0]!;
  });
}

/** The model's title, headings, paragraphs and list items, as the elements that should hold them. */
function modelBlocks(view: SheetView): Array<[string, string]> {
  const blocks: Array<[string, string]> = [['H1', plainText(view.sheet.meta.title)]];
  if (view.sheet.meta.subtitle) blocks.push(['P', plainText(view.sheet.meta.subtitle)]);
  if (view.date) blocks.push(['P', view.date]);
  for (const section of view.sheet.sections) {
    if (section.heading) blocks.push(['H2', plainText(section.heading)]);
    for (const block of section.blocks) {
      if (block.type === 'paragraph') blocks.push(['P', plainText(block.children)]);
      else block.items.forEach((item, i) => blocks.push(['Lbl', block.ordered ? `${block.start + i}.` : '•'], ['LBody', plainText(item.children)]));
    }
  }
  return blocks;
}

describe('tagged PDF', () => {
  it.each(cases())('%s: poppler reads it as tagged and qpdf finds it sound', (_, view) => {
    const info = spawnSync('pdfinfo', [files.get(view)!], { encoding: 'utf8' }).stdout;
    expect(info).toMatch(/^Tagged:\s+yes$/m);
    const check = qpdfCheck(files.get(view)!);
    expect(check.status, check.output).toBe(0);
  });

  it.each(cases())('%s: the catalog says marked, its language and to show the title', (_, view) => {
    const [, objects] = qpdfJson(files.get(view)!, 'qpdf').qpdf as [unknown, Record<string, { value: Record<string, unknown> }>];
    const value = (ref: unknown) => objects[`obj:${String(ref)}`]!.value;
    const catalog = value((objects.trailer!.value as { '/Root': string })['/Root']);
    expect(catalog['/Lang']).toBe(`u:${view.lang}`);
    expect(value(catalog['/MarkInfo'])['/Marked']).toBe(true);
    expect(value(catalog['/ViewerPreferences'])['/DisplayDocTitle']).toBe(true);
    expect(catalog['/StructTreeRoot']).toBeDefined();
  });

  it.each(cases())('%s: every glyph and every painted path is marked, as part of an element or as an artifact', (_, view) => {
    // qpdf's QDF form gives each page's content stream uncompressed, one operator a line.
    const qdf = spawnSync('qpdf', ['--qdf', '--object-streams=disable', files.get(view)!, '-'], { encoding: 'latin1', maxBuffer: 64 * 1024 * 1024 });
    const streams = [...qdf.stdout.matchAll(/%% Contents for page \d+\n[\s\S]*?\nstream\n([\s\S]*?)endstream/g)].map((match) => match[1]!);
    expect(streams.length).toBeGreaterThan(0);
    const unmarked: string[] = [];
    for (const [page, stream] of streams.entries()) {
      let depth = 0;
      let path = false;
      for (const line of stream.split('\n')) {
        const operator = line.trim().split(/\s+/).at(-1)!;
        if (operator === 'BDC' || operator === 'BMC') depth++;
        else if (operator === 'EMC') depth--;
        else if (['m', 'l', 'c', 'v', 'y', 're', 'h'].includes(operator)) path = true;
        else if (['Tj', 'TJ', "'", '"', 'Do', 'sh'].includes(operator) && depth === 0) unmarked.push(`page ${page + 1}: ${line}`);
        else if (['f', 'F', 'f*', 'S', 's', 'B', 'B*', 'b', 'b*', 'n'].includes(operator)) {
          // pdfmake fills before each text with no path at all, which paints nothing.
          if (path && depth === 0 && operator !== 'n') unmarked.push(`page ${page + 1}: a path painted by ${operator}`);
          path = false;
        }
        expect(depth).toBeGreaterThanOrEqual(0);
      }
      expect(depth, `page ${page + 1} ends with its marked content closed`).toBe(0);
    }
    expect(unmarked).toEqual([]);
  });

  it.each(cases())('%s: the document element is in the sheet language, and the mark a figure named for the organisation', (_, view) => {
    const [first] = documents(view);
    expect(first!.lang).toBe(view.lang);
    expect(first!.children[0]).toMatchObject({ role: 'Figure', alt: view.sheet.contact.organisation });
  });

  it.each(cases())('%s: headings, paragraphs and list items are in the model order, with its text', (_, view) => {
    const text = comparable(view);
    // The elements from the title to the contact section, page after page; an element that
    // runs on to the next page comes again at its head.
    const found: Array<{ role: string; text: string; pageHead: boolean }> = [];
    let started = false;
    for (const document of documents(view)) {
      let head = true;
      for (const { element, depth } of flatten(document).slice(1)) {
        if (element.role === 'Sect' && depth === 1) break;
        started ||= element.role === 'H1';
        if (!started || !['H1', 'H2', 'P', 'Lbl', 'LBody'].includes(element.role)) continue;
        found.push({ role: element.role, text: element.text, pageHead: head });
        head = false;
      }
    }
    const read: Array<[string, string]> = [];
    for (const { role, text: piece, pageHead } of found) {
      const last = read[read.length - 1];
      if (pageHead && last && last[0] === role && !modelBlocks(view).some(([r, t]) => r === role && bare(t) === bare(last[1]))) last[1] += piece;
      else read.push([role, piece]);
    }
    expect(read.map(([role, t]) => [role, text(t)])).toEqual(modelBlocks(view).map(([role, t]) => [role, text(t)]));
  });

  it.each(cases())('%s: lists are lists of items, each with its label and its body', (_, view) => {
    const lists = documents(view).flatMap((document) => flatten(document).filter(({ element }) => element.role === 'L'));
    const modelLists = view.sheet.sections.flatMap((section) => section.blocks.filter((block) => block.type === 'list'));
    expect(lists.length).toBeGreaterThanOrEqual(modelLists.length);
    for (const { element } of lists) {
      for (const item of element.children) {
        expect(item.role).toBe('LI');
        expect(item.children.map((child) => child.role)).toEqual(['Lbl', 'LBody']);
      }
    }
  });

  it.each(cases())('%s: the running header, footer and page numbers are not in the structure', (_, view) => {
    const text = comparable(view);
    const texts = trees.get(view)!.flatMap((root) => flatten(root).map(({ element }) => text(element.text)));
    const pages = trees.get(view)!.length;
    for (let page = 1; page <= pages; page++) expect(texts).not.toContain(text(`${page} / ${pages}`));
    // The running header repeats the title, which the structure holds once, as the first-level heading.
    expect(texts.filter((t) => t === text(view.header))).toHaveLength(1);
    // The footer's own words (its page numbers are above; a lone "/" is in the contact's phone numbers).
    const words = [view.footer.left, view.footer.right].flatMap((part) => footerParts(part).flatMap((piece) => ('text' in piece ? [text(piece.text)] : [])));
    const holds = (t: string, piece: string) => (view.dir === 'rtl' ? t === piece : t.includes(piece));
    for (const piece of words.filter((w) => w.length > 3)) expect(texts.filter((t) => holds(t, piece))).toEqual([]);
  });

  it.each(cases())('%s: the contact section holds its paragraphs, and its links their annotations', (_, view) => {
    const last = documents(view).at(-1)!;
    const section = last.children.at(-1)!;
    expect(section.role).toBe('Sect');
    expect(section.children.map((child) => child.role)).toEqual(['P', 'P', 'P', 'P', 'P']);
    const links = section.children.flatMap((p) => p.children.filter((child) => child.role === 'Link'));
    expect(links.map((link) => link.annotations.map((a) => a.url))).toContainEqual([`mailto:${view.sheet.contact.email}`]);
    for (const link of links) {
      expect(bare(link.text)).not.toBe('');
      // Its annotation is described by its text (in reading order, where pdf.js gives the text as drawn).
      for (const annotation of link.annotations) expect(comparable(view)(annotation.description)).toBe(comparable(view)(link.text));
    }
  });
});

describe('tagged PDF: links and numbered lists', () => {
  // The sheets have no link in their text and no numbered list: a French sheet is given a
  // link that runs over two lines in its first paragraph (on page 1 of 2), and a list
  // numbered from 3.
  const french = views.find((v) => v.lang === 'fr' && v.sheet.id === 'partnerships')!;
  const view: SheetView = { ...french, sheet: structuredClone(french.sheet) };
  const first = view.sheet.sections[0]!.blocks[0] as Paragraph;
  const span = first.span;
  const words = 'le texte intégral du concept stratégique adopté par les chefs d’État et de gouvernement';
  const link: Inline = { type: 'link', url: 'https://www.nato.int/strategic-concept', children: [{ type: 'text', value: words, span }], span };
  first.children = [...first.children, { type: 'text', value: ' Voir ', span }, link, { type: 'text', value: ' en ligne.', span }];
  view.sheet.sections[0]!.blocks.push({ type: 'list', ordered: true, start: 3, items: [{ children: [{ type: 'text', value: 'troisième point', span }], span }, { children: [{ type: 'text', value: 'quatrième point', span }], span }], span });
  let pages: StructureElement[];

  beforeAll(async () => {
    pages = await pdfStructure(outputBytes(await renderers.pdf.render(view)));
  });

  it('a link is a Link within its paragraph, where it stands in the text, with its text and its annotations', () => {
    const paragraph = pages[0]!.children[0]!.children.find((element) => element.role === 'P' && bare(element.text).startsWith(bare(plainText(first.children).slice(0, 40))))!;
    expect(bare(paragraph.text)).toBe(bare(plainText(first.children)));
    const links = paragraph.children.filter((child) => child.role === 'Link');
    expect(links).toHaveLength(1);
    expect(bare(links[0]!.text)).toBe(bare(words));
    // One annotation for each line the link's text runs over, each described by the whole link.
    const annotation = { url: 'https://www.nato.int/strategic-concept', description: words };
    expect(links[0]!.annotations).toEqual([annotation, annotation]);
  });

  it('a numbered list labels its items with their numbers', () => {
    const lists = pages.flatMap((page) => flatten(page).filter(({ element }) => element.role === 'L'));
    const numbered = lists.find(({ element }) => element.children[0]?.children[0]?.text === '3.')!;
    expect(numbered.element.children.map((item) => item.children.map((child) => bare(child.text)))).toEqual([
      ['3.', 'troisièmepoint'],
      ['4.', 'quatrièmepoint'],
    ]);
  });
});

describe('tagged PDF: metadata', () => {
  // From PDF 1.4 on pdfkit writes the document information into XMP metadata too: a title,
  // a subject and keywords holding XML's own characters must leave it well-formed.
  const french = views.find((v) => v.lang === 'fr' && v.sheet.id === 'partnerships')!;
  const title = 'R&D <entre> "alliés" & partenaires';
  const view: SheetView = { ...french, sheet: structuredClone(french.sheet), titleText: title, subtitleText: 'Sujet <b> & co' };
  view.sheet.meta.title = [{ type: 'text', value: title, span: view.sheet.meta.title[0]!.span }];
  view.sheet.meta.tags = ['a&b', '<c>'];

  it('is well-formed XML and says what the document information says', async () => {
    const file = path.join(dir, 'metadata.pdf');
    writeFileSync(file, outputBytes(await renderers.pdf.render(view)));
    const info = spawnSync('pdfinfo', [file], { encoding: 'utf8' }).stdout;
    expect(info).toContain(`Title:           ${title}\n`);
    const xmp = spawnSync('pdfinfo', ['-meta', file], { encoding: 'utf8' }).stdout;
    const texts = new Map<string, string>();
    let open: string | null = null;
    const parser = new SaxesParser({ xmlns: true });
    const errors: string[] = [];
    parser.on('error', (error) => void errors.push(error.message));
    parser.on('opentag', (tag) => void (open = tag.name));
    parser.on('text', (text) => {
      if (open && text.trim()) texts.set(open, (texts.get(open) ?? '') + text.trim());
    });
    parser.write(xmp).close();
    expect(errors).toEqual([]);
    expect(texts.get('rdf:li')).toBeDefined();
    expect(xmp).toContain(`<rdf:li xml:lang="x-default">${'R&amp;D &lt;entre&gt; &quot;alliés&quot; &amp; partenaires'}</rdf:li>`);
    expect(texts.get('pdf:Keywords')).toBe('a&b, <c>');
  });
});
