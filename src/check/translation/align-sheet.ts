import { diagnostic, type Diagnostic } from '../../model/diagnostic.js';
import type { FactSheet, FigureRef, Inline, Section } from '../../model/fact-sheet.js';
import type { Location, Span } from '../../model/position.js';
import { AlignedCopies } from './align-copies.js';
import { walkAlignment } from './align-sequences.js';
import { sharedWords } from './shared-words.js';
import { blocksOf, describeRef, excerpt, figureKey, figuresOf, headUnits, inlineSpan, lengthRatio, lengthSimilarity, lengthSimilarityOf, sharedCounts, sharedFigures, textLength, type AlignedBlock, type Unit } from './units.js';

/** What an aligned pair of units is handed to, for checks that compare their content (figures, literal numbers). */
export type UnitVisitor = (original: Unit, translation: Unit) => void;

export interface AlignOptions {
  /** True for a pair whose figure references are not all known (one could not be resolved, and is reported already). */
  unsure?: (original: Unit, translation: Unit) => boolean;
  /** References of each unit that the other unit types as a literal of the same value: compared as literals, not as figures. */
  typedFor?: (original: Unit, translation: Unit) => { original: ReadonlySet<FigureRef>; translation: ReadonlySet<FigureRef> };
}

/**
 * Aligns a translation with its original: the same sections in the same order, the
 * same blocks in each, the same list items, the same figure references in each
 * aligned block. Every difference is reported in the translation and cites the
 * matching place of the original. `visit` sees every aligned pair of units.
 *
 * Copies (a section, paragraph, list or item repeated word for word) are reported as
 * duplicates where they are: the original's at the original, once, by the caller, so a
 * translation that has the text once is not missing anything; the translation's here,
 * rather than as extra text, unless they mirror a copy of the original.
 */
export function alignSheet(original: FactSheet, translation: FactSheet, visit: UnitVisitor, options: AlignOptions = {}): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const at = (sheet: FactSheet, span: Span): Location => ({ file: sheet.file, start: span.start, end: span.end });
  const orig = (span: Span) => at(original, span);
  const here = (span: Span) => at(translation, span);
  const lang = original.lang;

  const copies = new AlignedCopies(original, translation);
  const compareUnits = (o: Unit, t: Unit): void => {
    if (t.kind === 'item') copies.match(o.span, t.span);
    if (!options.unsure?.(o, t)) compareFigures(o, t);
    visit(o, t);
  };

  const compareFigures = (o: Unit, t: Unit): void => {
    const typed = options.typedFor?.(o, t);
    const missing = figuresOf(o.inlines).filter((ref) => !typed?.original.has(ref));
    const extra: FigureRef[] = [];
    for (const ref of figuresOf(t.inlines).filter((r) => !typed?.translation.has(r))) {
      const index = missing.findIndex((m) => figureKey(m) === figureKey(ref));
      if (index >= 0) missing.splice(index, 1);
      else extra.push(ref);
    }
    // A reference in place of another is one mistake, reported where it stands.
    while (missing.length > 0 && extra.length > 0) {
      const wrong = extra.shift()!;
      const expected = missing.shift()!;
      diagnostics.push(
        diagnostic('error', 'align-figure-swapped', here(wrong.span), `${describeRef(wrong)} stands where the ${lang} original has ${describeRef(expected)}`, [
          { location: orig(expected.span), message: `the original's ${describeRef(expected)}` },
        ]),
      );
    }
    for (const ref of missing) {
      diagnostics.push(
        diagnostic('error', 'align-figure-missing', here(t.span), `${describeRef(ref)} of the ${lang} original is missing from this ${unitName(t)}`, [
          { location: orig(ref.span), message: `the original's ${describeRef(ref)}` },
        ]),
      );
    }
    for (const ref of extra) {
      diagnostics.push(
        diagnostic('error', 'align-figure-extra', here(ref.span), `${describeRef(ref)} is not in the matching ${unitName(o)} of the ${lang} original`, [
          { location: orig(o.span), message: `the matching ${unitName(o)} of the original` },
        ]),
      );
    }
  };

  const head = (sheet: FactSheet) => headUnits(sheet, sheet.sections[0]?.span ?? { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } });
  const [oTitle, oSubtitle] = head(original);
  const [tTitle, tSubtitle] = head(translation);
  compareUnits(oTitle!, tTitle!);
  if (oSubtitle && tSubtitle) compareUnits(oSubtitle, tSubtitle);

  const textOf = (sheet: FactSheet) => sheet.sections.flatMap((s) => blocksOf(s).flatMap((b) => b.units.map((u) => u.inlines)));
  const ratio = lengthRatio(textOf(original), textOf(translation));
  walkAlignment(original.sections, translation.sections, (a, b) => sectionSimilarity(a, b, ratio), {
    matched: alignSection,
    missing(source, _, before) {
      const where = before ? before.span.start : endOf(translation).start;
      diagnostics.push(
        copies.unmatched(
          'section',
          'original',
          source.span,
          diagnostic('error', 'align-section-missing', here(pointAt(where)), `${describeSection(source)} of the ${lang} original is missing from this translation`, [
            { location: orig(source.span), message: `${describeSection(source)} in the original` },
          ]),
        ),
      );
    },
    extra(section) {
      diagnostics.push(
        copies.unmatched(
          'section',
          'translation',
          section.span,
          diagnostic('error', 'align-section-extra', here(section.span), `${describeSection(section)} has no counterpart in the ${lang} original`, [
            { location: { file: original.file, ...pointSpan(original) }, message: `the ${lang} original` },
          ]),
        ),
      );
    },
  });


  function alignSection(o: Section, t: Section): void {
    copies.match(o.span, t.span);
    if (o.heading && t.heading) compareUnits({ kind: 'heading', inlines: o.heading, span: inlineSpan(o.heading, o.span) }, { kind: 'heading', inlines: t.heading, span: inlineSpan(t.heading, t.span) });
    walkAlignment(blocksOf(o), blocksOf(t), (a, b) => blockSimilarity(a, b, ratio), {
      matched: alignBlock,
      missing(source, _, before) {
        diagnostics.push(
          copies.unmatched(
            'block',
            'original',
            source.span,
            diagnostic('error', 'align-block-missing', here(pointAt(before ? before.span.start : t.span.end)), `a ${source.type} of the ${lang} original is missing here: "${excerpt(source.units[0]?.inlines ?? [])}"`, [
              { location: orig(source.span), message: `the ${source.type} in the original` },
            ]),
          ),
        );
      },
      extra(block) {
        diagnostics.push(
          copies.unmatched(
            'block',
            'translation',
            block.span,
            diagnostic('error', 'align-block-extra', here(block.span), `this ${block.type} has no counterpart in the matching section of the ${lang} original`, [
              { location: orig(o.span), message: 'the matching section of the original' },
            ]),
          ),
        );
      },
    });
  }

  function alignBlock(o: AlignedBlock, t: AlignedBlock): void {
    copies.match(o.span, t.span);
    if (o.type === 'paragraph') {
      compareUnits(o.units[0]!, t.units[0]!);
      return;
    }
    walkAlignment(o.units, t.units, (x, y) => itemSimilarity(x, y, ratio), {
      matched: compareUnits,
      missing(source, index, before) {
        diagnostics.push(
          copies.unmatched(
            'item',
            'original',
            source.span,
            diagnostic('error', 'align-item-missing', here(pointAt(before ? before.span.start : t.span.end)), `list item ${index + 1} of the ${lang} original is missing here: "${excerpt(source.inlines)}"`, [
              { location: orig(source.span), message: 'the item in the original' },
            ]),
          ),
        );
      },
      extra(item) {
        diagnostics.push(
          copies.unmatched(
            'item',
            'translation',
            item.span,
            diagnostic('error', 'align-item-extra', here(item.span), `this list item has no counterpart in the ${lang} original, whose list has ${o.units.length} items`, [
              { location: orig(o.span), message: 'the list in the original' },
            ]),
          ),
        );
      },
    });
  }

  return copies.settle(diagnostics);
}

/** List items are short, so beside figures and length, the words they share (names, cognates) tell which is which. */
function itemSimilarity(x: Unit, y: Unit, ratio: number): number {
  return 2 * sharedFigures(x.inlines, y.inlines) + lengthSimilarity(x.inlines, y.inlines, ratio) + 2 * sharedWords(x.inlines, y.inlines);
}

export function sectionSimilarity(a: Section, b: Section, ratio: number): number {
  if ((a.heading === null) !== (b.heading === null)) return -1;
  const pa = sectionProfile(a);
  const pb = sectionProfile(b);
  const score = (pa.blocks === pb.blocks ? 1 : 0) + (pa.types === pb.types ? 1 : 0);
  return score + 2 * sharedCounts(pa.figures, pb.figures) + lengthSimilarityOf(pa.length, pb.length, ratio);
}

function blockSimilarity(a: AlignedBlock, b: AlignedBlock, ratio: number): number {
  if (a.type !== b.type) return -1;
  const pa = blockProfile(a);
  const pb = blockProfile(b);
  return (a.units.length === b.units.length ? 1 : 0) + 2 * sharedCounts(pa.figures, pb.figures) + lengthSimilarityOf(pa.length, pb.length, ratio);
}

/** What similarity compares of a section or block, computed once: each is compared with many. */
interface Profile {
  blocks: number;
  types: string;
  figures: Map<string, number>;
  length: number;
}

const sectionProfiles = new WeakMap<Section, Profile>();
const blockProfiles = new WeakMap<AlignedBlock, Profile>();

function sectionProfile(section: Section): Profile {
  let profile = sectionProfiles.get(section);
  if (!profile) {
    const blocks = blocksOf(section);
    profile = profileOf(blocks.flatMap((block) => block.units.map((unit) => unit.inlines)));
    profile.blocks = blocks.length;
    profile.types = blocks.map((block) => block.type).join();
    sectionProfiles.set(section, profile);
  }
  return profile;
}

function blockProfile(block: AlignedBlock): Profile {
  let profile = blockProfiles.get(block);
  if (!profile) {
    profile = profileOf(block.units.map((unit) => unit.inlines));
    blockProfiles.set(block, profile);
  }
  return profile;
}

function profileOf(runs: ReadonlyArray<readonly Inline[]>): Profile {
  const figures = new Map<string, number>();
  let length = 0;
  for (const run of runs) {
    for (const ref of figuresOf(run)) figures.set(figureKey(ref), (figures.get(figureKey(ref)) ?? 0) + 1);
    length += textLength(run);
  }
  return { blocks: 0, types: '', figures, length };
}

function describeSection(section: Section): string {
  return section.heading ? `section "${excerpt(section.heading)}"` : 'the lead';
}

function unitName(unit: Unit): string {
  return unit.kind === 'item' ? 'list item' : unit.kind;
}

function pointAt(point: Span['start']): Span {
  return { start: point, end: point };
}

function endOf(sheet: FactSheet): Span {
  const last = sheet.sections[sheet.sections.length - 1];
  return last ? pointAt(last.span.end) : pointAt({ line: 1, column: 1, offset: 0 });
}

function pointSpan(sheet: FactSheet): Span {
  return sheet.sections[0]?.span ?? pointAt({ line: 1, column: 1, offset: 0 });
}
