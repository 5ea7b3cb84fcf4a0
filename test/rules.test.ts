import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkProject } from '../src/check/index.js';
import { formatDiagnostic } from '../src/cli/text-reporter.js';
import { readProject } from '../src/sources/index.js';
import { expectGolden } from './helpers/golden.js';
import { FIXTURES, makeProject } from './helpers/project.js';

const RULES = path.join(FIXTURES, 'rules');

async function diagnosticsOf(root: string) {
  return (await checkProject(await readProject(root))).diagnostics;
}

describe('the base fixture', () => {
  it('is clean', async () => {
    expect(await diagnosticsOf(makeProject(path.join(FIXTURES, 'base')))).toEqual([]);
  });
});

// One fixture per rule: the base project with one file changed, and the exact report expected.
describe.each(readdirSync(RULES).sort())('rule fixture %s', (name) => {
  const dir = path.join(RULES, name);
  const rule = existsSync(path.join(dir, 'RULE')) ? readFileSync(path.join(dir, 'RULE'), 'utf8').trim() : name;

  it(`reports ${rule} with its message and position`, async () => {
    const diagnostics = await diagnosticsOf(makeProject(path.join(FIXTURES, 'base'), dir));
    expect(diagnostics.map((d) => d.ruleId)).toContain(rule);
    expectGolden(path.join(dir, 'expected.txt'), diagnostics.map(formatDiagnostic).join('\n') + '\n');
  });
});
