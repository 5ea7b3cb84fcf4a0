import { createHash } from 'node:crypto';
import { canonicalJson } from '../text/canonical-json.js';
import { valueAt, type DatedValue } from '../figures/dated-values.js';
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
 * each sheet adds its own files. `pdf` says whether the check covers the PDF's glyphs;
 * `tool` is the fingerprint of the code checking (default: this code's).
 *
 * Of the registry, the key holds only the ids of all figures (an unknown id is answered
 * with the closest), which are broken, and whether the registry was read whole. What
 * else the check of a sheet read of it is checked apart, by the entry's footprint
 * (registryFootprint), once the entry is found: the figures its references looked up,
 * and the figures its typed numbers and country names were compared with. So editing
 * a figure checks again the sheets that quote it, or that type its old or new value.
 */
export function sheetKeys(sources: ProjectSources, registry: Registry, options: { pdf: boolean; tool?: string }): (id: string, group: readonly SheetSource[]) => string {
  // Made once per sources, registry and options: a build works the keys out to decide which
  // sheets to check again, then checks (check-in-threads.ts), and each sheet's key is the same.
  let perSources = keysMade.get(sources);
  if (!perSources) keysMade.set(sources, (perSources = new WeakMap()));
  let made = perSources.get(registry);
  if (!made) perSources.set(registry, (made = new Map()));
  const optionsKey = `${options.pdf}\0${options.tool ?? ''}`;
  const known = made.get(optionsKey);
  if (known) return known;
  const keyOf = sheetKeysOf(sources, registry, options);
  const byId = new Map<string, { group: readonly SheetSource[]; key: string }>();
  const remembered = (id: string, group: readonly SheetSource[]): string => {
    const last = byId.get(id);
    if (last && last.group.length === group.length && last.group.every((source, index) => source === group[index])) return last.key;
    const key = keyOf(id, group);
    byId.set(id, { group: [...group], key });
    return key;
  };
  made.set(optionsKey, remembered);
  return remembered;
}

/** The key functions made, by sources, registry and options. Sources are never changed once read. */
const keysMade = new WeakMap<ProjectSources, WeakMap<Registry, Map<string, (id: string, group: readonly SheetSource[]) => string>>>();

function sheetKeysOf(sources: ProjectSources, registry: Registry, options: { pdf: boolean; tool?: string }): (id: string, group: readonly SheetSource[]) => string {
  const figures = [...registry.figures.values()];
  const shared = canonicalJson(
    {
      tool: options.tool ?? toolFingerprint(),
      pdf: options.pdf,
      config: sources.config,
      registry: { file: registry.file, ids: figures.map((f) => f.id), broken: figures.filter((f) => f.broken).map((f) => f.id), complete: registry.complete, disputed: [...registry.disputed].sort() },
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
    const own = canonicalJson({ id, group: group.map((s) => ({ lang: s.lang, file: s.file })), languages, lock: sources.locks.get(id) ?? null }, sourceFileData);
    return createHash('sha256').update(sharedHash).update('\n').update(own).digest('hex');
  };
}

/**
 * The registry as the parsing of one sheet is given it, noting each figure id looked up:
 * with the sheet's files unchanged, the same ids are looked up again.
 */
export function recordingRegistry(registry: Registry, looked: Set<string>): Registry {
  return { ...registry, figures: new RecordingFigures(registry.figures, looked) };
}

class RecordingFigures extends Map<string, Figure> {
  constructor(
    figures: ReadonlyMap<string, Figure>,
    private readonly looked: Set<string>,
  ) {
    super(figures);
  }

  override get(id: string): Figure | undefined {
    this.looked?.add(id);
    return super.get(id);
  }

  override has(id: string): boolean {
    this.looked?.add(id);
    return super.has(id);
  }
}

/**
 * What the check of a sheet read of the registry besides its ids: the figures its
 * references looked up (with the parts they are derived from), and, for the warnings
 * about typed figures and country lists, every figure whose value at a version's date
 * is one of the values the sheet types (numbers, percentages, month-year dates) and
 * every country list, with where they are defined. The ids and typed values are kept;
 * an entry whose footprint hashes the same under the registry of now reads the same.
 */
export interface RegistryFootprint {
  quoted: string[];
  typed: string[];
  dates: Array<string | null>;
  hash: string;
}

export function registryFootprint(entry: SheetCheck, registry: Registry, fileOf: (path: string) => SourceFile, quoted: ReadonlySet<string>): RegistryFootprint {
  const typed = new Set<string>();
  const start = { line: 1, column: 1, offset: 0 };
  for (const { sheet } of entry.read) {
    const units = [...headUnits(sheet, sheet.sections[0]?.span ?? { start, end: start }), ...sheet.sections.flatMap(sectionUnits)];
    for (const unit of units) for (const literal of literalsOf(unit, sheet.lang, fileOf(sheet.file))) typed.add(literal.value);
  }
  const dates = [...new Set(entry.read.map(({ sheet }) => sheet.meta.date))];
  const footprint = { quoted: [...quoted].sort(), typed: [...typed].sort(), dates };
  return { ...footprint, hash: footprintHash(registry, footprint) };
}

/** True when the registry of now reads, for the entry, what its footprint recorded. */
export function footprintHolds(entry: SheetCheck, registry: Registry): boolean {
  const last = footprintsHeld.get(entry);
  if (last?.registry === registry) return last.holds;
  const holds = entry.footprint !== null && entry.footprint !== undefined && footprintHash(registry, entry.footprint) === entry.footprint.hash;
  footprintsHeld.set(entry, { registry, holds });
  return holds;
}

/** Whether each entry's footprint held, and under which registry: a build asks for every kept entry twice (sheetKeys). */
const footprintsHeld = new WeakMap<SheetCheck, { registry: Registry; holds: boolean }>();

/**
 * The registry's parts a footprint names, serialised once per registry: the sheets of a
 * project quote the same figures at the same dates, and a rebuild hashes the footprint
 * of every kept entry.
 */
const footprintParts = new WeakMap<Registry, { quoted: Map<string, string>; atDate: Map<string, Array<{ figure: Figure; value: DatedValue; json: string }>> }>();

function partsOf(registry: Registry) {
  let parts = footprintParts.get(registry);
  if (!parts) {
    parts = { quoted: new Map(), atDate: new Map() };
    footprintParts.set(registry, parts);
  }
  return parts;
}

function footprintHash(registry: Registry, footprint: Omit<RegistryFootprint, 'hash'>): string {
  const parts = partsOf(registry);
  const quoted = new Map<string, Figure | null>();
  const visit = (id: string) => {
    if (quoted.has(id)) return;
    const figure = registry.figures.get(id) ?? null;
    quoted.set(id, figure);
    if (figure?.derivation?.kind === 'sum') for (const part of figure.derivation.parts) visit(part.name);
  };
  footprint.quoted.forEach(visit);
  const hash = createHash('sha256').update('quoted');
  for (const id of quoted.keys()) {
    let json = parts.quoted.get(id);
    if (json === undefined) {
      json = canonicalJson([id, quoted.get(id)]);
      parts.quoted.set(id, json);
    }
    hash.update(json).update('\n');
  }
  hash.update('compared');
  const typed = new Set(footprint.typed);
  for (const date of footprint.dates) {
    for (const { value, json } of valuesAt(registry, date)) {
      const matches = (value.value !== null && typed.has(String(value.value))) || (value.asOf !== null && typed.has(value.asOf.slice(0, 7)));
      if (matches || value.members) hash.update(json).update('\n');
    }
  }
  return hash.digest('hex');
}

/** Every figure's value at `date` (null: the latest), with its place, serialised: what a footprint is compared with. */
function valuesAt(registry: Registry, date: string | null) {
  const parts = partsOf(registry);
  const key = date ?? '\0latest';
  let values = parts.atDate.get(key);
  if (!values) {
    values = [];
    for (const figure of registry.figures.values()) {
      const value = valueAt(figure.history, date);
      if (value !== null) values.push({ figure, value, json: canonicalJson([date, figure.id, figure.location, value]) });
    }
    parts.atDate.set(key, values);
  }
  return values;
}
