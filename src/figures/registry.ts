import type { Node } from 'yaml';
import { diagnostic, type Diagnostic } from '../model/diagnostic.js';
import type { Location } from '../model/position.js';
import { describeYamlValue, mapEntries, nodeLocation, parseYaml, scalarValue, seqItems, type YamlSource } from '../parse/yaml.js';
import type { SourceFile } from '../text/source-file.js';
import { MAX_FRACTION_DIGITS, MAX_INTEGER_DIGITS, parseDecimal, type Decimal } from './decimal.js';
import { parseIsoDate } from './iso-date.js';

export const FIGURES_FILE = 'sources/figures.yaml';

/** A reference from a derivation to one of its parts, kept with its place. */
export interface PartRef {
  name: string;
  location: Location;
}

export type Derivation =
  | { kind: 'sum'; parts: PartRef[]; location: Location }
  | { kind: 'members'; codes: PartRef[]; location: Location };

/** One entry of the registry. */
export interface Figure {
  id: string;
  /** The value as declared in the registry, if any, exactly as a canonical decimal. */
  declared: Decimal | null;
  /** The value the text states: the declared one, or the derived one when none is declared. */
  value: Decimal | null;
  /** As-of date, `YYYY-MM` or `YYYY-MM-DD`. */
  asOf: string | null;
  source: string | null;
  derivation: Derivation | null;
  location: Location;
  valueLocation: Location | null;
  /** True when the definition has an error; references to it are not reported again. */
  broken: boolean;
}

export interface Registry {
  file: string;
  figures: Map<string, Figure>;
  /** False when the file could not be read as a whole, so an id missing from it may well be defined. */
  complete: boolean;
  /** Ids of figures whose derivation failed, with their parts: no sheet quoting them is published. */
  disputed: Set<string>;
}

const FIGURE_ID = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*(?:\.[a-z][a-z0-9]*(?:-[a-z0-9]+)*)*$/;
const FIELDS = new Set(['value', 'as_of', 'source', 'sum', 'members']);

/** Reads `sources/figures.yaml`; derivations are checked separately, once every figure is known. */
export function parseRegistry(file: SourceFile): { registry: Registry; diagnostics: Diagnostic[] } {
  const registry: Registry = { file: file.path, figures: new Map(), complete: true, disputed: new Set() };
  const { yaml, diagnostics } = parseYaml(file, file.text);
  // yaml recovers from most syntax errors; read what it recovered, but trust no absence.
  registry.complete = !diagnostics.some((d) => d.severity === 'error');
  if (yaml.doc.contents === null) return { registry, diagnostics };
  const entries = mapEntries(yaml.doc.contents);
  if (!entries) {
    diagnostics.push(diagnostic('error', 'figure-invalid', nodeLocation(yaml, yaml.doc.contents), 'the registry must map figure ids to their definitions'));
    return { registry, diagnostics };
  }
  for (const entry of entries) {
    const location = nodeLocation(yaml, entry.keyNode);
    if (!FIGURE_ID.test(entry.key)) {
      diagnostics.push(
        diagnostic('error', 'figure-id-invalid', location, `figure id "${entry.key}" must be lower-case words joined by "-", in groups separated by "." (like "partners.total")`),
      );
      continue;
    }
    const figure = readFigure(yaml, entry.key, location, entry.value, diagnostics);
    if (figure) registry.figures.set(figure.id, figure);
  }
  return { registry, diagnostics };
}

function readFigure(yaml: YamlSource, id: string, location: Location, node: Node | null, diagnostics: Diagnostic[]): Figure | null {
  const fields = mapEntries(node);
  if (!fields) {
    diagnostics.push(
      diagnostic('error', 'figure-invalid', nodeLocation(yaml, node, location), `figure "${id}" must be a mapping with a value, an as_of date or a derivation, found ${describeYamlValue(node)}`),
    );
    return null;
  }
  const problemsBefore = diagnostics.length;
  const figure: Figure = { id, declared: null, value: null, asOf: null, source: null, derivation: null, location, valueLocation: null, broken: false };
  for (const field of fields) {
    const where = nodeLocation(yaml, field.value, nodeLocation(yaml, field.keyNode));
    switch (field.key) {
      case 'value': {
        const value = scalarValue(field.value);
        figure.valueLocation = where;
        // YAML also reads 0x10, 1e3 and .5 as numbers; the registry takes them as written digits only.
        const written = field.value?.range ? yaml.file.text.slice(yaml.base + field.value.range[0], yaml.base + field.value.range[1]) : '';
        // The digits as written are the value: YAML's own reading is a float, rounded.
        const decimal = typeof value === 'number' ? parseDecimal(written) : null;
        if (!decimal) {
          diagnostics.push(diagnostic('error', 'figure-value-invalid', where, `the value of "${id}" must be a number written with digits only, found ${typeof value === 'number' ? `"${written}"` : describeYamlValue(field.value)}`));
        } else if (decimal.integerDigits > MAX_INTEGER_DIGITS || decimal.fractionDigits > MAX_FRACTION_DIGITS) {
          diagnostics.push(
            diagnostic(
              'error',
              'figure-value-invalid',
              where,
              `the value of "${id}" has ${decimal.integerDigits > MAX_INTEGER_DIGITS ? `${decimal.integerDigits} digits before the point` : `${decimal.fractionDigits} digits after the point`}; the registry keeps values exactly up to ${MAX_INTEGER_DIGITS} digits before the point and ${MAX_FRACTION_DIGITS} after`,
            ),
          );
        } else figure.declared = decimal.value;
        break;
      }
      case 'as_of': {
        const value = scalarValue(field.value);
        if (typeof value === 'string' && parseIsoDate(value)) figure.asOf = value;
        else diagnostics.push(diagnostic('error', 'figure-date-invalid', where, `the as_of date of "${id}" must be a date written YYYY-MM or YYYY-MM-DD, found ${describeYamlValue(field.value)}`));
        break;
      }
      case 'source': {
        const value = scalarValue(field.value);
        if (typeof value === 'string') figure.source = value;
        else diagnostics.push(diagnostic('error', 'figure-invalid', where, `the source of "${id}" must be text, found ${describeYamlValue(field.value)}`));
        break;
      }
      case 'sum':
      case 'members': {
        if (figure.derivation) {
          diagnostics.push(diagnostic('error', 'figure-invalid', nodeLocation(yaml, field.keyNode), `figure "${id}" has two derivations; give it either "sum" or "members"`));
          break;
        }
        const parts = readParts(yaml, id, field.key, field.value, where, diagnostics);
        if (parts) figure.derivation = { kind: field.key, ...(field.key === 'sum' ? { parts } : { codes: parts }), location: where } as Derivation;
        break;
      }
      default:
        diagnostics.push(
          diagnostic('warning', 'figure-field-unknown', nodeLocation(yaml, field.keyNode), `unknown field "${field.key}" in figure "${id}"; known fields are ${[...FIELDS].join(', ')}`),
        );
    }
  }
  if (figure.declared === null && figure.derivation === null && figure.asOf === null && !fields.some((f) => ['value', 'as_of', 'sum', 'members'].includes(f.key))) {
    diagnostics.push(diagnostic('error', 'figure-invalid', location, `figure "${id}" has neither a value, a derivation nor an as_of date`));
  }
  figure.value = figure.declared;
  figure.broken = diagnostics.slice(problemsBefore).some((d) => d.severity === 'error');
  return figure;
}

function readParts(yaml: YamlSource, id: string, kind: 'sum' | 'members', node: Node | null, where: Location, diagnostics: Diagnostic[]): PartRef[] | null {
  const items = seqItems(node);
  const what = kind === 'sum' ? 'figure ids' : 'ISO 3166 country codes';
  if (!items || items.length === 0) {
    diagnostics.push(diagnostic('error', 'figure-invalid', where, `"${kind}" of "${id}" must be a non-empty list of ${what}, found ${describeYamlValue(node)}`));
    return null;
  }
  const parts: PartRef[] = [];
  for (const item of items) {
    const name = scalarValue(item);
    if (typeof name !== 'string') {
      diagnostics.push(diagnostic('error', 'figure-invalid', nodeLocation(yaml, item, where), `"${kind}" of "${id}" lists ${describeYamlValue(item)}, expected ${what}`));
      continue;
    }
    parts.push({ name, location: nodeLocation(yaml, item, where) });
  }
  return parts;
}
