import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATE_RULES } from '../src/figures/index.js';
import { FIXTURES, REPO } from './helpers/project.js';

// Each rule of the registry's dates is a unit: a fixture that proves it and a row of the README's catalogue.
describe.each(DATE_RULES.map((rule) => [rule.id, rule] as const))('rule %s', (id, rule) => {
  it('has a fixture folder with its golden', () => {
    expect(existsSync(path.join(FIXTURES, 'rules', id, 'expected.txt'))).toBe(true);
    expect(readFileSync(path.join(FIXTURES, 'rules', id, 'expected.txt'), 'utf8')).toContain(`: ${rule.severity}: `);
  });

  it('is in the README catalogue with its severity', () => {
    const row = readFileSync(path.join(REPO, 'README.md'), 'utf8')
      .split('\n')
      .find((line) => line.startsWith('| ') && line.includes(`\`${id}\``));
    expect(row).toBeDefined();
    if (rule.severity === 'warning') expect(row).toContain('(warning)');
  });
});
