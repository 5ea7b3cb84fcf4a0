import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildProject } from '../src/build/index.js';
import { checkProject } from '../src/check/index.js';
import { figureRefsOf } from '../src/model/index.js';
import { FORMATS } from '../src/render/index.js';
import { readProject } from '../src/sources/index.js';
import { runCli } from './helpers/cli.js';
import { FIXTURES, makeProject, tempDir } from './helpers/project.js';
import { attr, byTag, findAll, fold, parseHtml, pdfText, textContent } from './helpers/read-back.js';

// The base project with dated figures (allies.count: 28 as of 2013-02, 32 as of 2024-03) and a
// second sheet, "later", dated 2024-06-01, beside the base's "sample", dated 2013-02-21.
const DATED = path.join(FIXTURES, 'dated-registry');
const options = (root: string, outDir: string) => ({ root, outDir, sheets: [], langs: [], formats: [...FORMATS], sourceDateEpoch: null });

let root: string;
let out: string;

beforeAll(async () => {
  root = makeProject(path.join(FIXTURES, 'base'), DATED);
  out = tempDir();
  await buildProject(options(root, out));
});

const html = (lang: string, id: string) => parseHtml(readFileSync(path.join(out, lang, `${id}.html`), 'utf8'));
const dataOf = (lang: string, id: string) => findAll(html(lang, id), byTag('data')).map((d) => `${attr(d, 'value')}=${textContent(d)}`);
const docxText = (lang: string, id: string) => strFromU8(unzipSync(readFileSync(path.join(out, lang, `${id}.docx`)))['word/document.xml']!).replace(/<[^>]+>/g, '');

describe('a sheet dated 2013 and one dated 2024 quoting the same figures', () => {
  it('check clean, even in strict mode', async () => {
    const run = await runCli(['check', '--strict', '--root', root]);
    expect(run.stdout).toBe('');
    expect(run.code).toBe(0);
  });

  it('quote each the value in force at its date in the model', async () => {
    const { sheets } = await checkProject(await readProject(root));
    const refs = (id: string, lang: string) => figureRefsOf(sheets.find((s) => s.id === id && s.lang === lang)!).map((r) => `${r.id}=${r.text}`);
    expect(refs('sample', 'en')).toEqual(expect.arrayContaining(['allies.count=28', 'partners.total=11', 'partners.global=three']));
    expect(refs('later', 'en')).toEqual(['allies.count=March 2024', 'allies.count=32', 'partners.total=12', 'partners.global=Australia, Japan, New Zealand, and South Korea']);
  });

  it.each(['fr', 'en'])('state 28 and 32 in the %s PDFs', (lang) => {
    const sample = fold(pdfText(path.join(out, lang, 'sample.pdf')));
    const later = fold(pdfText(path.join(out, lang, 'later.pdf')));
    expect(sample).toContain(lang === 'fr' ? 'les 28 Alliés' : 'the 28 Allies');
    expect(later).toContain(lang === 'fr' ? 'les 32 Alliés' : 'the 32 Allies');
    expect(later).toContain(lang === 'fr' ? 'Depuis mars 2024' : 'Since March 2024');
    expect(later).toContain(lang === 'fr' ? 'avec 12 pays' : 'with 12 countries');
    expect(sample).not.toContain(lang === 'fr' ? 'les 32' : 'the 32');
    expect(later).not.toContain(lang === 'fr' ? 'les 28' : 'the 28');
  });

  it.each(['fr', 'en'])('state 28 and 32 in the %s web pages', (lang) => {
    expect(dataOf(lang, 'sample')).toContain('28=28');
    expect(dataOf(lang, 'later')).toContain('32=32');
    expect(dataOf(lang, 'later')).toContain('12=12');
    expect(dataOf(lang, 'sample')).not.toContain('32=32');
  });

  it.each(['fr', 'en'])('state 28 and 32 in the %s Word documents', (lang) => {
    expect(docxText(lang, 'sample')).toContain(lang === 'fr' ? 'les 28 Alliés' : 'the 28 Allies');
    expect(docxText(lang, 'later')).toContain(lang === 'fr' ? 'les 32 Alliés' : 'the 32 Allies');
  });

  it('show in the ledger command the history and which value each use quoted', async () => {
    const run = await runCli(['figures', '--root', root]);
    expect(run.code).toBe(0);
    const allies = run.stdout.slice(run.stdout.indexOf('allies.count:'), run.stdout.indexOf('partners.total:'));
    expect(allies.split('\n')).toEqual([
      'allies.count: 32, as of 2024-03',
      '  defined at sources/figures.yaml:2:1 (North Atlantic Treaty, member states)',
      '  values: 28 as of 2013-02; 32 as of 2024-03',
      '  later en  sources/later/en.md:8:7  "March 2024"  quotes 32 as of 2024-03',
      '  later en  sources/later/en.md:8:35  "32"  quotes 32 as of 2024-03',
      '  later fr  sources/later/fr.md:7:8  "mars 2024"  quotes 32 as of 2024-03',
      '  later fr  sources/later/fr.md:7:36  "32"  quotes 32 as of 2024-03',
      '  sample en  sources/sample/en.md:14:7  "28"  quotes 28 as of 2013-02',
      '  sample fr  sources/sample/fr.md:13:7  "28"  quotes 28 as of 2013-02',
      '',
    ]);
    expect(run.stdout).toMatch(/^ {2}values: 3 \(derived\) as of 2013-02 \(AU JP NZ\); 4 \(derived\) as of 2024-03 \(AU JP NZ KR\)$/m);

    const json = JSON.parse((await runCli(['figures', '--json', '--root', root])).stdout);
    const entry = json.figures.find((f: { id: string }) => f.id === 'allies.count');
    expect(entry.history).toEqual([
      { value: '28', asOf: '2013-02', derived: false, members: null },
      { value: '32', asOf: '2024-03', derived: false, members: null },
    ]);
    expect(entry.uses.map((u: { sheet: string; lang: string; value: string; asOf: string }) => `${u.sheet}/${u.lang}=${u.value}@${u.asOf}`)).toEqual([
      'later/en=32@2024-03',
      'later/en=32@2024-03',
      'later/fr=32@2024-03',
      'later/fr=32@2024-03',
      'sample/en=28@2013-02',
      'sample/fr=28@2013-02',
    ]);
  });

  it('show on the figures page the history and the date of the value each use quoted', () => {
    const doc = parseHtml(readFileSync(path.join(out, 'figures.html'), 'utf8'));
    const section = findAll(doc, (e) => e.tagName === 'section' && attr(e, 'id') === 'allies.count')[0]!;
    expect(findAll(section, byTag('li')).map(textContent)).toEqual(['28 · au 2013-02', '32 · au 2024-03']);
    const rows = findAll(section, byTag('tr')).slice(1).map((row) => findAll(row, byTag('td')).map(textContent));
    expect(rows.map((r) => `${r[0]}/${r[1]} ${r[3]}`)).toEqual([
      'later/en March 2024 (au 2024-03)',
      'later/en 32 (au 2024-03)',
      'later/fr mars 2024 (au 2024-03)',
      'later/fr 32 (au 2024-03)',
      'sample/en 28 (au 2013-02)',
      'sample/fr 28 (au 2013-02)',
    ]);
    for (const row of rows) expect(row.slice(4)).toEqual(['✓', '✓', '✓']);
  });
});

describe('an old sheet when a figure gets a new value', () => {
  it('is regenerated byte for byte as it was', async () => {
    const project = makeProject(path.join(FIXTURES, 'base'));
    const dir = tempDir();
    await buildProject(options(project, dir));
    const before = FORMATS.map((format) => readFileSync(path.join(dir, 'fr', `sample.${format}`)));
    const registry = path.join(project, 'sources/figures.yaml');
    const edited = readFileSync(registry, 'utf8').replace('allies.count:\n  value: 28\n  as_of: 2013-02\n', 'allies.count:\n  values:\n    - { value: 28, as_of: 2013-02 }\n    - { value: 32, as_of: 2024-03 }\n');
    expect(edited).not.toBe(readFileSync(registry, 'utf8'));
    writeFileSync(registry, edited);
    await buildProject(options(project, dir));
    expect(FORMATS.map((format) => readFileSync(path.join(dir, 'fr', `sample.${format}`)))).toEqual(before);
  });
});

describe('the shipped registry', () => {
  it('holds the history of allies.count, and the seed sheets, dated 2013, quote 28', async () => {
    const run = await runCli(['figures', '--json']);
    const allies = JSON.parse(run.stdout).figures.find((f: { id: string }) => f.id === 'allies.count');
    expect(allies.history.map((v: { value: string; asOf: string }) => `${v.value}@${v.asOf}`)).toEqual(['28@2013-02', '32@2024-03']);
    expect(allies.uses.length).toBeGreaterThan(0);
    for (const use of allies.uses) expect(use).toMatchObject({ value: '28', asOf: '2013-02', afterSheet: false });
    // Russian and Ukrainian write the noun that agrees with the number with it ("28 союзников").
    expect(new Set(allies.uses.map((use: { text: string }) => use.text))).toEqual(new Set(['28', '28 союзников', '28 союзників']));
  });
});

describe('a typed number equal to a figure', () => {
  // A typed value is compared with the figure's value in force at the sheet's date, not its latest one.
  it('is the figure of its own date: 28 in the sheet of 2013, not in the one of 2024', async () => {
    const typed = makeProject(path.join(FIXTURES, 'base'), DATED);
    const fr = path.join(typed, 'sources', 'later', 'fr.md');
    writeFileSync(fr, readFileSync(fr, 'utf8').replace('les {{allies.count}} Alliés', 'les 28 Alliés, puis 32,'));
    const sample = path.join(typed, 'sources', 'sample', 'fr.md');
    writeFileSync(sample, `${readFileSync(sample, 'utf8')}\nLes 28 Alliés, puis 32.\n`);
    const { diagnostics } = await checkProject(await readProject(typed));
    const typedFigures = diagnostics.filter((d) => d.ruleId === 'literal-figure').map((d) => `${d.location.file} ${d.message.slice(0, 60)}`);
    expect(typedFigures).toEqual([
      'sources/later/fr.md "32" is typed, and it is the value of figure "allies.count";',
      'sources/sample/fr.md "28" is typed, and it is the value of figure "allies.count";',
    ]);
  });
});
