import { Document, isMap, isSeq } from 'yaml';
import type { Fingerprint, ReviewLock, Snapshot } from './review-lock.js';

/**
 * The review lock as a file: per language, who reviewed and when, then the
 * original and the translation as they read then, one heading, paragraph or item
 * a line, so a review shows in a diff of this file as the sentences that changed.
 */
export function formatLock(lock: ReviewLock, sourceLanguage: string): string {
  const data: Record<string, unknown> = {};
  const hashOnly: string[] = [];
  for (const lang of [...lock.keys()].sort()) {
    const print = lock.get(lang)!;
    const texts = [...print.sections.values()].every((units) => units.every((u) => u.text !== null));
    if (!texts) hashOnly.push(lang);
    data[lang] = texts ? record(print) : Object.fromEntries([...print.sections].map(([slug, units]) => [slug, units.map((u) => u.hash)]));
  }
  const header = [
    `# What the ${sourceLanguage} original and each translation said when the translation was last reviewed:`,
    '# their title, date and every heading, paragraph and list item by section, with who reviewed and on what day.',
    '# Written by `factsheet mark-reviewed`; `factsheet check` compares it with both and shows what changed since.',
  ].join('\n');
  // Languages reviewed together share one fingerprint; each gets its own copy in the file, never an alias.
  const doc = new Document(data, { aliasDuplicateObjects: false });
  // Records from before texts were kept stay as they were written: a line of hashes per section.
  for (const lang of hashOnly) {
    const sections = doc.get(lang, true);
    if (isMap(sections)) for (const pair of sections.items) if (isSeq(pair.value)) pair.value.flow = true;
  }
  return `${header}\n${doc.toString({ lineWidth: 0, flowCollectionPadding: false })}`;
}

function record(print: Fingerprint): Record<string, unknown> {
  return {
    ...(print.by ? { 'reviewed-by': print.by } : {}),
    ...(print.on ? { 'reviewed-on': print.on } : {}),
    original: snapshotTexts(print),
    ...(print.translation ? { translation: snapshotTexts(print.translation) } : {}),
  };
}

function snapshotTexts(snapshot: Snapshot): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (snapshot.title) out.title = snapshot.title.text;
  if (snapshot.date) out.date = snapshot.date.text;
  out.sections = Object.fromEntries([...snapshot.sections].map(([slug, units]) => [slug, units.map((u) => u.text)]));
  return out;
}
