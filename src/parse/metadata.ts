import type { Node } from 'yaml';
import { closest } from '../figures/suggest.js';
import { parseIsoDate } from '../figures/iso-date.js';
import { diagnostic } from '../model/diagnostic.js';
import type { Inline, SheetMeta } from '../model/fact-sheet.js';
import type { Location } from '../model/position.js';
import { inlinesFromText, trimEdges, type InlineContext } from './inline.js';
import { canonicalLanguageTag } from './language-tag.js';
import { offsetMap } from './offset-map.js';
import { describeYamlValue, mapEntries, nodeLocation, parseYaml, scalarValue, seqItems, type YamlSource } from './yaml.js';

export const DEFAULT_TEMPLATE = 'factsheet';
const FIELDS = ['title', 'subtitle', 'date', 'template', 'tags', 'translation_of', 'languages'];
const TEMPLATE_NAME = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

export interface MetadataOptions {
  lang: string;
  sourceLanguage: string;
  /** The project's languages (factsheet.yaml): those a sheet's `languages:` may name. */
  languages?: readonly string[];
  /** Where the whole frontmatter is, for problems about a missing field. */
  frontmatter: Location;
}

/** Reads and validates the frontmatter fields of one sheet. */
export function readMetadata(yamlText: string, base: number, ctx: InlineContext, options: MetadataOptions): SheetMeta | null {
  const { yaml, diagnostics } = parseYaml(ctx.file, yamlText, base);
  ctx.diagnostics.push(...diagnostics);
  if (diagnostics.some((d) => d.severity === 'error')) return null;
  const entries = yaml.doc.contents === null ? [] : mapEntries(yaml.doc.contents);
  if (!entries) {
    ctx.diagnostics.push(diagnostic('error', 'frontmatter-invalid', nodeLocation(yaml, yaml.doc.contents), 'the frontmatter must be a mapping of fields such as "title: ..."'));
    return null;
  }

  const errorsBefore = ctx.diagnostics.filter((d) => d.severity === 'error').length;
  const invalid = (node: Node | null, fallback: Location, message: string): void => {
    ctx.diagnostics.push(diagnostic('error', 'frontmatter-field-invalid', nodeLocation(yaml, node, fallback), message));
  };
  const meta: SheetMeta = { title: [], subtitle: null, date: null, template: DEFAULT_TEMPLATE, tags: [], translationOf: null };
  let hasTitle = false;
  let translationOfLocation: Location | null = null;

  // Figures in the title quote their values at the sheet's date, wherever the date is written.
  const dateText = scalarValue(entries.find((e) => e.key === 'date')?.value ?? null);
  ctx.date = typeof dateText === 'string' && parseIsoDate(dateText, { requireDay: true }) ? dateText : null;

  for (const { key, keyNode, value } of entries) {
    const keyLocation = nodeLocation(yaml, keyNode);
    const text = scalarValue(value);
    switch (key) {
      case 'title':
      case 'subtitle': {
        if (typeof text !== 'string' || text.trim() === '') {
          invalid(value, keyLocation, `"${key}" must be text, found ${describeYamlValue(value)}`);
          break;
        }
        const inlines = scalarInlines(yaml, value!, text, ctx);
        if (key === 'title') {
          meta.title = inlines;
          hasTitle = true;
        } else {
          meta.subtitle = inlines;
        }
        break;
      }
      case 'date':
        if (typeof text === 'string' && parseIsoDate(text, { requireDay: true })) meta.date = text;
        else invalid(value, keyLocation, `"date" must be an ISO date like 2013-02-21, found ${describeYamlValue(value)}`);
        break;
      case 'template':
        if (typeof text === 'string' && TEMPLATE_NAME.test(text)) meta.template = text;
        else invalid(value, keyLocation, `"template" must name a folder of templates/ in kebab-case, found ${describeYamlValue(value)}`);
        break;
      case 'tags': {
        const items = seqItems(value);
        if (!items) {
          invalid(value, keyLocation, `"tags" must be a list of keywords, found ${describeYamlValue(value)}`);
          break;
        }
        for (const item of items) {
          const tag = scalarValue(item);
          if (typeof tag === 'string' && tag.trim() !== '') meta.tags.push(tag.trim());
          else invalid(item, keyLocation, `each tag must be text, found ${describeYamlValue(item)}`);
        }
        break;
      }
      case 'translation_of': {
        translationOfLocation = nodeLocation(yaml, value, keyLocation);
        const tag = typeof text === 'string' ? canonicalLanguageTag(text) : null;
        if (tag === null) invalid(value, keyLocation, `"translation_of" must be a language tag, found ${describeYamlValue(value)}`);
        else meta.translationOf = tag;
        break;
      }
      case 'languages':
        readLanguages(yaml, value, keyLocation, meta, ctx, options);
        break;
      default: {
        const suggestion = closest(key, FIELDS);
        ctx.diagnostics.push(
          diagnostic(
            'warning',
            'frontmatter-field-unknown',
            keyLocation,
            `unknown frontmatter field "${key}"${suggestion ? `; did you mean "${suggestion}"?` : `; the fields are ${FIELDS.join(', ')}`}`,
          ),
        );
      }
    }
  }

  if (!hasTitle && !entries.some((e) => e.key === 'title')) {
    ctx.diagnostics.push(diagnostic('error', 'frontmatter-field-missing', options.frontmatter, 'missing required field "title"'));
  }
  checkTranslationOf(meta, translationOfLocation, ctx, options);
  const errorsAfter = ctx.diagnostics.filter((d) => d.severity === 'error').length;
  return errorsAfter === errorsBefore ? meta : null;
}

/**
 * `languages: [fr, en, de]`: the languages an original is published in, each a
 * canonical BCP 47 tag of the project. Translations follow their original, so they do not declare any.
 */
function readLanguages(yaml: YamlSource, value: Node | null, keyLocation: Location, meta: SheetMeta, ctx: InlineContext, options: MetadataOptions): void {
  const at = nodeLocation(yaml, value, keyLocation);
  if (options.lang !== options.sourceLanguage) {
    ctx.diagnostics.push(
      diagnostic('error', 'frontmatter-field-invalid', keyLocation, `"languages" is declared by the ${options.sourceLanguage} original only; a translation is published in the languages its original declares`),
    );
    return;
  }
  const items = seqItems(value);
  if (!items || items.length === 0) {
    ctx.diagnostics.push(diagnostic('error', 'frontmatter-field-invalid', at, `"languages" must be a list of the project's language tags, found ${describeYamlValue(value)}`));
    return;
  }
  const languages: string[] = [];
  for (const item of items) {
    const where = nodeLocation(yaml, item, at);
    const text = scalarValue(item);
    const tag = typeof text === 'string' ? canonicalLanguageTag(text) : null;
    if (tag === null) {
      ctx.diagnostics.push(diagnostic('error', 'language-invalid', where, `${describeYamlValue(item)} is not a BCP 47 language tag`));
    } else if (tag !== text) {
      ctx.diagnostics.push(diagnostic('error', 'language-invalid', where, `write the language tag "${String(text)}" in its canonical form "${tag}"`));
    } else if (options.languages && !options.languages.includes(tag)) {
      ctx.diagnostics.push(diagnostic('error', 'language-unknown', where, `language "${tag}" is not one of the project's languages (${options.languages.join(', ')}); add it to factsheet.yaml first`));
    } else if (languages.includes(tag)) {
      ctx.diagnostics.push(diagnostic('error', 'frontmatter-field-invalid', where, `language "${tag}" is listed twice`));
    } else {
      languages.push(tag);
    }
  }
  // The original is published in its own language, listed or not.
  if (!languages.includes(options.sourceLanguage)) languages.unshift(options.sourceLanguage);
  meta.languages = languages;
  meta.languagesAt = at;
}

function checkTranslationOf(meta: SheetMeta, location: Location | null, ctx: InlineContext, options: MetadataOptions): void {
  const { lang, sourceLanguage } = options;
  if (lang === sourceLanguage) {
    if (location) {
      ctx.diagnostics.push(
        diagnostic('error', 'translation-of-invalid', location, `this is the ${sourceLanguage} original, the source language of the project; it is not a translation, so remove "translation_of"`),
      );
    }
    return;
  }
  if (!location) {
    ctx.diagnostics.push(
      diagnostic('error', 'frontmatter-field-missing', options.frontmatter, `missing field "translation_of: ${sourceLanguage}": a ${lang} version translates the ${sourceLanguage} original`),
    );
  } else if (meta.translationOf !== null && meta.translationOf !== sourceLanguage) {
    ctx.diagnostics.push(
      diagnostic('error', 'translation-of-invalid', location, `"translation_of" is "${meta.translationOf}", but translations translate the source language "${sourceLanguage}"`),
    );
  }
}

/** A frontmatter text may hold figure references, located inside the YAML scalar. */
function scalarInlines(yaml: YamlSource, node: Node, text: string, ctx: InlineContext): Inline[] {
  const range = node.range!;
  return trimEdges(inlinesFromText(text, offsetMap(text, ctx.file.text, yaml.base + range[0], yaml.base + range[1]), ctx));
}
