import type { Node } from 'yaml';
import { diagnostic, type Diagnostic } from '../model/diagnostic.js';
import type { Location } from '../model/position.js';
import { describeYamlValue, mapEntries, nodeLocation, scalarValue, seqItems, type YamlEntry, type YamlSource } from '../parse/yaml.js';
import type { DatedValue } from './dated-values.js';
import { MAX_FRACTION_DIGITS, MAX_INTEGER_DIGITS, parseDecimal } from './decimal.js';
import { parseIsoDate } from './iso-date.js';
import type { PartRef } from './registry.js';
import { figureDateDuplicate } from './rules/figure-date-duplicate.js';
import { figureDateOrder } from './rules/figure-date-order.js';

const VALUE_FIELDS = ['value', 'as_of', 'members'];

/**
 * Reads `value`, `as_of` or `members` into one dated value, whether written on the figure
 * (its one value) or in an item of its `values`; false for any other field.
 */
export function readValueField(yaml: YamlSource, id: string, field: YamlEntry, entry: DatedValue, diagnostics: Diagnostic[]): boolean {
  const where = nodeLocation(yaml, field.value, nodeLocation(yaml, field.keyNode));
  switch (field.key) {
    case 'value': {
      const value = scalarValue(field.value);
      entry.valueLocation = where;
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
      } else {
        entry.declared = decimal.value;
        entry.value = decimal.value;
      }
      return true;
    }
    case 'as_of': {
      const value = scalarValue(field.value);
      entry.dateLocation = where;
      if (typeof value === 'string' && parseIsoDate(value)) entry.asOf = value;
      else diagnostics.push(diagnostic('error', 'figure-date-invalid', where, `the as_of date of "${id}" must be a date written YYYY-MM or YYYY-MM-DD, found ${describeYamlValue(field.value)}`));
      return true;
    }
    case 'members': {
      const codes = readParts(yaml, id, 'members', field.value, where, diagnostics);
      if (codes) entry.members = { kind: 'members', codes, location: where };
      return true;
    }
    default:
      return false;
  }
}

/**
 * `values:`, a figure's history: a list of `{ value, as_of }` (or `{ members, as_of }`),
 * oldest first, one at each date. Each needs its date, since the date is what picks it.
 */
export function readValues(yaml: YamlSource, id: string, node: Node | null, where: Location, diagnostics: Diagnostic[]): DatedValue[] {
  const items = seqItems(node);
  if (!items || items.length === 0) {
    diagnostics.push(
      diagnostic('error', 'figure-invalid', where, `"values" of "${id}" must be a non-empty list of dated values like { value: 28, as_of: 2013-02 }, found ${describeYamlValue(node)}`),
    );
    return [];
  }
  const history: DatedValue[] = [];
  for (const item of items) {
    const location = nodeLocation(yaml, item, where);
    const fields = mapEntries(item);
    if (!fields) {
      diagnostics.push(diagnostic('error', 'figure-invalid', location, `each of the "values" of "${id}" must be a mapping like { value: 28, as_of: 2013-02 }, found ${describeYamlValue(item)}`));
      continue;
    }
    const entry: DatedValue = { asOf: null, declared: null, value: null, members: null, location, valueLocation: null, dateLocation: null };
    for (const field of fields) {
      if (readValueField(yaml, id, field, entry, diagnostics)) continue;
      diagnostics.push(
        diagnostic('warning', 'figure-field-unknown', nodeLocation(yaml, field.keyNode), `unknown field "${field.key}" in a value of "${id}"; known fields are ${VALUE_FIELDS.join(', ')}`),
      );
    }
    const has = (key: string) => fields.some((f) => f.key === key);
    if (!has('as_of')) {
      diagnostics.push(diagnostic('error', 'figure-date-missing', location, `each of the "values" of "${id}" needs its as_of date: a sheet quotes the value in force at its own date`));
      continue;
    }
    if (!has('value') && !has('members')) {
      diagnostics.push(diagnostic('error', 'figure-invalid', location, `this value of "${id}" has a date but neither "value" nor "members"`));
      continue;
    }
    if (entry.asOf === null) continue; // its invalid date is reported
    const previous = history[history.length - 1];
    const problem = previous ? (figureDateDuplicate.check(id, previous, entry) ?? figureDateOrder.check(id, previous, entry)) : null;
    if (problem) {
      diagnostics.push(problem);
      continue;
    }
    history.push(entry);
  }
  return history;
}

export function readParts(yaml: YamlSource, id: string, kind: 'sum' | 'members', node: Node | null, where: Location, diagnostics: Diagnostic[]): PartRef[] | null {
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
