import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkProject } from '../src/check/index.js';
import { formatDiagnostic } from '../src/cli/text-reporter.js';
import { readProject } from '../src/sources/index.js';
import { FIXTURES, makeProject } from './helpers/project.js';

describe('a reference that does not resolve', () => {
  it('in the original is reported once, at the original, and the translation is still compared', async () => {
    const root = makeProject(path.join(FIXTURES, 'base'));
    const fr = path.join(root, 'sources/sample/fr.md');
    writeFileSync(fr, readFileSync(fr, 'utf8').replace('{{partners.total}} pays', '{{partners.totl}} pays'));
    const en = path.join(root, 'sources/sample/en.md');
    writeFileSync(en, readFileSync(en, 'utf8').replace('- the {{allies.count}} Allies;\n', ''));
    const { diagnostics } = await checkProject(await readProject(root), { formats: [] });
    const errors = diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic);
    expect(errors).toHaveLength(2);
    expect(errors[0]).toMatch(/^sources\/sample\/en\.md:14:1: error: list item 1 of the fr original is missing here: "les 28 Alliés ;" \[align-item-missing\]/);
    expect(errors[1]).toMatch(/^sources\/sample\/fr\.md:7:\d+: error: figure "partners\.totl" is not in the registry.*\[figure-unknown\]/);
  });
});
