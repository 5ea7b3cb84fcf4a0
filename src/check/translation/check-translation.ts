import type { Registry } from '../../figures/registry.js';
import { diagnostic, type Diagnostic } from '../../model/diagnostic.js';
import type { FactSheet } from '../../model/fact-sheet.js';
import type { Location, Span } from '../../model/position.js';
import type { SourceFile } from '../../text/source-file.js';
import { alignSheet } from './align-sheet.js';
import { literalFigureWarnings } from './literal-figure.js';
import { compareLiterals } from './literal-mismatch.js';
import { settler, type PlacedLiteral } from './literals.js';
import { editedDiagnostic } from './edited.js';
import { fingerprint, translationSnapshot, type Fingerprint } from './review-lock.js';
import { compareWithReview } from './reviewed-units.js';
import { staleDiagnostics, staleSections } from './stale.js';
import { UNIT_RULES, type ReviewContext, type UnitPair } from './unit-rules/index.js';
import type { Unit } from './units.js';

export interface TranslationPair {
  original: FactSheet;
  originalFile: SourceFile;
  translation: FactSheet;
  translationFile: SourceFile;
  /** What the translation was last reviewed against, if it ever was; null when the lock file is unreadable (already reported). */
  reviewed: Fingerprint | undefined | null;
  /** Where each version has references left out of its model (already reported): figures and numbers are not compared there. */
  gaps?: { original: readonly Span[]; translation: readonly Span[] };
  /** When given, the translation's typed figures are reported here, except those its original types too (reported there). */
  registry?: Registry;
}

/**
 * The review state of a translation, decided here and followed by status and build:
 * `unknown` when its record cannot be read, `unreviewed` with no record, `edited` when
 * its text is not the text reviewed, `stale` when the original moved on since (it
 * publishes, with the current figures), `current` otherwise. A record from before
 * translations were kept cannot tell an edit: such a translation is `stale` or `current`.
 */
export type ReviewState = 'unknown' | 'unreviewed' | 'edited' | 'stale' | 'current';

export interface TranslationCheck {
  diagnostics: Diagnostic[];
  review: ReviewState;
}

/** Everything that can drift between an original and one translation: structure, figures, typed numbers, links and emphasis, edits and staleness. */
export function checkTranslation(pair: TranslationPair): TranslationCheck {
  const { original, translation, reviewed } = pair;
  const content: Diagnostic[] = [];
  const at = (sheet: FactSheet, span: Span): Location => ({ file: sheet.file, start: span.start, end: span.end });
  const unsure = (o: Unit, t: Unit) => hasGap(o, pair.gaps?.original) || hasGap(t, pair.gaps?.translation);
  const originalUnits = reviewed ? compareWithReview(original, pair.originalFile, reviewed, fingerprint(original, pair.originalFile).title!) : null;
  const translationUnits = reviewed?.translation ? compareWithReview(translation, pair.translationFile, reviewed.translation, translationSnapshot(translation, pair.translationFile).title!) : null;
  const review: ReviewContext = {
    originalThen: (unit) => originalUnits?.thenOf(unit) ?? null,
    translationThen: (unit) => translationUnits?.thenOf(unit) ?? null,
    markReviewed: `factsheet mark-reviewed ${original.id} ${translation.lang}`,
  };
  const settled = settler({ lang: original.lang, file: pair.originalFile }, { lang: translation.lang, file: pair.translationFile });
  const agreeing = new Set<number>();
  const visit = (o: Unit, t: Unit) => {
    const units: UnitPair = { original: o, translation: t, lang: original.lang, inOriginal: (span) => at(original, span), inTranslation: (span) => at(translation, span), review };
    for (const rule of UNIT_RULES) content.push(...rule.check(units));
    if (unsure(o, t)) return;
    for (const literal of settled(o, t).agreeing) agreeing.add(literal.location.start.offset);
    content.push(...compareLiterals(settled(o, t), original.lang, at(translation, t.span), at(original, o.span)));
  };
  const structure = alignSheet(original, translation, visit, { unsure, typedFor: (o, t) => settled(o, t).typedFor });
  const diagnostics = [...structure, ...content];
  const agrees = (literal: PlacedLiteral) => agreeing.has(literal.location.start.offset);
  if (pair.registry) diagnostics.push(...literalFigureWarnings(translation, pair.translationFile, pair.registry, agrees));
  if (reviewed === null) return { diagnostics, review: 'unknown' };
  if (!reviewed) {
    diagnostics.push(
      diagnostic(
        'warning',
        'translation-unreviewed',
        pair.translationFile.head(),
        `this translation was never marked reviewed against the ${original.lang} original; after review, run "factsheet mark-reviewed ${original.id} ${translation.lang}"`,
      ),
    );
    return { diagnostics, review: 'unreviewed' };
  }
  const edited = translationUnits && editedDiagnostic(translation, reviewed, translationUnits, original.id);
  if (edited) diagnostics.push(edited);
  const stale = staleDiagnostics(original, translation, staleSections(original, pair.originalFile, reviewed), original.id);
  diagnostics.push(...stale);
  return { diagnostics, review: edited ? 'edited' : stale.length > 0 ? 'stale' : 'current' };
}

/**
 * Whether a unit holds one of the places where a reference was left out. Compared by
 * line: a unit's span is that of its inlines, which ends before a reference left out
 * at its end, and no two units share a line.
 */
function hasGap(unit: Unit, gaps: readonly Span[] | undefined): boolean {
  return gaps !== undefined && gaps.some((gap) => gap.start.line >= unit.span.start.line && gap.start.line <= unit.span.end.line);
}
