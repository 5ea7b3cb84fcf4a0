import { diffArrays, diffWordsWithSpace } from 'diff';
import type { ChangePart, TextChange } from '../../model/diagnostic.js';

/**
 * What changed between the text a translation was reviewed against and the text
 * as it now reads, word by word. `old` null: the review record kept no text.
 */
export function textChange(old: string | null, now: string): TextChange {
  // Spaces count as words, so the parts put back together give the old and new texts exactly (diffWords may move a space).
  if (old === null) return { old: null, new: now, parts: [] };
  const parts: ChangePart[] = diffWordsWithSpace(old, now).map((part) => ({ text: part.value, change: part.added ? 'added' : part.removed ? 'removed' : 'same' }));
  return { old, new: now, parts };
}

/** A unit of a section as reviewed or as it reads now, by position. */
export type UnitPairing = { kind: 'changed' | 'added'; then: number | null; now: number } | { kind: 'removed'; then: number; now: number | null };

/**
 * Pairs the units of a section as reviewed with those as they read now, so a
 * paragraph inserted before others shows as one addition, not as every later
 * paragraph changed: unchanged units anchor the sequence, and between two anchors
 * the units are paired in order, the surplus being added or removed.
 */
export function pairUnits(then: readonly string[], now: readonly string[]): UnitPairing[] {
  const pairings: UnitPairing[] = [];
  let i = 0;
  let j = 0;
  let removed = 0;
  let added = 0;
  const flush = () => {
    const startThen = i - removed;
    const startNow = j - added;
    for (let k = 0; k < Math.max(removed, added); k++) {
      if (k < removed && k < added) pairings.push({ kind: 'changed', then: startThen + k, now: startNow + k });
      else if (k < added) pairings.push({ kind: 'added', then: null, now: startNow + k });
      else pairings.push({ kind: 'removed', then: startThen + k, now: j < now.length ? j : null });
    }
    removed = 0;
    added = 0;
  };
  for (const chunk of diffArrays([...then], [...now])) {
    const count = chunk.count ?? chunk.value.length;
    if (chunk.removed) {
      removed += count;
      i += count;
    } else if (chunk.added) {
      added += count;
      j += count;
    } else {
      flush();
      i += count;
      j += count;
    }
  }
  flush();
  return pairings;
}
