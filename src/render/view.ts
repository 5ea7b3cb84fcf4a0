import Handlebars from 'handlebars';
import { dateLocale } from '../figures/date-locale.js';
import { withDigits } from '../figures/digits.js';
import { utcDate } from '../figures/iso-date.js';
import type { FactSheet, Inline } from '../model/fact-sheet.js';
import { plainText } from '../model/plain-text.js';
import type { Labels, Template, TemplateStyle } from '../model/template.js';

/** Another language version of the same sheet, for links between translations. */
export interface Alternate {
  lang: string;
  /** The language's name in that language ("English", "français"). */
  name: string;
}

/**
 * Everything a renderer needs for one sheet, already formatted for its language:
 * renderers lay this out and decide nothing about wording.
 */
export interface SheetView {
  sheet: FactSheet;
  template: Template;
  style: TemplateStyle;
  lang: string;
  dir: 'ltr' | 'rtl';
  labels: Labels;
  titleText: string;
  subtitleText: string | null;
  /** The sheet's date written out in its language ("21 février 2013"), or null. */
  date: string | null;
  /** When the document says it was made: the sheet's date, or SOURCE_DATE_EPOCH when set. */
  timestamp: Date;
  /** The running header of pages after the first. */
  header: string;
  /** Footer parts with `{page}` and `{pages}` left for the renderer. */
  footer: { left: string; right: string };
  /** The other published languages of this sheet. */
  alternates: Alternate[];
  /** First paragraph of the lead as plain text, for descriptions. */
  summary: string;
}

export interface ViewOptions {
  /** Languages the sheet is published in, this one included. */
  languages: readonly string[];
  /** Seconds since 1970 (SOURCE_DATE_EPOCH), which overrides the sheet's date in metadata. */
  sourceDateEpoch?: number | null;
}

/** Labels are few and shared by every sheet of a language: each is compiled once. */
const compiledLabels = new Map<string, Handlebars.TemplateDelegate>();

function compiledLabel(source: string): Handlebars.TemplateDelegate {
  let compiled = compiledLabels.get(source);
  if (!compiled) compiledLabels.set(source, (compiled = Handlebars.compile(source, { noEscape: true, strict: true })));
  return compiled;
}

export function sheetView(sheet: FactSheet, template: Template, options: ViewOptions): SheetView {
  const labels = template.labels.get(sheet.lang);
  if (!labels) throw new Error(`template "${template.name}" has no labels for "${sheet.lang}"`);
  const titleText = plainText(sheet.meta.title);
  const date = sheet.meta.date ? longDate(sheet.meta.date, withDigits(dateLocale(sheet.lang), sheet.contact.digits)) : null;
  const fill = (source: string): string => compiledLabel(source)({ title: titleText, date: date ?? '', labels, contact: sheet.contact, lang: sheet.lang });
  const lead = sheet.sections[0];
  const firstParagraph = lead && lead.heading === null ? lead.blocks.find((b) => b.type === 'paragraph') : undefined;
  return {
    sheet,
    template,
    style: template.style,
    lang: sheet.lang,
    dir: textDirection(sheet.lang),
    labels,
    titleText,
    subtitleText: sheet.meta.subtitle ? plainText(sheet.meta.subtitle) : null,
    date,
    timestamp: timestampOf(sheet.meta.date, options.sourceDateEpoch ?? null),
    header: fill(template.style.header),
    footer: { left: fill(template.style.footer.left), right: fill(template.style.footer.right) },
    alternates: options.languages.filter((l) => l !== sheet.lang).map((lang) => ({ lang, name: autonym(lang) })),
    summary: firstParagraph?.type === 'paragraph' ? plainText(firstParagraph.children) : titleText,
  };
}

/** `rtl` for languages written right to left (Arabic, Hebrew, Persian...). */
export function textDirection(lang: string): 'ltr' | 'rtl' {
  const locale = new Intl.Locale(lang) as Intl.Locale & { textInfo?: { direction?: string }; getTextInfo?: () => { direction?: string } };
  const info = typeof locale.getTextInfo === 'function' ? locale.getTextInfo() : locale.textInfo;
  return info?.direction === 'rtl' ? 'rtl' : 'ltr';
}

/** A language's own name for itself, capitalised as a menu item. */
export function autonym(lang: string): string {
  const name = new Intl.DisplayNames([lang], { type: 'language' }).of(lang) ?? lang;
  return name.charAt(0).toLocaleUpperCase(lang) + name.slice(1);
}

/** A formatter per language, made once: making one costs more than formatting with it. */
const longDates = new Map<string, Intl.DateTimeFormat>();

/** The sheet's date in `locale`, the language's date locale with its digits. */
function longDate(iso: string, locale: string): string {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  let format = longDates.get(locale);
  if (!format) longDates.set(locale, (format = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })));
  return format.format(utcDate(year, month, day));
}

const EPOCH_FALLBACK = new Date(Date.UTC(2000, 0, 1));

function timestampOf(isoDate: string | null, sourceDateEpoch: number | null): Date {
  if (sourceDateEpoch !== null) return new Date(sourceDateEpoch * 1000);
  if (isoDate) {
    const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
    return utcDate(year, month, day);
  }
  return EPOCH_FALLBACK;
}

/** Inline text runs as they are laid out: plain strings with their marks, figure texts resolved. */
export interface Run {
  text: string;
  bold: boolean;
  italic: boolean;
  superscript: boolean;
  link: string | null;
  /** The figure this run states, with the registry value behind it. */
  figure: { id: string; value: number | string } | null;
  /** A line break, with empty text. */
  lineBreak: boolean;
}

/** Flattens nested inline markup into runs, the shape PDF and Word text takes. */
export function runsOf(inlines: readonly Inline[], marks: Omit<Run, 'text' | 'figure' | 'lineBreak'> = { bold: false, italic: false, superscript: false, link: null }): Run[] {
  const runs: Run[] = [];
  for (const node of inlines) {
    switch (node.type) {
      case 'text':
        runs.push({ ...marks, text: node.value, figure: null, lineBreak: false });
        break;
      case 'figure':
        runs.push({ ...marks, text: node.text, figure: { id: node.id, value: node.value }, lineBreak: false });
        break;
      case 'superscript':
        runs.push({ ...marks, superscript: true, text: node.value, figure: null, lineBreak: false });
        break;
      case 'break':
        runs.push({ ...marks, text: '', figure: null, lineBreak: true });
        break;
      case 'strong':
        runs.push(...runsOf(node.children, { ...marks, bold: true }));
        break;
      case 'emphasis':
        runs.push(...runsOf(node.children, { ...marks, italic: true }));
        break;
      case 'link':
        runs.push(...runsOf(node.children, { ...marks, link: node.url }));
        break;
    }
  }
  return runs;
}

/** Splits a footer part at `{page}` and `{pages}`, for renderers that fill them in as fields. */
export function footerParts(text: string): Array<{ text: string } | { field: 'page' | 'pages' }> {
  return text
    .split(/(\{page\}|\{pages\})/)
    .filter((part) => part !== '')
    .map((part) => (part === '{page}' ? { field: 'page' as const } : part === '{pages}' ? { field: 'pages' as const } : { text: part }));
}
