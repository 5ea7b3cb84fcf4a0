import type { Diagnostic } from '../model/diagnostic.js';
import type { Template } from '../model/template.js';
import { parseConfig, type ProjectConfig } from '../parse/config.js';
import { svgAssetProblems } from '../parse/svg-asset.js';
import { parseTemplate } from '../parse/template.js';
import { resolveTemplates } from '../parse/template-extends.js';
import type { ProjectSources } from '../sources/read-project.js';
import { typesetTemplate } from '../typography/index.js';
import { checkTemplatePage } from './template-pages.js';
import { HTML_CONTEXT_SHAPE } from '../render/html/html-renderer.js';

/** The templates of a project as they are parsed, each at most once, and the problems found on the way. */
export interface ProjectTemplates {
  /** A template, typeset, by name: null when it, or a template it extends, has an error or cannot be read. */
  parse(name: string): Template | null;
  diagnostics: Diagnostic[];
}

/** A template as parsed, typeset, and the problems found in its own files. */
interface ParsedTemplate {
  untyped: Template | null;
  typeset: Template | null;
  diagnostics: Diagnostic[];
}

/**
 * The templates parsed so far, per sources and languages: a rebuild parses every template
 * for the render worker it starts before its check, and the check parses those its sheets
 * name. Sources are never changed once read, and parsing depends on nothing else.
 */
const parsedBySources = new WeakMap<ProjectSources, Map<string, { resolved: ReturnType<typeof resolveTemplates>; parsed: Map<string, ParsedTemplate> }>>();

function parsedOf(sources: ProjectSources, languages: readonly string[]) {
  let byLanguages = parsedBySources.get(sources);
  if (!byLanguages) parsedBySources.set(sources, (byLanguages = new Map()));
  const key = languages.join('\0');
  let done = byLanguages.get(key);
  if (!done) byLanguages.set(key, (done = { resolved: resolveTemplates(sources.templates.templates), parsed: new Map() }));
  return done;
}

/**
 * Parses the templates the check asks for, bases before the templates extending them;
 * typography applies to each as parsed. The check reports the diagnostics: those of the
 * templates asked for through this object (and their bases), each template's once. A
 * build that starts a render worker before its check ends takes the same templates
 * without them; each template is parsed once for both.
 */
export function projectTemplates(sources: ProjectSources, config: ProjectConfig): ProjectTemplates {
  const { resolved: resolution, parsed } = parsedOf(sources, config.languages);
  const { resolved } = resolution;
  const diagnostics = [...resolution.diagnostics];
  const reported = new Set<string>();
  /** Templates being parsed, for a chain of bases that comes back to one (template-extends.ts reports it). */
  const visiting = new Set<string>();
  const parseUntyped = (name: string): ParsedTemplate | null => {
    if (visiting.has(name)) return null;
    // The base first, parsed or taken as parsed: its problems are reported with the templates that extend it.
    const chain = resolved.get(name);
    visiting.add(name);
    const base = chain?.base ? parseUntyped(chain.base.source.name) : null;
    visiting.delete(name);
    let done = parsed.get(name);
    if (!done) {
      if (!chain || (chain.base && !base?.untyped)) return null;
      const { source } = chain;
      const files = [source.page, ...source.partials, source.style, source.labels, source.manifest, ...source.assets.values()];
      if (files.some((file) => file && !file.usable)) return null;
      const own: Diagnostic[] = [];
      const unsafe = [...source.assets.values()].flatMap(svgAssetProblems);
      own.push(...unsafe);
      let untyped: Template | null = null;
      if (unsafe.length === 0) {
        const result = parseTemplate(source, config.languages, undefined, base?.untyped ?? null);
        const page = checkTemplatePage(source, HTML_CONTEXT_SHAPE);
        own.push(...result.diagnostics, ...page);
        untyped = result.template && !page.some((d) => d.severity === 'error') ? result.template : null;
      }
      parsed.set(name, (done = { untyped, typeset: untyped && typesetTemplate(untyped), diagnostics: own }));
    }
    if (!reported.has(name)) {
      reported.add(name);
      diagnostics.push(...done.diagnostics);
    }
    return done;
  };
  return { parse: (name) => parseUntyped(name)?.typeset ?? null, diagnostics };
}

/**
 * Every template of the project that parses without error, as the renderers take them:
 * for render workers started while the check still runs. The sheets a template with
 * problems would render are held back by the check, so a template given here that the
 * check refuses renders nothing.
 */
export function renderableTemplates(sources: ProjectSources): Map<string, Template> {
  const templates = new Map<string, Template>();
  if (!sources.config?.usable) return templates;
  const { config } = parseConfig(sources.config);
  if (!config) return templates;
  const parsed = projectTemplates(sources, config);
  for (const { name } of sources.templates.templates) {
    const template = parsed.parse(name);
    if (template) templates.set(name, template);
  }
  return templates;
}
