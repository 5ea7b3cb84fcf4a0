import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { renderers } from '../src/render/registry.js';
import { outputBytes } from '../src/render/renderer.js';
import { docxProblems, htmlProblems } from '../src/verify/index.js';
import { runCli } from './helpers/cli.js';
import { filesOf } from './helpers/files.js';
import { REPO, makeProject } from './helpers/project.js';
import { projectViews } from './helpers/views.js';

const views = await projectViews();
const view = views.find((v) => v.sheet.id === 'global-partners' && v.lang === 'fr')!;

describe('outputs are valid for their format before they are published', () => {
  it('a Word package whose document holds U+FFFE is not well-formed XML', async () => {
    const bytes = outputBytes(await renderers.docx.render(view));
    expect(docxProblems(bytes)).toEqual([]);
    const files = unzipSync(bytes);
    files['word/document.xml'] = strToU8(strFromU8(files['word/document.xml']!).replace('</w:t>', '\uFFFE</w:t>'));
    expect(docxProblems(zipSync(files))).toEqual([expect.stringMatching(/^word\/document\.xml \d+:\d+: disallowed character$/)]);
  });

  it('a part the same as one read clean before is known by its content: a changed copy is read again', async () => {
    const bytes = outputBytes(await renderers.docx.render(view));
    expect(docxProblems(bytes)).toEqual([]);
    expect(docxProblems(bytes)).toEqual([]);
    // The styles are the same in every document of the template, and were read clean above.
    const files = unzipSync(bytes);
    files['word/styles.xml'] = strToU8(strFromU8(files['word/styles.xml']!).replace('</w:styles>', '<w:style></w:styles>'));
    expect(docxProblems(zipSync(files))).toEqual([expect.stringMatching(/^word\/styles\.xml \d+:\d+: /)]);
    expect(docxProblems(zipSync(files, { level: 0 }))).toEqual([expect.stringMatching(/^word\/styles\.xml \d+:\d+: /)]);
  });

  it('a web page with a control character or a duplicate attribute has parse errors', async () => {
    const html = new TextDecoder().decode(outputBytes(await renderers.html.render(view)));
    expect(htmlProblems(new TextEncoder().encode(html))).toEqual([]);
    expect(htmlProblems(new TextEncoder().encode(html.replace('<body>', '<body>\u0001')))).toEqual([expect.stringMatching(/^control-character-in-input-stream at \d+:\d+$/)]);
  });

  it('a page template that makes invalid HTML fails the build of its sheets, whose outputs stay as they were', async () => {
    const root = makeProject(REPO);
    expect((await runCli(['build', '--root', root], root)).code).toBe(0);
    const before = filesOf(path.join(root, 'out'));
    const page = path.join(root, 'templates/factsheet/page.hbs');
    writeFileSync(page, readFileSync(page, 'utf8').replace('<div class="sheet">', '<div class="sheet" class="twice">'));
    const run = await runCli(['build', '--root', root], root);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^sources\/partnerships\/fr\.md:1:1: error: the web page of sheet "partnerships" \(fr\) is not valid web page output: duplicate-attribute at \d+:\d+ \[output-invalid\]$/m);
    const after = filesOf(path.join(root, 'out'));
    for (const name of before.keys()) if (name.includes('/')) expect(after.get(name)!.equals(before.get(name)!), `${name} changed`).toBe(true);
  });

  it('a page template that drops the sections fails the build: the page does not hold the text', async () => {
    const root = makeProject(REPO);
    const page = path.join(root, 'templates/factsheet/page.hbs');
    writeFileSync(page, readFileSync(page, 'utf8').replace('{{#each sections}}{{> section}}{{/each}}', ''));
    const run = await runCli(['build', '--root', root, '--format', 'html'], root);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/error: the web page of sheet "global-partners" \(fr\) does not hold the text ".*" where the model has it \[output-invalid\]$/m);
  });
});
