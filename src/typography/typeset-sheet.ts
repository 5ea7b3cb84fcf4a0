import type { Contact, FactSheet, Inline, Text } from '../model/fact-sheet.js';
import { textRunsOf } from '../model/figure-refs.js';
import type { Labels, Template } from '../model/template.js';
import { typographyOf } from './conventions.js';
import { typesetRun } from './typeset-run.js';

/**
 * The sheet as it is published: its language's quotes, apostrophes and spaces (see
 * conventions.ts). Applied once, after figures are resolved to their texts and after
 * the checks that point into the source, so that every renderer, and the verification
 * of every output, sees the same text. A figure's text is typeset on its own (its
 * apostrophes), never merged with its neighbours; ids, values, link targets and
 * addresses are never changed; positions stay those of the source.
 */
export function typesetSheet(sheet: FactSheet): FactSheet {
  const conventions = typographyOf(sheet.lang);
  if (!conventions) return sheet;
  const copy = cloneSharingSpans(sheet);
  for (const run of textRunsOf(copy)) typesetRun(run, conventions);
  copy.contact = typesetContact(copy.contact, sheet.lang);
  return copy;
}

/**
 * A deep copy of a sheet whose positions (`span`) are the original's objects: typography
 * changes texts, never where they are in the source. Stored together, as a check keeps a
 * sheet's versions as read and as typeset, the positions are written once.
 */
function cloneSharingSpans<T>(value: T): T {
  if (Array.isArray(value)) return value.map(cloneSharingSpans) as T;
  if (value === null || typeof value !== 'object') return value;
  const proto = Object.getPrototypeOf(value) as unknown;
  // The model is plain data; anything else is copied as structuredClone copies it.
  if (proto !== Object.prototype && proto !== null) return structuredClone(value);
  const copy: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) copy[key] = key === 'span' ? field : cloneSharingSpans(field);
  return copy as T;
}

/** A plain text (a label, a boilerplate line) in a language's typography. */
export function typesetText(text: string, lang: string): string {
  const conventions = typographyOf(lang);
  if (!conventions) return text;
  const point = { line: 1, column: 1, offset: 0 };
  const node: Text = { type: 'text', value: text, span: { start: point, end: point } };
  const run: Inline[] = [node];
  typesetRun(run, conventions);
  return node.value;
}

/** A template's words in one language, typeset: "Tél. :" prints with its narrow space. */
export function typesetLabels(labels: Labels, lang: string): Labels {
  return Object.fromEntries(Object.entries(labels).map(([key, value]) => [key, typesetText(value, lang)])) as Labels;
}

/** A template with its labels typeset in each language. */
export function typesetTemplate(template: Template): Template {
  return { ...template, labels: new Map([...template.labels].map(([lang, labels]) => [lang, typesetLabels(labels, lang)])) };
}

/** The contact block's wording; the phone line, address and hashtags are left as written. */
function typesetContact(contact: Contact, lang: string): Contact {
  return { ...contact, organisation: typesetText(contact.organisation, lang), division: typesetText(contact.division, lang), section: typesetText(contact.section, lang) };
}
