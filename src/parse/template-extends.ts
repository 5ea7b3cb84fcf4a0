import { closest } from '../figures/suggest.js';
import { diagnostic, type Diagnostic } from '../model/diagnostic.js';
import type { Location } from '../model/position.js';
import type { TemplateSource } from '../sources/read-templates.js';
import { describeYamlValue, mapEntries, nodeLocation, parseYaml, scalarValue } from './yaml.js';

const TEMPLATE_NAME = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

/**
 * A template's files with those it inherits: a template that `extends` another in its
 * `template.yaml` takes the base's page, partials and assets wherever it has none of its
 * own (by file name), and lays its own `style.yaml` and `labels.yaml` over the base's
 * (key by key; see parse/template.ts). `base` is the base as resolved, itself possibly
 * extending another; null for a template that extends none.
 */
export interface ResolvedTemplateSource {
  source: TemplateSource;
  base: ResolvedTemplateSource | null;
}

export interface ResolvedTemplates {
  /** By name, the templates whose chain of bases resolves. */
  resolved: Map<string, ResolvedTemplateSource>;
  diagnostics: Diagnostic[];
}

const resolvedOnce = new WeakMap<readonly TemplateSource[], ResolvedTemplates>();

/** Resolves every template's base (`extends:` in its `template.yaml`), reporting an unknown base, a cycle or a malformed file there. */
export function resolveTemplates(sources: readonly TemplateSource[]): ResolvedTemplates {
  let done = resolvedOnce.get(sources);
  if (!done) resolvedOnce.set(sources, (done = resolveAll(sources)));
  return done;
}

function resolveAll(sources: readonly TemplateSource[]): ResolvedTemplates {
  const diagnostics: Diagnostic[] = [];
  const byName = new Map(sources.map((source) => [source.name, source]));
  const bases = new Map<string, { name: string; at: Location } | null>();
  const broken = new Set<string>();
  for (const source of sources) {
    const read = readManifest(source, [...byName.keys()]);
    diagnostics.push(...read.diagnostics);
    if (read.diagnostics.some((d) => d.severity === 'error')) broken.add(source.name);
    bases.set(source.name, read.base);
  }

  const resolved = new Map<string, ResolvedTemplateSource>();
  const cycles = new Set<string>();
  const resolve = (name: string, path: string[]): ResolvedTemplateSource | null => {
    const done = resolved.get(name);
    if (done) return done;
    const source = byName.get(name);
    if (!source || broken.has(name) || cycles.has(name)) return null;
    const base = bases.get(name) ?? null;
    if (base === null) {
      const leaf = { source, base: null };
      resolved.set(name, leaf);
      return leaf;
    }
    if (path.includes(base.name)) {
      // Reported once, at the template whose `extends` closes the cycle.
      const cycle = [...path.slice(path.indexOf(base.name)), name, base.name];
      for (const member of cycle) cycles.add(member);
      diagnostics.push(diagnostic('error', 'template-extends-cycle', base.at, `templates extend each other in a cycle, so none of them has a base to start from: ${cycle.map((n) => `"${n}"`).join(' extends ')}`));
      return null;
    }
    const parent = resolve(base.name, [...path, name]);
    if (!parent) return null;
    const child = { source: inherit(source, parent.source), base: parent };
    resolved.set(name, child);
    return child;
  };
  for (const source of sources) resolve(source.name, []);
  return { resolved, diagnostics };
}

/** The files a template renders with: its own, and its base's where it has none. */
function inherit(own: TemplateSource, base: TemplateSource): TemplateSource {
  const partialName = (file: { path: string }) => file.path.replace(/^.*\//, '');
  const ownPartials = new Set(own.partials.map(partialName));
  return {
    ...own,
    page: own.page ?? base.page,
    partials: [...own.partials, ...base.partials.filter((file) => !ownPartials.has(partialName(file)))],
    assets: new Map([...base.assets, ...own.assets]),
  };
}

/** Every `style.yaml` or `labels.yaml` a template takes keys from: its own first, then its bases' in order. */
export function inheritedFiles(template: ResolvedTemplateSource, file: 'style' | 'labels'): NonNullable<TemplateSource[typeof file]>[] {
  const files: NonNullable<TemplateSource[typeof file]>[] = [];
  for (let at: ResolvedTemplateSource | null = template; at; at = at.base) if (at.source[file]) files.push(at.source[file]);
  return files;
}

/** `template.yaml`: `extends: <name>`, the only field. */
function readManifest(source: TemplateSource, names: string[]): { base: { name: string; at: Location } | null; diagnostics: Diagnostic[] } {
  const file = source.manifest;
  if (!file || !file.usable) return { base: null, diagnostics: [] };
  const { yaml, diagnostics } = parseYaml(file, file.text);
  if (diagnostics.some((d) => d.severity === 'error')) return { base: null, diagnostics };
  const entries = yaml.doc.contents === null ? [] : mapEntries(yaml.doc.contents);
  if (!entries) {
    diagnostics.push(diagnostic('error', 'template-extends-invalid', nodeLocation(yaml, yaml.doc.contents), 'template.yaml must be a mapping, such as "extends: factsheet"'));
    return { base: null, diagnostics };
  }
  let base: { name: string; at: Location } | null = null;
  for (const entry of entries) {
    const at = nodeLocation(yaml, entry.value ?? entry.keyNode);
    if (entry.key !== 'extends') {
      diagnostics.push(diagnostic('error', 'template-extends-invalid', nodeLocation(yaml, entry.keyNode), `unknown field "${entry.key}" in template.yaml; the only field is "extends"`));
      continue;
    }
    const name = scalarValue(entry.value);
    if (typeof name !== 'string' || !TEMPLATE_NAME.test(name)) {
      diagnostics.push(diagnostic('error', 'template-extends-invalid', at, `"extends" must name a folder of templates/ in kebab-case, found ${describeYamlValue(entry.value)}`));
    } else if (name === source.name) {
      diagnostics.push(diagnostic('error', 'template-extends-cycle', at, `template "${name}" extends itself`));
    } else if (!names.includes(name)) {
      const suggestion = closest(name, names.filter((n) => n !== source.name));
      diagnostics.push(diagnostic('error', 'template-extends-unknown', at, `no template "${name}" in templates/ to extend${suggestion ? `; did you mean "${suggestion}"?` : ''}`));
    } else {
      base = { name, at };
    }
  }
  return { base, diagnostics };
}
