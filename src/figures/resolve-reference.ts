import type { FigureForm } from '../model/fact-sheet.js';
import { isWhole, MAX_WORDS_DIGITS } from './decimal.js';
import type { Formatter } from './format.js';
import type { Figure } from './registry.js';

export type Resolution =
  /** `value`: the exact decimal, or the as_of date for `month` and `year`. */
  | { ok: true; value: string; text: string }
  | { ok: false; ruleId: string; message: string };

/** What a reference to `figure` in the given form says in the formatter's language. */
export function resolveReference(figure: Figure, form: FigureForm, formatter: Formatter): Resolution {
  if (form === 'names') return resolveNames(figure, formatter);
  if (form === 'month' || form === 'year') {
    if (figure.asOf === null) {
      return { ok: false, ruleId: 'figure-date-missing', message: `{{${form} ${figure.id}}} needs an as_of date, and "${figure.id}" has none` };
    }
    const text = form === 'month' ? formatter.month(figure.asOf) : formatter.year(figure.asOf);
    return { ok: true, value: figure.asOf, text };
  }
  if (figure.value === null) {
    return { ok: false, ruleId: 'figure-value-missing', message: `figure "${figure.id}" has no value, only a date; use {{month ${figure.id}}} or {{year ${figure.id}}}` };
  }
  if (form === 'number') return { ok: true, value: figure.value, text: formatter.number(figure.value) };
  if (!formatter.words) {
    return { ok: false, ruleId: 'words-unsupported', message: `numbers cannot be spelled out in language "${formatter.lang}"; write {{${figure.id}}}` };
  }
  if (!isWhole(figure.value)) {
    return { ok: false, ruleId: 'words-unsupported', message: `"${figure.id}" is ${figure.value}, and only whole numbers are spelled out; write {{${figure.id}}}` };
  }
  if (figure.value.length > MAX_WORDS_DIGITS) {
    return {
      ok: false,
      ruleId: 'words-unsupported',
      message: `"${figure.id}" is ${figure.value}, and only whole numbers of up to ${MAX_WORDS_DIGITS} digits are spelled out; write {{${figure.id}}}`,
    };
  }
  return { ok: true, value: figure.value, text: formatter.words(figure.value) };
}

/** `{{names id}}`: the countries of a members figure, named and joined in the formatter's language. */
function resolveNames(figure: Figure, formatter: Formatter): Resolution {
  if (figure.derivation?.kind !== 'members') {
    return {
      ok: false,
      ruleId: 'names-not-members',
      message: `{{names ${figure.id}}} lists the countries of a figure with "members:", and "${figure.id}" has none; write {{${figure.id}}}`,
    };
  }
  const codes = figure.derivation.codes.map((code) => code.name);
  const list = formatter.countries(codes);
  if (!list.ok) {
    return {
      ok: false,
      ruleId: 'country-name-missing',
      message: `no name in language "${formatter.lang}" for ${list.missing.map((c) => `"${c}"`).join(', ')}: give ${list.missing.length > 1 ? 'them' : 'it'} in sources/names/${formatter.lang}.yaml`,
    };
  }
  return { ok: true, value: codes.join(' '), text: list.text };
}
