import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildProject } from '../src/build/index.js';
import { checkProject } from '../src/check/check-project.js';
import { formatDiagnostic } from '../src/cli/text-reporter.js';
import type { Diagnostic } from '../src/model/diagnostic.js';
import { readProject } from '../src/sources/read-project.js';
import { makeProject, REPO } from './helpers/project.js';

// What the build would refuse of a web page, `check` reports already: it makes each
// sheet's page in memory and reads it back as the build does.

describe('check and the web pages', () => {
  it('reports a page template that leaves sections out, as the build would, and a build\'s own check leaves it to the build', async () => {
    const root = makeProject(REPO);
    const page = path.join(root, 'templates/factsheet/page.hbs');
    const all = '{{#each sections}}{{> section}}{{/each}}';
    expect(readFileSync(page, 'utf8')).toContain(all);
    writeFileSync(page, readFileSync(page, 'utf8').replace(all, '{{#each sections}}{{#if @first}}{{> section}}{{/if}}{{/each}}'));
    const sources = await readProject(root);
    const found = (await checkProject(sources, {})).diagnostics;
    const shown = (d: Diagnostic) => `${d.location.file} ${d.severity} ${d.ruleId}`;
    const versions = ['global-partners/en', 'global-partners/fr', 'partnerships/en', 'partnerships/fr'];
    expect([...new Set(found.map(shown))].sort()).toEqual(versions.flatMap((v) => [`sources/${v}.md error output-invalid`, `sources/${v}.md error output-mismatch`]));
    // At the text the page leaves out, where the source has it: the second section's heading.
    const missing = found.find((d) => d.ruleId === 'output-invalid' && d.location.file === 'sources/global-partners/fr.md')!;
    expect(missing.message).toContain('does not hold the text "Une coopération à la carte');
    const source = readFileSync(path.join(root, 'sources/global-partners/fr.md'), 'utf8').split('\n');
    const line = source.findIndex((l) => l.startsWith('## Une coopération à la carte')) + 1;
    expect(missing.location.start).toMatchObject({ line, column: 4 });
    expect(missing.location.end).toMatchObject({ line, column: '## Une coopération à la carte'.length + 1 });
    // The build checks its pages as it writes them, from the bytes it writes.
    expect((await checkProject(sources, { webPages: false })).diagnostics).toEqual([]);
  });

  it('the build reads its index page back before writing it: a page template that makes invalid HTML is refused at the template, the page not written', async () => {
    const root = makeProject(REPO);
    const index = path.join(root, 'templates/index.hbs');
    writeFileSync(index, readFileSync(index, 'utf8').replace('<html lang="{{lang}}"', '<html lang="{{lang}}" lang="{{lang}}"'));
    const outDir = path.join(root, 'out');
    const report = await buildProject({ root, outDir, sheets: [], langs: [], formats: ['html'], sourceDateEpoch: null });
    const errors = report.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic);
    expect(errors.length).toBeGreaterThan(0);
    for (const error of errors) expect(error).toMatch(/^templates\/index\.hbs:1:1: error: (fr\/|en\/)?index\.html would not be valid HTML: .*duplicate-attribute.* \[output-invalid\]$/);
    expect(existsSync(path.join(outDir, 'index.html'))).toBe(false);
    // The sheets' own pages are written.
    expect(existsSync(path.join(outDir, 'fr/partnerships.html'))).toBe(true);
  });
});
