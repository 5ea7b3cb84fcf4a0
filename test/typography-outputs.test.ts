import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildProject } from '../src/build/index.js';
import { checkProject } from '../src/check/index.js';
import { FORMATS } from '../src/render/index.js';
import { readProject } from '../src/sources/index.js';
import { TYPOGRAPHY_CHARACTERS } from '../src/typography/index.js';
import { firstMissingBlock, outputText, verifyOutput } from '../src/verify/index.js';
import { fontOf } from '../src/parse/font-file.js';
import { FONT_FACES } from '../src/model/index.js';
import { FIXTURES, REPO, makeProject } from './helpers/project.js';
import { byTag, findAll, fold, parseHtml, pdfText, textContent } from './helpers/read-back.js';

const N = '\u202f';

/**
 * Quoted words of varied length joined by " ; ", long enough to wrap over many lines at
 * many places. Typed with plain spaces, a line could end after « or start with »: the
 * Unicode line breaking rules that pdfkit follows allow a break after a space there
 * (not before ; : ! ?, which they keep on the line even after a space).
 */
const CLAUSES = Array.from({ length: 160 }, (_, i) => `« ${'mot'.padEnd(2 + ((i * 7) % 11), 'x')} »`).join(' ; ');

const SHEET = `---
title: "Partenariats : une approche"
date: 2013-02-21
tags: [partenariats]
---

L'OTAN coopère avec {{partners.total}} pays ; c'est la "sécurité coopérative" ! Voir https://www.nato.int/cps/fr?id=1 ou écrire à presse@hq.nato.int : merci.

## Opérations

En {{month troops.contributed}}, plus de {{troops.contributed}} hommes: voir [l'article](https://www.nato.int/a:b?c=d) et <https://www.nato.int/x?y=1>.

${CLAUSES}.

- les {{allies.count}} Alliés ;
- le sommet de {{year summits.lisbon}}.
`;

let out: string;
let root: string;
beforeAll(async () => {
  root = makeProject(path.join(FIXTURES, 'base'));
  writeFileSync(path.join(root, 'sources/sample/fr.md'), SHEET);
  out = path.join(root, 'out');
  const report = await buildProject({ root, outDir: out, sheets: ['sample'], langs: ['fr'], formats: [...FORMATS], sourceDateEpoch: null });
  expect(report.failed).toEqual([]);
  expect(report.diagnostics.filter((d) => d.location.file === 'sources/sample/fr.md')).toEqual([]);
});

/** The lead paragraph, the heading and the paragraph after it, and the list items, as each format says them. */
const LEAD = `L’OTAN coopère avec 11 pays${N}; c’est la «${N}sécurité coopérative${N}»${N}! Voir https://www.nato.int/cps/fr?id=1 ou écrire à presse@hq.nato.int${N}: merci.`;
const TITLE = `Partenariats${N}: une approche`;
const OPERATIONS = `En décembre 2012, plus de 7${N}000 hommes${N}: voir l’article et https://www.nato.int/x?y=1.`;
const ITEM = `les 28 Alliés${N};`;

describe('French typography in the three outputs of a sheet', () => {
  it('web page: the text of each block, and links to their targets as written', () => {
    const doc = parseHtml(readFileSync(path.join(out, 'fr/sample.html'), 'utf8'));
    const paragraphs = findAll(doc, byTag('p')).map(textContent);
    expect(findAll(doc, byTag('h1')).map(textContent)).toContain(TITLE);
    expect(paragraphs).toContain(LEAD);
    expect(paragraphs).toContain(OPERATIONS);
    expect(findAll(doc, byTag('li')).map((li) => textContent(li).trim())).toContain(ITEM);
    expect(findAll(doc, byTag('a')).map((a) => a.attrs.find((x) => x.name === 'href')?.value)).toEqual(expect.arrayContaining(['https://www.nato.int/a:b?c=d', 'https://www.nato.int/x?y=1']));
    expect(paragraphs).toContain(`Tél.${N}: +32 2 707 1010`);
  });

  it('index page: the sheet titled as its own pages print it', () => {
    const doc = parseHtml(readFileSync(path.join(out, 'index.html'), 'utf8'));
    expect(findAll(doc, (e) => e.tagName === 'th' && e.attrs.some((a) => a.name === 'scope' && a.value === 'row')).map(textContent)).toEqual([`${TITLE}sample`]);
  });

  it('Word: the same characters in word/document.xml', () => {
    const xml = strFromU8(unzipSync(readFileSync(path.join(out, 'fr/sample.docx')))['word/document.xml']!);
    const paragraphs = xml.split('</w:p>').map((p) => [...p.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''));
    const unescape = (s: string) => s.replace(/&amp;/g, '&');
    expect(paragraphs.map(unescape)).toEqual(expect.arrayContaining([TITLE, LEAD, OPERATIONS, ITEM, `Tél.${N}: +32 2 707 1010`]));
  });

  it('PDF: the same words, and no line that starts with ; : ! ? or » or ends with «', () => {
    const text = pdfText(path.join(out, 'fr/sample.pdf'));
    // pdftotext gives U+202F as a space; that no line breaks at it is what shows it is no-break.
    for (const block of [TITLE, LEAD, OPERATIONS, ITEM]) expect(fold(text)).toContain(fold(block));
    const lines = text.split('\n').map((line) => line.trim());
    expect(lines.filter((line) => line.includes('motxx')).length).toBeGreaterThan(5);
    expect(lines.filter((line) => /^[;:!?»]/.test(line) || /«$/.test(line))).toEqual([]);
  });
});

describe('the output verification compares texts regardless of typography', () => {
  it('finds every block and figure of the sheet as typed (straight quotes, no narrow spaces) in the typeset outputs', async () => {
    const typed = (await checkProject(await readProject(root))).parsed.find((s) => s.lang === 'fr')!;
    for (const format of FORMATS) {
      const bytes = new Uint8Array(readFileSync(path.join(out, `fr/sample.${format}`)));
      if (format === 'html') expect(firstMissingBlock(typed, await outputText('html', bytes))).toBeNull();
      else expect(await verifyOutput(typed, format, bytes)).toEqual([]);
    }
  });
});

describe('the template font draws what typography writes', () => {
  it('has a glyph for every quote, apostrophe and space of every language of the table, in its four faces', async () => {
    const template = (await checkProject(await readProject(REPO))).templates.get('factsheet')!;
    expect(TYPOGRAPHY_CHARACTERS).toEqual(expect.arrayContaining(['\u202f', '«', '»', '“', '”', '„', '‚', '‘', '’', '‹', '›']));
    for (const face of FONT_FACES) {
      const font = fontOf(template.fonts[face]);
      expect(TYPOGRAPHY_CHARACTERS.filter((char) => !font.hasGlyphForCodePoint(char.codePointAt(0)!)), face).toEqual([]);
    }
  });
});

describe('the consistency checks compare texts regardless of typography', () => {
  const ORIGINAL = `---
title: Partenariats
date: 2013-02-21
tags: [partenariats]
---

L'OTAN coopère avec {{partners.total}} pays, dont {{words partners.global}} partenaires mondiaux : le **Dialogue** et la formule **« partners »**.

## Opérations

En {{month troops.contributed}}, plus de {{troops.contributed}} hommes.

- les {{allies.count}} Alliés ;
- le sommet de {{year summits.lisbon}}.
`;
  const translation = (quoted: string) => `---
title: Partnerships
date: 2013-02-21
tags: [partnerships]
translation_of: fr
---

NATO cooperates with {{partners.total}} countries, {{words partners.global}} of them global partners: dialogue and the **${quoted}** formula.

## Operations

In {{month troops.contributed}}, more than {{troops.contributed}} troops.

- the {{allies.count}} Allies;
- the {{year summits.lisbon}} summit.
`;
  const alignment = async (quoted: string) => {
    const root = makeProject(path.join(FIXTURES, 'base'));
    writeFileSync(path.join(root, 'sources/sample/fr.md'), ORIGINAL);
    writeFileSync(path.join(root, 'sources/sample/en.md'), translation(quoted));
    const { diagnostics } = await checkProject(await readProject(root));
    return diagnostics.filter((d) => d.ruleId.startsWith('align-')).map((d) => `${d.location.start.line}:${d.location.start.column} ${d.message} [${d.ruleId}]`);
  };

  it('a translation with straight quotes and one with curly quotes align the same, each matching the original’s guillemets', async () => {
    const straight = await alignment('"partners"');
    expect(straight).toEqual([`8:1 this paragraph has no strong run for the fr original's "Dialogue" [align-emphasis-missing]`]);
    expect(await alignment('“partners”')).toEqual(straight);
  });
});
