import type { Node } from 'yaml';
import { diagnostic, type Diagnostic } from '../model/diagnostic.js';
import type { Location } from '../model/position.js';
import { describeYamlValue, mapEntries, nodeLocation, parseYaml, scalarValue, type YamlSource } from '../parse/yaml.js';
import type { SourceFile } from '../text/source-file.js';
import type { Decimal } from './decimal.js';
import type { DatedValue } from './dated-values.js';
import { readParts, readValueField, readValues } from './registry-values.js';

export const FIGURES_FILE = 'sources/figures.yaml';

/** A reference from a derivation to one of its parts, kept with its place. */
export interface PartRef {
  name: string;
  location: Location;
}

export type Derivation =
  | { kind: 'sum'; parts: PartRef[]; location: Location }
  | { kind: 'members'; codes: PartRef[]; location: Location };

/**
 * One entry of the registry. A figure holds one value or a dated history of them; `declared`,
 * `value`, `asOf` and `valueLocation` are those of its latest value, for whatever has no
 * sheet date to go by (typed numbers equal to a figure, say). What a sheet quotes is the
 * value of `history` in force at its date (`valueAt`).
 */
export interface Figure {
  id: string;
  /** The latest value as declared in the registry, if any, exactly as a canonical decimal. */
  declared: Decimal | null;
  /** The latest value the text states: the declared one, or the derived one when none is declared. */
  value: Decimal | null;
  /** As-of date of the latest value, `YYYY-MM` or `YYYY-MM-DD`. */
  asOf: string | null;
  source: string | null;
  /** The `sum:` of the figure, or the `members:` of its latest value. */
  derivation: Derivation | null;
  /** Every value, oldest first; derived sums hold one at each date a part changes. */
  history: DatedValue[];
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
const FIELDS = new Set(['value', 'as_of', 'source', 'sum', 'members', 'values']);
const SINGLE_FIELDS = new Set(['value', 'as_of', 'members']);

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
  const figure: Figure = { id, declared: null, value: null, asOf: null, source: null, derivation: null, history: [], location, valueLocation: null, broken: false };
  // The single form: value, as_of and members written on the figure itself, one value.
  const single: DatedValue = { asOf: null, declared: null, value: null, members: null, location, valueLocation: null, dateLocation: null };
  let valuesKey: Node | null = null;
  for (const field of fields) {
    const where = nodeLocation(yaml, field.value, nodeLocation(yaml, field.keyNode));
    if (readValueField(yaml, id, field, single, diagnostics)) continue;
    switch (field.key) {
      case 'source': {
        const value = scalarValue(field.value);
        if (typeof value === 'string') figure.source = value;
        else diagnostics.push(diagnostic('error', 'figure-invalid', where, `the source of "${id}" must be text, found ${describeYamlValue(field.value)}`));
        break;
      }
      case 'sum': {
        const parts = readParts(yaml, id, 'sum', field.value, where, diagnostics);
        if (parts) figure.derivation = { kind: 'sum', parts, location: where };
        break;
      }
      case 'values':
        valuesKey = field.keyNode;
        figure.history = readValues(yaml, id, field.value, where, diagnostics);
        break;
      default:
        diagnostics.push(
          diagnostic('warning', 'figure-field-unknown', nodeLocation(yaml, field.keyNode), `unknown field "${field.key}" in figure "${id}"; known fields are ${[...FIELDS].join(', ')}`),
        );
    }
  }
  const singleWritten = fields.some((f) => SINGLE_FIELDS.has(f.key));
  if (valuesKey && singleWritten) {
    const written = fields.filter((f) => SINGLE_FIELDS.has(f.key)).map((f) => `"${f.key}"`);
    diagnostics.push(
      diagnostic('error', 'figure-invalid', nodeLocation(yaml, valuesKey), `figure "${id}" has both "values" and ${written.join(', ')}; give every value, with its as_of date, under "values"`),
    );
  } else if (!valuesKey && singleWritten) {
    figure.history = [single];
  }
  if (figure.derivation && figure.history.some((entry) => entry.members)) {
    const members = fields.find((f) => f.key === 'members' || f.key === 'values')!;
    diagnostics.push(diagnostic('error', 'figure-invalid', nodeLocation(yaml, members.keyNode), `figure "${id}" has two derivations; give it either "sum" or "members"`));
  }
  if (!valuesKey && !singleWritten && !figure.derivation && !fields.some((f) => f.key === 'sum')) {
    diagnostics.push(diagnostic('error', 'figure-invalid', location, `figure "${id}" has neither a value, a derivation nor an as_of date`));
  }
  figure.broken = diagnostics.slice(problemsBefore).some((d) => d.severity === 'error');
  settleLatest(figure);
  return figure;
}

/**
 * The figure's latest value as its `value`, `asOf`..., and the latest `members:` as its
 * derivation unless it has a `sum:`; called again once derivations have given their values.
 */
export function settleLatest(figure: Figure): void {
  const latest = figure.history[figure.history.length - 1];
  figure.declared = latest?.declared ?? null;
  figure.value = latest?.value ?? null;
  figure.asOf = latest?.asOf ?? null;
  figure.valueLocation = latest?.valueLocation ?? null;
  if (figure.derivation?.kind !== 'sum') figure.derivation = latest?.members ?? null;
}
