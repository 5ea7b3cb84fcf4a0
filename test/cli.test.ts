import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBin, runCli } from './helpers/cli.js';
import { REPO, makeProject } from './helpers/project.js';

const version = (JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { version: string }).version;

/** A copy of the repository with one file edited. */
function editedRepo(file: string, edit: (text: string) => string): string {
  const dir = makeProject(REPO);
  const target = path.join(dir, file);
  const before = readFileSync(target, 'utf8');
  const after = edit(before);
  if (after === before) throw new Error(`the edit of ${file} changed nothing`);
  writeFileSync(target, after);
  return dir;
}

function expectNoStackTrace(output: string): void {
  expect(output).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
  expect(output).not.toMatch(/TypeError|ReferenceError|SyntaxError:/);
}

describe('factsheet usage', () => {
  it('prints help with exit 0', async () => {
    const run = await runCli(['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Usage: factsheet <command>');
  });

  it('prints the package version', async () => {
    expect(await runCli(['--version'])).toMatchObject({ code: 0, stdout: `${version}\n` });
  });

  it.each([[[]], [['publish']], [['check', '--colour']], [['check', 'extra']], [['build', '--format', ',']], [['build', '--format', 'rtf']], [['build', '--sheet', 'nope']], [['status', '--strict']], [['mark-reviewed']], [['mark-reviewed', 'partnerships', 'fr']]])('exits 2 on a usage error: %j', async (args) => {
    const run = await runCli(args);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^factsheet: /);
    expect(run.stderr).toContain('Usage:');
  });
});

describe('factsheet check', () => {
  it('passes on the repository', async () => {
    const run = await runCli(['check']);
    expect(run.stdout).toBe('');
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('checked 2 sheets in 6 languages: 0 errors, 0 warnings\n');
  });

  it('runs as the installed binary', () => {
    const run = runBin(['check']);
    expect(run.stderr).toContain('0 errors');
    expect(run.code).toBe(0);
  });

  it('reports a sum that no longer adds up in figures.yaml, naming the declared and computed values', async () => {
    const root = editedRepo('sources/figures.yaml', (t) => t.replace(/(partners\.eapc:\n  value: )22/, '$123'));
    const run = await runCli(['check', '--root', root]);
    expect(run.code).toBe(1);
    const [first] = run.stdout.split('\n');
    expect(first).toMatch(/^sources\/figures\.yaml:\d+:\d+: error: .*declared as 41 but its parts add up to 42.*\[figure-sum-mismatch\]$/);
    expect(run.stdout).toMatch(/^ {2}sources\/figures\.yaml:\d+:\d+: "partners\.eapc" is 23$/m);
  });

  it('points at a misspelt figure in a translation and suggests the right id', async () => {
    const root = editedRepo('sources/partnerships/en.md', (t) => t.replace('{{partners.total}}', '{{partners.totl}}'));
    const lines = readFileSync(path.join(root, 'sources/partnerships/en.md'), 'utf8').split('\n');
    const line = lines.findIndex((l) => l.includes('partners.totl')) + 1;
    const column = lines[line - 1]!.indexOf('partners.totl') + 1;
    const run = await runCli(['check', '--root', root]);
    expect(run.code).toBe(1);
    // The first error (the translation, edited since its review, is also told so in a warning).
    expect(run.stdout.split('\n').find((l) => l.includes(': error: '))).toBe(
      `sources/partnerships/en.md:${line}:${column}: error: figure "partners.totl" is not in the registry; did you mean "partners.total"? [figure-unknown]`,
    );
  });

  it.each([
    ['malformed frontmatter', (t: string) => t.replace(/^title: .*$/m, 'title: [Partnerships'), /^sources\/partnerships\/en\.md:\d+:\d+: error: malformed YAML: .* \[yaml-syntax\]$/m],
    ['a missing title', (t: string) => t.replace(/^title: .*\n/m, ''), /^sources\/partnerships\/en\.md:1:1: error: missing required field "title" \[frontmatter-field-missing\]$/m],
    ['an unknown helper', (t: string) => t.replace('{{words partners.mediterranean}}', '{{spell partners.mediterranean}}'), /^sources\/partnerships\/en\.md:\d+:\d+: error: unknown helper "spell".* \[helper-unknown\]$/m],
  ])('reports %s as a located error with exit 1 and no stack trace', async (_name, edit, expected) => {
    const root = editedRepo('sources/partnerships/en.md', edit);
    const run = await runCli(['check', '--root', root]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(expected);
    expectNoStackTrace(run.stdout + run.stderr);
  });

  it('reports every problem, sorted by file and position', async () => {
    const root = editedRepo('sources/partnerships/en.md', (t) => t.replace('{{allies.count}}', '{{allies.cont}}').replace('{{partners.total}}', '{{partners.totl}}'));
    writeFileSync(path.join(root, 'sources/global-partners/en.md'), readFileSync(path.join(root, 'sources/global-partners/en.md'), 'utf8').replace('{{partners.total}}', '{{partner.total}}'));
    const run = await runCli(['check', '--root', root]);
    // Errors only: both translations, edited since their review, are also told so in a warning each.
    const heads = run.stdout.split('\n').filter((l) => /^\S+: error: /.test(l));
    expect(heads).toHaveLength(3);
    expect(heads[0]).toMatch(/^sources\/global-partners\/en\.md:/);
    expect(heads[1]).toMatch(/^sources\/partnerships\/en\.md:\d+:\d+: error: figure "partners\.totl"/);
    expect(heads[2]).toMatch(/^sources\/partnerships\/en\.md:\d+:\d+: error: figure "allies\.cont"/);
  });
});

describe('build inputs from the environment', () => {
  it('refuses a SOURCE_DATE_EPOCH that is not a date as a usage error', async () => {
    const bad = await (await import('../src/cli/index.js')).main(['build'], { cwd: REPO, env: { SOURCE_DATE_EPOCH: '99999999999999999' }, stdout: { write: () => true }, stderr: { write: () => true } });
    expect(bad).toBe(2);
  });

  it('refuses an output folder that is a file as a usage error', async () => {
    const root = makeProject(REPO);
    writeFileSync(path.join(root, 'afile'), '');
    const run = await runCli(['build', '--root', root, '--out', path.join(root, 'afile')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('is a file, not a folder');
  });
});

describe('factsheet status', () => {
  it('shows sheets the build refuses because of a disputed figure as blocked', async () => {
    const root = editedRepo('sources/figures.yaml', (t) => t.replace(/(partners\.eapc:\n  value: )22/, '$123'));
    const run = await runCli(['status', '--root', root]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^partnerships\s+blocked \(errors elsewhere\)\s+blocked \(errors elsewhere\)$/m);
  });
});
