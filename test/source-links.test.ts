import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildProject } from '../src/build/index.js';
import { formatDiagnostic } from '../src/cli/text-reporter.js';
import { FIXTURES, makeProject } from './helpers/project.js';

const BASE = path.join(FIXTURES, 'base');
const SECRET = 'SECRET-OUTSIDE-THE-PROJECT';

/** A folder outside the project (a second throwaway project) holding a file with a recognisable text. */
function outsideFile(name: string): string {
  const dir = makeProject(BASE);
  const file = path.join(dir, name);
  writeFileSync(file, `<p>${SECRET}</p>\n`);
  return file;
}

async function build(root: string) {
  const outDir = path.join(root, 'out');
  const report = await buildProject({ root, outDir, sheets: [], langs: [], formats: ['html'], sourceDateEpoch: null });
  return { report, outDir, errors: report.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic) };
}

/** Every file the build wrote, read back. */
function published(outDir: string): string {
  if (!existsSync(outDir)) return '';
  return readdirSync(outDir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => readFileSync(path.join(e.parentPath, e.name), 'utf8'))
    .join('\n');
}

describe('sources and templates are read only from inside the project', () => {
  it('a template partial linked to a file outside is not read, and its template fails', async () => {
    const root = makeProject(BASE);
    const target = outsideFile('contact.hbs');
    const link = path.join(root, 'templates/factsheet/partials/contact.hbs');
    renameSync(link, `${link}.orig`);
    symlinkSync(target, link);

    const { report, outDir, errors } = await build(root);
    expect(errors).toContain(
      `templates/factsheet/partials/contact.hbs:1:1: error: "templates/factsheet/partials/contact.hbs" is a link to "${target}", outside the project: sources and templates are read only from inside the project, so it was not read [source-outside-project]`,
    );
    expect(report.failed).toEqual(['sample']);
    expect(published(outDir)).not.toContain(SECRET);
  });

  it('the index page template linked outside is not used', async () => {
    const root = makeProject(BASE);
    const target = outsideFile('index.hbs');
    const link = path.join(root, 'templates/index.hbs');
    renameSync(link, `${link}.orig`);
    symlinkSync(target, link);

    const { report, outDir, errors } = await build(root);
    expect(errors.filter((e) => e.endsWith('[source-outside-project]'))).toHaveLength(1);
    expect(report.written).not.toContain('index.html');
    expect(published(outDir)).not.toContain(SECRET);
  });

  it('a sheet folder linked outside is not read', async () => {
    const root = makeProject(BASE);
    const target = path.dirname(outsideFile('unused.txt'));
    mkdirSync(path.join(target, 'sources/elsewhere'), { recursive: true });
    writeFileSync(path.join(target, 'sources/elsewhere/fr.md'), `---\ntitle: ${SECRET}\ndate: 2020-01-01\n---\n\n${SECRET}\n`);
    symlinkSync(path.join(target, 'sources/elsewhere'), path.join(root, 'sources/elsewhere'));

    const { report, outDir, errors } = await build(root);
    expect(errors).toEqual([
      `sources/elsewhere:1:1: error: "sources/elsewhere" is a link to "${path.join(target, 'sources/elsewhere')}", outside the project: sources and templates are read only from inside the project, so it was not read [source-outside-project]`,
    ]);
    // The sheets inside the project are still published; nothing of the linked one is.
    expect(report.written).toContain('fr/sample.html');
    expect(published(outDir)).not.toContain(SECRET);
  });

  it('links that stay inside the project keep working', async () => {
    const root = makeProject(BASE);
    const partial = path.join(root, 'templates/factsheet/partials/contact.hbs');
    mkdirSync(path.join(root, 'templates/shared'));
    const moved = path.join(root, 'templates/shared/contact.hbs');
    writeFileSync(moved, readFileSync(partial, 'utf8').replace('<footer class="contact">', '<footer class="contact" data-shared="yes">'));
    renameSync(partial, `${partial}.orig`);
    symlinkSync('../../shared/contact.hbs', partial);
    symlinkSync('sample', path.join(root, 'sources/alias'));

    const { report, outDir, errors } = await build(root);
    expect(errors).toEqual([]);
    expect(report.failed).toEqual([]);
    expect(readFileSync(path.join(outDir, 'fr/sample.html'), 'utf8')).toContain('data-shared="yes"');
    expect(report.written).toContain('fr/alias.html');
  });

  it('a link that leads in a circle is a missing file, not a crash', async () => {
    const root = makeProject(BASE);
    const page = path.join(root, 'templates/factsheet/page.hbs');
    renameSync(page, `${page}.orig`);
    symlinkSync('page.hbs', page);
    symlinkSync('loop.hbs', path.join(root, 'templates/factsheet/partials/loop.hbs'));

    const { report, errors } = await build(root);
    expect(errors).toEqual(['templates/factsheet/page.hbs:1:1: error: template "factsheet" has no HTML page (page.hbs) [template-incomplete]']);
    expect(report.failed).toEqual(['sample']);
  });
});
