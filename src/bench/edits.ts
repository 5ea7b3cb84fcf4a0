import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { isMap, isScalar, isSeq, parseDocument } from 'yaml';
import { FIGURES_FILE } from '../figures/registry.js';

/** A figure edited in the corpus's registry. */
export interface FigureEdit {
  id: string;
  from: string;
  to: string;
}

/**
 * Changes the value of one figure, as an office updating a number would: the first
 * figure quoted by the corpus (in `quoted`'s order) that has a single value of its own
 * and is no part of a sum (so that no sum breaks). Its value goes up by one.
 */
export function editFigure(root: string, quoted: readonly string[]): FigureEdit {
  const file = path.join(root, FIGURES_FILE);
  const doc = parseDocument(readFileSync(file, 'utf8'));
  const registry = doc.contents;
  if (!isMap(registry)) throw new Error(`${FIGURES_FILE} is not a mapping`);
  const parts = new Set<string>();
  for (const pair of registry.items) {
    const sum = isMap(pair.value) ? pair.value.get('sum') : null;
    if (isSeq(sum)) for (const part of sum.items) if (isScalar(part)) parts.add(String(part.value));
  }
  for (const id of quoted) {
    if (parts.has(id)) continue;
    const figure = registry.get(id);
    const value = isMap(figure) ? figure.get('value') : undefined;
    if (typeof value !== 'number' || !Number.isInteger(value) || (isMap(figure) && (figure.has('sum') || figure.has('members')))) continue;
    doc.setIn([id, 'value'], value + 1);
    writeFileSync(file, doc.toString());
    return { id, from: String(value), to: String(value + 1) };
  }
  throw new Error(`no figure quoted by the corpus can be edited alone in ${FIGURES_FILE}`);
}

/**
 * Adds a sentence to the first paragraph after the frontmatter of one sheet file, as
 * an editor would: the original of a sheet, so that its translations go stale (a
 * warning) and still publish.
 */
export function editParagraph(file: string): void {
  const text = readFileSync(file, 'utf8');
  const lines = text.split('\n');
  const close = lines.indexOf('---', 1);
  let line = close + 1;
  while (line < lines.length && lines[line]!.trim() === '') line++;
  while (line + 1 < lines.length && lines[line + 1]!.trim() !== '') line++;
  if (line >= lines.length) throw new Error(`${file} has no paragraph to edit`);
  lines[line] = `${lines[line]} Texte révisé.`;
  writeFileSync(file, lines.join('\n'));
}
