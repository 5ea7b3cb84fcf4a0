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

/**
 * Parses the templates the check asks for, bases before the templates extending them;
 * typography applies to each as parsed. The check reports the diagnostics; a build that
 * starts a render worker before its check ends takes the same templates without them.
 */
export function projectTemplates(sources: ProjectSources, config: ProjectConfig): ProjectTemplates {
  const { resolved, diagnostics } = resolveTemplates(sources.templates.templates);
  const untyped = new Map<string, Template | null>();
  const typeset = new Map<string, Template | null>();
  const parseUntyped = (name: string): Template | null => {
    if (untyped.has(name)) return untyped.get(name)!;
    untyped.set(name, null);
    const chain = resolved.get(name);
    const base = chain?.base ? parseUntyped(chain.base.source.name) : null;
    if (!chain || (chain.base && !base)) return null;
    const { source } = chain;
    const files = [source.page, ...source.partials, source.style, source.labels, source.manifest, ...source.assets.values()];
    if (files.some((file) => file && !file.usable)) return null;
    const unsafe = [...source.assets.values()].flatMap(svgAssetProblems);
    diagnostics.push(...unsafe);
    if (unsafe.length > 0) return null;
    const parsed = parseTemplate(source, config.languages, undefined, base);
    const page = checkTemplatePage(source, HTML_CONTEXT_SHAPE);
    diagnostics.push(...parsed.diagnostics, ...page);
    const template = parsed.template && !page.some((d) => d.severity === 'error') ? parsed.template : null;
    untyped.set(name, template);
    return template;
  };
  const parse = (name: string): Template | null => {
    if (!typeset.has(name)) {
      const template = parseUntyped(name);
      typeset.set(name, template && typesetTemplate(template));
    }
    return typeset.get(name)!;
  };
  return { parse, diagnostics };
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
