import { describe, expect, it } from 'vitest';
import { indexContext } from '../src/build/index-page.js';
import { pagePlaces } from '../src/build/project-page.js';
import { checkProject } from '../src/check/index.js';
import { readProject } from '../src/sources/index.js';
import { REPO } from './helpers/project.js';

// Each language's index: its words, each sheet's title in the language where the sheet has
// a version in it (the original's, marked in the original's language, where not), and links
// that work from where the page stands.
describe('the index page of a language', async () => {
  const result = await checkProject(await readProject(REPO));
  const template = result.templates.get('factsheet')!;
  const languages = ['fr', 'en', 'ar'];
  const entries = [
    { id: 'partnerships', titles: { fr: 'Partenariats', en: 'Partnerships', ar: 'الشراكات' }, versions: languages.map((lang) => ({ lang, formats: ['pdf' as const, 'html' as const] })) },
    // Not translated into Arabic yet.
    { id: 'global-partners', titles: { fr: 'Partenaires mondiaux', en: 'Global partners' }, versions: ['fr', 'en'].map((lang) => ({ lang, formats: ['html' as const] })) },
  ];
  const page = (lang: string, root: string) => indexContext(entries, languages, 'fr', { lang, root }, template.labels.get(lang)!, template);

  it('has a place at the folder’s root, in the source language, and one in each language’s folder', () => {
    expect(pagePlaces('fr', languages)).toEqual([
      { lang: 'fr', root: '', dir: '' },
      { lang: 'fr', root: '../', dir: 'fr/' },
      { lang: 'en', root: '../', dir: 'en/' },
      { lang: 'ar', root: '../', dir: 'ar/' },
    ]);
  });

  it('titles each sheet in its language, and a sheet without a version in it in the original’s language', () => {
    const arabic = page('ar', '../');
    expect(arabic.dir).toBe('rtl');
    expect(arabic.title).toBe(template.labels.get('ar')!.index_title);
    expect(arabic.sheets.map((s) => [s.title, s.titleLang, s.titleDir])).toEqual([
      ['الشراكات', 'ar', 'rtl'],
      ['Partenaires mondiaux', 'fr', 'ltr'],
    ]);
    expect(page('en', '../').sheets.map((s) => s.title)).toEqual(['Partnerships', 'Global partners']);
  });

  it('links the outputs, the ledger and the other languages’ indexes from where the page stands', () => {
    const english = page('en', '../');
    expect(english.sheets[0]!.versions.map((v) => v.files.map((f) => `${f.href} ${f.label}`))).toEqual([
      ['../fr/partnerships.pdf PDF', '../fr/partnerships.html Web'],
      ['../en/partnerships.pdf PDF', '../en/partnerships.html Web'],
      ['../ar/partnerships.pdf PDF', '../ar/partnerships.html Web'],
    ]);
    expect(english.ledger).toBe('figures.html');
    expect(english.pages.map((p) => [p.href, p.current])).toEqual([
      ['../fr/index.html', false],
      ['../en/index.html', true],
      ['../ar/index.html', false],
    ]);
    // At the folder's root, the same outputs are one folder down.
    expect(page('fr', '').sheets[1]!.versions[0]!.files.map((f) => f.href)).toEqual(['fr/global-partners.html']);
    expect(page('fr', '').fonts[0]!.src).toMatch(/^assets\/fonts\/SourceSans3-Regular-[0-9a-f]{10}\.ttf$/);
    expect(english.fonts[0]!.src).toMatch(/^\.\.\/assets\/fonts\//);
  });
});
