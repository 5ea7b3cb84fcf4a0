import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkProject } from '../src/check/index.js';
import { readProject } from '../src/sources/index.js';
import { FIXTURES, makeProject } from './helpers/project.js';

const BASE = path.join(FIXTURES, 'base');
const SHEET = 'sources/sample';
const fr = readFileSync(path.join(BASE, SHEET, 'fr.md'), 'utf8');
const en = readFileSync(path.join(BASE, SHEET, 'en.md'), 'utf8');

/** The problems of the base project with both versions replaced, review state set aside (the original changed, so the lock is out of date). */
async function problems(frText: string, enText: string, figures = ''): Promise<string[]> {
  const root = makeProject(BASE);
  appendFileSync(path.join(root, 'sources/figures.yaml'), figures);
  writeFileSync(path.join(root, SHEET, 'fr.md'), frText);
  writeFileSync(path.join(root, SHEET, 'en.md'), enText);
  const { diagnostics } = await checkProject(await readProject(root), { formats: [] });
  return diagnostics.filter((d) => d.ruleId !== 'translation-stale').map((d) => `${d.location.file}:${d.location.start.line} ${d.ruleId}`);
}

describe('duplicates', () => {
  it('an item repeated in another list is not a duplicate', async () => {
    const add = (text: string, heading: string, item: string) => `${text}\n## ${heading}\n\n${item}\n- ${heading}.\n`;
    expect(await problems(add(fr, 'Autres', '- les {{allies.count}} Alliés ;'), add(en, 'Others', '- the {{allies.count}} Allies;'))).toEqual([]);
  });

  it('a section with the same heading and other text is not a duplicate', async () => {
    const add = (text: string, heading: string, body: string) => `${text}\n## ${heading}\n\n${body}\n`;
    expect(await problems(add(fr, 'Opérations', 'Depuis {{year summits.lisbon}}.'), add(en, 'Operations', 'Since {{year summits.lisbon}}.'))).toEqual([]);
  });

  it('the same words with another figure of the same value are not a duplicate', async () => {
    const twice = (text: string, a: string, b: string) => text.replace('\n## ', `\n${a}\n\n${b}\n\n## `);
    const figures = '\npartners.asia:\n  value: 8\n';
    expect(await problems(twice(fr, 'Soit {{partners.regional}}.', 'Soit {{partners.asia}}.'), twice(en, 'That is {{partners.regional}}.', 'That is {{partners.asia}}.'), figures)).toEqual([]);
  });

  it('a section repeated in the translation only is a duplicate there, not an extra section', async () => {
    const section = en.slice(en.indexOf('## Operations'));
    expect(await problems(fr, `${en}\n${section}`)).toEqual(['sources/sample/en.md:17 duplicate-section']);
  });

  it('a list repeated in the original is reported once, at the original', async () => {
    const list = fr.slice(fr.indexOf('\n- ') + 1);
    expect(await problems(fr.replace('\n## ', `\n${list}\n## `), en)).toEqual(['sources/sample/fr.md:16 duplicate-block']);
  });

  it('a paragraph repeated in the original and missing from the translation is missing once', async () => {
    const paragraph = fr.split('\n')[10]!;
    const enParagraph = en.split('\n')[11]!;
    expect(await problems(fr.replace(paragraph, `${paragraph}\n\n${paragraph}`), en.replace(`${enParagraph}\n\n`, ''))).toEqual([
      'sources/sample/en.md:12 align-block-missing',
      'sources/sample/fr.md:13 duplicate-block',
    ]);
  });
});
