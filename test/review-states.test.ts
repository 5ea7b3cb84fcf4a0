import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkProject } from '../src/check/index.js';
import { readProject } from '../src/sources/index.js';
import { runCli } from './helpers/cli.js';
import { editFile, filesOf, sameOutputs } from './helpers/files.js';
import { FIXTURES, REPO, makeProject } from './helpers/project.js';


const REWORD = (t: string) => t.replace('Over the past two decades, the Alliance has developed', 'In the last two decades, the Alliance has built');
const HELD = 'held back en/partnerships (it was edited after its review on 2026-11-23: once the edit is reviewed, "factsheet mark-reviewed partnerships en" publishes it; outputs left as they were)';

describe('a translation edited since its review', () => {
  it('is held back byte for byte and says so; mark-reviewed publishes it; an edited original publishes at once', async () => {
    const root = makeProject(REPO);
    const out = path.join(root, 'out');
    expect((await runCli(['build', '--root', root], root)).code).toBe(0);
    const first = filesOf(out);

    editFile(root, 'sources/partnerships/en.md', REWORD);
    const held = await runCli(['build', '--root', root], root);
    expect(held.code).toBe(0);
    expect(held.stderr).toContain(HELD);
    expect(held.stdout).toMatch(/^sources\/partnerships\/en\.md:10:1: warning: this translation was edited after its review on 2026-11-23; .* \[translation-edited\]$/m);
    expect(held.stdout).toContain('old: [-Over-] the [-past-] two decades, the Alliance has [-developed-] a network');
    expect(held.stdout).toContain('new: {+In+} the {+last+} two decades, the Alliance has {+built+} a network');
    expect(sameOutputs(filesOf(out), first, 'en/partnerships')).toEqual([true, true, true]);
    expect(sameOutputs(filesOf(out), first, 'fr/partnerships')).toEqual([true, true, true]);
    expect((await runCli(['status', '--root', root], root)).stdout).toMatch(/^partnerships\s+ok\s+edited since its review$/m);

    expect((await runCli(['mark-reviewed', 'partnerships', 'en', '--by', 'A. Translator', '--root', root], root)).code).toBe(0);
    const published = await runCli(['build', '--root', root], root);
    expect(published.stderr).not.toContain('held back');
    const second = filesOf(out);
    expect(sameOutputs(second, first, 'en/partnerships')).toEqual([false, false, false]);
    expect(second.get('en/partnerships.html')!.toString()).toContain('In the last two decades, the Alliance has built');

    // The original edited, and its translation edited again: the original publishes at once, the translation waits for its review.
    editFile(root, 'sources/partnerships/fr.md', (t) => t.replace("Au cours des deux dernières décennies, l'Alliance a établi", "En deux décennies, l'Alliance a établi"));
    editFile(root, 'sources/partnerships/en.md', (t) => t.replace('In the last two decades', 'Over two decades'));
    const both = await runCli(['build', '--root', root], root);
    expect(both.code).toBe(0);
    expect(both.stderr).toContain('held back en/partnerships (it was edited after its review on ');
    expect(both.stderr).toContain(' by A. Translator: once the edit is reviewed,');
    const third = filesOf(out);
    expect(sameOutputs(third, second, 'fr/partnerships')).toEqual([false, false, false]);
    expect(third.get('fr/partnerships.html')!.toString()).toContain('En deux décennies');
    expect(sameOutputs(third, second, 'en/partnerships')).toEqual([true, true, true]);
  });

  it('is published when the settings say "unreviewed: publish"', async () => {
    const root = makeProject(REPO);
    editFile(root, 'factsheet.yaml', (t) => `${t}unreviewed: publish\n`);
    editFile(root, 'sources/partnerships/en.md', REWORD);
    const run = await runCli(['build', '--root', root, '--sheet', 'partnerships', '--format', 'html'], root);
    expect(run.stderr).not.toContain('held back');
    expect(readFileSync(path.join(root, 'out/en/partnerships.html'), 'utf8')).toContain('In the last two decades');
  });
});

describe('what is not an edit of the translation', () => {
  it('a new value of a figure it quotes: the translation follows by itself', async () => {
    const root = makeProject(REPO);
    expect((await runCli(['mark-reviewed', 'partnerships', '--root', root], root)).code).toBe(0);
    editFile(root, 'sources/figures.yaml', (t) => t.replace(/^(operations\.troops:\n  value:) 7000$/m, '$1 7500'));
    const result = await checkProject(await readProject(root));
    expect(result.diagnostics).toEqual([]);
    expect(result.edited).toEqual(new Map());
  });

  it('a change of the original only: the translation is stale, and published', async () => {
    const root = makeProject(REPO);
    editFile(root, 'sources/partnerships/fr.md', (t) => t.replace("Au cours des deux dernières décennies", 'Depuis deux décennies'));
    const result = await checkProject(await readProject(root));
    expect(result.diagnostics.map((d) => `${d.location.file} ${d.ruleId}`)).toEqual(['sources/partnerships/en.md translation-stale']);
    expect(result.edited).toEqual(new Map());
    expect(result.sheets.some((s) => s.id === 'partnerships' && s.lang === 'en')).toBe(true);
  });

  it('any edit, under a record from before translations were kept: it cannot tell, so it holds nothing back', async () => {
    // The base fixture's record keeps only the original.
    const root = makeProject(path.join(FIXTURES, 'base'));
    editFile(root, 'sources/sample/en.md', (t) => t.replace('- the {{allies.count}} Allies;', '- all {{allies.count}} Allies;'));
    const result = await checkProject(await readProject(root));
    expect(result.diagnostics).toEqual([]);
    expect(result.edited).toEqual(new Map());
    expect(result.unreviewed).toEqual(new Set());
  });
});
