import { createHash } from 'node:crypto';
import { type Document, isAlias, type Node } from 'yaml';
import { diagnostic, type Diagnostic } from '../../model/diagnostic.js';
import type { FactSheet, Section } from '../../model/fact-sheet.js';
import type { Span } from '../../model/position.js';
import { plainText } from '../../model/plain-text.js';
import { mapEntries, nodeLocation, parseYaml, scalarValue, seqItems } from '../../parse/yaml.js';
import type { SourceFile } from '../../text/source-file.js';
import { blocksOf, headUnits, inlineSpan, type Unit } from './units.js';

/** One unit of the original as reviewed: its text (whitespace collapsed), or only its hash in records written before texts were kept. */
export interface ReviewedText {
  hash: string;
  text: string | null;
}

/** A version of a sheet unit by unit: for each section (by its anchor) its heading and each paragraph and list item; the title and date. */
export interface Snapshot {
  sections: Map<string, ReviewedText[]>;
  title?: ReviewedText;
  date?: ReviewedText;
}

/**
 * What a translation was last reviewed against (the original, as a snapshot),
 * who reviewed and on what day, and the translation as it read then. Older
 * records have hashes only, and no title, date, reviewer or day; records from
 * before translations were kept have no `translation`.
 */
export interface Fingerprint extends Snapshot {
  by?: string;
  /** The day of the review, YYYY-MM-DD. */
  on?: string;
  /** The translation as reviewed, by its own section anchors; its references as written, so a figure's value is not part of it. */
  translation?: Snapshot;
}

/** The review lock of one sheet: a fingerprint of the original per translation language. */
export type ReviewLock = Map<string, Fingerprint>;

/** The units of a section in the order they are fingerprinted: the heading, then each paragraph or item. */
export function sectionUnits(section: Section): Unit[] {
  const units: Unit[] = [];
  if (section.heading) units.push({ kind: 'heading', inlines: section.heading, span: inlineSpan(section.heading, section.span) });
  for (const block of blocksOf(section)) units.push(...block.units);
  return units;
}

/**
 * The original as it stands, from its source text, so any edit of the wording or
 * of a link's address (not a change of a figure's value, which translations
 * follow by themselves) makes the translations stale.
 */
export function fingerprint(original: FactSheet, file: SourceFile): Fingerprint {
  return { ...sectionTexts(original, file), title: reviewedText(plainText(original.meta.title)), date: reviewedText(original.meta.date ?? '') };
}

/**
 * A translation as it stands, from its source text: the title too is taken as
 * written, references and all, so that only an edit of the translation (never a
 * change of a figure's value) tells it apart from the text reviewed.
 */
export function translationSnapshot(translation: FactSheet, file: SourceFile): Snapshot {
  return { ...sectionTexts(translation, file), title: reviewedText(sourceOf(file, titleUnit(translation).span)), date: reviewedText(translation.meta.date ?? '') };
}

/** The title as a unit, where alignment places it. */
export function titleUnit(sheet: FactSheet): Unit {
  return headUnits(sheet, sheet.sections[0]?.span ?? { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } })[0]!;
}

function sectionTexts(sheet: FactSheet, file: SourceFile): { sections: Map<string, ReviewedText[]> } {
  const sections = new Map<string, ReviewedText[]>();
  for (const section of sheet.sections) sections.set(section.slug, sectionUnits(section).map((unit) => reviewedText(sourceOf(file, unit.span))));
  return { sections };
}

export function sourceOf(file: SourceFile, span: Span): string {
  return file.text.slice(span.start.offset, span.end.offset);
}

export function reviewedText(text: string): ReviewedText {
  const normal = text.replace(/\s+/g, ' ').trim();
  return { hash: createHash('sha256').update(normal).digest('hex').slice(0, 12), text: normal };
}

/** Languages whose review record cannot be read: some of them, or every translation when the file itself cannot be read. */
export type UnreadableReviews = Set<string> | 'all';

export interface ParsedLock {
  /** Every record that could be read. */
  lock: ReviewLock;
  /** Records that could not be read: their translations' review state is unknown. Empty when all were read. */
  unreadable: UnreadableReviews;
  diagnostics: Diagnostic[];
}

/**
 * Reads a sheet's review lock, keeping every language record it can read: one
 * malformed record makes only that translation's review state unknown.
 * `translations`, the sheet's translation languages, makes the advice exact.
 */
export function parseLock(file: SourceFile, sheetId: string, translations?: readonly string[]): ParsedLock {
  const lock: ReviewLock = new Map();
  const { yaml, diagnostics } = parseYaml(file, file.text);
  const whole = (message: string, at = file.head()): ParsedLock => {
    const advice = `the review state of every translation is unknown; after reviewing them all, run "factsheet mark-reviewed ${sheetId}" to rewrite this file`;
    diagnostics.push(diagnostic('error', 'review-lock-invalid', at, `${message}: ${advice}`));
    return { lock, unreadable: 'all', diagnostics };
  };
  if (diagnostics.some((d) => d.severity === 'error')) return whole('the review lock is not readable YAML');
  const contents = yaml.doc.contents;
  if (contents === null) return { lock, unreadable: new Set(), diagnostics };
  const languages = mapEntries(contents);
  if (!languages) return whole('the review lock must map languages to fingerprints', nodeLocation(yaml, contents));

  const problems: Array<{ lang: string; node: Node | null; message: string }> = [];
  for (const language of languages) {
    const record = readRecord(yaml.doc, language.key, language.value);
    if ('message' in record) problems.push({ lang: language.key, ...record });
    else lock.set(language.key, record);
  }
  const unreadable = new Set(problems.map((p) => p.lang));
  // mark-reviewed rewrites the records of translations; one of a language the sheet is no longer translated into goes with the next rewrite.
  const langs = [...unreadable].filter((lang) => translations?.includes(lang) ?? true).sort();
  for (const { lang, node, message } of problems) {
    const advice = langs.includes(lang)
      ? `the review state of ${langs.map((l) => `"${l}"`).join(', ')} is unknown; after reviewing, run "factsheet mark-reviewed ${sheetId} ${langs.join(' ')}" to rewrite ${langs.length === 1 ? 'its record' : 'their records'}`
      : `the sheet has no "${lang}" translation: delete this record`;
    diagnostics.push(diagnostic('error', 'review-lock-invalid', nodeLocation(yaml, node), `${message}: ${advice}`));
  }
  return { lock, unreadable, diagnostics };
}

/** Files written by older versions shared one fingerprint between languages through YAML aliases; they still read. */
function resolved(doc: Document.Parsed, node: Node | null): Node | null {
  return isAlias(node) ? ((node.resolve(doc) as Node | undefined) ?? null) : node;
}

type Problem = { node: Node | null; message: string };

/**
 * One language's record: `original` and `translation` (each title, date, sections
 * of texts) with `reviewed-by` and `reviewed-on`; as older versions wrote it,
 * without `translation`, or only sections of hashes.
 */
function readRecord(doc: Document.Parsed, lang: string, node: Node | null): Fingerprint | Problem {
  const entries = mapEntries(resolved(doc, node));
  if (!entries) return { node, message: `the record of "${lang}" must map sections to texts` };
  const original = entries.find((e) => e.key === 'original');
  if (!original) return readSections(doc, lang, node, (value) => (typeof value === 'string' ? { hash: value, text: null } : null));
  const print: Fingerprint = { sections: new Map() };
  for (const entry of entries) {
    const value = scalarValue(resolved(doc, entry.value));
    if (entry.key === 'original') continue;
    if (entry.key === 'translation') {
      const translation = readSnapshot(doc, lang, entry.key, entry.value);
      if ('message' in translation) return translation;
      print.translation = translation;
      continue;
    }
    if ((entry.key !== 'reviewed-by' && entry.key !== 'reviewed-on') || typeof value !== 'string') {
      return { node: entry.value, message: `the record of "${lang}" holds "original", "translation", "reviewed-by" and "reviewed-on"; "${entry.key}" is not one of them or not a text` };
    }
    if (entry.key === 'reviewed-by') print.by = value;
    else print.on = value;
  }
  const snapshot = readSnapshot(doc, lang, 'original', original.value);
  return 'message' in snapshot ? snapshot : Object.assign(print, snapshot);
}

/** `original` or `translation` of a record: title, date (texts) and sections. */
function readSnapshot(doc: Document.Parsed, lang: string, key: string, node: Node | null): Snapshot | Problem {
  const parts = mapEntries(resolved(doc, node));
  if (!parts) return { node, message: `"${key}" of the record of "${lang}" must map "title", "date" and "sections"` };
  const snapshot: Snapshot = { sections: new Map() };
  for (const part of parts) {
    const value = resolved(doc, part.value);
    if (part.key === 'sections') {
      const sections = readSections(doc, lang, value, (text) => (typeof text === 'string' ? reviewedText(text) : null));
      if ('message' in sections) return sections;
      snapshot.sections = sections.sections;
    } else if ((part.key === 'title' || part.key === 'date') && typeof scalarValue(value) === 'string') {
      snapshot[part.key] = reviewedText(scalarValue(value) as string);
    } else {
      return { node: part.value, message: `"${key}" of the record of "${lang}" holds "title", "date" (texts) and "sections"; "${part.key}" is not one of them or not a text` };
    }
  }
  return snapshot;
}

function readSections(doc: Document.Parsed, lang: string, node: Node | null, read: (value: unknown) => ReviewedText | null): Fingerprint | Problem {
  const sections = mapEntries(resolved(doc, node));
  if (!sections) return { node, message: `the record of "${lang}" must map sections to texts` };
  const print: Fingerprint = { sections: new Map() };
  for (const section of sections) {
    const units = seqItems(resolved(doc, section.value))?.map((item) => read(scalarValue(resolved(doc, item))));
    if (!units || !units.every((u): u is ReviewedText => u !== null)) return { node: section.value, message: `section "${section.key}" of the record of "${lang}" must list texts` };
    print.sections.set(section.key, units);
  }
  return print;
}
