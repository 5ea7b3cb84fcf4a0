import { diagnostic, type Diagnostic, type RelatedPlace } from '../../model/diagnostic.js';
import type { FactSheet } from '../../model/fact-sheet.js';
import type { Location } from '../../model/position.js';
import { excerpt } from './units.js';
import { sectionUnits, type Fingerprint } from './review-lock.js';

/** A section of the original that changed since the translation was reviewed. */
export interface StaleSection {
  slug: string;
  /** The section's heading in the original, or null for the lead. */
  title: string | null;
  /** Changed units of the original, with their text as it now reads. */
  changes: RelatedPlace[];
}

/** Compares the original as it stands with the fingerprint the translation was reviewed against. */
export function staleSections(original: FactSheet, current: Fingerprint, reviewed: Fingerprint): StaleSection[] {
  const stale: StaleSection[] = [];
  const at = (span: { start: Location['start']; end: Location['end'] }): Location => ({ file: original.file, ...span });
  for (const section of original.sections) {
    const now = current.get(section.slug)!;
    const then = reviewed.get(section.slug);
    const units = sectionUnits(section);
    const title = section.heading ? excerpt(section.heading, 80) : null;
    if (!then) {
      stale.push({ slug: section.slug, title, changes: [{ location: at(section.span), message: 'this section is new or was renamed since the review' }] });
      continue;
    }
    const changes: RelatedPlace[] = [];
    units.forEach((unit, index) => {
      if (then[index] !== now[index]) changes.push({ location: at(unit.span), message: `now reads: "${excerpt(unit.inlines, 120)}"` });
    });
    if (then.length > now.length) changes.push({ location: at(section.span), message: `${then.length - now.length} paragraph(s) or item(s) were removed` });
    if (changes.length > 0) stale.push({ slug: section.slug, title, changes });
  }
  for (const slug of reviewed.keys()) {
    if (!current.has(slug)) stale.push({ slug, title: slug, changes: [{ location: at(original.sections[0]!.span), message: `section "${slug}" was removed from the original` }] });
  }
  return stale;
}

/** One warning per stale section, placed at the translation's matching section. */
export function staleDiagnostics(original: FactSheet, translation: FactSheet, stale: StaleSection[], sheetId: string): Diagnostic[] {
  return stale.map((section) => {
    const index = original.sections.findIndex((s) => s.slug === section.slug);
    const target = translation.sections[index] ?? translation.sections[0];
    const location: Location = target ? { file: translation.file, start: target.span.start, end: target.span.start } : { file: translation.file, start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } };
    const name = section.title ? `section "${section.title}"` : 'the lead';
    return diagnostic(
      'warning',
      'translation-stale',
      location,
      `stale translation: ${name} of the ${original.lang} original changed after this translation was reviewed; update it, then run "factsheet mark-reviewed ${sheetId} ${translation.lang}"`,
      section.changes,
    );
  });
}
