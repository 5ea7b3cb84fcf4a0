import type { Node } from 'yaml';
import type { SourceFile } from '../text/source-file.js';
import { countryCodeStatus } from '../figures/country-codes.js';
import type { CountryNameSettings } from '../figures/country-names.js';
import { closest } from '../figures/suggest.js';
import { diagnostic, type Diagnostic } from '../model/diagnostic.js';
import { canonicalLanguageTag } from './language-tag.js';
import { describeYamlValue, mapEntries, nodeLocation, parseYaml, scalarValue, type YamlSource } from './yaml.js';

export const NAMES_DIR = 'sources/names';

const FIELDS = ['list_locale', 'names'];

/**
 * Reads `sources/names/<lang>.yaml`: the official short names that replace CLDR's
 * (`KR: la République de Corée`), and the locale whose list style joins them
 * (`list_locale: en-GB` for "A, B and C"). Every problem is an error at its entry.
 */
export function parseCountryNames(file: SourceFile, lang: string): { countryNames: CountryNameSettings | null; diagnostics: Diagnostic[] } {
  const { yaml, diagnostics } = parseYaml(file, file.text);
  if (diagnostics.some((d) => d.severity === 'error')) return { countryNames: null, diagnostics };
  return { countryNames: readSettings(yaml, yaml.doc.contents, lang, diagnostics), diagnostics };
}

function readSettings(yaml: YamlSource, node: Node | null, lang: string, diagnostics: Diagnostic[]): CountryNameSettings | null {
  const where = nodeLocation(yaml, node, yaml.file.head());
  const entries = mapEntries(node);
  if (!entries) {
    diagnostics.push(diagnostic('error', 'country-names-invalid', where, `the names file must be a mapping with "names" (code: name) and optionally "list_locale", found ${describeYamlValue(node)}`));
    return null;
  }
  let valid = true;
  const fail = (at: Node | null, message: string): void => {
    diagnostics.push(diagnostic('error', 'country-names-invalid', nodeLocation(yaml, at, where), message));
    valid = false;
  };
  let listLocale: string | null = null;
  const names = new Map<string, string>();
  for (const { key, keyNode, value } of entries) {
    if (key === 'list_locale') {
      const tag = scalarValue(value);
      const canonical = typeof tag === 'string' ? canonicalLanguageTag(tag) : null;
      if (typeof tag !== 'string' || canonical === null) fail(value, `"list_locale" must be a BCP 47 language tag like "${lang}-GB", found ${describeYamlValue(value)}`);
      else if (new Intl.Locale(canonical).language !== new Intl.Locale(lang).language) fail(value, `"list_locale" "${tag}" is not a variant of the file's language "${lang}"`);
      else listLocale = canonical;
    } else if (key === 'names') {
      const codes = mapEntries(value);
      if (!codes) {
        fail(value, `"names" must map country codes to names, like "KR: ${lang === 'fr' ? 'la République de Corée' : 'the Republic of Korea'}", found ${describeYamlValue(value)}`);
        continue;
      }
      for (const entry of codes) {
        const status = countryCodeStatus(entry.key);
        if (status.state !== 'assigned') {
          fail(entry.keyNode, `"${entry.key}" is not an ISO 3166-1 alpha-2 country code${status.state === 'withdrawn' ? ' in force (it was withdrawn)' : ''}`);
          continue;
        }
        const name = scalarValue(entry.value);
        if (typeof name !== 'string' || name.trim() === '') fail(entry.value, `the name of "${entry.key}" must be the text printed for it, found ${typeof name === 'string' ? 'empty text' : describeYamlValue(entry.value)}`);
        else names.set(entry.key, name.trim());
      }
    } else {
      const suggestion = closest(key, FIELDS);
      fail(keyNode, `unknown field "${key}"${suggestion ? `; did you mean "${suggestion}"?` : ` (the fields are ${FIELDS.join(', ')})`}`);
    }
  }
  return valid ? { listLocale, names } : null;
}
