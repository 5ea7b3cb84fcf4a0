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
  const rows = a.length + 1;
  const cols = b.length + 1;
  const best: number[][] = Array.from({ length: rows }, () => new Array<number>(cols).fill(0));
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const score = similarity(a[i - 1]!, b[j - 1]!);
      const match = score >= 0 ? best[i - 1]![j - 1]! + 1 + score : -Infinity;
      best[i]![j] = Math.max(match, best[i - 1]![j]!, best[i]![j - 1]!);
    }
  }
  const pairs: Pair[] = [];
  let i = a.length;
  let j = b.length;
  while (i > 0 || j > 0) {
    if (i > 0 && j > 0) {
      const score = similarity(a[i - 1]!, b[j - 1]!);
      if (score >= 0 && best[i]![j] === best[i - 1]![j - 1]! + 1 + score) {
        pairs.push([--i, --j]);
        continue;
      }
    }
    if (i > 0 && (j === 0 || best[i]![j] === best[i - 1]![j])) pairs.push([--i, null]);
    else pairs.push([null, --j]);
  }
  return pairs.reverse();
}

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
  pairs.forEach(([i, j], position) => {
    if (i !== null && j !== null) visitor.matched(a[i]!, b[j]!);
    else if (i !== null) {
      const next = pairs.slice(position + 1).find(([, later]) => later !== null)?.[1];
      visitor.missing(a[i]!, i, next != null ? b[next]! : null);
    } else visitor.extra(b[j!]!);
  });
}
