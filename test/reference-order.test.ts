import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkProject } from '../src/check/index.js';
import { readProject } from '../src/sources/index.js';
import { runCli } from './helpers/cli.js';
import { FIXTURES, makeProject } from './helpers/project.js';

const EN = 'sources/sample/en.md';
const LEAD = 'NATO cooperates with {{partners.total}} countries, {{words partners.global}} of them global partners.';
const SWAPPED = '{{words partners.global}} of the {{partners.total}} countries NATO cooperates with are global partners.';

function edit(root: string, file: string, from: string, to: string): void {
  const target = path.join(root, file);
  const text = readFileSync(target, 'utf8');
  expect(text).toContain(from);
  writeFileSync(target, text.replace(from, to));
}

async function rulesOf(root: string): Promise<string[]> {
  return (await checkProject(await readProject(root))).diagnostics.map((d) => `${d.location.file}:${d.location.start.line}:${d.location.start.column} ${d.ruleId}`);
}

const mark = (root: string) => runCli(['mark-reviewed', 'sample', 'en', '--root', root], root);

describe('align-reference-order', () => {
  it('an order recorded by the review is intended: mark-reviewed accepts it, and check is then quiet', async () => {
    const root = makeProject(path.join(FIXTURES, 'base'));
    edit(root, EN, LEAD, SWAPPED);
    expect(await rulesOf(root)).toEqual([`${EN}:8:1 align-reference-order`]);
    // Its own error does not refuse the review: recording the order is how it is accepted.
    const marked = await mark(root);
    expect(marked.code).toBe(0);
    expect(await rulesOf(root)).toEqual([]);

    // The unit reworded, its references in the order reviewed: an edit to review, not a reorder.
    edit(root, EN, SWAPPED, '{{words partners.global}} of the {{partners.total}} partner countries of NATO are global partners.');
    expect(await rulesOf(root)).toEqual([`${EN}:8:1 translation-edited`]);
  });

  it('a reorder made after the review is reported again', async () => {
    const root = makeProject(path.join(FIXTURES, 'base'));
    expect((await mark(root)).code).toBe(0);
    edit(root, EN, LEAD, SWAPPED);
    expect(await rulesOf(root)).toEqual([`${EN}:8:1 align-reference-order`, `${EN}:8:1 translation-edited`]);
  });

  it('an original reordered after the review makes the order a question again; reworded in the same order, it does not', async () => {
    const root = makeProject(path.join(FIXTURES, 'base'));
    const FR = 'sources/sample/fr.md';
    edit(root, EN, '- the {{allies.count}} Allies;', '- the {{allies.count}} Allies, {{partners.total}} partners and {{troops.contributed}} troops;');
    edit(root, FR, '- les {{allies.count}} Alliés ;', '- les {{partners.total}} partenaires, {{allies.count}} Alliés et {{troops.contributed}} hommes ;');
    expect((await rulesOf(root)).filter((r) => r.endsWith('align-reference-order'))).toEqual([`${EN}:14:7 align-reference-order`]);
    expect((await mark(root)).code).toBe(0);
    expect(await rulesOf(root)).toEqual([]);
    edit(root, FR, '{{partners.total}} partenaires, {{allies.count}} Alliés', '{{partners.total}} partenaires, les {{allies.count}} Alliés');
    expect(await rulesOf(root)).toEqual([`${EN}:10:1 translation-stale`]);
    edit(root, FR, '- les {{partners.total}} partenaires, les {{allies.count}} Alliés et {{troops.contributed}} hommes ;', '- les {{troops.contributed}} hommes, {{partners.total}} partenaires et {{allies.count}} Alliés ;');
    expect((await rulesOf(root)).filter((r) => r.endsWith('align-reference-order'))).toEqual([`${EN}:14:7 align-reference-order`]);
  });

  it('is reported at the first reference out of order, naming both orders', async () => {
    const root = makeProject(path.join(FIXTURES, 'base'));
    const line = 'NATO ({{allies.count}} Allies) cooperates with {{words partners.global}} global partners among {{partners.total}} countries.';
    edit(root, EN, LEAD, line);
    edit(root, 'sources/sample/fr.md', "L'OTAN coopère", "L'OTAN ({{allies.count}} Alliés) coopère");
    const found = (await checkProject(await readProject(root))).diagnostics.filter((d) => d.ruleId === 'align-reference-order');
    expect(found.map((d) => [d.location.start.line, d.location.start.column, d.message])).toEqual([
      [
        8,
        line.indexOf('{{words') + 1,
        'references in another order than the fr original: {{allies.count}}, {{words partners.global}}, {{partners.total}} here, {{allies.count}}, {{partners.total}}, {{words partners.global}} there; if this order is intended, review it and run "factsheet mark-reviewed sample en"',
      ],
    ]);
    expect(found[0]!.related.map((r) => `${r.location.file}:${r.location.start.line}`)).toEqual(['sources/sample/fr.md:7']);
  });

  it('other errors of the translation still refuse mark-reviewed', async () => {
    const root = makeProject(path.join(FIXTURES, 'base'));
    edit(root, EN, LEAD, `${SWAPPED} {{partners.totl}}`);
    const marked = await mark(root);
    expect(marked.code).toBe(1);
    expect(marked.stdout).toContain('[figure-unknown]');
  });
});
