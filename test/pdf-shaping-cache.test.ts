import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { REPO, tempDir } from './helpers/project.js';

/*
 * Words are shaped once per process and shared by every PDF rendered after. These
 * renders run in fresh processes (the compiled code, as the build runs it) so that
 * "alone" really means nothing was shaped before.
 */

/**
 * A script printing the SHA-256 of each PDF it renders, in the order given: `id.lang`
 * for a sheet of the repository, with `~` after it for the same sheet with every "-"
 * written as the non-breaking hyphen U+2011, which the font draws with the same glyph.
 */
const SCRIPT = `
const dist = ${JSON.stringify(`${REPO}/dist`)};
const { createHash } = await import('node:crypto');
const { readProject } = await import(dist + '/sources/index.js');
const { checkProject } = await import(dist + '/check/index.js');
const { sheetView } = await import(dist + '/render/index.js');
const { pdfRenderer } = await import(dist + '/render/pdf/pdf-renderer.js');
const fonts = await import(dist + '/render/pdf/parsed-fonts.js');
const { readFileSync, writeFileSync } = await import('node:fs');
const v8 = await import('node:v8');
// Words another process shaped, taken before anything is rendered (SEED_WORDS), and the words this one shaped, kept (KEEP_WORDS).
if (process.env.SEED_WORDS) fonts.seedShapedWords(v8.deserialize(readFileSync(process.env.SEED_WORDS)));
const result = await checkProject(await readProject(${JSON.stringify(REPO)}));
const views = new Map();
for (const sheet of result.sheets) {
  const languages = result.sheets.filter((s) => s.id === sheet.id).map((s) => s.lang);
  const view = sheetView(sheet, result.templates.get(sheet.meta.template), { languages });
  views.set(sheet.id + '.' + sheet.lang, view);
  const hyphens = JSON.parse(JSON.stringify(sheet).replaceAll('-', '\\\\u2011'));
  views.set(sheet.id + '.' + sheet.lang + '~', { ...view, sheet: hyphens });
}
const names = process.argv.slice(1);
for (const name of names.length ? names : [...views.keys()]) {
  const output = await pdfRenderer.render(views.get(name));
  console.log(name + ' ' + createHash('sha256').update(output.bytes).digest('hex'));
}
const shaped = fonts.takeShapedWords();
console.log('shaped ' + [...shaped.values()].reduce((sum, words) => sum + words.length, 0));
if (process.env.KEEP_WORDS) writeFileSync(process.env.KEEP_WORDS, v8.serialize(shaped));
`;

/** The hash of each PDF named, rendered in that order in a new process, and how many words it shaped (`shaped`). */
function renderInFreshProcess(names: string[], words: { seed?: string; keep?: string } = {}): Map<string, string> {
  const env = { ...process.env, ...(words.seed ? { SEED_WORDS: words.seed } : {}), ...(words.keep ? { KEEP_WORDS: words.keep } : {}) };
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', SCRIPT, ...names], { encoding: 'utf8', env });
  if (run.status !== 0) throw new Error(run.stderr);
  return new Map(run.stdout.trim().split('\n').map((line) => line.split(' ') as [string, string]));
}

describe('words shaped once for every PDF', () => {
  it('give each PDF the same bytes alone in a fresh process, after other sheets, and in another order', () => {
    const forward = renderInFreshProcess([]);
    forward.delete('shaped');
    const all = [...forward.keys()];
    expect(all).toContain('partnerships.en~');
    const reverse = renderInFreshProcess([...all].reverse());
    reverse.delete('shaped');
    expect(reverse).toEqual(forward);
    // Rendered first, a PDF has nothing shaped before it; rendered last, it has every other sheet.
    for (const name of ['partnerships.en', 'partnerships.en~']) {
      expect(renderInFreshProcess([name]).get(name), name).toBe(forward.get(name));
    }
    // Sheets with non-breaking hyphens are other documents, not the same one again.
    expect(forward.get('partnerships.en~')).not.toBe(forward.get('partnerships.en'));
  });
});

describe('words shaped by another process', () => {
  // A build keeps the words its PDFs shaped (shaped-words-file.ts) and the next one's threads take them.
  it('are taken instead of shaped again, and give each PDF the bytes it has when shaped here', () => {
    const words = path.join(tempDir(), 'words.bin');
    const name = 'partnerships.fr';
    const alone = renderInFreshProcess([name], { keep: words });
    expect(Number(alone.get('shaped'))).toBeGreaterThan(100);
    const seeded = renderInFreshProcess([name], { seed: words });
    expect(seeded.get(name)).toBe(alone.get(name));
    expect(seeded.get('shaped')).toBe('0');
    // Words of one sheet leave the other's to shape, and it comes out as it does alone.
    const other = renderInFreshProcess(['global-partners.fr'], { seed: words });
    expect(Number(other.get('shaped'))).toBeGreaterThan(0);
    expect(other.get('global-partners.fr')).toBe(renderInFreshProcess(['global-partners.fr']).get('global-partners.fr'));
  });
});
