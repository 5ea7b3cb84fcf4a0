import type { FigureForm } from '../model/fact-sheet.js';
import { isWhole, MAX_WORDS_DIGITS } from './decimal.js';
import type { Formatter } from './format.js';
import { RbnfError } from './rbnf.js';
import { checkGrammar, NO_GRAMMAR, nounFor, type ReferenceGrammar } from './grammar-options.js';
import type { Figure } from './registry.js';
import { quotedValue, type DatedValue } from './dated-values.js';

export type Resolution =
  /**
   * `value`: the exact decimal, or the as_of date for `month` and `year`. `quoted` is the
   * value of the figure's history the sheet quotes; `afterSheet` when every value of the
   * figure is dated after the sheet, so the earliest is quoted.
   */
  | { ok: true; value: string; text: string; quoted: DatedValue; afterSheet: boolean }
  /** `option`: the option of the reference the problem is with, to report it there. */
  | { ok: false; ruleId: string; message: string; option?: string };

type Resolved = { ok: true; value: string; text: string } | Extract<Resolution, { ok: false }>;

/**
 * What a reference to `figure` in the given form says in the formatter's language, in a
 * sheet dated `date`: the value in force at that date (the latest when the sheet has no date).
 */
export function resolveReference(figure: Figure, form: FigureForm, formatter: Formatter, date: string | null, grammar: ReferenceGrammar = NO_GRAMMAR): Resolution {
  const problem = checkGrammar(formatter.lang, form, grammar, formatter.grammar);
  if (problem) return { ok: false, ...problem };
  const quoted = quotedValue(figure.history, date);
  if (!quoted) {
    return { ok: false, ruleId: 'figure-value-missing', message: `figure "${figure.id}" has no value` };
  }
  const resolved = resolveValue(figure, quoted.entry, form, formatter, grammar);
  if (!resolved.ok || grammar.nouns.size === 0) return resolved.ok ? { ...resolved, quoted: quoted.entry, afterSheet: quoted.afterSheet } : resolved;
  const noun = nounFor(formatter.lang, resolved.value, grammar.nouns);
  if ('missing' in noun) {
    return {
      ok: false,
      ruleId: 'plural-form-missing',
      option: [...grammar.nouns.keys()][0]!,
      message: `"${figure.id}" is ${resolved.value}, which takes the noun's "${noun.missing}" form: add ${noun.missing}="..."`,
    };
  }
  return { ok: true, value: resolved.value, text: `${resolved.text} ${noun.noun}`, quoted: quoted.entry, afterSheet: quoted.afterSheet };
}

function resolveValue(figure: Figure, entry: DatedValue, form: FigureForm, formatter: Formatter, grammar: ReferenceGrammar): Resolved {
  if (form === 'names') return resolveNames(figure, entry, formatter);
  if (form === 'month' || form === 'year') {
    if (entry.asOf === null) {
      return { ok: false, ruleId: 'figure-date-missing', message: `{{${form} ${figure.id}}} needs an as_of date, and "${figure.id}" has none` };
    }
    const text = form === 'month' ? formatter.month(entry.asOf, grammar.case) : formatter.year(entry.asOf);
    return { ok: true, value: entry.asOf, text };
  }
  const value = entry.value;
  if (value === null) {
    return { ok: false, ruleId: 'figure-value-missing', message: `figure "${figure.id}" has no value, only a date; use {{month ${figure.id}}} or {{year ${figure.id}}}` };
  }
  if (form === 'number') return { ok: true, value, text: formatter.number(value) };
  if (!formatter.words) {
    return { ok: false, ruleId: 'words-unsupported', message: `numbers cannot be spelled out in language "${formatter.lang}"; write {{${figure.id}}}` };
  }
  if (!isWhole(value)) {
    return { ok: false, ruleId: 'words-unsupported', message: `"${figure.id}" is ${value}, and only whole numbers are spelled out; write {{${figure.id}}}` };
  }
  if (value.length > MAX_WORDS_DIGITS) {
    return {
      ok: false,
      ruleId: 'words-unsupported',
      message: `"${figure.id}" is ${value}, and only whole numbers of up to ${MAX_WORDS_DIGITS} digits are spelled out; write {{${figure.id}}}`,
    };
  }
  if (grammar.case === undefined && grammar.gender === undefined) return { ok: true, value, text: formatter.words(value) };
  try {
    return { ok: true, value, text: formatter.grammar!.spell(value, grammar.case, grammar.gender) };
  } catch (error) {
    if (!(error instanceof RbnfError)) throw error;
    return { ok: false, ruleId: 'words-unsupported', message: `"${figure.id}" is ${value}, which cannot be spelled out in that case and gender; write {{${figure.id}}}` };
  }
}

/** `{{names id}}`: the countries of a members figure, named and joined in the formatter's language. */
function resolveNames(figure: Figure, entry: DatedValue, formatter: Formatter): Resolved {
  if (!entry.members) {
    return {
      ok: false,
      ruleId: 'names-not-members',
      message: `{{names ${figure.id}}} lists the countries of a figure with "members:", and "${figure.id}" has none; write {{${figure.id}}}`,
    };
  }
  const codes = entry.members.codes.map((code) => code.name);
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
