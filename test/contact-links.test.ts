import { readFileSync } from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildProject } from '../src/build/index.js';
import { parseBoilerplate } from '../src/parse/boilerplate.js';
import { FORMATS } from '../src/render/index.js';
import { SourceFile } from '../src/text/source-file.js';
import { REPO, makeProject } from './helpers/project.js';
import { attr, byTag, findAll, fold, parseHtml, pdfText, textContent } from './helpers/read-back.js';

// The office prints "+32(0)2 707 1010/1002": two numbers, each its own tel: link, the text unchanged.
const NUMBERS = ['tel:+3227071010', 'tel:+3227071002'];
// The label "Tél. :" of the template, typeset: a narrow no-break space before the colon.
const PRINTED = 'Tél.\u202f: +32(0)2 707 1010/1002';

let out: string;
beforeAll(async () => {
  const root = makeProject(REPO);
  out = path.join(root, 'out');
  const report = await buildProject({ root, outDir: out, sheets: ['partnerships'], langs: ['fr'], formats: [...FORMATS], sourceDateEpoch: null });
  expect(report.diagnostics).toEqual([]);
});

describe('the contact block of the built partnerships sheet (fr)', () => {
  it('web page: a tel: link per number and a mailto: link, the line as printed', () => {
    const doc = parseHtml(readFileSync(path.join(out, 'fr/partnerships.html'), 'utf8'));
    const footer = findAll(doc, (e) => e.tagName === 'footer')[0]!;
    const links = findAll(footer, byTag('a')).map((a) => [attr(a, 'href'), textContent(a)]);
    expect(links).toEqual([
      ['tel:+3227071010', '+32(0)2 707 1010'],
      ['tel:+3227071002', '1002'],
      ['mailto:moc@hq.nato.int', 'moc@hq.nato.int'],
    ]);
    expect(findAll(footer, byTag('p')).map(textContent)).toContain(PRINTED);
  });

  it('PDF: link actions to each number and the address, the line as printed', () => {
    const file = path.join(out, 'fr/partnerships.pdf');
    const uris = [...readFileSync(file).toString('latin1').matchAll(/\/URI \(([^)]*)\)/g)].map((m) => m[1]);
    expect([...new Set(uris)].sort()).toEqual(['mailto:moc@hq.nato.int', ...NUMBERS].sort());
    // pdftotext gives the narrow space as a space: the PDF's own check is that no line starts with the colon (typography.test.ts).
    expect(fold(pdfText(file))).toContain(fold(PRINTED));
  });

  it('Word: a hyperlink per number and to the address, the line as printed', () => {
    const parts = unzipSync(readFileSync(path.join(out, 'fr/partnerships.docx')));
    const rels = strFromU8(parts['word/_rels/document.xml.rels']!);
    const targets = [...rels.matchAll(/Target="([^"]*)" TargetMode="External"/g)].map((m) => m[1]);
    expect(targets.sort()).toEqual(['mailto:moc@hq.nato.int', ...NUMBERS].sort());
    const paragraphs = strFromU8(parts['word/document.xml']!)
      .split('</w:p>')
      .map((p) => [...p.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''));
    expect(paragraphs).toContain(PRINTED);
  });
});

describe('the boilerplate phone field', () => {
  const contactOf = (phone: string) =>
    parseBoilerplate(new SourceFile('sources/boilerplate/en.yaml', `organisation: O\ndivision: D\nsection: S\nphone: ${phone}\nemail: press@example.org\nhashtags: ["#O"]\n`));

  it('takes a list of numbers, each as printed, and keeps the printed line', () => {
    const { contact, diagnostics } = contactOf('["+32(0)2 707 1010/1002", "+33 1 45 50 34 60"]');
    expect(diagnostics).toEqual([]);
    expect(contact!.phone).toBe('+32(0)2 707 1010/1002, +33 1 45 50 34 60');
    expect(contact!.phoneParts.filter((p) => p.e164 !== null).map((p) => [p.text, p.e164])).toEqual([
      ['+32(0)2 707 1010', '+3227071010'],
      ['1002', '+3227071002'],
      ['+33 1 45 50 34 60', '+33145503460'],
    ]);
  });

  it('refuses the two numbers of the seed run together into one', () => {
    const { contact, diagnostics } = contactOf('"+32270710101002"');
    expect(contact).toBeNull();
    expect(diagnostics.map((d) => `${d.location.start.line}:${d.location.start.column} ${d.message} [${d.ruleId}]`)).toEqual(['4:8 "+32270710101002" is not a valid phone number [boilerplate-invalid]']);
  });
});
