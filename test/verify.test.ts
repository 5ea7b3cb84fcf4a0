import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { FactSheet, FigureRef } from '../src/model/fact-sheet.js';
import { figureRefsOf } from '../src/model/figure-refs.js';
import { renderers } from '../src/render/registry.js';
import { FORMATS, outputBytes, type Format } from '../src/render/renderer.js';
import type { SheetView } from '../src/render/view.js';
import { wordprocessingText } from '../src/verify/docx-text.js';
import { findFrom, foldSpaces } from '../src/verify/find-in-order.js';
import { outputText, verifyOutput, type Miss } from '../src/verify/index.js';
import { joinHyphenatedLines } from '../src/verify/pdf-text.js';
import { projectViews } from './helpers/views.js';

const views = await projectViews();
const rendered = new Map<string, Uint8Array>();

function key(view: SheetView, format: Format): string {
  return `${view.sheet.lang}/${view.sheet.id}.${format}`;
}

/** The repository's sheet in one language, rendered in memory (once per format). */
async function output(id: string, lang: string, format: Format): Promise<{ view: SheetView; bytes: Uint8Array }> {
  const view = views.find((v) => v.sheet.id === id && v.sheet.lang === lang);
  if (!view) throw new Error(`no sheet ${lang}/${id}`);
  let bytes = rendered.get(key(view, format));
  if (!bytes) {
    bytes = outputBytes(await renderers[format].render(view));
    rendered.set(key(view, format), bytes);
  }
  return { view, bytes };
}

/** A deep copy of a sheet with one figure occurrence (the first of `id`) saying something else. */
function withFigure(sheet: FactSheet, id: string, change: Partial<Pick<FigureRef, 'value' | 'text'>>): FactSheet {
  const copy = structuredClone(sheet);
  const ref = figureRefsOf(copy).find((r) => r.id === id);
  if (!ref) throw new Error(`no figure ${id} in ${sheet.lang}/${sheet.id}`);
  Object.assign(ref, change);
  return copy;
}

function brief(misses: readonly Miss[]): { id: string; index: number; reason: string }[] {
  return misses.map((m) => ({ id: m.ref.id, index: m.index, reason: m.reason }));
}

const html = (text: string): Uint8Array => new TextEncoder().encode(text);
const htmlOf = (bytes: Uint8Array): string => new TextDecoder().decode(bytes);

describe('reading outputs back', () => {
  const spies: ReturnType<typeof vi.spyOn>[] = [];
  afterEach(() => {
    for (const spy of spies.splice(0)) spy.mockRestore();
  });

  it('reads a PDF without printing anything (pdf.js loaded here first)', async () => {
    const { bytes } = await output('partnerships', 'fr', 'pdf');
    for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) spies.push(vi.spyOn(console, method));
    spies.push(vi.spyOn(process.stdout, 'write'), vi.spyOn(process.stderr, 'write'));
    const text = await outputText('pdf', bytes);
    expect(text.length).toBeGreaterThan(1000);
    for (const spy of spies) expect(spy).not.toHaveBeenCalled();
  });

  it('gives the French partnerships PDF as a reader would copy it', async () => {
    const text = await outputText('pdf', (await output('partnerships', 'fr', 'pdf')).bytes);
    // Broken after its hyphen in the PDF ("Nouvelle-" / "Zélande"), joined back.
    expect(text).toContain('Nouvelle-Zélande');
    // pdfmake draws the narrow no-break space of "7 000" as a space.
    expect(foldSpaces(text)).toContain('7 000');
    expect(text).toContain('\n');
  });

  it('gives the text of a Word document by paragraph, characters exactly as stored', async () => {
    const text = await outputText('docx', (await output('partnerships', 'fr', 'docx')).bytes);
    expect(text).toContain('7\u202f000');
    // Typeset: a curly apostrophe, a narrow no-break space before the colon.
    expect(text).toContain('l’OTAN coopère avec 41 pays');
    expect(text).toContain('Nouvelle-Zélande');
    // The title, broken where the PDF balances it.
    expect(text).toContain('Partenariats\u202f: une approche\ncoopérative de la sécurité');
  });

  it('gives the text content of an HTML body', async () => {
    const text = await outputText('html', (await output('partnerships', 'fr', 'html')).bytes);
    expect(text).toContain('Nouvelle-Zélande');
    expect(text).toContain('7\u202f000');
    expect(text).not.toContain('<data');
    expect(text).not.toContain('--brand'); // the stylesheet is in <head>, not text
  });

  it('reads WordprocessingML runs, tabs, breaks and entities, not tab stops', () => {
    const xml =
      '<?xml version="1.0"?><w:document><w:body>' +
      '<w:p><w:pPr><w:tabs><w:tab w:val="right" w:pos="9026"/></w:tabs></w:pPr><w:r><w:t>NATO</w:t></w:r><w:r><w:tab/><w:t xml:space="preserve">Fact &amp; sheet</w:t></w:r></w:p>' +
      '<w:p/>' +
      '<w:tbl><w:tr><w:tc><w:p><w:r><w:t>a&#x202F;b&#8217;c</w:t><w:br/><w:t>&lt;d&gt; &quot;e&quot; &apos;f&apos;</w:t></w:r></w:p></w:tc></w:tr></w:tbl>' +
      '</w:body></w:document>';
    expect(wordprocessingText(xml)).toBe('NATO\tFact & sheet\n\na\u202fb\u2019c\n<d> "e" \'f\'');
  });

  it('joins PDF lines broken after a hyphen, and only those', () => {
    expect(joinHyphenatedLines('la Nouvelle-\nZélande, le\nPakistan')).toBe('la Nouvelle-Zélande, le\nPakistan');
    expect(joinHyphenatedLines('quatre-\nvingt-\ndix')).toBe('quatre-vingt-dix');
    expect(joinHyphenatedLines('a –\nb -\nc')).toBe('a –\nb -\nc');
  });

  it('rejects bytes that are not a file of the format', async () => {
    const junk = new TextEncoder().encode('not a document');
    await expect(outputText('pdf', junk)).rejects.toThrow(/PDF could not be read/);
    await expect(outputText('docx', junk)).rejects.toThrow(/Word document could not be read/);
  });
});

describe('verifying outputs against the model', () => {
  for (const view of views) {
    for (const format of FORMATS) {
      it(`finds every figure of ${view.sheet.lang}/${view.sheet.id} in its ${format.toUpperCase()}`, async () => {
        const { bytes } = await output(view.sheet.id, view.sheet.lang, format);
        expect(figureRefsOf(view.sheet).length).toBeGreaterThan(0);
        expect(brief(await verifyOutput(view.sheet, format, bytes))).toEqual([]);
      });
    }
  }

  it('PDF: reports a figure the model says differently from the output', async () => {
    const { view, bytes } = await output('partnerships', 'fr', 'pdf');
    const changed = withFigure(view.sheet, 'partners.total', { value: '40', text: '40' });
    expect(brief(await verifyOutput(changed, 'pdf', bytes))).toEqual([
      { id: 'partners.total', index: 1, reason: '"40" not found after "trois" (concept.core-tasks)' },
    ]);
  });

  it('PDF: folds the narrow no-break space of the model, and reports a changed one', async () => {
    const { view, bytes } = await output('partnerships', 'fr', 'pdf');
    expect(figureRefsOf(view.sheet).map((r) => r.text)).toContain('7\u202f000');
    const changed = withFigure(view.sheet, 'operations.troops', { value: '7500', text: '7\u202f500' });
    expect(brief(await verifyOutput(changed, 'pdf', bytes))).toEqual([
      { id: 'operations.troops', index: 4, reason: '"7\u202f500" not found after "24" (operations.contributors)' },
    ]);
  });

  it('PDF: checks the order of the figures', async () => {
    const { view, bytes } = await output('partnerships', 'en', 'pdf');
    const swapped = structuredClone(view.sheet);
    const refs = figureRefsOf(swapped);
    // "seven" (Mediterranean) and "four" (Istanbul) in the wrong order.
    const [seven, four] = [refs.find((r) => r.text === 'seven')!, refs.find((r) => r.text === 'four')!];
    [seven.text, four.text] = [four.text, seven.text];
    const misses = await verifyOutput(swapped, 'pdf', bytes);
    expect(misses).toHaveLength(1);
    expect(misses[0]!.reason).toBe('"seven" not found after "four" (partners.mediterranean)');
  });

  it('DOCX: reports a figure changed in word/document.xml', async () => {
    const { view, bytes } = await output('partnerships', 'fr', 'docx');
    const files = unzipSync(bytes);
    const xml = strFromU8(files['word/document.xml']!);
    expect(xml.split('>7\u202f000<')).toHaveLength(2);
    files['word/document.xml'] = strToU8(xml.replace('>7\u202f000<', '>7\u202f500<'));
    const tampered = zipSync(files);
    expect(brief(await verifyOutput(view.sheet, 'docx', tampered))).toEqual([
      { id: 'operations.troops', index: 4, reason: '"7\u202f000" not found after "24" (operations.contributors)' },
    ]);
    // DOCX text is compared exactly: a plain space is not the model's U+202F.
    files['word/document.xml'] = strToU8(xml.replace('>7\u202f000<', '>7 000<'));
    expect(brief(await verifyOutput(view.sheet, 'docx', zipSync(files))).map((m) => m.id)).toEqual(['operations.troops']);
  });

  it('HTML: reports a <data> element with another value and text', async () => {
    const { view, bytes } = await output('partnerships', 'fr', 'html');
    const page = htmlOf(bytes);
    const original = '<data value="41" data-figure="partners.total">41</data>';
    expect(page.split(original)).toHaveLength(2);
    const tampered = html(page.replace(original, '<data value="40" data-figure="partners.total">40</data>'));
    expect(brief(await verifyOutput(view.sheet, 'html', tampered))).toEqual([
      { id: 'partners.total', index: 1, reason: 'expected <data value="41">41</data>, found <data value="40">40</data>' },
    ]);
  });

  it('HTML: reports a value that disagrees with its text, and a wrong data-figure', async () => {
    const { view, bytes } = await output('partnerships', 'fr', 'html');
    const page = htmlOf(bytes);
    const valueOnly = html(page.replace('<data value="41" data-figure="partners.total">41</data>', '<data value="40" data-figure="partners.total">41</data>'));
    expect(brief(await verifyOutput(view.sheet, 'html', valueOnly))).toEqual([
      { id: 'partners.total', index: 1, reason: 'expected <data value="41">41</data>, found <data value="40">41</data>' },
    ]);
    const wrongId = html(page.replace('data-figure="partners.total"', 'data-figure="partners.global"'));
    expect(brief(await verifyOutput(view.sheet, 'html', wrongId))).toEqual([
      {
        id: 'partners.total',
        index: 1,
        reason: 'expected <data value="41">41</data>, found <data value="41">41</data> (data-figure="partners.global", not "partners.total")',
      },
    ]);
  });

  it('HTML: reports a missing and an extra <data> element once each, not as a shift', async () => {
    const { view, bytes } = await output('partnerships', 'fr', 'html');
    const page = htmlOf(bytes);
    const missing = html(page.replace('<data value="41" data-figure="partners.total">41</data>', '41'));
    expect(brief(await verifyOutput(view.sheet, 'html', missing))).toEqual([
      { id: 'partners.total', index: 1, reason: 'expected <data value="41">41</data>, not found' },
    ]);
    // Just before the list of global partners, itself a figure since it follows the registry.
    const extra = html(page.replace('ces pays comprennent <data', 'ces pays comprennent (<data value="5">5</data> millions) <data'));
    expect(brief(await verifyOutput(view.sheet, 'html', extra))).toEqual([
      { id: 'partners.istanbul', index: 8, reason: 'extra figure <data value="5">5</data> after it' },
    ]);
  });

  it('rejects an output it cannot read', async () => {
    const { view } = await output('partnerships', 'fr', 'pdf');
    await expect(verifyOutput(view.sheet, 'pdf', new Uint8Array([1, 2, 3]))).rejects.toThrow(/PDF could not be read/);
  });
});

describe('searching figure texts in order', () => {
  const around = { before: ' ', after: ' ' };

  it('does not find a figure glued into a longer word or number', () => {
    expect(findFrom('en septembre 2011, sept pays', 'sept', 0, around)).toBe(19);
    expect(findFrom('1410 ou 141 ou 41.', '41', 0, around)).toBe(15);
    expect(findFrom('septembre', 'sept', 0, around)).toBe(-1);
  });

  it('lets a figure be glued where the model glues it', () => {
    expect(findFrom('le XXIe siècle', 'XXI', 0, { before: ' ', after: 'e' })).toBe(3);
    expect(findFrom('2010-2011', '2011', 0, { before: '-', after: null })).toBe(5);
  });

  it('starts after the previous match', () => {
    expect(findFrom('41 et 41', '41', 1, around)).toBe(6);
    expect(findFrom('41 et 41', '41', 7, around)).toBe(-1);
  });
});

beforeAll(() => {
  expect(views.map((v) => `${v.sheet.lang}/${v.sheet.id}`).sort()).toEqual(['ar', 'de', 'en', 'fr', 'ru', 'uk'].flatMap((lang) => [`${lang}/global-partners`, `${lang}/partnerships`]));
});
