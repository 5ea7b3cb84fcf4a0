import { diagnostic, type Diagnostic, type RelatedPlace } from '../../model/diagnostic.js';
import type { FactSheet } from '../../model/fact-sheet.js';
import type { Location, Span } from '../../model/position.js';
import { excerpt, inlineSpan } from './units.js';
import type { SourceFile } from '../../text/source-file.js';
import { fingerprint, sectionUnits, type Fingerprint, type ReviewedText } from './review-lock.js';
import { dateLocation } from './reviewed-units.js';
import { pairUnits, textChange } from './text-change.js';

/** `translation-stale` (warning): the original's title, date or a section changed since the translation was reviewed. */
export const RULE_TRANSLATION_STALE = 'translation-stale';

/** A part of the original that changed since the translation was reviewed: a section, or the title or date. */
export interface StaleSection {
  /** The section's anchor, or "title" or "date" for those of the head. */
  slug: string;
  /** How status names it: the section's heading, "lead", "title" or "date". */
  label: string;
  /** How a message names it. */
  name: string;
  /** Index of the section in the original, or null for the title and date. */
  index: number | null;
  /** Changed units of the original, each with its text then and now. */
  changes: RelatedPlace[];
}

const UNKNOWN = 'changed since the review; the text reviewed is unknown, as this review record is older and kept only hashes';

/** Compares the original as it stands with the fingerprint the translation was reviewed against. */
export function staleSections(original: FactSheet, file: SourceFile, reviewed: Fingerprint): StaleSection[] {
  const current = fingerprint(original, file);
  const stale: StaleSection[] = [];
  const at = (span: Span): Location => ({ file: original.file, ...span });
  const title = at(inlineSpan(original.meta.title, original.sections[0]?.span ?? { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } }));
  const places = { title, date: dateLocation(original, file) };
  for (const key of ['title', 'date'] as const) {
    const then = reviewed[key];
    const now = current[key]!;
    // Records from before titles and dates were kept say nothing about them.
    if (then && then.hash !== now.hash) stale.push({ slug: key, label: key, name: `the ${key}`, index: null, changes: [change(places[key], then, now.text!)] });
  }
  original.sections.forEach((section, index) => {
    const now = current.sections.get(section.slug)!;
    const then = reviewed.sections.get(section.slug);
    const label = section.heading ? excerpt(section.heading, 80) : 'lead';
    const name = section.heading ? `section "${label}"` : 'the lead';
    if (!then) {
      stale.push({ slug: section.slug, label, name, index, changes: [{ location: at(section.span), message: 'this section is new or was renamed since the review' }] });
      return;
    }
    const units = sectionUnits(section);
    const changes: RelatedPlace[] = [];
    if (then.some((u) => u.text === null)) {
      // Without the texts reviewed, units can only be compared place by place.
      units.forEach((unit, i) => {
        if (then[i]?.hash !== now[i]!.hash) changes.push({ location: at(unit.span), message: UNKNOWN, change: textChange(null, now[i]!.text!) });
      });
      if (then.length > now.length) changes.push({ location: at(section.span), message: `${then.length - now.length} paragraph(s) or item(s) were removed` });
    } else {
      for (const pairing of pairUnits(then.map((u) => u.hash), now.map((u) => u.hash))) {
        if (pairing.kind === 'removed') {
          const place = pairing.now === null ? section.span : units[pairing.now]!.span;
          changes.push({ location: at({ start: place.start, end: place.start }), message: 'removed since the review', change: textChange(then[pairing.then]!.text, '') });
        } else {
          const old = pairing.then === null ? '' : then[pairing.then]!.text;
          changes.push({ location: at(units[pairing.now]!.span), message: pairing.kind === 'added' ? 'added since the review' : 'changed since the review', change: textChange(old, now[pairing.now]!.text!) });
        }
      }
    }
    if (changes.length > 0) stale.push({ slug: section.slug, label, name, index, changes });
  });
  for (const slug of reviewed.sections.keys()) {
    if (!current.sections.has(slug)) {
      stale.push({ slug, label: slug, name: `section "${slug}"`, index: null, changes: [{ location: at(original.sections[0]!.span), message: `section "${slug}" was removed from the original` }] });
    }
  }
  return stale;
}

function change(location: Location, then: ReviewedText, now: string): RelatedPlace {
  return then.text === null ? { location, message: UNKNOWN, change: textChange(null, now) } : { location, message: 'changed since the review', change: textChange(then.text, now) };
}

/** One warning per stale part, placed at the translation's matching section, or its title for the head and removed sections. */
export function staleDiagnostics(original: FactSheet, translation: FactSheet, stale: StaleSection[], sheetId: string): Diagnostic[] {
  return stale.map((part) => {
    const target = part.index === null ? undefined : translation.sections[part.index];
    const fallback = inlineSpan(translation.meta.title, translation.sections[0]?.span ?? { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } });
    const start = target ? target.span.start : fallback.start;
    return diagnostic(
      'warning',
      RULE_TRANSLATION_STALE,
      { file: translation.file, start, end: start },
      `stale translation: ${part.name} of the ${original.lang} original changed after this translation was reviewed; update it, then run "factsheet mark-reviewed ${sheetId} ${translation.lang}"`,
      part.changes,
    );
  });
}
