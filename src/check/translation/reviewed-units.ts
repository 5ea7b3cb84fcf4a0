import type { RelatedPlace } from '../../model/diagnostic.js';
import type { FactSheet } from '../../model/fact-sheet.js';
import type { Location, Span } from '../../model/position.js';
import type { SourceFile } from '../../text/source-file.js';
import { reviewedText, sectionUnits, sourceOf, titleUnit, type ReviewedText, type Snapshot } from './review-lock.js';
import { pairUnits, textChange } from './text-change.js';
import type { Unit } from './units.js';

/** A version of a sheet compared unit by unit with how it read at its last review. */
export interface ReviewedUnits {
  /**
   * How a unit of the version (the title, a heading, a paragraph or an item) read when
   * reviewed, as written in the source; null when it was not part of the review or the
   * record kept only its hash.
   */
  thenOf(unit: Unit): string | null;
  /** The title, date and units changed, added or removed since the review, in reading order, each with its text then and now. */
  changes: RelatedPlace[];
}

/**
 * Pairs the units of a version with those of its record. Sections are followed as one
 * sequence, so a renamed heading is one changed unit and a paragraph moved to the next
 * section is one removal and one addition, not two sections gone and come.
 * `title` is the title now as the record keeps it (plain text for an original, as
 * written for a translation).
 */
export function compareWithReview(sheet: FactSheet, file: SourceFile, then: Snapshot, title: ReviewedText): ReviewedUnits {
  const at = (span: Span): Location => ({ file: sheet.file, ...span });
  const thenByStart = new Map<number, string | null>();
  const changes: RelatedPlace[] = [];

  const head = titleUnit(sheet);
  const headText = sourceOf(file, head.span);
  if (then.title && then.title.hash !== title.hash) {
    thenByStart.set(head.span.start.offset, then.title.text);
    changes.push({ location: at(head.span), message: 'changed since the review', change: textChange(then.title.text, title.text!) });
  } else {
    thenByStart.set(head.span.start.offset, then.title ? headText : null);
  }
  const date = reviewedText(sheet.meta.date ?? '');
  if (then.date && then.date.hash !== date.hash) changes.push({ location: dateLocation(sheet, file), message: 'changed since the review', change: textChange(then.date.text, date.text!) });

  const units = sheet.sections.flatMap(sectionUnits);
  const now = units.map((unit) => reviewedText(sourceOf(file, unit.span)));
  const before = [...then.sections.values()].flat();
  units.forEach((unit, i) => thenByStart.set(unit.span.start.offset, now[i]!.text));
  for (const pairing of pairUnits(before.map((u) => u.hash), now.map((u) => u.hash))) {
    if (pairing.kind === 'removed') {
      const place = pairing.now === null ? endOf(sheet) : units[pairing.now]!.span.start;
      changes.push({ location: at({ start: place, end: place }), message: 'removed since the review', change: textChange(before[pairing.then]!.text, '') });
      continue;
    }
    const unit = units[pairing.now]!;
    const old = pairing.then === null ? null : before[pairing.then]!.text;
    thenByStart.set(unit.span.start.offset, old);
    changes.push({
      location: at(unit.span),
      message: pairing.kind === 'added' ? 'added since the review' : 'changed since the review',
      change: textChange(pairing.kind === 'added' ? '' : old, now[pairing.now]!.text!),
    });
  }
  changes.sort((a, b) => a.location.start.offset - b.location.start.offset);
  return { thenOf: (unit) => thenByStart.get(unit.span.start.offset) ?? null, changes };
}

/** The line of the front matter's date, or the title's place when there is none. */
export function dateLocation(sheet: FactSheet, file: SourceFile): Location {
  const headEnd = file.text.indexOf('\n---', 3);
  const line = /^date:.*$/m.exec(file.text.slice(0, headEnd < 0 ? 0 : headEnd));
  return line ? file.location(line.index, line.index + line[0].length) : { file: sheet.file, ...titleUnit(sheet).span };
}

function endOf(sheet: FactSheet): Span['start'] {
  return sheet.sections[sheet.sections.length - 1]?.span.end ?? titleUnit(sheet).span.end;
}
