import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkProject } from '../src/check/index.js';
import { figureRefsOf } from '../src/model/figure-refs.js';
import { readProject } from '../src/sources/index.js';
import { expectGolden } from './helpers/golden.js';
import { modelJson } from './helpers/model-json.js';
import { FIXTURES, REPO, makeProject } from './helpers/project.js';

async function sheetsOf(root: string) {
  const result = await checkProject(await readProject(root));
  return result;
}

describe('model of the base fixture', async () => {
  const { sheets, diagnostics } = await sheetsOf(makeProject(path.join(FIXTURES, 'base')));
  it('parses without problems', () => expect(diagnostics).toEqual([]));
  it.each(sheets.map((s) => [`${s.id}.${s.lang}`, s] as const))('matches the golden model of %s', (name, sheet) => {
    expectGolden(path.join(FIXTURES, 'base', 'expected', `${name}.json`), modelJson(sheet));
  });
});

describe('the figure occurrences of a sheet', async () => {
  const { sheets } = await sheetsOf(makeProject(path.join(FIXTURES, 'base')));
  const sheet = sheets.find((s) => s.lang === 'fr')!;

  it('are found in reading order, and each call gives an array of its own', () => {
    const refs = figureRefsOf(sheet);
    expect(refs.length).toBeGreaterThan(1);
    expect(refs.map((ref) => ref.span.start.offset)).toEqual([...refs.map((ref) => ref.span.start.offset)].sort((a, b) => a - b));
    // A caller that sorts or empties what it was given does not change what the next one gets.
    refs.reverse();
    refs.length = 0;
    const again = figureRefsOf(sheet);
    expect(again.length).toBeGreaterThan(1);
    expect(again.map((ref) => ref.span.start.offset)).toEqual([...again.map((ref) => ref.span.start.offset)].sort((a, b) => a - b));
  });
});

describe('inline markup, escapes and figure forms', async () => {
  const dir = path.join(FIXTURES, 'model', 'inline');
  const { sheets, diagnostics } = await sheetsOf(makeProject(path.join(FIXTURES, 'base'), dir));
  const sheet = sheets.find((s) => s.lang === 'fr')!;

  it('parses without errors', () => expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]));
  it('matches the golden model', () => expectGolden(path.join(dir, 'expected.json'), modelJson(sheet)));
  it('keeps superscript as its own node', () => {
    const lead = sheet.sections[0]!.blocks[0]!;
    expect(lead.type === 'paragraph' && lead.children.find((c) => c.type === 'superscript')).toMatchObject({ type: 'superscript', value: 'e' });
  });
  it('resolves figures in the title', () => {
    expect(sheet.meta.title[0]).toMatchObject({ type: 'figure', id: 'partners.total', value: '11', text: '11' });
  });
});

describe('line endings and byte-order mark', async () => {
  it('give the same model, positions included', async () => {
    const lf = await sheetsOf(makeProject(path.join(FIXTURES, 'base')));
    const crlfDir = makeProject(path.join(FIXTURES, 'base'));
    const file = path.join(crlfDir, 'sources/sample/en.md');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(file, '\ufeff' + readFileSync(file, 'utf8').replace(/\n/g, '\r\n'));
    const crlf = await sheetsOf(crlfDir);
    const en = (r: typeof lf) => modelJson(r.sheets.find((s) => s.lang === 'en')!);
    expect(en(crlf)).toBe(en(lf));
  });
});

describe('the repository sources', async () => {
  const { sheets, diagnostics } = await sheetsOf(REPO);
  it('check clean', () => expect(diagnostics).toEqual([]));
  it('hold both sheets in every language', () => {
    expect(sheets.map((s) => `${s.id}/${s.lang}`).sort()).toEqual(['global-partners', 'partnerships'].flatMap((id) => ['ar', 'de', 'en', 'fr', 'ru', 'uk'].map((lang) => `${id}/${lang}`)));
  });
  it.each(sheets.map((s) => [`${s.id}.${s.lang}`, s] as const))('match the golden model of %s', (name, sheet) => {
    expectGolden(path.join(FIXTURES, 'repository', `${name}.json`), modelJson(sheet));
  });
});
