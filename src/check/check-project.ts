import { createFormatter, type Formatter } from '../figures/format.js';
import { NO_COUNTRY_NAMES, type CountryNameSettings } from '../figures/country-names.js';
import { literalMembersWarnings } from './literal-members.js';
import { figureDateDiffers } from '../figures/rules/figure-date-differs.js';
import { FIGURES_FILE, type Registry } from '../figures/registry.js';
import { resolvedRegistry } from '../figures/resolved-registry.js';
import { diagnostic, sortDiagnostics, type Diagnostic } from '../model/diagnostic.js';
import type { Contact, FactSheet } from '../model/fact-sheet.js';
import type { Location } from '../model/position.js';
import { BOILERPLATE_DIR, parseBoilerplate } from '../parse/boilerplate.js';
import { NAMES_DIR, parseCountryNames } from '../parse/country-names.js';
import { CONFIG_FILE, parseConfig, type ProjectConfig } from '../parse/config.js';
import { canonicalLanguageTag } from '../parse/language-tag.js';
import { parseSheet, type ParsedSheet } from '../parse/sheet.js';
import { checkTranslation, literalFigureWarnings, parseLock, type ParsedLock, type UnreadableReviews } from './translation/index.js';
import { handlebarsProblem } from '../parse/template.js';
import { inheritedFiles, resolveTemplates } from '../parse/template-extends.js';
import type { SourceFile } from '../text/source-file.js';
import type { Template } from '../model/template.js';
import { closest } from '../figures/suggest.js';
import { figureIdsOf } from '../model/figure-refs.js';
import { type ProjectSources, type SheetSource } from '../sources/read-project.js';
import { emptySheetCheck, footprintHolds, recordingRegistry, registryFootprint, sheetKeys, type SheetCheck } from './sheet-cache.js';
import { readDiagnostics } from './read-problems.js';
import { duplicateDiagnostics, findDuplicates } from './duplicates/index.js';
import { INDEX_CONTEXT_SHAPE } from '../build/index-page.js';
import { FIGURES_CONTEXT_SHAPE } from '../build/figures-page.js';
import type { Shape } from '../model/context-shape.js';
import type { Format } from '../render/renderer.js';
import { checkPage } from './template-pages.js';
import { glyphProblems } from './glyph-coverage.js';
import { projectTemplates } from './project-templates.js';
import { typesetSheet } from '../typography/index.js';
import { languageReadiness, sheetLanguages, type LanguageReadiness } from './language-readiness.js';

/** The outcome of checking a project: every sheet that parsed without errors, and all problems found. */
export interface CheckResult {
  config: ProjectConfig | null;
  registry: Registry | null;
  /**
   * Versions that can be published: parsed, without errors of their own, of a sheet whose
   * original can be published; typeset in their language (src/typography), as rendered.
   */
  sheets: FactSheet[];
  /** Every version that parsed, publishable or not, as typed in its source (for the ledger, status and reviews). */
  parsed: FactSheet[];
  /** Valid templates by name. */
  templates: Map<string, Template>;
  /** Ids of sheets whose original cannot be published (or that settings keep back): nothing of them is published. */
  failedSheets: Set<string>;
  /**
   * Translations (`lang/id`) held back by problems of their own (their file, their
   * language's boilerplate, a disputed figure they quote) while the original and the
   * other languages of the sheet publish.
   */
  failedVersions: Set<string>;
  /** Translations (`lang/id`) that have never been marked reviewed. */
  unreviewed: Set<string>;
  /**
   * Translations (`lang/id`) edited since their last review, with who reviewed and on
   * what day: what was reviewed is not what would be published, so they are treated as
   * unreviewed ones are. (Stale translations, reviewed text whose original moved on, are not here.)
   */
  edited: Map<string, { by?: string; on?: string }>;
  /**
   * By sheet id, the translations whose review record in the lock file cannot be read
   * ('all' when the file itself cannot be read): their review state is unknown, so they
   * are not published, while the original and the other translations are.
   */
  reviewUnknown: Map<string, UnreadableReviews>;
  diagnostics: Diagnostic[];
  /** Every sheet's entry, for the next check (only when the check was given a cache). */
  cache: Map<string, SheetCheck> | null;
}

const SHEET_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export interface CheckOptions {
  /** The outputs that will be made; glyph coverage concerns only the PDF. All when not given. */
  formats?: readonly Format[];
  /** Warnings hold back what they concern, as errors do (`--strict`): decided before anything is written. */
  strict?: boolean;
  /**
   * Render every web page in memory and report what the build would refuse of it (default).
   * The build turns this off: it renders and verifies every page itself.
   */
  webPages?: boolean;
  /**
   * What an earlier check found for each sheet, by sheet id (see sheet-cache.ts): a sheet
   * whose key is unchanged is taken from it, not parsed and compared again. The result's
   * `cache` holds every sheet's entry as this check left it.
   */
  cache?: ReadonlyMap<string, SheetCheck>;
  /**
   * Check afresh only these sheets (by id); the others are taken from `cache` or left
   * out. The result is then partial: only its `cache` entries are of use, to another
   * check given them (see check-in-threads.ts).
   */
  only?: ReadonlySet<string>;
  /**
   * The tool fingerprint the cache keys are made with (default: that of this code). A
   * check worker runs the same code, compiled, and keys its entries with its parent's.
   */
  tool?: string;
  /**
   * Told of each sheet checked afresh as soon as its complete versions are typeset,
   * before they are compared across languages, with the project's languages: a build
   * starts rendering what it is likely to publish (build/early-renders.ts).
   */
  onTypeset?: (id: string, versions: readonly FactSheet[], languages: readonly string[]) => void;
}

export async function checkProject(sources: ProjectSources, options: CheckOptions = {}): Promise<CheckResult> {
  // A file that could not be read whole and clean is reported here and parsed nowhere.
  const diagnostics: Diagnostic[] = readDiagnostics(sources);
  const templates = new Map<string, Template>();
  const reviewUnknown = new Map<string, UnreadableReviews>();
  /** Versions (`lang/id`) whose PDF would lack glyphs; the problem may sit in labels or boilerplate shared with other sheets. */
  const undrawable = new Set<string>();
  const unreviewed = new Set<string>();
  const edited = new Map<string, { by?: string; on?: string }>();
  /** Translations (`lang/id`) into a language their original does not declare. */
  const undeclared = new Set<string>();
  let readiness: LanguageReadiness | null = null;
  const done = (config: ProjectConfig | null, registry: Registry | null, sheets: FactSheet[] = [], published: FactSheet[] = sheets): CheckResult => {
    // A language's own problems hold back that language only (language-readiness.ts), wherever they are reported.
    const blocking = diagnostics.filter((d) => (d.severity === 'error' || options.strict) && !readiness?.diagnostics.has(d));
    const { failedSheets, failedVersions } = heldBack(sources, config, sheets, registry, templates, blocking, options.strict ?? false, readiness);
    for (const version of undrawable) {
      const [lang, id] = version.split('/') as [string, string];
      if (lang === config?.sourceLanguage) failedSheets.add(id);
      else failedVersions.add(version);
    }
    for (const version of undeclared) failedVersions.add(version);
    const publishable = published.filter((s) => !failedSheets.has(s.id) && !failedVersions.has(`${s.lang}/${s.id}`));
    return { config, registry, sheets: publishable, parsed: sheets, templates, failedSheets, failedVersions, unreviewed, edited, reviewUnknown, diagnostics: sortDiagnostics(diagnostics), cache: options.cache ? entries : null };
  };
  const entries = new Map<string, SheetCheck>();

  if (!sources.config) {
    diagnostics.push(diagnostic('error', 'config-missing', nowhere(CONFIG_FILE), `no ${CONFIG_FILE} at the project root: it declares the languages and the source language`));
    return done(null, null);
  }
  if (!sources.config.usable) return done(null, null);
  const parsedConfig = parseConfig(sources.config);
  diagnostics.push(...parsedConfig.diagnostics);
  const config = parsedConfig.config;

  let registry: Registry | null = null;
  if (!sources.figures) {
    diagnostics.push(diagnostic('error', 'figures-missing', nowhere(FIGURES_FILE), `no ${FIGURES_FILE}: the registry of figures the sheets quote`));
  } else if (sources.figures.usable) {
    const parsed = resolvedRegistry(sources.figures);
    diagnostics.push(...parsed.diagnostics);
    registry = parsed.registry;
  }
  if (!config || !registry) return done(config, registry);

  const contacts = readPerLanguage<Contact>(sources.boilerplate, config, diagnostics, (file) => {
    const { contact, diagnostics: problems } = parseBoilerplate(file);
    return { value: contact, diagnostics: problems };
  });
  // The country names each language prints instead of CLDR's; a language without a file uses CLDR's.
  const countryNames = readPerLanguage<CountryNameSettings>(sources.countryNames, config, diagnostics, (file, lang) => {
    const { countryNames: names, diagnostics: problems } = parseCountryNames(file, lang);
    return { value: names, diagnostics: problems };
  });
  const sheetSources = validSheetSources(sources.sheets, config, diagnostics);
  const formatters = new Map<string, Promise<Formatter>>();
  const formatterOf = (lang: string): Promise<Formatter> => {
    let formatter = formatters.get(lang);
    if (!formatter) formatters.set(lang, (formatter = createFormatter(lang, countryNames.get(lang) ?? undefined, contacts.get(lang)?.digits ?? null)));
    return formatter;
  };
  readiness = languageReadiness(config, contacts);
  diagnostics.push(...readiness.diagnostics);

  // Each sheet (its versions and its review lock) is checked on its own, or taken from the cache when nothing it depends on changed.
  const groups = sheetGroups(sheetSources, sources);
  const keyOf = options.cache ? sheetKeys(sources, registry, { pdf: !options.formats || options.formats.includes('pdf'), ...(options.tool ? { tool: options.tool } : {}) }) : null;
  const fresh: Array<{ id: string; sources: SheetSource[]; entry: SheetCheck }> = [];
  for (const [id, group] of groups) {
    const key = keyOf?.(id, group) ?? '';
    const cached = options.cache?.get(id);
    // A figure edit leaves the key of a sheet that does not quote it: what its typed numbers were compared with must not have changed either.
    if (cached && cached.key === key && footprintHolds(cached, registry)) {
      entries.set(id, cached);
      continue;
    }
    if (options.only && !options.only.has(id)) continue;
    const entry = emptySheetCheck(key);
    entries.set(id, entry);
    fresh.push({ id, sources: group, entry });
  }
  /** The figure ids each fresh entry's parsing looked up: part of what its footprint holds. */
  const looked = new Map<SheetCheck, Set<string>>();
  for (const { sources: group, entry } of fresh) {
    const ids = new Set<string>();
    looked.set(entry, ids);
    for (const source of group) {
      if (!source.file.usable) continue;
      const sheet = parseSheet(
        { id: source.id, lang: source.lang, sourceLanguage: config.sourceLanguage, contact: contacts.get(source.lang) ?? null, languages: config.languages },
        { file: source.file, registry: keyOf ? recordingRegistry(registry, ids) : registry, formatter: await formatterOf(source.lang), diagnostics: entry.diagnostics },
      );
      if (sheet) entry.read.push(sheet);
    }
  }
  /** Every version read, even one with unresolved references: translations are compared all the same. */
  const read: ParsedSheet[] = [...entries.values()].flatMap((entry) => entry.read);
  const sheets: FactSheet[] = read.filter((parsed) => parsed.complete).map((parsed) => parsed.sheet);
  const originals = sheetSources.filter((s) => s.lang === config.sourceLanguage).map((s) => ({ ...s, sheet: read.find((r) => r.sheet.file === s.file.path)?.sheet ?? null }));
  const declared = sheetLanguages(config, originals, sheetSources);
  diagnostics.push(...declared.diagnostics);
  for (const version of declared.undeclared) undeclared.add(version);
  const fileOf = sourceFiles(sources);
  checkTemplates(sources, config, sheets, templates, diagnostics, fileOf);
  for (const { id, entry } of fresh) {
    const complete = entry.read.filter((parsed) => parsed.complete).map((parsed) => parsed.sheet);
    // What is published and drawn is the typeset text; the checks that point into the source read it as typed.
    entry.typeset = complete.map(typesetSheet);
    if (options.onTypeset) {
      options.onTypeset(id, entry.typeset, config.languages);
      // The jobs it starts reach a worker only through this thread's event loop.
      await new Promise((resolve) => setImmediate(resolve));
    }
    if (!options.formats || options.formats.includes('pdf')) checkGlyphs(sources, config, entry.typeset, templates, entry, fileOf);
    checkAcrossLanguages(sources, config, registry, id, entry, fileOf);
    const versions = complete.map((sheet) => ({ sheet, file: fileOf(sheet.file), original: sheet.lang === config.sourceLanguage }));
    entry.diagnostics.push(...literalMembersWarnings(versions, registry, (lang) => countryNames.get(lang) ?? NO_COUNTRY_NAMES));
    if (keyOf) entry.footprint = registryFootprint(entry, registry, fileOf, looked.get(entry)!);
  }
  const published = [...entries.values()].flatMap((entry) => entry.typeset);
  checkProjectPages(sources, diagnostics);
  // Labels and boilerplate are shared by the sheets of a language: their glyph gaps are reported once.
  const seenGlyphs = new Set<string>();
  for (const [id, entry] of entries) {
    diagnostics.push(...entry.diagnostics);
    for (const problem of entry.glyphs) {
      const key = `${problem.location.file}:${problem.location.start.offset}:${problem.message}`;
      if (!seenGlyphs.has(key)) diagnostics.push(problem);
      seenGlyphs.add(key);
    }
    for (const version of entry.undrawable) undrawable.add(version);
    for (const version of entry.unreviewed) unreviewed.add(version);
    for (const [version, by] of entry.edited) edited.set(version, by);
    if (entry.reviewUnknown) reviewUnknown.set(id, entry.reviewUnknown);
  }
  if (options.webPages !== false && (!options.formats || options.formats.includes('html'))) {
    // Only the sheets that would be built: what the build would refuse of their pages is reported now.
    const publishable = done(config, registry, sheets, published).sheets;
    // Loaded here: the HTML renderer and the readers are needed by `check` alone, not by a build's check.
    const { webPageProblems } = await import('./web-pages.js');
    diagnostics.push(...(await webPageProblems(publishable, templates)));
  }
  return done(config, registry, sheets, published);
}

/**
 * Compares each translation of a sheet that was read with its original (structure,
 * figures, typed numbers, review state), and warns about typed numbers that are
 * figures. Versions with unresolved references take part too, so that their other
 * problems are reported with those, not once those are fixed.
 */
function checkAcrossLanguages(sources: ProjectSources, config: ProjectConfig, registry: Registry, id: string, entry: SheetCheck, fileOf: (path: string) => SourceFile): void {
  const diagnostics = entry.diagnostics;
  const sheets = entry.read.map((parsed) => parsed.sheet);
  const gapsOf = (sheet: FactSheet) => entry.read.find((parsed) => parsed.sheet === sheet)!.gaps;
  const original = sheets.find((s) => s.lang === config.sourceLanguage) ?? null;
  // A translation compared with its original gets its typed figures reported by that comparison, which knows what agrees with the original.
  for (const sheet of sheets) if (sheet === original || !original) diagnostics.push(...literalFigureWarnings(sheet, fileOf(sheet.file), registry));
  // An original's copies are reported once, here; a translation's, where it is aligned with its original.
  if (original) diagnostics.push(...duplicateDiagnostics(original, findDuplicates(original).duplicates));
  let lock: ParsedLock | null = null;
  const lockFile = sources.locks.get(id);
  if (lockFile) {
    const translations = sources.sheets.filter((s) => s.id === id && s.lang !== config.sourceLanguage).map((s) => s.lang);
    // A lock that could not be read clean (its encoding, say) is reported already: every record is unknown.
    lock = lockFile.usable ? parseLock(lockFile, id, translations) : { lock: new Map(), unreadable: 'all', diagnostics: [] };
    diagnostics.push(...lock.diagnostics);
    const unknown = lock.unreadable === 'all' ? 'all' : new Set([...lock.unreadable].filter((lang) => translations.includes(lang)));
    if (unknown === 'all' || unknown.size > 0) entry.reviewUnknown = unknown;
  }
  if (!original) return;
  for (const translation of sheets.filter((s) => s !== original && s.lang !== config.sourceLanguage)) {
    const unknown = lock !== null && (lock.unreadable === 'all' || lock.unreadable.has(translation.lang));
    diagnostics.push(...figureDateDiffers.check(original, translation, registry));
    const reviewed = unknown ? null : lock?.lock.get(translation.lang);
    const checked = checkTranslation({
      original,
      originalFile: fileOf(original.file),
      translation,
      translationFile: fileOf(translation.file),
      gaps: { original: gapsOf(original), translation: gapsOf(translation) },
      registry,
      reviewed,
    });
    diagnostics.push(...checked.diagnostics);
    const version = `${translation.lang}/${translation.id}`;
    if (checked.review === 'unreviewed') entry.unreviewed.push(version);
    if (checked.review === 'edited') entry.edited.push([version, { ...(reviewed?.by ? { by: reviewed.by } : {}), ...(reviewed?.on ? { on: reviewed.on } : {}) }]);
  }
}

/** Every character a sheet's PDF draws must be in the face of its template's font that draws it. */
function checkGlyphs(sources: ProjectSources, config: ProjectConfig, sheets: FactSheet[], templates: Map<string, Template>, entry: SheetCheck, fileOf: (path: string) => SourceFile): void {
  for (const sheet of sheets) {
    const template = templates.get(sheet.meta.template);
    // A template that extends another may take its labels and style from the base's files.
    const chain = resolveTemplates(sources.templates.templates).resolved.get(sheet.meta.template);
    const [labelsFiles, styleFiles] = chain ? [inheritedFiles(chain, 'labels'), inheritedFiles(chain, 'style')] : [[], []];
    const boilerplateFile = sources.boilerplate.find((b) => b.lang === sheet.lang)?.file;
    if (!template?.labels.has(sheet.lang) || labelsFiles.length === 0 || styleFiles.length === 0 || !boilerplateFile) continue;
    const problems = glyphProblems({ sheet, sheetFile: fileOf(sheet.file), template, labelsFiles, styleFiles, boilerplateFile, languages: config.languages });
    if (problems.some((d) => d.severity === 'error')) entry.undrawable.push(`${sheet.lang}/${sheet.id}`);
    entry.glyphs.push(...problems);
  }
}

/** The index and ledger pages the build writes must exist, parse and use only what their contexts hold. */
function checkProjectPages(sources: ProjectSources, diagnostics: Diagnostic[]): void {
  const pages: Array<[string, SourceFile | null, string, Shape]> = [
    ['templates/index.hbs', sources.templates.indexPage, 'the index page of all sheets', INDEX_CONTEXT_SHAPE],
    ['templates/figures.hbs', sources.templates.figuresPage, 'the figures ledger page', FIGURES_CONTEXT_SHAPE],
  ];
  for (const [file, source, what, shape] of pages) {
    if (!source) {
      diagnostics.push(diagnostic('error', 'template-incomplete', { file, start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } }, `no ${file}, ${what}`));
      continue;
    }
    // A file that could not be read clean is reported already, and not parsed.
    if (!source.usable) continue;
    const problem = handlebarsProblem(source);
    if (problem) diagnostics.push(problem);
    else diagnostics.push(...checkPage(source, shape));
  }
}

/** Parses every template a sheet names, walks its page against the context it is rendered with, and reports names no folder answers to. */
function checkTemplates(sources: ProjectSources, config: ProjectConfig, sheets: FactSheet[], templates: Map<string, Template>, diagnostics: Diagnostic[], fileOf: (path: string) => SourceFile): void {
  const wanted = new Set(sheets.map((s) => s.meta.template));
  const parsed = projectTemplates(sources, config);
  for (const name of wanted) {
    const template = parsed.parse(name);
    if (template) templates.set(name, template);
  }
  diagnostics.push(...parsed.diagnostics);
  const known = sources.templates.templates.map((t) => t.name);
  for (const sheet of sheets) {
    if (known.includes(sheet.meta.template)) continue;
    const file = fileOf(sheet.file);
    const at = /^template:[ \t]*/m.exec(file.text);
    const suggestion = closest(sheet.meta.template, known);
    diagnostics.push(
      diagnostic(
        'error',
        'template-unknown',
        at ? file.location(at.index + at[0].length, at.index + at[0].length + sheet.meta.template.length) : file.head(),
        `no template "${sheet.meta.template}" in templates/${suggestion ? `; did you mean "${suggestion}"?` : ` (templates: ${known.join(', ') || 'none'})`}`,
      ),
    );
  }
}

/**
 * What the problems hold back. Problems of the settings or the registry as a whole hold
 * back everything; a version's own problems (in its file, its language's boilerplate, a
 * figure it quotes whose derivation is disputed, its template) hold back that version;
 * and a sheet whose original is held back is held back whole, since its translations are
 * checked against it.
 */
function heldBack(
  sources: ProjectSources,
  config: ProjectConfig | null,
  sheets: FactSheet[],
  registry: Registry | null,
  templates: Map<string, Template>,
  blocking: Diagnostic[],
  strict: boolean,
  readiness: LanguageReadiness | null,
): { failedSheets: Set<string>; failedVersions: Set<string> } {
  const failedSheets = new Set<string>();
  const failedVersions = new Set<string>();
  const files = new Set(blocking.map((d) => d.location.file));
  // A registry error is held against the sheets quoting the figure (broken or disputed); under --strict, any warning of the registry against all.
  const everything = !config || !registry || !registry.complete || files.has(CONFIG_FILE) || (strict && files.has(FIGURES_FILE));
  const byFile = new Map(sheets.map((s) => [s.file, s]));
  for (const source of sources.sheets) {
    const parsed = byFile.get(source.file.path);
    // An unreadable review lock holds back only the translations whose records it loses (CheckResult.reviewUnknown).
    const own =
      everything ||
      !parsed ||
      files.has(source.file.path) ||
      files.has(`${BOILERPLATE_DIR}/${source.lang}.yaml`) ||
      files.has(`${NAMES_DIR}/${source.lang}.yaml`) ||
      !templates.has(parsed.meta.template) ||
      readiness?.holdsBack(parsed, templates) ||
      figureIdsOf(parsed).some((id) => registry!.disputed.has(id));
    if (!own) continue;
    if (!config || source.lang === config.sourceLanguage) failedSheets.add(source.id);
    else failedVersions.add(`${source.lang}/${source.id}`);
  }
  return { failedSheets, failedVersions };
}

/**
 * Reads a file per language (boilerplate, country names): a file whose name is not a
 * project language is reported and skipped, one that could not be read clean gives null.
 */
function readPerLanguage<T>(
  files: ReadonlyArray<{ lang: string; file: SourceFile }>,
  config: ProjectConfig,
  diagnostics: Diagnostic[],
  parse: (file: SourceFile, lang: string) => { value: T | null; diagnostics: Diagnostic[] },
): Map<string, T | null> {
  const values = new Map<string, T | null>();
  for (const { lang, file } of files) {
    if (!checkLanguage(lang, file.head(), config, diagnostics)) continue;
    if (!file.usable) {
      values.set(lang, null);
      continue;
    }
    const parsed = parse(file, lang);
    diagnostics.push(...parsed.diagnostics);
    values.set(lang, parsed.value);
  }
  return values;
}

/** Sheet ids taken by the pages every language's folder holds beside its sheets, and what each page is. */
const RESERVED_SHEET_IDS = new Map([
  ['index', 'index'],
  ['figures', 'figures ledger'],
]);

/** Drops files whose names are not a kebab-case sheet id and a declared language, and sheets with no original. */
function validSheetSources(sheets: SheetSource[], config: ProjectConfig, diagnostics: Diagnostic[]): SheetSource[] {
  const valid: SheetSource[] = [];
  for (const sheet of sheets) {
    if (!SHEET_ID.test(sheet.id)) {
      diagnostics.push(diagnostic('error', 'sheet-id-invalid', sheet.file.head(), `sheet id "${sheet.id}" must be kebab-case (lower-case letters and digits joined by "-"); rename the folder`));
      continue;
    }
    if (RESERVED_SHEET_IDS.has(sheet.id)) {
      diagnostics.push(diagnostic('error', 'sheet-id-invalid', sheet.file.head(), `sheet id "${sheet.id}" is the name of each language's ${RESERVED_SHEET_IDS.get(sheet.id)} page (out/<lang>/${sheet.id}.html); rename the folder`));
      continue;
    }
    if (checkLanguage(sheet.lang, sheet.file.head(), config, diagnostics)) valid.push(sheet);
  }
  const originals = new Set(valid.filter((s) => s.lang === config.sourceLanguage).map((s) => s.id));
  for (const sheet of valid) {
    if (!originals.has(sheet.id)) {
      diagnostics.push(
        diagnostic(
          'error',
          'source-missing',
          sheet.file.head(),
          `sheet "${sheet.id}" has no ${config.sourceLanguage} original (sources/${sheet.id}/${config.sourceLanguage}.md), which this version translates`,
        ),
      );
    }
  }
  return valid;
}

function checkLanguage(lang: string, location: Location, config: ProjectConfig, diagnostics: Diagnostic[]): boolean {
  const canonical = canonicalLanguageTag(lang);
  if (canonical === null) {
    diagnostics.push(diagnostic('error', 'language-invalid', location, `"${lang}" in the file name is not a BCP 47 language tag`));
    return false;
  }
  if (canonical !== lang) {
    diagnostics.push(diagnostic('error', 'language-invalid', location, `write the language tag "${lang}" in its canonical form "${canonical}" in the file name`));
    return false;
  }
  if (!config.languages.includes(lang)) {
    diagnostics.push(
      diagnostic('error', 'language-unknown', location, `language "${lang}" is not one of the project's languages (${config.languages.join(', ')})`, [
        { location: config.languagesLocation, message: 'the languages are declared here' },
      ]),
    );
    return false;
  }
  return true;
}

/** The valid sources of each sheet, by sheet id in the order met; a sheet with only a review lock has an empty list. */
function sheetGroups(sheetSources: SheetSource[], sources: ProjectSources): Map<string, SheetSource[]> {
  const groups = new Map<string, SheetSource[]>();
  for (const source of sheetSources) groups.set(source.id, [...(groups.get(source.id) ?? []), source]);
  for (const id of sources.locks.keys()) if (!groups.has(id)) groups.set(id, []);
  return groups;
}

/** The sheet file of a model, by its path. */
function sourceFiles(sources: ProjectSources): (path: string) => SourceFile {
  const files = new Map(sources.sheets.map((s) => [s.file.path, s.file]));
  return (path) => files.get(path)!;
}

function nowhere(file: string): Location {
  return { file, start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } };
}
