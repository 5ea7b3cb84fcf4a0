import { createHash } from 'node:crypto';
import { canonicalJson } from '../text/canonical-json.js';
import { valueAt } from '../figures/dated-values.js';
import type { Figure, Registry } from '../figures/registry.js';
import type { Diagnostic } from '../model/diagnostic.js';
import type { FactSheet } from '../model/fact-sheet.js';
import type { ParsedSheet } from '../parse/sheet.js';
import type { ProjectSources, SheetSource } from '../sources/read-project.js';
import { toolFingerprint } from '../sources/tool-version.js';
import { sourceFileData, type SourceFile } from '../text/source-file.js';
import type { UnreadableReviews } from './translation/index.js';
import { literalsOf } from './translation/literals.js';
import { sectionUnits } from './translation/review-lock.js';
import { headUnits } from './translation/units.js';

/**
 * What checking one sheet found: its versions as read, and the problems, glyph gaps
 * and review states of its versions. It is a function of the sheet's own files (its
 * Markdown in every language and its review lock) and of what every sheet shares (the
 * settings, the registry, boilerplate, country names, templates and fonts, the tool):
 * its key is a hash of exactly those, so an entry whose key is unchanged is what
 * checking the sheet again would give.
 */
export interface SheetCheck {
  key: string;
  read: ParsedSheet[];
  /** The complete versions of `read`, in its order, typeset in their language: what is published and drawn. */
  typeset: FactSheet[];
  diagnostics: Diagnostic[];
  /** Glyph gaps, reported once however many sheets meet them in the same shared file. */
  glyphs: Diagnostic[];
  /** Versions (`lang/id`) whose PDF would lack glyphs. */
  undrawable: string[];
  unreviewed: string[];
  edited: Array<[string, { by?: string; on?: string }]>;
  reviewUnknown: UnreadableReviews | null;
  /** What the check of typed numbers read of the registry: see registryFootprint. */
  footprint: RegistryFootprint | null;
}

export function emptySheetCheck(key: string): SheetCheck {
  return { key, read: [], typeset: [], diagnostics: [], glyphs: [], undrawable: [], unreviewed: [], edited: [], reviewUnknown: null, footprint: null };
}

/**
 * The key of each sheet: what the project shares is serialised and hashed once, then
 * each sheet adds its own files and the registry entries its files name. `pdf` says
 * whether the check covers the PDF's glyphs.
 *
 * Of the registry, a sheet's key holds only what its references can read: the entries
 * of the figures whose ids its files hold (and of the parts they are derived from), the
 * ids of all figures (an unknown id is answered with the closest), and whether the
 * registry was read whole. The warnings about typed numbers and country lists compare
 * the text with every figure; what they read is checked apart, by the entry's
 * footprint (registryFootprint), once the entry is found. So editing a figure checks
 * again the sheets that quote it, or that type its old or its new value.
 */
export function sheetKeys(sources: ProjectSources, registry: Registry, options: { pdf: boolean }): (id: string, group: readonly SheetSource[]) => string {
  const shared = canonicalJson(
    {
      tool: toolFingerprint(),
      pdf: options.pdf,
      config: sources.config,
      registry: { file: registry.file, ids: [...registry.figures.keys()], complete: registry.complete, disputed: [...registry.disputed].sort() },
      boilerplate: sources.boilerplate,
      countryNames: sources.countryNames,
      templates: sources.templates,
    },
    sourceFileData,
  );
  const sharedHash = createHash('sha256').update(shared).digest('hex');
  return (id, group) => {
    // The languages of every file of the sheet, valid or not: the review lock is read against them.
    const languages = sources.sheets.filter((s) => s.id === id).map((s) => s.lang);
    const files = [...group.map((s) => s.file.text), sources.locks.get(id)?.text ?? ''];
    const figures = namedFigures(registry, files);
    const own = canonicalJson({ id, group: group.map((s) => ({ lang: s.lang, file: s.file })), languages, lock: sources.locks.get(id) ?? null, figures }, sourceFileData);
    return createHash('sha256').update(sharedHash).update('\n').update(own).digest('hex');
  };
}

/**
 * The figures whose ids some text holds as a word, with those they are derived from: a
 * reference names its figure, so this is every figure the text can quote and more.
 */
function namedFigures(registry: Registry, texts: readonly string[]): Figure[] {
  const found = new Map<string, Figure>();
  const visit = (text: string) => {
    for (const word of text.match(ID_WORD) ?? []) {
      for (const candidate of [word, word.replace(/[.-]+$/, '')]) {
        const figure = registry.figures.get(candidate);
        if (!figure || found.has(candidate)) continue;
        found.set(candidate, figure);
        if (figure.derivation) visit(canonicalJson(figure.derivation));
      }
    }
  };
  texts.forEach(visit);
  return [...found.keys()].sort().map((figureId) => found.get(figureId)!);
}

const ID_WORD = /[A-Za-z0-9][A-Za-z0-9.-]*/g;

/**
 * What the warnings about typed figures and country lists read of the registry for one
 * sheet: the values the sheet types (numbers, percentages, month-year dates) are kept,
 * and with them a hash of every figure whose value at a version's date is one of those
 * (as a number or as its month) and of every country list, with where they are defined.
 * An entry whose footprint hashes the same under the registry of now would warn the same.
 */
export interface RegistryFootprint {
  typed: string[];
  dates: Array<string | null>;
  hash: string;
}

export function registryFootprint(entry: SheetCheck, registry: Registry, fileOf: (path: string) => SourceFile): RegistryFootprint {
  const typed = new Set<string>();
  const start = { line: 1, column: 1, offset: 0 };
  for (const { sheet } of entry.read) {
    const units = [...headUnits(sheet, sheet.sections[0]?.span ?? { start, end: start }), ...sheet.sections.flatMap(sectionUnits)];
    for (const unit of units) for (const literal of literalsOf(unit, sheet.lang, fileOf(sheet.file))) typed.add(literal.value);
  }
  const dates = [...new Set(entry.read.map(({ sheet }) => sheet.meta.date))];
  const footprint = { typed: [...typed].sort(), dates };
  return { ...footprint, hash: footprintHash(registry, footprint) };
}

/** True when the registry of now reads, for the typed values of the entry, what its footprint recorded. */
export function footprintHolds(entry: SheetCheck, registry: Registry): boolean {
  return entry.footprint !== null && entry.footprint !== undefined && footprintHash(registry, entry.footprint) === entry.footprint.hash;
}

function footprintHash(registry: Registry, footprint: { typed: readonly string[]; dates: ReadonlyArray<string | null> }): string {
  const typed = new Set(footprint.typed);
  const read: unknown[] = [];
  for (const date of footprint.dates) {
    for (const figure of registry.figures.values()) {
      const value = valueAt(figure.history, date);
      if (value === null) continue;
      const matches = (value.value !== null && typed.has(String(value.value))) || (value.asOf !== null && typed.has(value.asOf.slice(0, 7)));
      if (matches || value.members) read.push([date, figure.id, figure.location, value]);
    }
  }
  return createHash('sha256').update(canonicalJson(read)).digest('hex');
}
