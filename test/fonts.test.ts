import { mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkProject } from '../src/check/index.js';
import { pdfRenderer } from '../src/render/pdf/pdf-renderer.js';
import { sheetView } from '../src/render/index.js';
import { locateFont, readProject } from '../src/sources/index.js';
import { pdfText } from '../src/verify/pdf-text.js';
import { REPO, makeProject } from './helpers/project.js';

describe('fonts are read once, by the sources stage', () => {
  it('the PDF renderer draws with the bytes it is given and opens no file: it works with the font files gone', async () => {
    const root = makeProject(REPO);
    const result = await checkProject(await readProject(root));
    const sheet = result.sheets.find((s) => s.id === 'global-partners' && s.lang === 'en')!;
    const template = result.templates.get('factsheet')!;
    const gone = { ...template, dir: path.join(root, 'gone'), style: { ...template.style, fonts: { ...template.style.fonts, files: { normal: '/gone/a.ttf', bold: '/gone/b.ttf', italics: '/gone/c.ttf', bolditalics: '/gone/d.ttf' } } } };
    rmSync(path.join(root, 'templates'), { recursive: true });
    const output = await pdfRenderer.render(sheetView(sheet, gone, { languages: ['fr', 'en'] }));
    expect(output.kind).toBe('binary');
    const text = await pdfText((output as { bytes: Uint8Array }).bytes);
    expect(text).toContain('partners');
  });
});

const glyphErrors = async (root: string) =>
  (await checkProject(await readProject(root))).diagnostics
    .filter((d) => d.ruleId === 'glyph-missing')
    .map((d) => `${d.location.file}:${d.location.start.line}:${d.location.start.column}: ${d.message}`);

function edit(file: string, change: (text: string) => string): void {
  writeFileSync(file, change(readFileSync(file, 'utf8')));
}

describe('where a template may take its fonts from', () => {
  it('follows links before deciding: a link in the template folder to a file outside it is refused', () => {
    const root = makeProject(REPO);
    const dir = path.join(root, 'templates/factsheet');
    mkdirSync(path.join(dir, 'fonts'));
    symlinkSync(path.join(root, 'factsheet.yaml'), path.join(dir, 'fonts/linked.ttf'));
    expect(locateFont(root, dir, './fonts/linked.ttf')).toEqual({ spec: './fonts/linked.ttf', status: 'outside', reason: 'outside the template folder' });
  });

  it('finds package fonts from a project root given relative to the working folder', () => {
    const found = locateFont(path.relative(process.cwd(), REPO) || '.', path.join(REPO, 'templates/factsheet'), 'source-sans/TTF/SourceSans3-Regular.ttf');
    expect(found).toEqual({ path: expect.stringMatching(/node_modules\/source-sans\/TTF\/SourceSans3-Regular\.ttf$/) });
  });
});

describe('glyph-missing: every character the PDF draws has a glyph in its face', () => {
  it('Source Sans 3 draws Greek and Cyrillic in every face, and the French spaces: no error', async () => {
    const root = makeProject(REPO);
    edit(path.join(root, 'sources/global-partners/en.md'), (t) =>
      t.replace(/^title: .*$/m, 'title: Συμμαχία και Альянс').replace(/^## (.*)$/m, '## $1 — Ελλάδα, Україна').replace(/\n\n([A-Z])/, '\n\n**Ζήτω** *Слава* ***Ωω Жж*** 1\u202F000\u00A0€ $1'),
    );
    edit(path.join(root, 'sources/boilerplate/en.yaml'), (t) => t.replace(/^section: .*$/m, 'section: Τμήμα Пресса'));
    expect(await glyphErrors(root)).toEqual([]);
  });

  // Roboto (shipped with pdfmake) has no U+202F, the narrow no-break space French groups digits with;
  // pdfkit encodes every character but line breaks through the font unless it justifies (we never do),
  // so that space would be drawn as an empty box.
  it('a template naming a smaller font is refused where its font lacks a character: the narrow space of French numbers and punctuation', async () => {
    const root = makeProject(REPO);
    edit(path.join(root, 'templates/factsheet/style.yaml'), (t) =>
      t
        .replace('family: Source Sans 3', 'family: Roboto')
        .replace('source-sans/TTF/SourceSans3-Regular.ttf', 'pdfmake/fonts/Roboto/Roboto-Regular.ttf')
        .replace('source-sans/TTF/SourceSans3-Semibold.ttf', 'pdfmake/fonts/Roboto/Roboto-Medium.ttf')
        .replace('source-sans/TTF/SourceSans3-It.ttf', 'pdfmake/fonts/Roboto/Roboto-Italic.ttf')
        .replace('source-sans/TTF/SourceSans3-SemiboldIt.ttf', 'pdfmake/fonts/Roboto/Roboto-MediumItalic.ttf'),
    );
    // The typeset text is checked: the narrow space French typography puts before a colon is
    // reported at the colon (in the sheet, its title, the labels), once per file and face.
    const missing = (at: string, face: string, file: string) =>
      `${at}: the ${face} face of the PDF font "Roboto" (${file}) has no glyph for U+202F "\u202F": the PDF would show empty boxes; use a template whose font covers this script`;
    expect(await glyphErrors(root)).toEqual([
      missing('sources/global-partners/fr.md:7:165', 'regular', 'Roboto-Regular.ttf'),
      missing('sources/partnerships/fr.md:2:22', 'bold', 'Roboto-Medium.ttf'),
      missing('templates/factsheet/labels.yaml:8:16', 'regular', 'Roboto-Regular.ttf'),
    ]);
  });

  it('reports text from the boilerplate, the labels and the running header where it is written', async () => {
    const root = makeProject(REPO);
    edit(path.join(root, 'sources/boilerplate/en.yaml'), (t) => t.replace(/^division: .*$/m, 'division: "Division 広報"'));
    edit(path.join(root, 'templates/factsheet/labels.yaml'), (t) => t.replace(/^(en:\n(?:.*\n)*?\s+kind: )Fact sheet$/m, '$1Fact sheet ✦'));
    edit(path.join(root, 'templates/factsheet/style.yaml'), (t) => t.replace('header: "{{title}}"', 'header: "{{title}} ☞ NATO"'));
    const at = (file: string, needle: string) => {
      const text = readFileSync(path.join(root, file), 'utf8');
      const offset = text.indexOf(needle);
      const line = text.slice(0, offset).split('\n').length;
      return `${file}:${line}:${offset - text.lastIndexOf('\n', offset - 1)}`;
    };
    const errors = await glyphErrors(root);
    expect(errors.map((e) => e.replace(/: the .*? has no glyph for (U\+\w+).*$/, ' $1'))).toEqual([
      `${at('sources/boilerplate/en.yaml', '広報')} U+5E83`,
      `${at('templates/factsheet/labels.yaml', '✦')} U+2726`,
      `${at('templates/factsheet/style.yaml', '☞')} U+261E`,
    ]);
    // The division is drawn bold in the contact panel, the label in capitals in the title band.
    expect(errors[0]).toContain('bold face');
  });
});
