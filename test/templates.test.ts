import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { buildProject } from '../src/build/index.js';
import { FORMATS } from '../src/render/index.js';
import { REPO, makeProject, tempDir } from './helpers/project.js';
import { attr, byTag, findAll, parseHtml } from './helpers/read-back.js';

const build = (root: string, extra: Partial<Parameters<typeof buildProject>[0]> = {}) => {
  const outDir = tempDir();
  return buildProject({ root, outDir, sheets: [], langs: [], formats: [...FORMATS], sourceDateEpoch: null, ...extra }).then((report) => ({ report, outDir }));
};

function edit(file: string, change: (text: string) => string): void {
  writeFileSync(file, change(readFileSync(file, 'utf8')));
}

describe('templates decide the look', () => {
  it('a second template is a new folder: a sheet that names it is laid out with it, no code changed', async () => {
    const root = makeProject(REPO);
    cpSync(path.join(root, 'templates/factsheet'), path.join(root, 'templates/briefing'), { recursive: true });
    edit(path.join(root, 'templates/briefing/style.yaml'), (t) => t.replace('brand: "#12355b"', 'brand: "#7a1f2b"'));
    edit(path.join(root, 'templates/briefing/labels.yaml'), (t) => t.replace('kind: Fact sheet', 'kind: Briefing note'));
    for (const lang of ['fr', 'en']) edit(path.join(root, `sources/global-partners/${lang}.md`), (t) => t.replace(/^date: /m, 'template: briefing\ndate: '));

    const { report, outDir } = await build(root);
    expect(report.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const briefing = readFileSync(path.join(outDir, 'en/global-partners.html'), 'utf8');
    expect(briefing).toContain('--brand: #7a1f2b;');
    expect(briefing).toContain('Briefing note');
    const factsheet = readFileSync(path.join(outDir, 'en/partnerships.html'), 'utf8');
    expect(factsheet).toContain('--brand: #12355b;');
    const docx = strFromU8(unzipSync(readFileSync(path.join(outDir, 'en/global-partners.docx')))['word/document.xml']!);
    expect(docx).toContain('w:fill="7A1F2B"');
  });

  it('a sheet naming a template that does not exist is an error at its frontmatter', async () => {
    const root = makeProject(REPO);
    edit(path.join(root, 'sources/global-partners/en.md'), (t) => t.replace(/^date: /m, 'template: factshet\ndate: '));
    const { report } = await build(root);
    expect(report.diagnostics.map((d) => `${d.location.file}:${d.location.start.line}:${d.location.start.column} ${d.ruleId} ${d.message}`)).toContain(
      'sources/global-partners/en.md:3:11 template-unknown no template "factshet" in templates/; did you mean "factsheet"?',
    );
    expect(report.failed).toEqual([]);
    expect(report.heldBack).toEqual([{ version: 'en/global-partners', reason: 'it has errors' }]);
  });
});

describe('check finds what the build would fail on in a template', () => {
  it('an unknown field in a partial of page.hbs is an error at its place in the partial, and the build renders nothing of the sheets using it', async () => {
    const root = makeProject(REPO);
    edit(path.join(root, 'templates/factsheet/partials/contact.hbs'), (t) => t.replace('{{contact.division}}', '{{contact.divison}}'));
    const { report } = await build(root, { formats: ['html'] });
    expect(report.diagnostics.map((d) => `${d.location.file}:${d.location.start.line}:${d.location.start.column} ${d.ruleId} ${d.message}`)).toEqual([
      'templates/factsheet/partials/contact.hbs:3:23 template-field-unknown no field "divison" here; did you mean "division"?',
    ]);
    expect(report.failed).toEqual(['global-partners', 'partnerships']);
  });
});

describe('documents carry the sheet date, or SOURCE_DATE_EPOCH', () => {
  it('uses SOURCE_DATE_EPOCH in PDF and Word metadata when it is set', async () => {
    const { outDir } = await build(REPO, { sheets: ['global-partners'], langs: ['en'], formats: ['pdf', 'docx'], sourceDateEpoch: 1700000000 });
    const info = spawnSync('pdfinfo', ['-isodates', path.join(outDir, 'en/global-partners.pdf')], { encoding: 'utf8', env: { ...process.env, TZ: 'UTC' } }).stdout;
    expect(info).toMatch(/^CreationDate: +2023-11-14T22:13:20(Z|\+00)/m);
    const core = strFromU8(unzipSync(readFileSync(path.join(outDir, 'en/global-partners.docx')))['docProps/core.xml']!);
    expect(core).toContain('>2023-11-14T22:13:20Z</dcterms:created>');
  });
});

describe('text direction comes from the language', () => {
  it('lays a right-to-left language out right to left in all three formats', async () => {
    const root = makeProject(REPO);
    // An unreviewed translation is published when the settings say so.
    edit(path.join(root, 'factsheet.yaml'), (t) => t.replace('languages: [fr, en]', 'languages: [fr, en, ar]\nunreviewed: publish'));
    cpSync(path.join(root, 'sources/boilerplate/en.yaml'), path.join(root, 'sources/boilerplate/ar.yaml'));
    cpSync(path.join(root, 'sources/global-partners/en.md'), path.join(root, 'sources/global-partners/ar.md'));

    const { report, outDir } = await build(root, { sheets: ['global-partners'], langs: ['ar'], formats: ['html', 'docx'] });
    expect(report.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message)).toEqual([]);
    const html = findAll(parseHtml(readFileSync(path.join(outDir, 'ar/global-partners.html'), 'utf8')), byTag('html'))[0]!;
    expect([attr(html, 'lang'), attr(html, 'dir')]).toEqual(['ar', 'rtl']);
    const docx = strFromU8(unzipSync(readFileSync(path.join(outDir, 'ar/global-partners.docx')))['word/document.xml']!);
    expect(docx).toContain('<w:bidi/>');
  });

  it('refuses a PDF whose font cannot draw the language: check finds the Arabic letters missing from the font, before rendering', async () => {
    const root = makeProject(REPO);
    // A template with no font for Arabic: its main font draws the Arabic text.
    edit(path.join(root, 'templates/factsheet/style.yaml'), (t) => t.replace(/^ {4}Arabic:\n(?: {6}.*\n| {6,}#.*\n)+/m, ''));
    edit(path.join(root, 'factsheet.yaml'), (t) => t.replace('languages: [fr, en]', 'languages: [fr, en, ar]'));
    cpSync(path.join(root, 'sources/boilerplate/en.yaml'), path.join(root, 'sources/boilerplate/ar.yaml'));
    cpSync(path.join(root, 'sources/global-partners/en.md'), path.join(root, 'sources/global-partners/ar.md'));
    const { report } = await build(root, { sheets: ['global-partners'], langs: ['ar'], formats: ['pdf'] });
    expect(report.failed).toEqual([]);
    expect(report.heldBack).toEqual([{ version: 'ar/global-partners', reason: 'it has errors' }]);
    const missing = report.diagnostics.find((d) => d.ruleId === 'glyph-missing')!;
    const source = readFileSync(path.join(root, 'sources/global-partners/ar.md'), 'utf8');
    // The text is the English one; figures in words are written in Arabic, which Source Sans 3 lacks.
    expect(missing.location.file).toBe('sources/global-partners/ar.md');
    expect(source.slice(missing.location.start.offset)).toMatch(/^\{\{words partners\.global\}\}/);
    expect(missing.message).toMatch(/has no glyph for U\+06[0-9A-F]{2} "[\u0600-\u06FF]"/);
    expect(report.diagnostics.some((d) => d.ruleId === 'render-failed' || d.ruleId === 'output-mismatch')).toBe(false);
  });
});
