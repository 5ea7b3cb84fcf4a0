import Handlebars from 'handlebars';
import { HandlebarsSyntaxError, parseHandlebars } from './handlebars-syntax.js';
import type { Node } from 'yaml';
import { diagnostic, type Diagnostic } from '../model/diagnostic.js';
import {
  COLOR_ROLES,
  FONT_FACES,
  LABEL_KEYS,
  SIZE_ROLES,
  SPACING_ROLES,
  type Labels,
  type Template,
  type TemplateStyle,
} from '../model/template.js';
import type { FontSource } from '../sources/read-fonts.js';
import type { TemplateSource } from '../sources/read-templates.js';
import { loadFont } from './font-file.js';
import { parseScriptFonts } from './script-fonts.js';
import type { SourceFile } from '../text/source-file.js';
import { isFontFamilyList } from './css-font-family.js';
import { describeYamlValue, mapEntries, nodeLocation, parseYaml, scalarValue, seqItems, type YamlSource } from './yaml.js';

/** The font a style file names, as the sources stage read it; undefined when it was not read. */
export type FontLookup = (spec: string) => FontSource | undefined;

export const MARK_ASSET = 'mark.svg';

/**
 * Validates a template folder: style, labels for every language, HTML sources that
 * Handlebars can parse. Returns null when anything is missing or malformed. A template
 * that extends `base` (parse/template-extends.ts, whose `source` already holds the
 * base's page, partials and assets where it has none) may leave out its style and labels
 * or any of their keys: it takes the base's.
 */
export function parseTemplate(
  source: TemplateSource,
  languages: readonly string[],
  lookupFont: FontLookup = (spec) => source.fonts.get(spec),
  inherited: Template | null = null,
): { template: Template | null; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const missing = (what: string, file: string): void => {
    diagnostics.push(
      diagnostic('error', 'template-incomplete', { file, start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } }, `template "${source.name}" has no ${what}`),
    );
  };
  const parent = inherited;
  const base = `templates/${source.name}`;
  if (!source.page) missing('HTML page (page.hbs)', `${base}/page.hbs`);
  if (!source.style && !parent) missing('style file (style.yaml)', `${base}/style.yaml`);
  if (!source.labels && !parent) missing('labels (labels.yaml)', `${base}/labels.yaml`);
  const mark = source.assets.get(MARK_ASSET)?.text;
  if (!mark) missing(`mark (assets/${MARK_ASSET})`, `${base}/assets/${MARK_ASSET}`);

  const partials: Record<string, string> = {};
  for (const file of [source.page, ...source.partials]) {
    if (!file) continue;
    const problem = handlebarsProblem(file);
    if (problem) diagnostics.push(problem);
    if (file !== source.page) partials[file.path.replace(/^.*\//, '').replace(/\.hbs$/, '')] = file.text;
  }
  for (const needed of ['section', 'paragraph', 'list', 'contact', 'style']) {
    if (!(needed in partials)) missing(`partial "${needed}" (partials/${needed}.hbs)`, `${base}/partials/${needed}.hbs`);
  }

  const fonts = source.style || !parent ? ({} as Template['fonts']) : { ...parent.fonts };
  const scriptFonts: Template['scriptFonts'] = source.style || !parent ? {} : { ...parent.scriptFonts };
  const style = source.style ? parseStyle(source.style, lookupFont, fonts, scriptFonts, diagnostics, parent) : (parent?.style ?? null);
  // A language without its labels holds back that language only (check/language-readiness.ts), not the template.
  const languageProblems: Diagnostic[] = [];
  const labels = source.labels ? parseLabels(source.labels, languages, diagnostics, languageProblems, parent?.labels ?? null) : (parent?.labels ?? null);
  if (!source.page || !style || !labels || !mark || diagnostics.some((d) => d.severity === 'error')) return { template: null, diagnostics: [...diagnostics, ...languageProblems] };
  return { template: { name: source.name, dir: source.dir, style, labels, html: { page: source.page.text, partials }, mark, fonts, scriptFonts }, diagnostics: [...diagnostics, ...languageProblems] };
}

export function handlebarsProblem(file: SourceFile): Diagnostic | null {
  try {
    parseHandlebars(file.text);
    return null;
  } catch (error) {
    const hash = error instanceof HandlebarsSyntaxError ? error.hash : undefined;
    const offset = hash?.loc ? file.lines.offset(hash.loc.first_line, hash.loc.first_column + 1) : 0;
    const detail = (error as Error).message.split('\n').pop() ?? '';
    return diagnostic('error', 'template-syntax', file.location(offset), `malformed Handlebars template: ${detail}`);
  }
}

function parseStyle(file: SourceFile, lookupFont: FontLookup, fontData: Template['fonts'], scriptFontData: Template['scriptFonts'], diagnostics: Diagnostic[], inherited: Template | null): TemplateStyle | null {
  const { yaml, diagnostics: problems } = parseYaml(file, file.text);
  diagnostics.push(...problems);
  if (problems.some((d) => d.severity === 'error')) return null;
  const before = diagnostics.length;
  const reader = new StyleReader(yaml, diagnostics, inherited?.style ?? null);
  const root = yaml.doc.contents as Node | null;
  const page = reader.map(root, 'page');
  const fonts = reader.map(root, 'fonts');
  const files = reader.map(fonts, 'files', 'fonts');
  const footer = reader.map(root, 'footer');
  const size = reader.text(page, 'page', 'size');
  if (size !== null && size !== 'A4' && size !== 'LETTER') reader.invalid(reader.child(page, 'size'), `"page.size" must be A4 or LETTER, found "${size}"`);
  const margins = reader.numbers(page, 'page', 'margins', 4);
  const fontFiles = {} as Record<(typeof FONT_FACES)[number], string>;
  for (const face of FONT_FACES) {
    if (inherited && !reader.declares(files, face)) {
      // A face the template does not name is the base's.
      [fontFiles[face], fontData[face]] = [inherited.style.fonts.files[face], inherited.fonts[face]];
      continue;
    }
    const spec = reader.text(files, 'fonts.files', face);
    if (spec === null) continue;
    const font = loadFont(lookupFont(spec), spec);
    if ('bytes' in font) [fontFiles[face], fontData[face]] = [font.path, font.bytes];
    else reader.invalid(reader.child(files, face), font.message, font.ruleId);
  }
  const css = reader.text(fonts, 'fonts', 'css');
  if (css !== null && reader.declares(fonts, 'css') && !isFontFamilyList(css)) {
    reader.invalid(reader.child(fonts, 'css'), `"fonts.css" must be a CSS font-family list: family names in quotes (no quotes, backslashes or <> inside) or plain names, separated by commas; found "${css}"`);
  }
  // The base's script fonts and language scripts stand unless this file names them again, script by script.
  const base = inherited ? { scripts: inherited.style.fonts.scripts, languages: inherited.style.fonts.languages, fontData: inherited.scriptFonts } : null;
  const { scripts, languages } = parseScriptFonts(reader, fonts, lookupFont, scriptFontData, base);
  const style = {
    page: { size: (size ?? 'A4') as TemplateStyle['page']['size'], margins: margins as TemplateStyle['page']['margins'] },
    fonts: { family: reader.text(fonts, 'fonts', 'family') ?? '', files: fontFiles, word: reader.text(fonts, 'fonts', 'word') ?? '', css: css ?? '', scripts, languages },
    colors: reader.record(root, 'colors', COLOR_ROLES, (node, key) => {
      const value = reader.text(node, 'colors', key);
      if (value !== null && !/^#[0-9a-fA-F]{6}$/.test(value)) reader.invalid(reader.child(node, key), `"colors.${key}" must be a colour written #rrggbb, found "${value}"`);
      return value ?? '';
    }),
    sizes: reader.record(root, 'sizes', SIZE_ROLES, (node, key) => reader.number(node, 'sizes', key)),
    spacing: reader.record(root, 'spacing', SPACING_ROLES, (node, key) => reader.number(node, 'spacing', key)),
    header: reader.text(root, '', 'header') ?? '',
    footer: { left: reader.text(footer, 'footer', 'left') ?? '', right: reader.text(footer, 'footer', 'right') ?? '' },
  };
  const running: Array<[Node | null, string]> = [
    [reader.child(root, 'header'), style.header],
    [reader.child(footer, 'left'), style.footer.left],
    [reader.child(footer, 'right'), style.footer.right],
  ];
  for (const [node, text] of running) {
    const problem = runningTextProblem(text);
    if (problem) reader.invalid(node, problem);
  }
  return diagnostics.length === before ? style : null;
}

/**
 * The fields a running header or footer may use, as the sheet view fills them
 * (render/view.ts): a template is tried against this shape so that a typo is
 * reported in style.yaml, not when a sheet is rendered.
 */
const RUNNING_TEXT_SAMPLE = {
  title: '',
  date: '',
  lang: '',
  labels: Object.fromEntries(LABEL_KEYS.map((key) => [key, ''])),
  contact: { organisation: '', division: '', section: '', phone: '', phoneParts: [], email: '', hashtags: [] },
};

function runningTextProblem(text: string): string | null {
  try {
    Handlebars.compile(text, { noEscape: true, strict: true })(RUNNING_TEXT_SAMPLE);
    return null;
  } catch (error) {
    const detail = ((error as Error).message.split('\n').pop() ?? '').replace(/ in \[object Object\]/, '').replace(/ - \d+:\d+$/, '');
    return `malformed running text "${text}": ${detail}; it may use title, date, lang, labels.* and contact.*`;
  }
}

/** Reads typed values out of a style file, reporting each wrong or missing one where it is. */
class StyleReader {
  constructor(
    private readonly yaml: YamlSource,
    private readonly diagnostics: Diagnostic[],
    /** The style of the template this one extends: what its file leaves out is taken from there. */
    private readonly base: TemplateStyle | null = null,
  ) {}

  /** Whether the file itself gives `key` in this mapping. */
  declares(node: Node | null, key: string): boolean {
    return mapEntries(node)?.some((e) => e.key === key) ?? false;
  }

  /** The base style's value at `path.key` (its fields are named as the file's keys), undefined without a base. */
  private inherited(path: string, key: string): unknown {
    let value: unknown = this.base;
    for (const step of [...(path ? path.split('.') : []), key]) value = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[step] : undefined;
    return value;
  }

  child(node: Node | null, key: string): Node | null {
    return mapEntries(node)?.find((e) => e.key === key)?.value ?? null;
  }

  invalid(node: Node | null, message: string, ruleId = 'template-style-invalid'): void {
    this.diagnostics.push(diagnostic('error', ruleId, nodeLocation(this.yaml, node), message));
  }

  private has(node: Node | null, path: string, key: string): boolean {
    if (mapEntries(node)?.some((e) => e.key === key)) return true;
    if (this.inherited(path, key) !== undefined) return false;
    this.invalid(node, `missing "${path ? `${path}.` : ''}${key}"`);
    return false;
  }

  map(node: Node | null, key: string, path = ''): Node | null {
    if (!this.has(node, path, key)) return null;
    const value = this.child(node, key);
    if (!mapEntries(value)) this.invalid(value, `"${key}" must be a mapping, found ${describeYamlValue(value)}`);
    return value;
  }

  text(node: Node | null, path: string, key: string): string | null {
    if (node === null || !this.has(node, path, key)) return (this.inherited(path, key) as string | undefined) ?? null;
    const value = scalarValue(this.child(node, key));
    if (typeof value === 'string') return value;
    this.invalid(this.child(node, key), `"${path ? `${path}.` : ''}${key}" must be text, found ${describeYamlValue(this.child(node, key))}`);
    return null;
  }

  number(node: Node | null, path: string, key: string): number {
    if (node === null || !this.has(node, path, key)) return (this.inherited(path, key) as number | undefined) ?? 0;
    const value = scalarValue(this.child(node, key));
    if (typeof value === 'number' && value >= 0) return value;
    this.invalid(this.child(node, key), `"${path}.${key}" must be a positive number, found ${describeYamlValue(this.child(node, key))}`);
    return 0;
  }

  numbers(node: Node | null, path: string, key: string, count: number): number[] {
    if (node === null || !this.has(node, path, key)) return [...((this.inherited(path, key) as number[] | undefined) ?? [])];
    const items = seqItems(this.child(node, key));
    const values = items?.map((item) => scalarValue(item));
    if (values && values.length === count && values.every((v): v is number => typeof v === 'number')) return values;
    this.invalid(this.child(node, key), `"${path}.${key}" must be a list of ${count} numbers`);
    return [];
  }

  record<K extends string, V>(root: Node | null, key: string, keys: readonly K[], read: (node: Node | null, key: K) => V): Record<K, V> {
    const node = this.map(root, key);
    const out = {} as Record<K, V>;
    for (const k of keys) out[k] = read(node, k);
    return out;
  }
}

/**
 * The labels of every language that has them all. A file YAML cannot read gives null
 * (the template fails); a language missing labels is reported into `missing` and left
 * out of the map, so that only that language is held back.
 */
function parseLabels(file: SourceFile, languages: readonly string[], diagnostics: Diagnostic[], missing: Diagnostic[], inherited: ReadonlyMap<string, Labels> | null): Map<string, Labels> | null {
  const { yaml, diagnostics: problems } = parseYaml(file, file.text);
  diagnostics.push(...problems);
  if (problems.some((d) => d.severity === 'error')) return null;
  const entries = mapEntries(yaml.doc.contents) ?? [];
  const labels = new Map<string, Labels>();
  for (const lang of languages) {
    const entry = entries.find((e) => e.key === lang);
    const base = inherited?.get(lang);
    if (!entry && base) {
      labels.set(lang, base);
      continue;
    }
    if (!entry) {
      missing.push(diagnostic('error', 'template-labels-missing', file.head(), `no labels for language "${lang}": add a "${lang}:" block with ${LABEL_KEYS.length} labels; until then nothing is published in "${lang}" with this template`));
      continue;
    }
    const fields = mapEntries(entry.value) ?? [];
    const set = {} as Labels;
    let complete = true;
    for (const key of LABEL_KEYS) {
      const field = fields.find((f) => f.key === key);
      const value = field ? scalarValue(field.value) : base?.[key];
      if (typeof value === 'string') set[key] = value;
      else {
        complete = false;
        missing.push(diagnostic('error', 'template-labels-missing', nodeLocation(yaml, field?.value ?? entry.keyNode), `label "${key}" for "${lang}" must be text, found ${describeYamlValue(field?.value ?? null)}`));
      }
    }
    if (complete) labels.set(lang, set);
  }
  return labels;
}
