import { strFromU8, unzipSync } from 'fflate';
import * as fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';
import type { Inline } from '../src/model/fact-sheet.js';
import type { Span } from '../src/model/position.js';
import { docxRenderer } from '../src/render/docx/index.js';
import { obfuscated } from '../src/render/docx/font-keys.js';
import type { SheetView } from '../src/render/index.js';
import { projectViews } from './helpers/views.js';

const views = await projectViews();
const view = (id: string, lang: string): SheetView => views.find((v) => v.sheet.id === id && v.lang === lang)!;

async function parts(of: SheetView): Promise<Record<string, Uint8Array>> {
  const output = await docxRenderer.render(of);
  if (output.kind !== 'binary') throw new Error('the Word renderer should give bytes');
  return unzipSync(output.bytes);
}

interface Embedded {
  font: string;
  style: string;
  key: string;
  /** The font file, obfuscation undone with its key. */
  data: Uint8Array;
}

/** Each face fontTable.xml embeds: its font's name, its style (Regular, Bold...), its key and its file. */
function embedded(files: Record<string, Uint8Array>): Embedded[] {
  const table = strFromU8(files['word/fontTable.xml']!);
  const rels = strFromU8(files['word/_rels/fontTable.xml.rels']!);
  const target = (id: string) => new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1];
  const out: Embedded[] = [];
  for (const font of table.matchAll(/<w:font w:name="([^"]+)">([\s\S]*?)<\/w:font>/g)) {
    for (const embed of font[2]!.matchAll(/<w:embed(\w+) r:id="([^"]+)" w:fontKey="\{([^}]+)\}"\/>/g)) {
      const file = files[`word/${target(embed[2]!)}`];
      expect(file, `${font[1]} ${embed[1]}: its part`).toBeDefined();
      out.push({ font: font[1]!, style: embed[1]!, key: embed[3]!, data: obfuscated(file!, embed[3]!) });
    }
  }
  return out;
}

function same(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && Buffer.compare(Buffer.from(a), Buffer.from(b)) === 0;
}

function described(data: Uint8Array): string {
  const font = fontkit.create(Buffer.from(data)) as fontkit.Font;
  return `${font.familyName} ${font.subfamilyName}`;
}

const SPAN: Span = { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } } as Span;

describe('fonts embedded in the Word document', () => {
  it('embeds the regular and semibold faces the PDF is set in, each under the family name its file gives', async () => {
    const fr = view('partnerships', 'fr');
    const faces = embedded(await parts(fr));
    expect(faces.map((f) => `${f.font}: ${f.style}`)).toEqual(['Source Sans 3: Regular', 'Source Sans 3 Semibold: Regular']);
    expect(same(faces[0]!.data, fr.template.fonts.normal)).toBe(true);
    expect(same(faces[1]!.data, fr.template.fonts.bold)).toBe(true);
    expect(faces.map((f) => described(f.data))).toEqual(['Source Sans 3 Regular', 'Source Sans 3 Semibold Regular']);
  });

  it('embeds the Arabic faces, regular and bold, beside the Latin ones of an Arabic sheet', async () => {
    const ar = view('partnerships', 'ar');
    const faces = embedded(await parts(ar));
    expect(faces.map((f) => `${f.font}: ${f.style}`)).toEqual(['Source Sans 3: Regular', 'Source Sans 3 Semibold: Regular', 'Noto Naskh Arabic: Regular', 'Noto Naskh Arabic: Bold']);
    expect(same(faces[2]!.data, ar.template.scriptFonts.Arabic!.normal)).toBe(true);
    expect(same(faces[3]!.data, ar.template.scriptFonts.Arabic!.bold)).toBe(true);
  });

  it('embeds the italic faces only for a sheet with emphasis', async () => {
    const en = view('global-partners', 'en');
    expect(embedded(await parts(en)).some((f) => f.style.includes('Italic'))).toBe(false);
    const emphasis = (children: Inline[]): Inline => ({ type: 'emphasis', children, span: SPAN }) as Inline;
    const text = (value: string): Inline => ({ type: 'text', value, span: SPAN }) as Inline;
    const [lead, ...rest] = en.sheet.sections;
    const block = lead!.blocks[0]!;
    if (block.type !== 'paragraph') throw new Error('the lead should open with a paragraph');
    const emphasised: SheetView = {
      ...en,
      sheet: { ...en.sheet, sections: [{ ...lead!, blocks: [{ ...block, children: [emphasis([text('in italics')]), ...block.children] }, ...lead!.blocks.slice(1)] }, ...rest] },
    };
    const faces = embedded(await parts(emphasised));
    expect(faces.map((f) => `${f.font}: ${f.style}`)).toEqual(['Source Sans 3: Regular', 'Source Sans 3: Italic', 'Source Sans 3 Semibold: Regular']);
    expect(same(faces[1]!.data, en.template.fonts.italics)).toBe(true);
  });

  it('obfuscates a face with a key made from its file: the same in every document', async () => {
    const keys = (faces: Embedded[]) => Object.fromEntries(faces.map((f) => [`${f.font}: ${f.style}`, f.key]));
    const fr = keys(embedded(await parts(view('partnerships', 'fr'))));
    const ru = keys(embedded(await parts(view('global-partners', 'ru'))));
    expect(ru).toEqual(fr);
    expect(new Set(Object.values(fr)).size).toBe(Object.values(fr).length);
    for (const key of Object.values(fr)) expect(key).toMatch(/^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/);
  });

  it('sets bold text in the semibold family without w:b, and Arabic bold text in the bold Arabic face (w:bCs)', async () => {
    const ar = strFromU8((await parts(view('partnerships', 'ar')))['word/styles.xml']!);
    const title = /<w:style w:type="paragraph" w:styleId="Title">[\s\S]*?<\/w:style>/.exec(ar)?.[0] ?? '';
    expect(title).toContain('w:ascii="Source Sans 3 Semibold"');
    expect(title).toContain('w:cs="Noto Naskh Arabic"');
    expect(title).toContain('<w:b w:val="false"/>');
    expect(title).toContain('<w:bCs/>');
  });
});
