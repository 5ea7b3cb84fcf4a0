import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkProject } from '../src/check/index.js';
import { readProject } from '../src/sources/index.js';
import { FIXTURES, makeProject } from './helpers/project.js';

const HEAD = (lang: string) => (lang === 'fr' ? '---\ntitle: Partenariats\ndate: 2013-02-21\ntags: [partenariats]\n---\n\n' : '---\ntitle: Partnerships\ndate: 2013-02-21\ntags: [partnerships]\ntranslation_of: fr\n---\n\n');

/** The rule ids reported for a one-paragraph sheet in French and its English translation. */
async function rulesFor(fr: string, en: string): Promise<string[]> {
  const root = makeProject(path.join(FIXTURES, 'base'));
  writeFileSync(path.join(root, 'sources/sample/fr.md'), `${HEAD('fr')}${fr}\n`);
  writeFileSync(path.join(root, 'sources/sample/en.md'), `${HEAD('en')}${en}\n`);
  const { diagnostics } = await checkProject(await readProject(root), { formats: [] });
  return diagnostics.map((d) => d.ruleId).filter((id) => id.startsWith('align-'));
}

describe('links and emphasis of a translation', () => {
  it('may reorder and reword links and emphasis as the language needs', async () => {
    const fr = "L'OTAN travaille avec l'[UE](https://europa.eu) et l'[ONU](https://www.un.org), au titre du **partenariat** *stratégique*.";
    const en = 'NATO works with the [United Nations](https://www.un.org) and the [European Union](https://europa.eu), as a *strategic* **partnership**.';
    expect(await rulesFor(fr, en)).toEqual([]);
  });

  it('reports each dropped, added and redirected link once', async () => {
    const fr = "L'OTAN travaille avec l'[UE](https://europa.eu) et l'[ONU](https://www.un.org).";
    const en = 'NATO works with the [United Nations](https://www.un.org/en) and the European Union, see [the list](https://www.nato.int/list) and [more](https://www.nato.int/more).';
    expect((await rulesFor(fr, en)).sort()).toEqual(['align-link-changed', 'align-link-changed', 'align-link-extra']);
  });

  it('warns about each strong or emphasis run dropped, not about one kept', async () => {
    const fr = "L'**OTAN** coopère au titre du **partenariat** *stratégique*.";
    const en = 'The **NATO** cooperates under the strategic partnership.';
    expect(await rulesFor(fr, en)).toEqual(['align-emphasis-missing', 'align-emphasis-missing']);
  });
});
