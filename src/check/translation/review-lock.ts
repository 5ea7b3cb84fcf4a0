import { createHash } from 'node:crypto';
import { Document, isSeq, visit } from 'yaml';
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

export function parseLock(file: SourceFile): { lock: ReviewLock; diagnostics: Diagnostic[] } {
  const lock: ReviewLock = new Map();
  const { yaml, diagnostics } = parseYaml(file, file.text);
  if (diagnostics.some((d) => d.severity === 'error') || yaml.doc.contents === null) return { lock, diagnostics };
  const invalid = (node: Parameters<typeof nodeLocation>[1], message: string) =>
    diagnostics.push(diagnostic('error', 'review-lock-invalid', nodeLocation(yaml, node), `${message}; mark the translation reviewed again to rewrite this file`));
  for (const language of mapEntries(yaml.doc.contents) ?? []) {
    const sections = mapEntries(language.value);
    if (!sections) {
      invalid(language.value, `the entry of "${language.key}" must map sections to hashes`);
      continue;
    }
    const print: Fingerprint = new Map();
    for (const section of sections) {
      const hashes = seqItems(section.value)?.map((item) => scalarValue(item));
      if (!hashes || !hashes.every((h): h is string => typeof h === 'string')) {
        invalid(section.value, `section "${section.key}" must list hashes`);
        continue;
      }
      print.set(section.key, hashes);
    }
    lock.set(language.key, print);
  }
  if (!mapEntries(yaml.doc.contents)) invalid(yaml.doc.contents, 'the review lock must map languages to fingerprints');
  return { lock, diagnostics };
}

export function formatLock(lock: ReviewLock, sourceLanguage: string): string {
  const data: Record<string, Record<string, string[]>> = {};
  for (const lang of [...lock.keys()].sort()) data[lang] = Object.fromEntries(lock.get(lang)!);
  const header = [
    `# Which version of the ${sourceLanguage} original each translation was last reviewed against:`,
    '# a hash of every heading, paragraph and list item of the original, by section.',
    '# Written by `factsheet mark-reviewed`; `factsheet check` compares it with the original.',
  ].join('\n');
  const doc = new Document(data);
  visit(doc, {
    Seq(_, node) {
      if (isSeq(node)) node.flow = true;
    },
  });
  return `${header}\n${doc.toString({ lineWidth: 0, flowCollectionPadding: false })}`;
}
