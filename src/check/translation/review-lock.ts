import { createHash } from 'node:crypto';
import { Document, isAlias, isSeq, visit, type Node } from 'yaml';
import { diagnostic, type Diagnostic } from '../../model/diagnostic.js';
import type { FactSheet, Section } from '../../model/fact-sheet.js';
import { mapEntries, nodeLocation, parseYaml, scalarValue, seqItems } from '../../parse/yaml.js';
import type { SourceFile } from '../../text/source-file.js';
import { blocksOf, inlineSpan, type Unit } from './units.js';

/**
 * What a translation was last reviewed against: for each section of the original
 * (by its anchor), a hash of its heading and of each paragraph and list item.
 */
export type Fingerprint = Map<string, string[]>;

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
 * The original as it stands, hashed from its source text, so any edit of the
 * wording (not a change of a figure's value, which translations follow by
 * themselves) makes the translations stale.
 */
export function fingerprint(original: FactSheet, file: SourceFile): Fingerprint {
  const result: Fingerprint = new Map();
  for (const section of original.sections) {
    result.set(
      section.slug,
      sectionUnits(section).map((unit) => hashText(file.text.slice(unit.span.start.offset, unit.span.end.offset))),
    );
  }
  return result;
}

function hashText(text: string): string {
  return createHash('sha256').update(text.replace(/\s+/g, ' ').trim()).digest('hex').slice(0, 12);
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
    const sections = mapEntries(resolved(yaml.doc, language.value));
    if (!sections) {
      problems.push({ lang: language.key, node: language.value, message: `the record of "${language.key}" must map sections to hashes` });
      continue;
    }
    const print: Fingerprint = new Map();
    for (const section of sections) {
      const hashes = seqItems(resolved(yaml.doc, section.value))?.map((item) => scalarValue(resolved(yaml.doc, item)));
      if (hashes && hashes.every((h): h is string => typeof h === 'string')) print.set(section.key, hashes);
      else problems.push({ lang: language.key, node: section.value, message: `section "${section.key}" of the record of "${language.key}" must list hashes` });
    }
    if (!problems.some((p) => p.lang === language.key)) lock.set(language.key, print);
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

export function formatLock(lock: ReviewLock, sourceLanguage: string): string {
  const data: Record<string, Record<string, string[]>> = {};
  for (const lang of [...lock.keys()].sort()) data[lang] = Object.fromEntries(lock.get(lang)!);
  const header = [
    `# Which version of the ${sourceLanguage} original each translation was last reviewed against:`,
    '# a hash of every heading, paragraph and list item of the original, by section.',
    '# Written by `factsheet mark-reviewed`; `factsheet check` compares it with the original.',
  ].join('\n');
  // Languages reviewed together share one fingerprint; each gets its own copy in the file, never an alias.
  const doc = new Document(data, { aliasDuplicateObjects: false });
  visit(doc, {
    Seq(_, node) {
      if (isSeq(node)) node.flow = true;
    },
  });
  return `${header}\n${doc.toString({ lineWidth: 0, flowCollectionPadding: false })}`;
}
