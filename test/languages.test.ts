import { rmSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';
import { editFile, filesOf } from './helpers/files.js';
import { REPO, keepLanguages, makeProject } from './helpers/project.js';

/** The published web pages of sheets in an output folder, as `lang/sheet` (each language's index and ledger left out). */
function pages(dir: string): string[] {
  return [...filesOf(dir).keys()].filter((name) => /^[a-z]{2}\/.*\.html$/.test(name) && !/\/(index|figures)\.html$/.test(name)).map((name) => name.replace(/\.html$/, '')).sort();
}

/** Drops one language's block from a labels file. */
function withoutLabels(lang: string) {
  return (text: string) => text.replace(new RegExp(`^${lang}:\\n(?:  .*\\n|\\s*#.*\\n)*`, 'm'), '');
}

/** The repository in its five European languages: what these tests say of them holds for any other. */
function europeanProject(): string {
  const root = makeProject(REPO, undefined, { allLanguages: true });
  keepLanguages(root, ['fr', 'en', 'de', 'ru', 'uk']);
  return root;
}

describe('a language that lacks what every sheet needs holds back only itself', () => {
  it('without labels or boilerplate: one problem for the language, and every other language publishes', async () => {
    const root = europeanProject();
    editFile(root, 'templates/factsheet/labels.yaml', withoutLabels('uk'));
    rmSync(path.join(root, 'sources/boilerplate/ru.yaml'));
    const out = path.join(root, 'out');
    const run = await runCli(['build', '--format', 'html', '--root', root], root);

    expect(run.code).toBe(1);
    // One problem per language, where the language lacks it, not one per sheet.
    const problems = run.stdout.split('\n').filter((line) => / error: /.test(line));
    expect(problems).toEqual([
      'factsheet.yaml:5:25: error: no boilerplate for language "ru": write sources/boilerplate/ru.yaml with the contact block; until then nothing is published in "ru" [boilerplate-missing]',
      'templates/factsheet/labels.yaml:1:1: error: no labels for language "uk": add a "uk:" block with 19 labels; until then nothing is published in "uk" with this template [template-labels-missing]',
    ]);
    expect(pages(out)).toEqual(['de/global-partners', 'de/partnerships', 'en/global-partners', 'en/partnerships', 'fr/global-partners', 'fr/partnerships']);
    // The pages published link only what is published.
    const french = filesOf(out).get('fr/partnerships.html')!.toString();
    expect(french).toContain('hreflang="de"');
    expect(french).not.toContain('hreflang="uk"');
    expect(french).not.toContain('hreflang="ru"');
  });

  it('a label missing in one language holds back that language, reported at its entry', async () => {
    const root = europeanProject();
    editFile(root, 'templates/factsheet/labels.yaml', (t) => t.replace(/^(de:\n(?:  .*\n)*?)  contact: Kontakt\n/m, '$1'));
    const out = path.join(root, 'out');
    const run = await runCli(['build', '--format', 'html', '--root', root], root);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^templates\/factsheet\/labels\.yaml:\d+:1: error: label "contact" for "de" must be text, found nothing \[template-labels-missing\]$/m);
    expect(pages(out).filter((p) => p.startsWith('de/'))).toEqual([]);
    expect(pages(out).filter((p) => p.startsWith('uk/'))).toEqual(['uk/global-partners', 'uk/partnerships']);
  });

  it('the source language without boilerplate holds back every sheet, since translations are checked against it', async () => {
    const root = europeanProject();
    rmSync(path.join(root, 'sources/boilerplate/fr.yaml'));
    const run = await runCli(['build', '--format', 'html', '--root', root], root);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^factsheet\.yaml:5:13: error: no boilerplate for language "fr".*\[boilerplate-missing\]$/m);
    expect(pages(path.join(root, 'out'))).toEqual([]);
  });
});

describe('a sheet published in some languages only', () => {
  it('is not asked for the others, and a translation into one it leaves out is not published', async () => {
    const root = europeanProject();
    editFile(root, 'sources/global-partners/fr.md', (t) => t.replace(/^tags:/m, 'languages: [fr, en, de]\ntags:'));
    rmSync(path.join(root, 'sources/global-partners/ru.md'));
    const out = path.join(root, 'out');
    const run = await runCli(['build', '--format', 'html', '--root', root], root);

    expect(run.code).toBe(0);
    // No translation-missing for ru; uk, which the sheet leaves out, is said not to be published.
    expect(run.stdout).not.toContain('translation-missing');
    expect(run.stdout.split('\n').filter((line) => / warning: /.test(line))).toEqual([
      'sources/global-partners/uk.md:1:1: warning: sheet "global-partners" is not published in "uk": add "uk" to its languages, or remove this file [translation-undeclared]',
    ]);
    expect(pages(out).filter((p) => p.endsWith('/global-partners'))).toEqual(['de/global-partners', 'en/global-partners', 'fr/global-partners']);
    expect(pages(out).filter((p) => p.endsWith('/partnerships'))).toHaveLength(5);
    expect(filesOf(out).get('fr/global-partners.html')!.toString()).not.toContain('hreflang="uk"');

    const status = await runCli(['status', '--root', root], root);
    expect(status.stdout).toMatch(/^global-partners\s+ok\s+ok\s+ok\s+not published\s+not published\s*$/m);
  });

  it('declares only languages of the project, each at its place', async () => {
    const root = europeanProject();
    editFile(root, 'sources/partnerships/fr.md', (t) => t.replace(/^tags:/m, 'languages: [fr, es]\ntags:'));
    editFile(root, 'sources/partnerships/de.md', (t) => t.replace(/^tags:/m, 'languages: [de]\ntags:'));
    const run = await runCli(['check', '--root', root], root);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('sources/partnerships/fr.md:4:17: error: language "es" is not one of the project\'s languages (fr, en, de, ru, uk); add it to factsheet.yaml first [language-unknown]');
    expect(run.stdout).toContain('sources/partnerships/de.md:4:1: error: "languages" is declared by the fr original only; a translation is published in the languages its original declares [frontmatter-field-invalid]');
  });
});
