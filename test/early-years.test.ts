import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFormatter, parseIsoDate } from '../src/figures/index.js';
import { outputBytes, renderers } from '../src/render/index.js';
import { FIXTURES, makeProject } from './helpers/project.js';
import { projectViews } from './helpers/views.js';

// Date.UTC reads years 0-99 as 1900-1999; every date made from a year must keep it.
describe('years 0001 to 0099', () => {
  it.each([
    ['fr', '0042-01', 'janvier 42'],
    ['en', '0042-01-15', 'January 42'],
    ['de', '0001-12', 'Dezember 1'],
    ['en', '0099-06', 'June 99'],
  ])('%s renders the month of %s as %s', async (lang, date, expected) => {
    expect((await createFormatter(lang)).month(date)).toBe(expected);
  });

  it('renders the year as written', async () => expect((await createFormatter('fr')).year('0042-01')).toBe('42'));

  it.each(['0001-01', '0042-01-31', '0004-02-29', '0099-12-31'])('reads %s as a date', (date) => expect(parseIsoDate(date)).not.toBeNull());

  it.each(['0000-01', '0000-01-01', '0100-02-29', '0042-02-29'])('rejects %s', (date) => expect(parseIsoDate(date)).toBeNull());

  describe('in a sheet dated 0042-03-15', async () => {
    const root = makeProject(path.join(FIXTURES, 'base'));
    for (const lang of ['en', 'fr']) {
      const file = path.join(root, 'sources/sample', `${lang}.md`);
      writeFileSync(file, readFileSync(file, 'utf8').replace(/^date: .*$/m, 'date: 0042-03-15'));
    }
    const views = await projectViews(root);
    const en = views.find((v) => v.lang === 'en')!;

    it('writes the date out with its year', () => {
      expect(en.date).toBe('15 March 42');
      expect(views.find((v) => v.lang === 'fr')!.date).toBe('15 mars 42');
    });

    it('dates the documents with it', () => expect(en.timestamp.toISOString()).toBe('0042-03-15T00:00:00.000Z'));

    it.each(['pdf', 'docx'] as const)('renders %s the same twice', async (format) => {
      const renderer = renderers[format];
      const first = outputBytes(await renderer.render(en));
      expect(outputBytes(await renderer.render(en))).toEqual(first);
      if (format === 'pdf') expect(Buffer.from(first).toString('latin1')).toContain('D:00420315000000Z');
    });
  });
});

describe('year 0000', () => {
  it('is not an as_of date of the registry', async () => {
    const { parseRegistry } = await import('../src/figures/index.js');
    const { SourceFile } = await import('../src/text/source-file.js');
    const { diagnostics } = parseRegistry(new SourceFile('sources/figures.yaml', 'founding:\n  as_of: 0000-06\n'));
    expect(diagnostics.map((d) => `${d.location.start.line}:${d.location.start.column} ${d.ruleId}`)).toEqual(['2:10 figure-date-invalid']);
  });
});

describe('year 0000 in a sheet', () => {
  it('is not a frontmatter date', async () => {
    const { checkProject } = await import('../src/check/index.js');
    const { readProject } = await import('../src/sources/index.js');
    const root = makeProject(path.join(FIXTURES, 'base'));
    const file = path.join(root, 'sources/sample/fr.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^date: .*$/m, 'date: 0000-03-15'));
    const { diagnostics } = await checkProject(await readProject(root));
    expect(diagnostics.filter((d) => d.location.file === 'sources/sample/fr.md').map((d) => `${d.location.start.line}:${d.location.start.column} ${d.ruleId}`)).toEqual([
      '3:7 frontmatter-field-invalid',
    ]);
  });
});
