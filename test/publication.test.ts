import { copyFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';
import { editFile, filesOf, sameOutputs } from './helpers/files.js';
import { REPO, makeProject } from './helpers/project.js';


/** The repository with a German translation of global-partners, never reviewed (the English text, which checks clean). */
function withGerman(): string {
  const root = makeProject(REPO);
  editFile(root, 'factsheet.yaml', (t) => t.replace('languages: [fr, en]', 'languages: [fr, en, de]'));
  copyFileSync(path.join(root, 'sources/boilerplate/en.yaml'), path.join(root, 'sources/boilerplate/de.yaml'));
  copyFileSync(path.join(root, 'sources/global-partners/en.md'), path.join(root, 'sources/global-partners/de.md'));
  return root;
}

describe('build --strict decides before writing', () => {
  it('a version with a warning is not written and then failed: it is held back, the others publish', async () => {
    const root = makeProject(REPO);
    const dir = path.join(root, 'out');
    expect((await runCli(['build', '--root', root], root)).code).toBe(0);
    const before = filesOf(dir);
    editFile(root, 'sources/global-partners/en.md', (t) => t.replace(/^tags: \[/m, 'colour: blue\ntags: [edited, '));
    editFile(root, 'sources/global-partners/fr.md', (t) => t.replace(/^tags: \[/m, 'tags: [édité, '));
    const run = await runCli(['build', '--strict', '--root', root], root);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^sources\/global-partners\/en\.md:\d+:\d+: warning: unknown frontmatter field "colour".* \[frontmatter-field-unknown\]$/m);
    expect(run.stderr).toContain('held back en/global-partners (it has problems, and --strict holds them against it; outputs left as they were)');
    const after = filesOf(dir);
    expect(sameOutputs(after, before, 'en/global-partners')).toEqual([true, true, true]);
    expect(sameOutputs(after, before, 'fr/global-partners')).toEqual([false, false, false]);

    // Without --strict the warning is only a warning.
    expect((await runCli(['build', '--root', root], root)).code).toBe(0);
    expect(sameOutputs(filesOf(dir), before, 'en/global-partners')).toEqual([false, false, false]);
  });
});

describe('translations never marked reviewed', () => {
  it('are held back by default, published with "unreviewed: publish", and published once marked reviewed', async () => {
    const root = withGerman();
    const dir = path.join(root, 'out');
    const held = await runCli(['build', '--root', root], root);
    expect(held.code).toBe(0);
    expect(held.stderr).toContain('held back de/global-partners (it was never marked reviewed: "factsheet mark-reviewed global-partners de" publishes it; outputs left as they were)');
    // German has its index and ledger, as every language does, but no sheet of its own.
    expect([...filesOf(dir).keys()].filter((name) => name.startsWith('de/')).sort()).toEqual(['de/figures.html', 'de/index.html']);
    // No page links a version that is not there.
    expect(filesOf(dir).get('fr/global-partners.html')!.toString()).not.toContain('hreflang="de"');

    editFile(root, 'factsheet.yaml', (t) => `${t}unreviewed: publish\n`);
    const published = await runCli(['build', '--root', root], root);
    expect(published.code).toBe(0);
    expect([...filesOf(dir).keys()].filter((name) => name.startsWith('de/')).sort()).toEqual(['de/figures.html', 'de/global-partners.docx', 'de/global-partners.html', 'de/global-partners.pdf', 'de/index.html']);

    const reviewed = withGerman();
    expect((await runCli(['mark-reviewed', 'global-partners', 'de', '--root', reviewed], reviewed)).code).toBe(0);
    expect((await runCli(['build', '--root', reviewed], reviewed)).code).toBe(0);
    expect(filesOf(path.join(reviewed, 'out')).has('de/global-partners.pdf')).toBe(true);
  });

  it('"unreviewed" takes only hold or publish', async () => {
    const root = makeProject(REPO);
    editFile(root, 'factsheet.yaml', (t) => `${t}unreviewed: maybe\n`);
    const run = await runCli(['check', '--root', root], root);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^factsheet\.yaml:\d+:\d+: error: "unreviewed" must be "hold" or "publish", found the text "maybe" \[config-invalid\]$/m);
  });
});
