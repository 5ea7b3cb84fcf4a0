import { diagnostic, type Diagnostic } from '../model/diagnostic.js';
import type { Location } from '../model/position.js';
import type { SourceFile } from '../text/source-file.js';
import { canonicalLanguageTag } from './language-tag.js';
import { describeYamlValue, mapEntries, nodeLocation, parseYaml, scalarValue, seqItems } from './yaml.js';

export const CONFIG_FILE = 'factsheet.yaml';

/** Project settings from `factsheet.yaml`. */
export interface ProjectConfig {
  sourceLanguage: string;
  languages: string[];
  /** Where `languages` is declared, to cite when a file uses another language. */
  languagesLocation: Location;
  /** Where each language is listed, to report a language that cannot publish at its own entry. */
  languageLocations: Map<string, Location>;
  /** Whether translations never marked reviewed are published or held back (the default). */
  unreviewed: UnreviewedPolicy;
}

export const UNREVIEWED_POLICIES = ['hold', 'publish'] as const;
export type UnreviewedPolicy = (typeof UNREVIEWED_POLICIES)[number];

const KNOWN_KEYS = new Set(['source_language', 'languages', 'unreviewed']);

export function parseConfig(file: SourceFile): { config: ProjectConfig | null; diagnostics: Diagnostic[] } {
  const { yaml, diagnostics } = parseYaml(file, file.text);
  if (diagnostics.some((d) => d.severity === 'error')) return { config: null, diagnostics };
  const entries = mapEntries(yaml.doc.contents);
  if (!entries) {
    diagnostics.push(diagnostic('error', 'config-invalid', file.head(), 'project settings must be a mapping of settings'));
    return { config: null, diagnostics };
  }

  let languages: string[] | null = null;
  let languagesLocation = file.head();
  const languageLocations = new Map<string, Location>();
  let sourceLanguage: string | null = null;
  let sourceLocation = file.head();
  let unreviewed: UnreviewedPolicy = 'hold';
  for (const entry of entries) {
    const where = nodeLocation(yaml, entry.value ?? entry.keyNode);
    if (entry.key === 'languages') {
      languagesLocation = where;
      const items = seqItems(entry.value);
      if (!items || items.length === 0) {
        diagnostics.push(diagnostic('error', 'config-invalid', where, `"languages" must be a list of BCP 47 language tags, found ${describeYamlValue(entry.value)}`));
        continue;
      }
      languages = [];
      for (const item of items) {
        const tag = languageTag(scalarValue(item));
        if (tag === null) {
          diagnostics.push(diagnostic('error', 'language-invalid', nodeLocation(yaml, item), `${describeYamlValue(item)} is not a BCP 47 language tag`));
        } else if (languages.includes(tag)) {
          diagnostics.push(diagnostic('error', 'config-invalid', nodeLocation(yaml, item), `language "${tag}" is listed twice`));
        } else {
          languages.push(tag);
          languageLocations.set(tag, nodeLocation(yaml, item));
        }
      }
    } else if (entry.key === 'source_language') {
      sourceLocation = where;
      sourceLanguage = languageTag(scalarValue(entry.value));
      if (sourceLanguage === null) {
        diagnostics.push(diagnostic('error', 'language-invalid', where, `"source_language" must be a BCP 47 language tag, found ${describeYamlValue(entry.value)}`));
      }
    } else if (entry.key === 'unreviewed') {
      const value = scalarValue(entry.value);
      if (typeof value === 'string' && (UNREVIEWED_POLICIES as readonly string[]).includes(value)) unreviewed = value as UnreviewedPolicy;
      else diagnostics.push(diagnostic('error', 'config-invalid', where, `"unreviewed" must be ${UNREVIEWED_POLICIES.map((p) => `"${p}"`).join(' or ')}, found ${describeYamlValue(entry.value)}`));
    } else if (!KNOWN_KEYS.has(entry.key)) {
      diagnostics.push(diagnostic('warning', 'config-unknown-key', nodeLocation(yaml, entry.keyNode), `unknown setting "${entry.key}"`));
    }
  }

  if (languages === null && !diagnostics.some((d) => d.severity === 'error')) {
    diagnostics.push(diagnostic('error', 'config-invalid', file.head(), 'missing setting "languages", the list of published languages'));
  }
  if (sourceLanguage === null && !entries.some((e) => e.key === 'source_language')) {
    diagnostics.push(diagnostic('error', 'config-invalid', file.head(), 'missing setting "source_language", the language sheets are written in first'));
  }
  if (languages && sourceLanguage && !languages.includes(sourceLanguage)) {
    diagnostics.push(
      diagnostic('error', 'config-invalid', sourceLocation, `source language "${sourceLanguage}" is not one of the published languages (${languages.join(', ')})`, [
        { location: languagesLocation, message: 'languages are declared here' },
      ]),
    );
  }
  if (!languages || !sourceLanguage || diagnostics.some((d) => d.severity === 'error')) return { config: null, diagnostics };
  return { config: { sourceLanguage, languages, languagesLocation, languageLocations, unreviewed }, diagnostics };
}

function languageTag(value: unknown): string | null {
  return typeof value === 'string' ? canonicalLanguageTag(value) : null;
}
