import { strFromU8, unzipSync } from 'fflate';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { FactSheet, Inline, Section } from '../src/model/fact-sheet.js';
import { plainText } from '../src/model/plain-text.js';
import { figureRefsOf } from '../src/model/figure-refs.js';
import type { Span } from '../src/model/position.js';
import { docxRenderer } from '../src/render/docx/index.js';
import { dosDateTime } from '../src/render/docx/zip.js';
import type { SheetView } from '../src/render/index.js';
import { projectViews } from './helpers/views.js';
import * as fontkit from 'fontkit';

/** The family name a font file gives itself (name ID 1). */
function familyName(bytes: Uint8Array): string {
  return (fontkit.create(Buffer.from(bytes)) as fontkit.Font).familyName;
}

/** The parts of a rendered .docx, by name, as text. */
type Package = { names: string[]; part(name: string): string };

async function render(view: SheetView): Promise<Uint8Array> {
  const output = await docxRenderer.render(view);
  if (output.kind !== 'binary') throw new Error('the Word renderer should give bytes');
  return output.bytes;
}

function unpack(bytes: Uint8Array): Package {
  const files = unzipSync(bytes);
  return {
    names: Object.keys(files),
    part(name) {
      const data = files[name];
      if (!data) throw new Error(`no ${name} in the package`);
      return strFromU8(data);
    },
  };
}

function decodeXml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, entity: string) => {
    if (entity[0] === '#') return String.fromCodePoint(entity[1] === 'x' || entity[1] === 'X' ? parseInt(entity.slice(2), 16) : Number(entity.slice(1)));
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[entity.toLowerCase()]!;
  });
}

interface WordParagraph {
  xml: string;
  style: string | null;
  text: string;
}

/** The paragraphs of a part in order (those in table cells included), with their style and text: w:t runs joined, w:br as a newline. */
function paragraphsOf(xml: string): WordParagraph[] {
  return [...xml.matchAll(/<w:p\b[^>]*?(?:\/>|>([\s\S]*?)<\/w:p>)/g)].map((m) => {
    const body = m[1] ?? '';
    const style = /<w:pStyle w:val="([^"]*)"/.exec(body)?.[1] ?? null;
    const text = [...body.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:br\b[^>]*\/>/g)].map((t) => (t[0].startsWith('<w:br') ? '\n' : decodeXml(t[1]!))).join('');
    // The isolates around left-to-right islands (U+2066-2069) are invisible: a reader sees none.
    return { xml: m[0], style, text: text.replace(/[\u2066-\u2069]/g, '') };
  });
}

/** Every figure of the model, in the order the document shows them: title, subtitle, then the sections. */
function figureTexts(sheet: FactSheet): string[] {
  return figureRefsOf(sheet).map((ref) => ref.text);
}

/** Each of `wanted`, in order, as the whole text of a paragraph after the previous one. */
function expectParagraphsInOrder(paragraphs: WordParagraph[], wanted: string[], what: string): void {
  let at = -1;
  for (const text of wanted) {
    const found = paragraphs.findIndex((p, i) => i > at && p.text === text);
    expect(found, `${what} "${text.slice(0, 60)}" in order`).toBeGreaterThan(at);
    at = found;
  }
}

const views = await projectViews();

describe.each(views.map((v) => [`${v.sheet.id}.${v.lang}`, v] as const))('Word document of %s', async (_name, view) => {
  const bytes = await render(view);
  const docx = unpack(bytes);
  const documentXml = docx.part('word/document.xml');
  const paragraphs = paragraphsOf(documentXml);

  it('is a package with the content types first', () => {
    expect(docx.names[0]).toBe('[Content_Types].xml');
    for (const name of ['_rels/.rels', 'word/document.xml', 'word/styles.xml', 'word/numbering.xml', 'docProps/core.xml']) expect(docx.names).toContain(name);
  });

  it('gives every section heading, in order, as a Heading 1 paragraph', () => {
    const headings = view.sheet.sections.filter((s): s is Section & { heading: Inline[] } => s.heading !== null).map((s) => plainText(s.heading));
    expect(headings.length).toBeGreaterThan(0);
    expect(paragraphs.filter((p) => p.style === 'Heading1').map((p) => p.text)).toEqual(headings);
    expect(documentXml).toContain('<w:pStyle w:val="Heading1"/>');
  });

  it("defines Heading 1 in the template's bold face, size and brand colour", () => {
    const styles = docx.part('word/styles.xml');
    const heading1 = /<w:style w:type="paragraph" w:styleId="Heading1">[\s\S]*?<\/w:style>/.exec(styles)?.[0] ?? '';
    // The PDF's bold face is Source Sans 3 Semibold, a family of its own to Word: named, not made bold.
    expect(heading1).toContain(`w:ascii="${familyName(view.template.fonts.bold)}"`);
    expect(heading1).toContain('<w:b w:val="false"/>');
    expect(heading1).toContain(`<w:sz w:val="${Math.round(view.style.sizes.heading * 2)}"/>`);
    expect(heading1).toContain(`<w:color w:val="${view.style.colors.brand.slice(1).toUpperCase()}"/>`);
    expect(heading1).toMatch(new RegExp(`<w:bottom w:val="single" w:color="${view.style.colors.accent.slice(1).toUpperCase()}"`, 'i'));
  });

  it('sets the default font, size, colour and language of the document', () => {
    const defaults = /<w:rPrDefault>[\s\S]*?<\/w:rPrDefault>/.exec(docx.part('word/styles.xml'))?.[0] ?? '';
    expect(defaults).toContain(`w:ascii="${view.style.fonts.word}"`);
    expect(defaults).toContain(`<w:sz w:val="${Math.round(view.style.sizes.body * 2)}"/>`);
    expect(defaults).toContain(`<w:color w:val="${view.style.colors.text.slice(1).toUpperCase()}"/>`);
    expect(defaults).toMatch(new RegExp(`<w:lang w:val="${view.lang}"( w:bidi="${view.lang}")?/>`));
  });

  it('puts the title in the Title style and the contact heading in Heading 2', () => {
    // Broken where the PDF balanced its lines (word-libreoffice.test.ts reads where).
    expect(paragraphs.find((p) => p.style === 'Title')?.text.replace(/\n/g, ' ')).toBe(view.titleText);
    expect(paragraphs.find((p) => p.style === 'Heading2')?.text).toBe(view.labels.contact);
  });

  it('shows the kind of document in capitals, as the PDF and the web page, and keeps it as written', () => {
    const runs = [...documentXml.matchAll(/<w:r>((?:(?!<\/w:r>)[\s\S])*)<\/w:r>/g)].map((m) => m[1]!);
    const kind = runs.find((run) => decodeXml(run.replace(/<[^>]+>/g, '')).includes(view.labels.kind));
    expect(kind, 'a run with the kind of document').toBeDefined();
    expect(kind).toMatch(/<w:caps\/>/);
  });

  it('gives every paragraph and list item of the model, in order', () => {
    const texts: string[] = [];
    for (const section of view.sheet.sections) {
      for (const block of section.blocks) {
        if (block.type === 'paragraph') texts.push(plainText(block.children));
        else texts.push(...block.items.map((item) => plainText(item.children)));
      }
    }
    expectParagraphsInOrder(paragraphs, texts, 'paragraph');
  });

  it('numbers list items with Word numbering, bullets and decimals defined', () => {
    const items = view.sheet.sections.flatMap((s) => s.blocks.flatMap((b) => (b.type === 'list' ? b.items.map((i) => plainText(i.children)) : [])));
    for (const text of items) {
      const paragraph = paragraphs.find((p) => p.text === text);
      expect(paragraph?.xml, text).toMatch(/<w:numPr><w:ilvl w:val="0"\/><w:numId w:val="\d+"\/><\/w:numPr>/);
    }
    const numbering = docx.part('word/numbering.xml');
    expect(numbering).toMatch(/<w:numFmt w:val="bullet"\/>(?:<w:suff [^>]*\/>)?<w:lvlText w:val="•"\/>/);
    expect(numbering).toContain('<w:numFmt w:val="decimal"/>');
  });

  it('writes each figure exactly as the model has it, in document order', () => {
    const figures = figureTexts(view.sheet);
    expect(figures.length).toBeGreaterThan(0);
    const text = paragraphs.map((p) => p.text).join('\n');
    let at = 0;
    for (const figure of figures) {
      const found = text.indexOf(figure, at);
      expect(found, `figure "${figure}"`).toBeGreaterThanOrEqual(at);
      at = found + figure.length;
    }
  });

  it('has the contact details in the closing panel', () => {
    const { contact } = view.sheet;
    const texts = paragraphs.map((p) => p.text);
    expect(texts).toContain(`${contact.division} – ${contact.section}`);
    expect(texts).toContain(`${view.labels.phone} ${contact.phone}`);
    expect(texts).toContain(`${view.labels.email} ${contact.email}`);
    expect(texts).toContain(contact.hashtags.join(' '));
    expect(docx.part('word/_rels/document.xml.rels')).toContain(`Target="mailto:${contact.email}" TargetMode="External"`);
    expect(documentXml).toContain(`<w:shd w:fill="${view.style.colors.panel.slice(1).toUpperCase()}"`);
  });

  it('has the core properties of the sheet', () => {
    const core = docx.part('docProps/core.xml');
    const field = (tag: string): string | undefined => {
      const m = new RegExp(`<${tag}(?:\\s[^>]*)?>([^<]*)</${tag}>`).exec(core);
      return m ? decodeXml(m[1]!) : undefined;
    };
    const creator = `${view.sheet.contact.organisation} – ${view.sheet.contact.division}`;
    expect(field('dc:title')).toBe(view.titleText);
    expect(field('dc:subject')).toBe(view.subtitleText ?? view.labels.kind);
    expect(field('dc:creator')).toBe(creator);
    expect(field('cp:lastModifiedBy')).toBe(creator);
    expect(field('dc:language')).toBe(view.lang);
    expect(field('cp:keywords')).toBe(view.sheet.meta.tags.join(', '));
    expect(field('dc:description')).toBe(view.summary);
    const iso = view.timestamp.toISOString().replace(/\.\d{3}Z$/, 'Z');
    expect(field('dcterms:created')).toBe(iso);
    expect(field('dcterms:modified')).toBe(iso);
  });

  it('has page number fields in the footer, and the running header after page 1', () => {
    const rels = docx.part('word/_rels/document.xml.rels');
    const target = (id: string): string => new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? new RegExp(`Target="([^"]+)"[^>]*Id="${id}"`).exec(rels)![1]!;
    const sectPr = /<w:sectPr>[\s\S]*<\/w:sectPr>/.exec(documentXml)![0];
    expect(sectPr).toContain('<w:titlePg/>');
    for (const type of ['default', 'first']) {
      const id = new RegExp(`<w:footerReference w:type="${type}" r:id="([^"]+)"`).exec(sectPr)![1]!;
      const footer = docx.part(`word/${target(id)}`);
      expect(footer).toMatch(/<w:instrText[^>]*>\s*PAGE\s*<\/w:instrText>/);
      expect(footer).toMatch(/<w:instrText[^>]*>\s*NUMPAGES\s*<\/w:instrText>/);
    }
    const headerId = /<w:headerReference w:type="default" r:id="([^"]+)"/.exec(sectPr)![1]!;
    expect(paragraphsOf(docx.part(`word/${target(headerId)}`)).map((p) => p.text)).toEqual([view.header]);
    const firstId = /<w:headerReference w:type="first" r:id="([^"]+)"/.exec(sectPr)![1]!;
    expect(paragraphsOf(docx.part(`word/${target(firstId)}`)).map((p) => p.text).join('')).toBe('');
  });

  it('has the page size and margins of the template', () => {
    const [top, right, bottom, left] = view.style.page.margins.map((pt) => Math.round(pt * 20));
    const width = view.style.page.size === 'A4' ? 11906 : 12240;
    expect(documentXml).toContain(`<w:pgSz w:w="${width}"`);
    expect(documentXml).toMatch(new RegExp(`<w:pgMar w:top="${top}" w:right="${right}" w:bottom="${bottom}" w:left="${left}"`));
  });

  it('has no random ids: relationships are all rIdN', () => {
    for (const name of docx.names.filter((n) => n.endsWith('.rels'))) {
      for (const m of docx.part(name).matchAll(/\bId="([^"]*)"/g)) expect(m[1], name).toMatch(/^rId\d+$/);
    }
  });

  describe('determinism', () => {
    const tz = process.env.TZ;
    afterEach(() => {
      vi.useRealTimers();
      if (tz === undefined) delete process.env.TZ;
      else process.env.TZ = tz;
    });

    it('gives the same bytes later, in another time zone, at another date', async () => {
      await new Promise((resolve) => setTimeout(resolve, 1100));
      process.env.TZ = 'America/Sao_Paulo';
      const later = await render(view);
      process.env.TZ = 'Asia/Kathmandu';
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(new Date(Date.UTC(2031, 6, 14, 23, 59, 59)));
      const elsewhen = await render(view);
      expect(Buffer.from(later).equals(Buffer.from(bytes))).toBe(true);
      expect(Buffer.from(elsewhen).equals(Buffer.from(bytes))).toBe(true);
    });

    it('dates every zip entry with the view timestamp', () => {
      const { time, date } = dosDateTime(view.timestamp);
      const view32 = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      let entries = 0;
      for (let at = 0; at + 4 <= bytes.length; at++) {
        if (view32.getUint32(at, true) !== 0x02014b50) continue;
        expect(view32.getUint16(at + 12, true)).toBe(time);
        expect(view32.getUint16(at + 14, true)).toBe(date);
        entries += 1;
      }
      expect(entries).toBe(docx.names.length);
    });
  });
});

describe('Word document of a made-up sheet', async () => {
  const base = views.find((v) => v.lang === 'fr')!;
  const span: Span = { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } };
  const text = (value: string): Inline => ({ type: 'text', value, span });
  const figure: Inline = { type: 'figure', id: 'made.up', form: 'number', value: '7000', text: '7\u202F000', span };
  const items = (...values: string[]) => values.map((v) => ({ children: [text(v)], span }));
  const sections: Section[] = [
    { heading: null, slug: 'lead', span, blocks: [{ type: 'paragraph', span, children: [text('Plus de '), figure, text(' soldats.')] }] },
    {
      heading: [text('Listes')],
      slug: 'listes',
      span,
      blocks: [
        { type: 'list', ordered: true, start: 1, items: items('un', 'deux'), span },
        { type: 'paragraph', span, children: [text('Voir '), { type: 'link', url: 'https://www.nato.int/', span, children: [{ type: 'emphasis', span, children: [text('le site')] }] }, { type: 'break', span }, text('ligne deux')] },
        { type: 'list', ordered: true, start: 1, items: items('encore un', 'encore deux'), span },
        { type: 'list', ordered: true, start: 3, items: items('trois', 'quatre'), span },
        { type: 'list', ordered: false, start: 1, items: items('puce'), span },
      ],
    },
  ];
  const view: SheetView = { ...base, sheet: { ...base.sheet, sections } };
  const docx = unpack(await render(view));
  const documentXml = docx.part('word/document.xml');
  const paragraphs = paragraphsOf(documentXml);
  const numIdOf = (text: string): string => /<w:numId w:val="(\d+)"\/>/.exec(paragraphs.find((p) => p.text === text)!.xml)![1]!;

  it('keeps a figure character for character (narrow no-break space)', () => {
    expect(documentXml).toContain('<w:t xml:space="preserve">7\u202F000</w:t>');
    expect(paragraphs.map((p) => p.text)).toContain('Plus de 7\u202F000 soldats.');
  });

  it('starts each ordered list again, at its own first number', () => {
    expect(numIdOf('un')).toBe(numIdOf('deux'));
    expect(numIdOf('encore un')).not.toBe(numIdOf('un'));
    expect(numIdOf('trois')).not.toBe(numIdOf('encore un'));
    const numbering = docx.part('word/numbering.xml');
    const abstractOf = (numId: string): string => new RegExp(`<w:num w:numId="${numId}"[^>]*><w:abstractNumId w:val="(\\d+)"/>`).exec(numbering)![1]!;
    const abstract = new RegExp(`<w:abstractNum [^>]*w:abstractNumId="${abstractOf(numIdOf('trois'))}"[^>]*>[\\s\\S]*?</w:abstractNum>`).exec(numbering)![0];
    expect(abstract).toContain('<w:start w:val="3"/>');
    expect(abstract).toContain('<w:numFmt w:val="decimal"/>');
    const puce = new RegExp(`<w:abstractNum [^>]*w:abstractNumId="${abstractOf(numIdOf('puce'))}"[^>]*>[\\s\\S]*?</w:abstractNum>`).exec(numbering)![0];
    expect(puce).toContain('<w:numFmt w:val="bullet"/>');
    expect(puce).toContain(`<w:color w:val="${view.style.colors.accent.slice(1).toUpperCase()}"/>`);
  });

  it('writes links as hyperlinks with stable ids, italics and line breaks', () => {
    const paragraph = paragraphs.find((p) => p.text === 'Voir le site\nligne deux')!;
    const id = /<w:hyperlink [^>]*r:id="([^"]+)"/.exec(paragraph.xml)![1]!;
    expect(id).toMatch(/^rId\d+$/);
    expect(docx.part('word/_rels/document.xml.rels')).toMatch(new RegExp(`Id="${id}" Type="[^"]*/hyperlink" Target="https://www.nato.int/" TargetMode="External"`));
    expect(paragraph.xml).toMatch(/<w:rStyle w:val="Hyperlink"\/><w:i\/>/);
    expect(paragraph.xml).toContain('<w:br/>');
  });

  it('marks superscripts', async () => {
    const withSup: SheetView = { ...view, sheet: { ...view.sheet, sections: [{ ...sections[0]!, blocks: [{ type: 'paragraph', span, children: [text('XXI'), { type: 'superscript', value: 'e', span }] }] }] } };
    const xml = unpack(await render(withSup)).part('word/document.xml');
    expect(xml).toMatch(/<w:vertAlign w:val="superscript"\/><\/w:rPr><w:t xml:space="preserve">e<\/w:t>/);
  });

  it('lays out a right-to-left sheet', async () => {
    const rtl: SheetView = { ...view, dir: 'rtl' };
    const bytes = await render(rtl);
    const xml = unpack(bytes).part('word/document.xml');
    expect(xml).toContain('<w:bidi/>');
    expect(xml).toContain('<w:rtl/>');
    expect(Buffer.from(await render(rtl)).equals(Buffer.from(bytes))).toBe(true);
  });
});
