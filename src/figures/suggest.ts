/**
 * The candidate closest to `name` by edit distance, if it is close enough to be a likely
 * typo; ties go to the candidate first in code-unit order.
 *
 * Only candidates within the limit can win. The candidates are searched with a growing
 * bound, 1, 2, ... up to the limit, and the first search that finds any ends it: most
 * typos are one or two edits, and a search with a small bound is cheap, since a length
 * difference above the bound rules a candidate out at once and the distance is computed
 * in a band around the diagonal, abandoned as soon as it exceeds the bound.
 */
export function closest(name: string, candidates: Iterable<string>): string | null {
  const limit = Math.max(2, Math.floor(name.length / 3));
  const list = Array.isArray(candidates) ? (candidates as string[]) : [...candidates];
  const letters = new LetterBag(name);
  for (let bound = 1; bound <= limit; bound++) {
    const found = closestWithin(name, letters, list, bound);
    if (found !== null) return found;
  }
  return null;
}

/** The closest candidate at most `bound` edits away, the first in code-unit order among equals. */
function closestWithin(name: string, letters: LetterBag, candidates: readonly string[], bound: number): string | null {
  let best: string | null = null;
  let bestDistance = bound;
  for (const candidate of candidates) {
    if (Math.abs(candidate.length - name.length) > bestDistance) continue;
    if (letters.distance(candidate) > bestDistance) continue;
    const distance = boundedEditDistance(name, candidate, bestDistance);
    if (distance > bestDistance) continue;
    if (best === null || distance < bestDistance || candidate < best) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/**
 * The letters of a name, counted, for a lower bound of its edit distance to others: the
 * letters one string has beyond the other's must each be inserted, deleted or substituted
 * (a transposition keeps the letters), so the larger excess is never more than the distance.
 */
class LetterBag {
  // Indexed by UTF-16 code unit; `seen` marks which `used` entries belong to this comparison.
  private readonly counts = new Uint16Array(65536);
  private readonly used = new Uint16Array(65536);
  private readonly seen = new Uint32Array(65536);
  private stamp = 0;

  constructor(private readonly name: string) {
    for (let i = 0; i < name.length; i++) this.counts[name.charCodeAt(i)]!++;
  }

  distance(other: string): number {
    const stamp = ++this.stamp;
    let extra = 0;
    for (let i = 0; i < other.length; i++) {
      const code = other.charCodeAt(i);
      if (this.seen[code] !== stamp) {
        this.seen[code] = stamp;
        this.used[code] = 0;
      }
      if (this.used[code]! < this.counts[code]!) this.used[code]!++;
      else extra++;
    }
    const missing = this.name.length - (other.length - extra);
    return Math.max(extra, missing);
  }
}

/** Damerau-Levenshtein distance (optimal string alignment), so swapped letters count once. */
export function editDistance(a: string, b: string): number {
  return boundedEditDistance(a, b, Math.max(a.length, b.length));
}

/**
 * The edit distance of `a` and `b` when it is at most `bound`; otherwise some number above
 * `bound`. An alignment costing at most `bound` never leaves the band of cells within
 * `bound` of the diagonal, so only those are computed, and once a whole row of the band
 * exceeds the bound no later cell can come back under it (a transposition from two rows up
 * is never cheaper than the substitution path through the row in between).
 */
export function boundedEditDistance(a: string, b: string, bound: number): number {
  const over = bound + 1;
  if (Math.abs(a.length - b.length) > bound) return over;
  const cols = b.length + 1;
  let before = new Array<number>(cols).fill(over); // row i - 2
  let previous = new Array<number>(cols).fill(over); // row i - 1
  let current = new Array<number>(cols).fill(over); // row i
  for (let j = 0; j < cols && j <= bound; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    const from = Math.max(1, i - bound);
    const to = Math.min(b.length, i + bound);
    current.fill(over);
    if (i <= bound) current[0] = i;
    let rowMin = current[0]!;
    for (let j = from; j <= to; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, before[j - 2]! + 1);
      current[j] = Math.min(value, over);
      if (current[j]! < rowMin) rowMin = current[j]!;
    }
    if (rowMin > bound) return over;
    [before, previous, current] = [previous, current, before];
  }
  return previous[b.length]!;
}
