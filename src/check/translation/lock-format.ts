import { Document, isMap, isSeq } from 'yaml';
import type { Fingerprint, ReviewLock } from './review-lock.js';

/**
 * The review lock as a file: per language, who reviewed and when, then the
 * original as it read then, one heading, paragraph or item a line, so a review
 * shows in a diff of this file as the sentences that changed.
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
    `# What the ${sourceLanguage} original said when each translation was last reviewed:`,
    '# its title, date and every heading, paragraph and list item by section, with who reviewed and on what day.',
    '# Written by `factsheet mark-reviewed`; `factsheet check` compares it with the original and shows what changed.',
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
  const original: Record<string, unknown> = {};
  if (print.title) original.title = print.title.text;
  if (print.date) original.date = print.date.text;
  original.sections = Object.fromEntries([...print.sections].map(([slug, units]) => [slug, units.map((u) => u.text)]));
  return { ...(print.by ? { 'reviewed-by': print.by } : {}), ...(print.on ? { 'reviewed-on': print.on } : {}), original };
}
