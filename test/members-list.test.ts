import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';
import { REPO, makeProject } from './helpers/project.js';
import { attr, byTag, findAll, fold, parseHtml, pdfText, textContent } from './helpers/read-back.js';

/** The visible text of a .docx body: its runs joined, entities decoded. */
function docxText(file: string): string {
  const xml = strFromU8(unzipSync(readFileSync(file))['word/document.xml']!);
  const text = xml.replace(/<w:tab\/>|<w:br\/>/g, ' ').replace(/<[^>]+>/g, '');
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}

/** What `{{names partners.global}}` and `{{words partners.global}}` must print, per language, once Colombia has joined. */
const EXPECTED = {
  fr: { list: 'la Mongolie et Colombie', count: 'neuf pays' },
  en: { list: 'Mongolia and Colombia', count: 'nine countries' },
} as const;

describe('a country added to partners.global', () => {
  it('changes the count and the list of names in every language and format, with no other edit', async () => {
    const root = makeProject(REPO);
    const figures = path.join(root, 'sources/figures.yaml');
    const registry = readFileSync(figures, 'utf8');
    const edited = registry
      .replace('members: [AU, JP, KR, NZ, PK, IQ, AF, MN]', 'members: [AU, JP, KR, NZ, PK, IQ, AF, MN, CO]')
      .replace(/(partners\.total:\n  value: )41/, (_, head: string) => `${head}42`);
    expect(edited).not.toBe(registry);
    writeFileSync(figures, edited);

    const run = await runCli(['build', '--root', root]);
    expect(run.stdout + run.stderr).toContain('0 errors, 0 warnings');
    expect(run.code).toBe(0);

    const out = path.join(root, 'out');
    for (const lang of ['fr', 'en'] as const) {
      const { list, count } = EXPECTED[lang];
      for (const sheet of ['global-partners', 'partnerships']) {
        const html = parseHtml(readFileSync(path.join(out, lang, `${sheet}.html`), 'utf8'));
        const names = findAll(html, byTag('data')).filter((d) => attr(d, 'data-figure') === 'partners.global' && attr(d, 'value')!.includes(' '));
        expect(names.map((d) => attr(d, 'value')), `${lang}/${sheet}.html`).toEqual(['AU JP KR NZ PK IQ AF MN CO']);
        expect(fold(textContent(names[0]!)), `${lang}/${sheet}.html`).toContain(list);
        expect(fold(pdfText(path.join(out, lang, `${sheet}.pdf`))), `${lang}/${sheet}.pdf`).toContain(list);
        expect(fold(docxText(path.join(out, lang, `${sheet}.docx`))), `${lang}/${sheet}.docx`).toContain(list);
      }
      // The lead of global-partners gives the count in words just before the list.
      expect(fold(pdfText(path.join(out, lang, 'global-partners.pdf')))).toContain(count);
      expect(fold(docxText(path.join(out, lang, 'global-partners.docx')))).toContain(count);
      expect(fold(textContent(parseHtml(readFileSync(path.join(out, lang, 'global-partners.html'), 'utf8'))))).toContain(count);
    }
  });
});
