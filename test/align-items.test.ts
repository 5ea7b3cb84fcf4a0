import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkProject } from '../src/check/index.js';
import { readProject } from '../src/sources/index.js';
import { REPO, makeProject } from './helpers/project.js';

const SHEET = 'sources/partnerships';

/** The lists of a Markdown sheet: for each, the lines of its items (one line per item in the seed sheets). */
function listsOf(text: string): string[][] {
  const lists: string[][] = [];
  let current: string[] | null = null;
  for (const line of text.split('\n')) {
    if (line.startsWith('- ')) (current ??= (lists.push([]), lists[lists.length - 1]!)).push(line);
    else current = null;
  }
  return lists;
}

describe('align-item-missing on the real partnerships sheet', () => {
  const en = readFileSync(path.join(REPO, SHEET, 'en.md'), 'utf8');
  const fr = readFileSync(path.join(REPO, SHEET, 'fr.md'), 'utf8');
  const lists = listsOf(en);
  const frLists = listsOf(fr);

  it('has lists to drop items from, matching the original', () => {
    expect(lists.length).toBeGreaterThan(1);
    expect(lists.map((l) => l.length)).toEqual(frLists.map((l) => l.length));
  });

  // Dropping any one item names that item, never a neighbour that merely shifted.
  it.each(lists.flatMap((items, list) => items.map((_, item) => [list, item] as const)))('list %i, item %i dropped, is the one reported', async (list, item) => {
    const root = makeProject(REPO);
    const dropped = lists[list]![item]!;
    writeFileSync(path.join(root, SHEET, 'en.md'), en.replace(`${dropped}\n`, ''));
    const { diagnostics } = await checkProject(await readProject(root), { formats: [] });
    const errors = diagnostics.filter((d) => d.severity === 'error');
    expect(errors.map((d) => d.ruleId)).toEqual(['align-item-missing']);
    const original = frLists[list]![item]!;
    expect(errors[0]!.message).toContain(`list item ${item + 1} of the fr original is missing here`);
    expect(errors[0]!.related[0]!.location.start.line).toBe(fr.split('\n').indexOf(original) + 1);
  });
});
