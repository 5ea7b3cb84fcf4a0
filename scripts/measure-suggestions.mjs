// Measures did-you-mean suggestions at scale: 1,000 unknown references, each quoted
// twice, against a 10,000-figure registry. Run after `npx tsc -p tsconfig.json`:
//   node scripts/measure-suggestions.mjs [unknown names, 1000 by default] [compiled folder, dist by default]
// Prints the time taken and a digest of the suggestions, so two versions of the
// code can be compared for speed and for giving exactly the same suggestions.
import { createHash } from 'node:crypto';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const count = Number(process.argv[2] ?? 1000);
const compiled = pathToFileURL(path.resolve(process.argv[3] ?? 'dist')).href;
const { parseRegistry, unknownFigure } = await import(`${compiled}/figures/index.js`);
const { SourceFile } = await import(`${compiled}/text/source-file.js`);

// A fixed pseudo-random sequence, so every run measures the same ids.
let seed = 7;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const pick = (list) => list[Math.floor(random() * list.length)];
const WORDS = ['partners', 'troops', 'summits', 'missions', 'members', 'budget', 'regional', 'global', 'civil', 'staff', 'ships', 'aircraft', 'exercises', 'trust-funds', 'centres'];
const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789-.';

const ids = new Set();
while (ids.size < 10_000) ids.add(`${pick(WORDS)}.${pick(WORDS)}-${Math.floor(random() * 1000)}`);
const registryText = [...ids].map((id) => `${id}:\n  value: 1`).join('\n');
const { registry } = parseRegistry(new SourceFile('sources/figures.yaml', registryText));

/** A typo of a known id (one to three edits), or now and then an unrelated name. */
function unknownName() {
  let name = pick([...ids]);
  if (random() < 0.1) return `${pick(WORDS)}-${pick(WORDS)}.unrelated`;
  for (let edits = 1 + Math.floor(random() * 3); edits > 0; edits--) {
    const at = Math.floor(random() * name.length);
    const letter = pick(ALPHABET);
    name = pick([
      () => name.slice(0, at) + letter + name.slice(at + 1),
      () => name.slice(0, at) + letter + name.slice(at),
      () => name.slice(0, at) + name.slice(at + 1),
      () => name.slice(0, at) + (name[at + 1] ?? '') + name[at] + name.slice(at + 2),
    ])();
  }
  return ids.has(name) ? `${name}x` : name;
}
const unknowns = Array.from({ length: count }, unknownName);
const location = { file: 'sources/s/en.md', start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } };

const started = process.hrtime.bigint();
const messages = [];
for (const name of [...unknowns, ...unknowns]) messages.push(unknownFigure(registry, name, location)?.message ?? '');
const seconds = Number(process.hrtime.bigint() - started) / 1e9;

const digest = createHash('sha256').update(messages.join('\n')).digest('hex').slice(0, 16);
const suggested = messages.filter((m) => m.includes('did you mean')).length;
console.log(`${unknowns.length} unknown names x2 against ${registry.figures.size} figures: ${seconds.toFixed(2)} s, ${suggested} suggestions, digest ${digest}`);
