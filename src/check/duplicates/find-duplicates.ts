import type { Block, FactSheet, Inline, ListItem, Section } from '../../model/fact-sheet.js';
import type { Span } from '../../model/position.js';
import { walkInlines } from '../../model/walk-inlines.js';

/** What was found twice: a whole section, a paragraph or list, or an item of one list. */
export type DuplicateKind = 'section' | 'block' | 'item';

/** A later copy of a unit that an earlier one of the same sheet already says word for word. */
export interface Duplicate {
  kind: DuplicateKind;
  first: Span;
  copy: Span;
  /** The copy's text, for messages. */
  inlines: readonly Inline[];
  /** What the copy is, for messages: "section", "paragraph", "list" or "list item". */
  what: string;
}

/** A sheet's copies in reading order, and for each kind, each unit that has copies (the first and every copy, by span) to all of them. */
export interface SheetDuplicates {
  duplicates: Duplicate[];
  groups: Record<DuplicateKind, Map<Span, readonly Span[]>>;
}

const cache = new WeakMap<FactSheet, SheetDuplicates>();

/**
 * Finds the copies in one walk over the sheet. Units are compared by their text,
 * whitespace set aside, with each figure reference as its id and form (markup is not
 * compared: a pasted paragraph is a copy whatever its links). What counts:
 * - a section whose heading and every block repeat an earlier section's;
 * - a paragraph, or a whole list, repeating an earlier one anywhere in the sheet
 *   (a fact sheet never says the same paragraph twice);
 * - a list item repeating an earlier item of the same list: items of different lists
 *   may repeat on purpose ("to promote ..." in two lists of aims).
 * Nothing inside a copy is reported again.
 */
export function findDuplicates(sheet: FactSheet): SheetDuplicates {
  let found = cache.get(sheet);
  if (found) return found;
  const duplicates: Duplicate[] = [];
  const sectionsSeen = new Map<string, Section>();
  const blocksSeen = new Map<string, Block>();
  for (const section of sheet.sections) {
    const key = section.heading ? `${unitKey(section.heading)}\n${section.blocks.map(blockKey).join('\n')}` : null;
    const earlier = key === null ? undefined : sectionsSeen.get(key);
    if (earlier) {
      duplicates.push({ kind: 'section', first: earlier.span, copy: section.span, inlines: section.heading!, what: 'section' });
      continue;
    }
    if (key !== null) sectionsSeen.set(key, section);
    for (const block of section.blocks) {
      const first = blocksSeen.get(blockKey(block));
      if (first) {
        duplicates.push({ kind: 'block', first: first.span, copy: block.span, inlines: block.type === 'paragraph' ? block.children : (block.items[0]?.children ?? []), what: block.type });
        continue;
      }
      blocksSeen.set(blockKey(block), block);
      if (block.type === 'list') itemCopies(block.items, duplicates);
    }
  }
  found = { duplicates, groups: groupsOf(duplicates) };
  cache.set(sheet, found);
  return found;
}

function itemCopies(items: readonly ListItem[], duplicates: Duplicate[]): void {
  const seen = new Map<string, ListItem>();
  for (const item of items) {
    const first = seen.get(unitKey(item.children));
    if (first) duplicates.push({ kind: 'item', first: first.span, copy: item.span, inlines: item.children, what: 'list item' });
    else seen.set(unitKey(item.children), item);
  }
}

function groupsOf(duplicates: readonly Duplicate[]): SheetDuplicates['groups'] {
  const groups: SheetDuplicates['groups'] = { section: new Map(), block: new Map(), item: new Map() };
  for (const { kind, first, copy } of duplicates) {
    let group = groups[kind].get(first) as Span[] | undefined;
    if (!group) groups[kind].set(first, (group = [first]));
    group.push(copy);
    groups[kind].set(copy, group);
  }
  return groups;
}

function blockKey(block: Block): string {
  return block.type === 'paragraph' ? `p\u0000${unitKey(block.children)}` : `l\u0000${block.items.map((item) => unitKey(item.children)).join('\u0001')}`;
}

const keys = new WeakMap<readonly Inline[], string>();

/** The text of a run, whitespace collapsed, with each figure reference as `{{form id}}` rather than its formatted value. */
export function unitKey(inlines: readonly Inline[]): string {
  let key = keys.get(inlines);
  if (key === undefined) {
    let text = '';
    for (const node of walkInlines(inlines)) {
      if (node.type === 'text' || node.type === 'superscript') text += node.value;
      else if (node.type === 'figure') text += `{{${node.form} ${node.id}}}`;
      else if (node.type === 'break') text += ' ';
    }
    key = text.replace(/\s+/g, ' ').trim();
    keys.set(inlines, key);
  }
  return key;
}
