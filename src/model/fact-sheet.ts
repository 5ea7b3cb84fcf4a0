import type { Location, Span } from './position.js';

/**
 * The structured model of one fact sheet in one language. Renderers see only this:
 * every number and date is already resolved against the registry and formatted for
 * the sheet's language, so all output formats show the same text.
 */
export interface FactSheet {
  /** Sheet id, the kebab-case folder name under `sources/`. */
  id: string;
  /** BCP 47 tag of this version. */
  lang: string;
  /** Project-relative path of the source file, for diagnostics. */
  file: string;
  meta: SheetMeta;
  /** The lead (no heading) comes first when the sheet has one, then one per `##` heading. */
  sections: Section[];
  contact: Contact;
}

export interface SheetMeta {
  title: Inline[];
  subtitle: Inline[] | null;
  /** ISO date (YYYY-MM-DD) of the sheet, or null when undated. */
  date: string | null;
  template: string;
  tags: string[];
  /** Source language this version translates, or null for the original. */
  translationOf: string | null;
  /**
   * The languages an original declares it is published in (`languages:`), when it
   * declares them; absent, it is published in every language of the project.
   */
  languages?: string[];
  /** Where `languages:` is written, to cite when a version's language is not among them. */
  languagesAt?: Location;
}

/** Shared boilerplate of every sheet in one language: who issues it and how to reach them. */
export interface Contact {
  organisation: string;
  division: string;
  section: string;
  /** The phone line as the office prints it ("+32(0)2 707 1010/1002"), for running texts and plain text. */
  phone: string;
  /** The same line in parts: each number with its E.164 form, for a `tel:` link each, and the text between them. */
  phoneParts: PhonePart[];
  /** A checked address: it becomes a `mailto:` link. */
  email: string;
  hashtags: string[];
  /**
   * The digits the language writes figures and dates in (`digits:` of the boilerplate, a Unicode
   * numbering system: `latn`, `arab`...), or null for the language's default. Phone numbers,
   * e-mail and hashtags keep theirs.
   */
  digits: string | null;
}

/** A number of the phone line (`e164` set) or the text between two numbers (`e164` null). */
export interface PhonePart {
  text: string;
  e164: string | null;
}

export interface Section {
  /** Null for the lead, the text before the first heading. */
  heading: Inline[] | null;
  /** A stable anchor derived from the heading text (`lead` for the lead). */
  slug: string;
  blocks: Block[];
  span: Span;
}

export type Block = Paragraph | List;

export interface Paragraph {
  type: 'paragraph';
  children: Inline[];
  span: Span;
}

export interface List {
  type: 'list';
  ordered: boolean;
  /** First number of an ordered list. */
  start: number;
  items: ListItem[];
  span: Span;
}

export interface ListItem {
  children: Inline[];
  span: Span;
}

export type Inline = Text | Strong | Emphasis | Superscript | Link | LineBreak | FigureRef;

export interface Text {
  type: 'text';
  value: string;
  span: Span;
}

export interface Strong {
  type: 'strong';
  children: Inline[];
  span: Span;
}

export interface Emphasis {
  type: 'emphasis';
  children: Inline[];
  span: Span;
}

/** Written `^e^` in the source, as in XXI^e^ siècle. */
export interface Superscript {
  type: 'superscript';
  value: string;
  span: Span;
}

export interface Link {
  type: 'link';
  url: string;
  children: Inline[];
  span: Span;
}

export interface LineBreak {
  type: 'break';
  span: Span;
}

/** How a figure reference is rendered: `{{id}}`, `{{words id}}`, `{{month id}}`, `{{year id}}`, `{{names id}}` (the countries of a members figure). */
export type FigureForm = 'number' | 'words' | 'month' | 'year' | 'names';

/** One occurrence of a registry figure in the text. */
export interface FigureRef {
  type: 'figure';
  id: string;
  form: FigureForm;
  /**
   * The registry value the text states: the figure's exact decimal ("41", "0.0000001"),
   * its as_of date for `month` and `year`, or its country codes joined by spaces for `names`.
   */
  value: string;
  /** The text it renders as in the sheet's language. */
  text: string;
  span: Span;
}
