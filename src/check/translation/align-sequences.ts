/** A pair of aligned positions; null on one side is a gap (something missing there). */
export type Pair = [number | null, number | null];

/**
 * Aligns two sequences so that the total similarity of matched pairs is highest
 * (Needleman-Wunsch with free gaps). Equal lengths of similar items align index to
 * index; when one side lacks an element, the gap lands where similarity says, so one
 * missing section is reported once instead of shifting every section after it.
 * `similarity` below zero means "never match these".
 */
export function alignSequences<A, B>(a: readonly A[], b: readonly B[], similarity: (x: A, y: B) => number): Pair[] {
  const n = a.length;
  const m = b.length;
  // Translations follow their original closely, so the best alignment stays near the
  // diagonal: long sequences are aligned in a band around it, which keeps a sheet of
  // thousands of sections linear instead of quadratic. Short ones get the full matrix.
  const full = n * m <= FULL_MATRIX_CELLS;
  const low = full ? -n : Math.min(0, m - n) - BAND_MARGIN;
  const high = full ? m : Math.max(0, m - n) + BAND_MARGIN;
  const rows: Float64Array[] = [];
  const from = (i: number) => Math.max(0, i + low);
  const to = (i: number) => Math.min(m, i + high);
  const best = (i: number, j: number): number => (i < 0 || j < from(i) || j > to(i) ? -Infinity : rows[i]![j - from(i)]!);
  const scores: Float64Array[] = [];
  for (let i = 0; i <= n; i++) {
    const row = new Float64Array(to(i) - from(i) + 1);
    const rowScores = new Float64Array(row.length);
    rows.push(row);
    scores.push(rowScores);
    for (let j = from(i); j <= to(i); j++) {
      if (i === 0 || j === 0) continue;
      const score = similarity(a[i - 1]!, b[j - 1]!);
      rowScores[j - from(i)] = score;
      const match = score >= 0 ? best(i - 1, j - 1) + 1 + score : -Infinity;
      row[j - from(i)] = Math.max(match, best(i - 1, j), best(i, j - 1));
    }
  }
  const pairs: Pair[] = [];
  let i = n;
  let j = m;
  while (i > 0 || j > 0) {
    if (i > 0 && j > 0) {
      const score = scores[i]![j - from(i)]!;
      if (score >= 0 && best(i, j) === best(i - 1, j - 1) + 1 + score) {
        pairs.push([--i, --j]);
        continue;
      }
    }
    if (i > 0 && (j === 0 || best(i, j) === best(i - 1, j))) pairs.push([--i, null]);
    else pairs.push([null, --j]);
  }
  return pairs.reverse();
}

/** Sequences up to this many cells (about 700 sections a side) are aligned exactly. */
const FULL_MATRIX_CELLS = 500_000;
/** How far beyond the difference in length an alignment may stray from the diagonal. */
const BAND_MARGIN = 32;

/** What to do with each aligned pair, each element missing from `b`, each element `b` adds. */
export interface AlignmentVisitor<A, B> {
  matched(a: A, b: B): void;
  /** `a` (at `index` in its sequence) has no counterpart; `before` is the element of `b` it should precede, null at the end. */
  missing(a: A, index: number, before: B | null): void;
  extra(b: B): void;
}

/** Aligns two sequences and walks the alignment in order. */
export function walkAlignment<A, B>(a: readonly A[], b: readonly B[], similarity: (x: A, y: B) => number, visitor: AlignmentVisitor<A, B>): void {
  const pairs = alignSequences(a, b, similarity);
  // The element of `b` at or after each position, found in one pass from the end.
  const nextInB: Array<number | null> = new Array<number | null>(pairs.length + 1).fill(null);
  for (let position = pairs.length - 1; position >= 0; position--) nextInB[position] = pairs[position]![1] ?? nextInB[position + 1]!;
  pairs.forEach(([i, j], position) => {
    if (i !== null && j !== null) visitor.matched(a[i]!, b[j]!);
    else if (i !== null) {
      const next = nextInB[position + 1];
      visitor.missing(a[i]!, i, next != null ? b[next]! : null);
    } else visitor.extra(b[j!]!);
  });
}
