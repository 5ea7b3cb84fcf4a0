import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';
import { editFile } from './helpers/files.js';
import { REPO, makeProject } from './helpers/project.js';
import { pdfText } from './helpers/read-back.js';
import { checkProject } from '../src/check/check-project.js';
import { renderableTemplates } from '../src/check/project-templates.js';
import { readProject } from '../src/sources/read-project.js';

/** The repository with a template `briefing` that extends `factsheet`, overriding one face, one colour and one label; global-partners uses it. */
function withBriefing(): string {
  const root = makeProject(REPO);
  const dir = path.join(root, 'templates/briefing');
  mkdirSync(dir);
  writeFileSync(path.join(dir, 'template.yaml'), 'extends: factsheet\n');
  writeFileSync(path.join(dir, 'style.yaml'), ['fonts:', '  files:', '    normal: source-sans/TTF/SourceSans3-Light.ttf', 'colors:', '  brand: "#7a1f2b"', ''].join('\n'));
  writeFileSync(path.join(dir, 'labels.yaml'), ['en:', '  kind: Press briefing', ''].join('\n'));
  for (const lang of ['fr', 'en']) editFile(root, `sources/global-partners/${lang}.md`, (t) => t.replace(/^tags:/m, 'template: briefing\ntags:'));
  return root;
}

/** The font names a PDF embeds, as poppler lists them (without the subset prefix). */
function pdfFonts(file: string): string[] {
  const run = spawnSync('pdffonts', [file], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`pdffonts failed on ${file}: ${run.stderr}`);
  return run.stdout.split('\n').slice(2).filter(Boolean).map((line) => line.split(/\s+/)[0]!.replace(/^[A-Z]{6}\+/, '')).sort();
}

describe('a template that extends another', () => {
  it('renders with the fonts, colours and labels it overrides, and the base for everything else', async () => {
    const root = withBriefing();
    const out = path.join(root, 'out');
    const run = await runCli(['build', '--sheet', 'global-partners', '--root', root], root);
    expect(run.stdout).not.toMatch(/ (error|warning): /);
    expect(run.code).toBe(0);

    // The label it overrides, in English; French keeps the base's words.
    const html = readFileSync(path.join(out, 'en/global-partners.html'), 'utf8');
    expect(html).toContain('Press briefing');
    expect(html).toContain('--brand: #7a1f2b');
    // A colour it does not override is the base's.
    expect(html).toContain('--accent: #296ca8');
    expect(readFileSync(path.join(out, 'fr/global-partners.html'), 'utf8')).toContain('Fiche d’information');

    // The PDF draws body text in the face it names and headings in the base's bold face.
    expect(pdfFonts(path.join(out, 'en/global-partners.pdf'))).toEqual(['SourceSans3-Light', 'SourceSans3-Semibold']);
    expect(pdfText(path.join(out, 'en/global-partners.pdf'))).toContain('PRESS BRIEFING');

    const document = strFromU8(unzipSync(readFileSync(path.join(out, 'en/global-partners.docx')))['word/document.xml']!);
    expect(document).toContain('Press briefing');
    expect(document.toLowerCase()).toContain('7a1f2b');
  });

  it("checks the glyphs of the labels it takes from its base, at the base's file", async () => {
    const root = withBriefing();
    // Only the sheet on the derived template is left, so only it can draw the base's label.
    rmSync(path.join(root, 'sources/partnerships'), { recursive: true });
    editFile(root, 'templates/factsheet/labels.yaml', (t) => t.replace('  phone: "Tel.:"', '  phone: "Tel. ☎:"'));
    const run = await runCli(['check', '--root', root], root);
    expect(run.stdout).toMatch(/^templates\/factsheet\/labels\.yaml:\d+:\d+: error: .*U\+260E.* \[glyph-missing\]$/m);
    expect(run.code).toBe(1);
  });

  it('a template without a style or labels of its own is its base', async () => {
    const root = withBriefing();
    writeFileSync(path.join(root, 'templates/briefing/style.yaml'), '# Nothing differs.\n');
    editFile(root, 'templates/briefing/labels.yaml', () => '{}\n');
    const run = await runCli(['check', '--root', root], root);
    expect(run.stdout).toBe('');
    expect(run.code).toBe(0);
  });
});

describe('templates parsed once for a build', () => {
  // A rebuild parses every template for the render worker it starts before its check; the
  // check then takes them as parsed, and reports what it reports alone: the problems of
  // the templates its sheets name, and of no other.
  it('give the worker and the check the same templates, and the check its own problems', async () => {
    const root = withBriefing();
    const draft = path.join(root, 'templates/draft');
    mkdirSync(draft);
    writeFileSync(path.join(draft, 'template.yaml'), 'extends: factsheet\n');
    writeFileSync(path.join(draft, 'style.yaml'), ['colors:', '  brand: "nope"', ''].join('\n'));
    const problem = 'templates/draft/style.yaml: "colors.brand" must be a colour written #rrggbb, found "nope"';
    const lines = (result: Awaited<ReturnType<typeof checkProject>>) => result.diagnostics.map((d) => `${d.location.file}: ${d.message}`);

    const alone = await checkProject(await readProject(root), { webPages: false });
    expect(lines(alone)).not.toContain(problem);
    const sources = await readProject(root);
    const templates = renderableTemplates(sources);
    expect([...templates.keys()].sort()).toEqual(['briefing', 'factsheet']);
    const after = await checkProject(sources, { webPages: false });
    expect(after.diagnostics).toEqual(alone.diagnostics);
    expect(after.templates.get('briefing')).toBe(templates.get('briefing'));
    expect(after.templates.get('factsheet')).toBe(templates.get('factsheet'));

    // A sheet that names the draft gets its problems, whichever parsed it first.
    editFile(root, 'sources/partnerships/fr.md', (t) => t.replace(/^tags:/m, 'template: draft\ntags:'));
    const named = await readProject(root);
    const first = lines(await checkProject(await readProject(root), { webPages: false }));
    expect(first).toContain(problem);
    renderableTemplates(named);
    expect(lines(await checkProject(named, { webPages: false }))).toEqual(first);

    // So does a sheet whose template extends the draft, which no sheet names: the base's problems come with it.
    editFile(root, 'sources/partnerships/fr.md', (t) => t.replace('template: draft\n', ''));
    writeFileSync(path.join(root, 'templates/briefing/template.yaml'), 'extends: draft\n');
    const based = await readProject(root);
    const fromBase = lines(await checkProject(await readProject(root), { webPages: false }));
    expect(fromBase).toContain(problem);
    renderableTemplates(based);
    expect(lines(await checkProject(based, { webPages: false }))).toEqual(fromBase);
  });
});
