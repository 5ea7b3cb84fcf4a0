import type { Link } from '../../../model/fact-sheet.js';
import { walkInlines } from '../../../model/walk-inlines.js';
import type { Unit } from '../units.js';

/** How the links of two aligned units correspond. */
export interface LinkPairs {
  /** Original links the translation lacks. */
  missing: Link[];
  /** Translation links the original lacks. */
  extra: Link[];
  /** A translation link standing where the original has a link to another address. */
  changed: Array<{ original: Link; translation: Link }>;
}

export function linksOf(unit: Unit): Link[] {
  const links: Link[] = [];
  for (const node of walkInlines(unit.inlines)) if (node.type === 'link') links.push(node);
  return links;
}

const pairsCache = new WeakMap<Unit, WeakMap<Unit, LinkPairs>>();

/**
 * Links with the same address correspond whatever their order or text (a translation
 * words them its own way); what is left pairs up in reading order as a changed
 * address, and the rest is missing or extra. Computed once per pair of units, as the
 * three link rules each read it.
 */
export function linkPairs(original: Unit, translation: Unit): LinkPairs {
  let byTranslation = pairsCache.get(original);
  if (!byTranslation) pairsCache.set(original, (byTranslation = new WeakMap()));
  let pairs = byTranslation.get(translation);
  if (!pairs) byTranslation.set(translation, (pairs = computePairs(linksOf(original), linksOf(translation))));
  return pairs;
}

function computePairs(original: Link[], translation: Link[]): LinkPairs {
  const missing = [...original];
  const extra: Link[] = [];
  for (const link of translation) {
    const index = missing.findIndex((m) => m.url === link.url);
    if (index >= 0) missing.splice(index, 1);
    else extra.push(link);
  }
  const changed: LinkPairs['changed'] = [];
  while (missing.length > 0 && extra.length > 0) changed.push({ original: missing.shift()!, translation: extra.shift()! });
  return { missing, extra, changed };
}
