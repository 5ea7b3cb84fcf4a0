import type { List as MdList, ListItem as MdListItem, Paragraph as MdParagraph, PhrasingContent, RootContent } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { diagnostic } from '../model/diagnostic.js';
import type { Block, Inline, List, ListItem, Section } from '../model/fact-sheet.js';
import type { Span } from '../model/position.js';
import { plainText } from '../model/plain-text.js';
import { inlinesFromPhrasing, trimEdges, type InlineContext } from './inline.js';
import { guardMarkdown, MAX_INLINE_DEPTH, tooDeep } from './markdown-guard.js';

const parser = unified().use(remarkParse);

/**
 * Reads the Markdown body into sections: blocks before the first `##` heading form
 * the lead, each `##` heading opens a section. `text` is the whole file with the
 * frontmatter blanked, so positions are the file's.
 */
export function readBody(text: string, ctx: InlineContext): Section[] {
  const guarded = guardMarkdown(text);
  for (const problem of guarded.problems) {
    ctx.diagnostics.push(diagnostic('error', problem.ruleId, ctx.file.location(problem.start, problem.end), problem.message));
  }
  const root = parser.parse(guarded.text);
  const sections: Section[] = [];
  let current: Section | null = null;
  const slugs = new Set<string>();

  for (const node of root.children) {
    const span = spanOf(node, ctx);
    if (node.type === 'heading') {
      if (node.depth !== 2) {
        const advice = node.depth === 1 ? 'the title comes from the frontmatter "title"; sections start with "##"' : 'sections start with "##" and have no subsections';
        ctx.diagnostics.push(diagnostic('error', 'heading-level', locationOf(node, ctx), `a level-${node.depth} heading cannot appear in a fact sheet: ${advice}`));
        continue;
      }
      const heading = phrasing(node.children, ctx);
      if (!heading) continue;
      current = { heading, slug: uniqueSlug(slugify(plainText(heading)), slugs), blocks: [], span };
      sections.push(current);
      continue;
    }
    const block = readBlock(node, ctx);
    if (!block) continue;
    if (!current) {
      current = { heading: null, slug: uniqueSlug('lead', slugs), blocks: [], span };
      sections.push(current);
    }
    current.blocks.push(block);
    current.span = { start: current.span.start, end: span.end };
  }

  for (const section of sections) {
    if (section.heading && section.blocks.length === 0) {
      ctx.diagnostics.push(
        diagnostic('warning', 'section-empty', { file: ctx.file.path, ...section.span }, `section "${plainText(section.heading)}" has no text`),
      );
    }
  }
  return sections;
}

function readBlock(node: RootContent, ctx: InlineContext): Block | null {
  switch (node.type) {
    case 'paragraph':
      if (looksLikeTable(ctx.file.text.slice(node.position!.start.offset!, node.position!.end.offset!))) {
        ctx.diagnostics.push(diagnostic('error', 'markdown-unsupported', locationOf(node, ctx), 'a table cannot appear in a fact sheet; use paragraphs and lists'));
        return null;
      }
      {
        const children = phrasing(node.children, ctx);
        return children && { type: 'paragraph', children, span: spanOf(node, ctx) };
      }
    case 'list':
      return readList(node, ctx);
    case 'definition':
      return null;
    default:
      ctx.diagnostics.push(diagnostic('error', 'markdown-unsupported', locationOf(node, ctx), `${describeBlock(node.type)} cannot appear in a fact sheet; use paragraphs and lists`));
      return null;
  }
}

/**
 * CommonMark has no tables, so a pipe table reaches us as a paragraph; it would be
 * published as rows of pipes. A header row followed by a `---|---` row gives it away.
 */
function looksLikeTable(raw: string): boolean {
  const [header, delimiter] = raw.split('\n');
  return header !== undefined && header.includes('|') && delimiter !== undefined && /^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)+\|?\s*$/.test(delimiter);
}

function readList(node: MdList, ctx: InlineContext): List {
  const items: ListItem[] = [];
  for (const item of node.children) {
    const read = readItem(item, ctx);
    if (read) items.push(read);
  }
  return { type: 'list', ordered: node.ordered === true, start: node.start ?? 1, items, span: spanOf(node, ctx) };
}

/** A list item is one paragraph: fact sheets keep lists flat and short. */
function readItem(item: MdListItem, ctx: InlineContext): ListItem | null {
  const [first, ...rest] = item.children;
  for (const extra of rest) {
    const what = extra.type === 'list' ? 'a nested list' : extra.type === 'paragraph' ? 'a second paragraph' : describeBlock(extra.type);
    ctx.diagnostics.push(diagnostic('error', 'list-item-complex', locationOf(extra, ctx), `a list item holds one paragraph; ${what} cannot follow it`));
  }
  if (!first) return { children: [], span: spanOf(item, ctx) };
  if (first.type !== 'paragraph') {
    ctx.diagnostics.push(diagnostic('error', 'list-item-complex', locationOf(first, ctx), `a list item holds one paragraph, not ${describeBlock(first.type)}`));
    return null;
  }
  const children = phrasing((first as MdParagraph).children, ctx);
  return children && { children, span: spanOf(item, ctx) };
}

/** The inlines of a paragraph, heading or item, or null (reported) when they nest too deep to be read. */
function phrasing(nodes: PhrasingContent[], ctx: InlineContext): Inline[] | null {
  const deep = tooDeep(nodes);
  if (deep) {
    const message = `strong, emphasis and links nested more than ${MAX_INLINE_DEPTH} levels deep cannot appear in a fact sheet`;
    ctx.diagnostics.push(diagnostic('error', 'markdown-nesting', locationOf(deep, ctx), message));
    return null;
  }
  return trimEdges(inlinesFromPhrasing(nodes, ctx));
}

function describeBlock(type: string): string {
  const names: Record<string, string> = {
    code: 'a code block',
    html: 'HTML',
    blockquote: 'a block quote',
    thematicBreak: 'a horizontal rule',
    table: 'a table',
    list: 'a list',
    heading: 'a heading',
    paragraph: 'a paragraph',
  };
  return names[type] ?? `"${type}"`;
}

function spanOf(node: { position?: { start: { offset?: number }; end: { offset?: number } } }, ctx: InlineContext): Span {
  const { start, end } = locationOf(node, ctx);
  return { start, end };
}

function locationOf(node: { position?: { start: { offset?: number }; end: { offset?: number } } }, ctx: InlineContext) {
  return ctx.file.location(node.position?.start.offset ?? 0, node.position?.end.offset ?? 0);
}

/** A URL fragment from heading text: lower-case ASCII, accents dropped, words joined by "-". */
export function slugify(text: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  return slug || 'section';
}

function uniqueSlug(base: string, taken: Set<string>): string {
  let slug = base;
  for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
  taken.add(slug);
  return slug;
}
