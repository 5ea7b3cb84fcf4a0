import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { buildProject, type BuildReport } from '../src/build/index.js';
import { checkProject } from '../src/check/index.js';
import { figureRefsOf, plainText, type FactSheet } from '../src/model/index.js';
import { FORMATS, type SheetView } from '../src/render/index.js';
import { projectViews } from './helpers/views.js';
import { readProject } from '../src/sources/index.js';
import { runCli } from './helpers/cli.js';
import { expectGolden } from './helpers/golden.js';
import { filesOf } from './helpers/files.js';
import { REPO, makeProject, tempDir } from './helpers/project.js';
import { attr, blocksOf, byTag, findAll, firstOutOfOrder, fold, lettersOnly, parseHtml, pdfText, qpdfCheck, qpdfJson, textContent } from './helpers/read-back.js';

const options = (root: string, outDir: string) => ({ root, outDir, sheets: [], langs: [], formats: [...FORMATS], sourceDateEpoch: null });

let out: string;
let report: BuildReport;
let sheets: FactSheet[];
let views: SheetView[];

beforeAll(async () => {
  out = tempDir();
  report = await buildProject(options(REPO, out));
  sheets = (await checkProject(await readProject(REPO))).sheets;
  views = await projectViews();
});

/** The repository's languages, as factsheet.yaml lists them. */
const LANGUAGES = ['fr', 'en', 'de', 'ru', 'uk', 'ar'];

describe('factsheet build on the repository', () => {
  it('writes 2 sheets x 6 languages x 3 formats and the index, without problems', () => {
    expect(report.diagnostics).toEqual([]);
    expect(report.failed).toEqual([]);
    const names = [...filesOf(out).keys()];
    expect(names.filter((name) => !name.startsWith('assets/')).sort()).toEqual(
      [
        'figures.html',
        'index.html',
        ...LANGUAGES.flatMap((l) => [`${l}/figures.html`, `${l}/index.html`]),
        ...LANGUAGES.flatMap((l) => ['global-partners', 'partnerships'].flatMap((id) => ['docx', 'html', 'pdf'].map((f) => `${l}/${id}.${f}`))),
      ].sort(),
    );
    // The four faces of Source Sans 3, two of Noto Naskh Arabic and two of Noto Sans Hebrew, which the pages load.
    expect(names.filter((name) => name.startsWith('assets/')).map((name) => name.replace(/-[0-9a-f]{10}\.ttf$/, '.ttf')).sort()).toEqual(
      [
        'NotoNaskhArabic-Bold',
        'NotoNaskhArabic-Regular',
        'NotoSansHebrew-Bold',
        'NotoSansHebrew-Regular',
        'SourceSans3-It',
        'SourceSans3-Regular',
        'SourceSans3-Semibold',
        'SourceSans3-SemiboldIt',
      ].map((name) => `assets/fonts/${name}.ttf`),
    );
  });

  // Both sides of UTC: a date made at midnight UTC and read in local time is the day before west of
  // Greenwich and the same day (another hour) east of it; the zip entries' times would differ in both.
  it.each(['Pacific/Pago_Pago', 'Pacific/Kiritimati'])('gives byte-identical outputs when run again, in time zone %s and another locale', (zone) => {
    const again = tempDir();
    const run = spawnSync(process.execPath, [path.join(REPO, 'bin/factsheet.js'), 'build', '--out', again], {
      cwd: REPO,
      encoding: 'utf8',
      env: { ...process.env, TZ: zone, LANG: 'de_DE.UTF-8', LC_ALL: 'de_DE.UTF-8' },
    });
    expect(run.status, run.stderr).toBe(0);
    const first = filesOf(out);
    const second = filesOf(again);
    expect([...second.keys()].sort()).toEqual([...first.keys()].sort());
    for (const [name, bytes] of first) expect(second.get(name)!.equals(bytes), `${name} differs`).toBe(true);
  });

  it('links every sheet in every language and format from the index', () => {
    const doc = parseHtml(readFileSync(path.join(out, 'index.html'), 'utf8'));
    const hrefs = findAll(doc, byTag('a')).map((a) => attr(a, 'href'));
    for (const sheet of sheets) for (const format of FORMATS) expect(hrefs).toContain(`${sheet.lang}/${sheet.id}.${format}`);
  });

  it.each(LANGUAGES)('gives %s an index and a ledger of its own, in its words, each sheet titled in the language', (lang) => {
    const labels = (parseYaml(readFileSync(path.join(REPO, 'templates/factsheet/labels.yaml'), 'utf8')) as Record<string, Record<string, string>>)[lang]!;
    const index = parseHtml(readFileSync(path.join(out, lang, 'index.html'), 'utf8'));
    expect(attr(findAll(index, byTag('html'))[0]!, 'lang')).toBe(lang);
    expect(attr(findAll(index, byTag('html'))[0]!, 'dir')).toBe(lang === 'ar' ? 'rtl' : 'ltr');
    // Labels are typeset as the sheets are: the apostrophe of "Fiches d'information" is a typographic one.
    const typeset = (label: string) => label.replace(/'/g, '’');
    expect(textContent(findAll(index, byTag('h1'))[0]!)).toBe(typeset(labels.index_title!));
    const rows = findAll(index, (e) => e.tagName === 'th' && attr(e, 'scope') === 'row');
    const own = sheets.filter((s) => s.lang === lang).sort((a, b) => a.id.localeCompare(b.id));
    expect(rows.map((th) => [attr(th, 'lang'), textContent(th)])).toEqual(own.map((s) => [lang, `${plainText(s.meta.title)}${s.id}`]));
    // Every output linked from the language's folder; the ledger and the other languages' indexes beside it.
    const hrefs = findAll(index, byTag('a')).map((a) => attr(a, 'href'));
    for (const sheet of sheets) for (const format of FORMATS) expect(hrefs).toContain(`../${sheet.lang}/${sheet.id}.${format}`);
    expect(hrefs).toContain('figures.html');
    for (const other of LANGUAGES.filter((l) => l !== lang)) expect(hrefs).toContain(`../${other}/index.html`);

    const ledger = parseHtml(readFileSync(path.join(out, lang, 'figures.html'), 'utf8'));
    expect(attr(findAll(ledger, byTag('html'))[0]!, 'lang')).toBe(lang);
    expect(textContent(findAll(ledger, byTag('h1'))[0]!)).toBe(typeset(labels.ledger!));
    expect(findAll(ledger, byTag('a')).map((a) => attr(a, 'href'))).toContain('index.html');
  });

  it.each(LANGUAGES)('links each %s sheet page to its own PDF and Word documents and to the index of its language', (lang) => {
    for (const id of ['global-partners', 'partnerships']) {
      const doc = parseHtml(readFileSync(path.join(out, lang, `${id}.html`), 'utf8'));
      const hrefs = findAll(doc, byTag('a')).map((a) => attr(a, 'href'));
      expect(hrefs).toEqual(expect.arrayContaining([`${id}.pdf`, `${id}.docx`, 'index.html']));
      for (const href of [`${id}.pdf`, `${id}.docx`, 'index.html']) expect(existsSync(path.join(out, lang, href)), href).toBe(true);
    }
  });
});

/**
 * pdftotext lays an Arabic page out by its own analysis, which sets a vowel sign drawn
 * over a letter apart from its word and may split a line there: the Arabic PDFs are read
 * back with pdf.js, in logical order, by the build's own verification and by
 * test/rtl-pdf.test.ts; here poppler reads their titles, bookmarks and metadata.
 */
const POPPLER_ORDER = LANGUAGES.filter((lang) => lang !== 'ar');

describe('PDF read back with pdftotext', () => {
  it.each(POPPLER_ORDER.flatMap((lang) => ['partnerships', 'global-partners'].map((id) => [lang, id])))('%s/%s holds every block and figure in order', (lang, id) => {
    const sheet = sheets.find((s) => s.id === id && s.lang === lang)!;
    const view = views.find((v) => v.sheet.id === id && v.lang === lang)!;
    const text = fold(pdfText(path.join(out, lang, `${id}.pdf`), { header: view.header, footerStart: view.footer.left }));
    expect(firstOutOfOrder(text, blocksOf(sheet).map(fold))).toBeNull();
    expect(firstOutOfOrder(text, figureRefsOf(sheet).map((ref) => fold(ref.text)))).toBeNull();
    for (const line of [sheet.contact.phone, sheet.contact.email, ...sheet.contact.hashtags]) expect(text).toContain(line);
  });

  it.each(['partnerships', 'global-partners'])('ar/%s holds every letter of its title, headings and contact in order', (id) => {
    const sheet = sheets.find((s) => s.id === id && s.lang === 'ar')!;
    const letters = (t: string) => lettersOnly(t).replace(/\p{M}/gu, '');
    const text = letters(pdfText(path.join(out, 'ar', `${id}.pdf`)));
    const headings = sheet.sections.flatMap((s) => (s.heading ? [plainText(s.heading)] : []));
    expect(firstOutOfOrder(text, [plainText(sheet.meta.title), ...headings, sheet.contact.phone, sheet.contact.email, ...sheet.contact.hashtags].map(letters))).toBeNull();
  });

  it('holds every paragraph and list item of the French partnerships seed, the repaired paragraph whole', () => {
    const text = fold(pdfText(path.join(out, 'fr', 'partnerships.pdf')));
    expect(text).toContain(
      fold(
        "Ces relations font partie intégrante de la transformation que conduit actuellement l’Alliance en vue de relever efficacement les défis complexes",
      ),
    );
    expect(text).toContain('plus de 7 000 hommes');
    expect(text).toContain('avec 41 pays');
  });

  it.each(LANGUAGES.flatMap((lang) => ['partnerships', 'global-partners'].map((id) => [lang, id])))('%s/%s passes qpdf --check and carries its metadata', (lang, id) => {
    const file = path.join(out, lang, `${id}.pdf`);
    const sheet = sheets.find((s) => s.id === id && s.lang === lang)!;
    const check = qpdfCheck(file);
    expect(check.status, check.output).toBe(0);
    const info = spawnSync('pdfinfo', [file], { encoding: 'utf8' }).stdout;
    expect(info).toMatch(new RegExp(`^Title: +${escapeRegExp(plainText(sheet.meta.title))}$`, 'm'));
    expect(info).toMatch(/^Author: +\S/m);
    expect(info).toMatch(/^Subject: +\S/m);
    expect(info).toMatch(new RegExp(`^Keywords: +${escapeRegExp(sheet.meta.tags.join(', '))}$`, 'm'));
    expect(info).toMatch(/^CreationDate: +Thu Feb 21 00:00:00 2013 UTC$/m);
    expect(readFileSync(file).includes(`/Lang (${lang})`)).toBe(true);
    const outlines = (qpdfJson(file, 'outlines').outlines as Array<{ title: string }>).map((o) => o.title);
    expect(outlines).toEqual(sheet.sections.filter((s) => s.heading).map((s) => plainText(s.heading!)));
  });
});

describe('HTML read back', () => {
  it.each(LANGUAGES.flatMap((lang) => ['partnerships', 'global-partners'].map((id) => [lang, id])))('%s/%s has its language, headings and figures', (lang, id) => {
    const sheet = sheets.find((s) => s.id === id && s.lang === lang)!;
    const doc = parseHtml(readFileSync(path.join(out, lang, `${id}.html`), 'utf8'));
    const html = findAll(doc, byTag('html'))[0]!;
    expect(attr(html, 'lang')).toBe(lang);
    expect(attr(html, 'dir')).toBe(lang === 'ar' ? 'rtl' : 'ltr');
    expect(textContent(findAll(doc, byTag('h1'))[0]!)).toBe(plainText(sheet.meta.title));
    const sectionHeadings = findAll(doc, (e) => e.tagName === 'h2' && attr(e, 'id') !== undefined).map(textContent);
    expect(sectionHeadings).toEqual(sheet.sections.filter((s) => s.heading).map((s) => plainText(s.heading!)));
    const data = findAll(doc, byTag('data')).map((d) => [attr(d, 'value'), textContent(d)]);
    expect(data).toEqual(figureRefsOf(sheet).filter((r) => !sheet.meta.title.includes(r)).map((r) => [String(r.value), r.text]));
    const alternates = findAll(doc, (e) => e.tagName === 'link' && attr(e, 'rel') === 'alternate').map((l) => attr(l, 'hreflang'));
    expect(alternates.sort()).toEqual([...LANGUAGES].sort());
    expect(findAll(doc, byTag('script'))).toEqual([]);
    expect(findAll(doc, (e) => e.tagName === 'link' && attr(e, 'rel') === 'stylesheet')).toEqual([]);
  });

  it('matches the golden page of the French partnerships sheet', () => {
    expectGolden(path.join(REPO, 'test/golden/fr/partnerships.html'), readFileSync(path.join(out, 'fr', 'partnerships.html'), 'utf8'));
  });

  it('escapes every source text', async () => {
    const root = makeProject(REPO);
    const file = path.join(root, 'sources/global-partners/fr.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('## Une coopération à la carte', '## Une coopération < à la carte & "entre guillemets" <sans balise').replace(/^title: .*$/m, 'title: "A <b>bold</b> & title"'));
    const dir = tempDir();
    await buildProject({ ...options(root, dir), formats: ['html'] });
    const html = readFileSync(path.join(dir, 'fr', 'global-partners.html'), 'utf8');
    // The straight quotes are typeset (French guillemets, narrow spaces) before the page escapes the rest.
    expect(html).toContain('Une coopération &lt; à la carte &amp; «\u202fentre guillemets\u202f» &lt;sans balise');
    expect(html).toContain('A &lt;b&gt;bold&lt;/b&gt; &amp; title');
    expect(findAll(parseHtml(html), byTag('script'))).toEqual([]);
  });
});

describe('a sheet with errors', () => {
  it('a translation with errors keeps its earlier outputs byte for byte while the original and the other sheets build, and exits 1', async () => {
    const root = makeProject(REPO);
    const dir = path.join(root, 'out');
    expect((await runCli(['build', '--root', root], root)).code).toBe(0);
    const before = filesOf(dir);

    const broken = path.join(root, 'sources/global-partners/en.md');
    writeFileSync(broken, readFileSync(broken, 'utf8').replace('{{partners.total}}', '{{partners.totl}}'));
    for (const file of ['sources/partnerships/fr.md', 'sources/global-partners/fr.md']) {
      writeFileSync(path.join(root, file), readFileSync(path.join(root, file), 'utf8').replace(/^tags: \[/m, 'tags: [édité, '));
    }
    writeFileSync(path.join(root, 'sources/partnerships/fr.md'), readFileSync(path.join(root, 'sources/partnerships/fr.md'), 'utf8').replace('Aujourd', 'Désormais, aujourd'));

    const run = await runCli(['build', '--root', root], root);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^sources\/global-partners\/en\.md:\d+:\d+: error: figure "partners\.totl"/m);
    expect(run.stderr).toContain('held back en/global-partners (it has errors; outputs left as they were)');
    expect(run.stderr).toContain('no sheet failed');
    const after = filesOf(dir);
    for (const format of FORMATS) {
      expect(after.get(`en/global-partners.${format}`)!.equals(before.get(`en/global-partners.${format}`)!), `en/global-partners.${format} changed`).toBe(true);
      expect(after.get(`fr/global-partners.${format}`)!.equals(before.get(`fr/global-partners.${format}`)!), `fr/global-partners.${format} kept`).toBe(false);
    }
    expect(fold(pdfText(path.join(dir, 'fr', 'partnerships.pdf')))).toContain('Désormais, aujourd');
    expect(after.get('index.html')!.toString()).toContain('en/global-partners.pdf');
    // The original still links the translation it kept.
    const page = parseHtml(after.get('fr/global-partners.html')!.toString());
    expect(findAll(page, (e) => e.tagName === 'link' && attr(e, 'rel') === 'alternate').map((l) => attr(l, 'hreflang')).sort()).toEqual(['en', 'fr']);
  });

  it('an original with errors holds back its whole sheet', async () => {
    const root = makeProject(REPO);
    const dir = path.join(root, 'out');
    expect((await runCli(['build', '--root', root], root)).code).toBe(0);
    const before = filesOf(dir);
    const original = path.join(root, 'sources/global-partners/fr.md');
    writeFileSync(original, readFileSync(original, 'utf8').replace('{{partners.total}}', '{{partners.totl}}'));
    const en = path.join(root, 'sources/global-partners/en.md');
    writeFileSync(en, readFileSync(en, 'utf8').replace(/^tags: \[/m, 'tags: [edited, '));
    const run = await runCli(['build', '--root', root], root);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('failed global-partners (outputs left as they were)');
    const after = filesOf(dir);
    for (const name of before.keys()) if (name.includes('global-partners')) expect(after.get(name)!.equals(before.get(name)!), `${name} changed`).toBe(true);
  });

  it('with a disputed figure, keeps every sheet that quotes it from publishing', async () => {
    const root = makeProject(REPO);
    const registry = path.join(root, 'sources/figures.yaml');
    writeFileSync(registry, readFileSync(registry, 'utf8').replace(/(partners\.eapc:\n  value: )22/, '$123'));
    const dir = tempDir();
    const result = await buildProject(options(root, dir));
    expect(result.failed).toEqual(['global-partners', 'partnerships']);
    expect(existsSync(path.join(dir, 'fr', 'partnerships.pdf'))).toBe(false);
  });
});

describe('a deleted translation', () => {
  it('is unpublished by the next build: its outputs are removed and no longer linked', async () => {
    const root = makeProject(REPO);
    const dir = path.join(root, 'out');
    expect((await runCli(['build', '--root', root])).code).toBe(0);
    expect(existsSync(path.join(dir, 'en', 'partnerships.pdf'))).toBe(true);
    const { rmSync } = await import('node:fs');
    rmSync(path.join(root, 'sources/partnerships/en.md'));
    const run = await runCli(['build', '--root', root]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^removed \S*out\/en\/partnerships\.pdf \(its source is gone\)$/m);
    for (const format of FORMATS) expect(existsSync(path.join(dir, 'en', `partnerships.${format}`))).toBe(false);
    expect(readFileSync(path.join(dir, 'index.html'), 'utf8')).not.toContain('en/partnerships.');
    expect(run.stdout).toMatch(/^sources\/partnerships\/fr\.md:1:1: warning: sheet "partnerships" is not translated into "en"/m);
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
