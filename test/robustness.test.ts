import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';
import { FIXTURES, makeProject } from './helpers/project.js';

/** The base fixture with `addition` appended to the English sheet as its own block. */
function projectWith(addition: string): string {
  const dir = makeProject(path.join(FIXTURES, 'base'));
  const file = path.join(dir, 'sources/sample/en.md');
  writeFileSync(file, `${readFileSync(file, 'utf8')}\n${addition}\n`);
  return dir;
}

function expectReported(run: { code: number; stdout: string; stderr: string }, ruleId: string): void {
  const output = run.stdout + run.stderr;
  expect(output).not.toContain('Maximum call stack');
  expect(output).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
  expect(run.code).toBe(1);
  expect(output).toMatch(new RegExp(`^sources/sample/en\\.md:\\d+:\\d+: error: .+ \\[${ruleId}\\]$`, 'm'));
}

// Each of these once overflowed the stack or kept the parser busy for minutes.
describe('markdown-nesting: input of unbounded depth', () => {
  it.each([
    ['one run of 7,300 "*" on each side of a word', '*'.repeat(7300) + 'word' + '*'.repeat(7300)],
    ['alternating "*" and "_"', '*_'.repeat(5000) + 'word'],
    ['10,000 list markers on one line', '- '.repeat(10_000) + 'deep'],
    ['400 list items each indented one level more', Array.from({ length: 400 }, (_, i) => `${' '.repeat(2 * i)}- level ${i}`).join('\n')],
    ['5,000 nested quotes', '>'.repeat(5000) + ' deep'],
  ])('reports %s with its position', async (_, markdown) => {
    expectReported(await runCli(['check', '--root', projectWith(markdown)]), 'markdown-nesting');
  });

  it('reports emphasis nested by separate marks and builds nothing of it', async () => {
    const dir = projectWith('*a _b '.repeat(20) + 'core' + ' b_ a*'.repeat(20));
    const run = await runCli(['build', '--root', dir, '--format', 'html']);
    expectReported(run, 'markdown-nesting');
  });
});

describe('paragraph-too-large', () => {
  it('reports a paragraph whose marks nest thousands deep', async () => {
    expectReported(await runCli(['check', '--root', projectWith('*a '.repeat(3000) + 'core' + ' a*'.repeat(3000))]), 'paragraph-too-large');
  });

  it('reports a paragraph of more than 20,000 characters', async () => {
    expectReported(await runCli(['check', '--root', projectWith('word '.repeat(5000))]), 'paragraph-too-large');
  });
});

describe('sheet-too-large', () => {
  it('refuses to build a 5 MB sheet, reporting where the limit is passed', async () => {
    const dir = projectWith('A long paragraph of text.\n\n'.repeat(200_000));
    const run = await runCli(['build', '--root', dir]);
    expectReported(run, 'sheet-too-large');
    expect(run.stdout + run.stderr).toMatch(/^sources\/sample\/en\.md:\d+:\d+: error: the sheet has \d+ characters, more than the 300000/m);
    // The oversized translation is held back; its original is published.
    expect(run.stderr).toContain('held back en/sample (it has errors');
    expect(existsSync(path.join(dir, 'out/en/sample.pdf'))).toBe(false);
    expect(existsSync(path.join(dir, 'out/fr/sample.pdf'))).toBe(true);
  });
});

describe('YAML inputs', () => {
  function projectWithRegistry(addition: string): string {
    const dir = makeProject(path.join(FIXTURES, 'base'));
    const file = path.join(dir, 'sources/figures.yaml');
    writeFileSync(file, `${readFileSync(file, 'utf8')}\n${addition}\n`);
    return dir;
  }

  it('reads a registry of 10,000 figures', async () => {
    const figures = Array.from({ length: 10_000 }, (_, i) => `extra.f${i}:\n  value: ${i}\n  as_of: 2013-02\n  source: generated\n`).join('\n');
    const run = await runCli(['check', '--root', projectWithRegistry(figures)]);
    expect(run.stdout + run.stderr).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
    expect(run.code).toBe(0);
  });

  it.each([
    ['20,000 nested flow lists', `deep.x:\n  value: ${'['.repeat(20_000)}${']'.repeat(20_000)}`],
    ['3,000 nested mappings', `deep.y:\n${Array.from({ length: 3000 }, (_, i) => `${' '.repeat(i + 2)}k${i}:`).join('\n')}`],
  ])('reports %s as too deeply nested, with its position', async (_, yaml) => {
    const run = await runCli(['check', '--root', projectWithRegistry(yaml)]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^sources\/figures\.yaml:\d+:\d+: error: malformed YAML: nested too deeply \[yaml-syntax\]$/m);
  });

  it('reports an alias bomb as malformed figures without expanding it', async () => {
    const bomb = Array.from({ length: 30 }, (_, i) => (i === 0 ? 'a0: &a0 [x, x, x, x, x, x, x, x, x, x]' : `a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(', ')}]`)).join('\n');
    const run = await runCli(['check', '--root', projectWithRegistry(bomb)]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^sources\/figures\.yaml:\d+:\d+: error: figure "a29" must be a mapping .+ \[figure-invalid\]$/m);
  });
});
