import type { PhrasingContent } from 'mdast';
import { resolveReference } from '../figures/resolve-reference.js';
import { unknownFigure } from '../figures/derive.js';
import { figureAfterSheet } from '../figures/rules/figure-after-sheet.js';
import type { Formatter } from '../figures/format.js';
import type { Registry } from '../figures/registry.js';
import { diagnostic, type Diagnostic } from '../model/diagnostic.js';
import type { Inline } from '../model/fact-sheet.js';
import { describeLinkProblem, linkProblem } from '../model/link-policy.js';
import type { Location, Span } from '../model/position.js';
import type { SourceFile } from '../text/source-file.js';
import { parseExpressions, type ReferenceOption } from './expressions.js';
import type { ReferenceGrammar } from '../figures/grammar-options.js';
import { offsetMap } from './offset-map.js';

/** What inline parsing needs: where the text is, how to resolve figures, where problems go. */
export interface InlineContext {
  file: SourceFile;
  registry: Registry;
  formatter: Formatter;
  diagnostics: Diagnostic[];
  /** The sheet's date (its frontmatter `date`): references quote the figures' values in force then; the latest without one. */
  date?: string | null;
  /** Set when a reference could not be resolved for a reason reported elsewhere (a broken registry entry). */
  unresolved?: boolean;
  /**
   * Where a reference or expression was left out of the model, and how many errors that
   * reported: a sheet whose only errors are these can still be compared with its other
   * language versions, as long as those places are not held against it.
   */
  gaps?: { spans: Span[]; errors: number };
}

const SUPERSCRIPT = /\^([^\s^]+)\^/g;

/** Turns text read from `file` (offsets[i] is where value[i] stands) into inline nodes. */
export function inlinesFromText(value: string, offsets: readonly number[], ctx: InlineContext): Inline[] {
  const span = (from: number, to: number): Span => {
    const location = ctx.file.location(offsets[from] ?? offsets[offsets.length - 1]!, offsets[to] ?? offsets[offsets.length - 1]!);
    return { start: location.start, end: location.end };
  };
  const out: Inline[] = [];
  const gaps = (ctx.gaps ??= { spans: [], errors: 0 });
  const leftOut = (segment: { start: number; end: number }, reported: boolean) => {
    gaps.spans.push(span(segment.start, segment.end));
    if (reported) gaps.errors++;
  };
  for (const segment of parseExpressions(value)) {
    switch (segment.kind) {
      case 'text':
        pushText(out, segment.value, segment.start, segment.end, span);
        break;
      case 'problem':
        ctx.diagnostics.push(diagnostic('error', segment.ruleId, ctx.file.location(offsets[segment.start]!, offsets[segment.end]!), segment.message));
        leftOut(segment, true);
        break;
      case 'reference': {
        const idLocation = ctx.file.location(offsets[segment.idStart]!, offsets[segment.idEnd]!);
        const figure = ctx.registry.figures.get(segment.id);
        if (!figure) {
          const problem = unknownFigure(ctx.registry, segment.id, idLocation);
          if (problem) ctx.diagnostics.push(problem);
          else ctx.unresolved = true;
          leftOut(segment, problem !== null && problem.severity === 'error');
          break;
        }
        if (figure.broken) {
          // Its definition is already reported; the sheet is not rendered until it is fixed.
          ctx.unresolved = true;
          leftOut(segment, false);
          break;
        }
        const resolution = resolveReference(figure, segment.form, ctx.formatter, ctx.date ?? null, grammarOf(segment.options));
        if (!resolution.ok) {
          const option = segment.options.find((o) => o.key === resolution.option);
          const location = option ? ctx.file.location(offsets[option.start]!, offsets[option.end]!) : idLocation;
          ctx.diagnostics.push(
            diagnostic('error', resolution.ruleId, location, resolution.message, [{ location: figure.location, message: `"${figure.id}" is defined here` }]),
          );
          leftOut(segment, true);
          break;
        }
        if (resolution.afterSheet) ctx.diagnostics.push(figureAfterSheet.check(figure, resolution.quoted, ctx.date!, idLocation));
        out.push({ type: 'figure', id: figure.id, form: segment.form, value: resolution.value, text: resolution.text, span: span(segment.start, segment.end) });
      }
    }
  }
  return out;
}

/** The grammar a reference's options ask for. */
function grammarOf(options: readonly ReferenceOption[]): ReferenceGrammar {
  const nouns = new Map<string, string>();
  const grammar: { case?: string; gender?: string; nouns: Map<string, string> } = { nouns };
  for (const option of options) {
    if (option.key === 'case') grammar.case = option.value;
    else if (option.key === 'gender') grammar.gender = option.value;
    else nouns.set(option.key, option.value);
  }
  return grammar;
}

/** Literal text, with `^x^` superscripts split out and soft line breaks read as spaces. */
function pushText(out: Inline[], value: string, start: number, end: number, span: (from: number, to: number) => Span): void {
  // Content statements keep Handlebars escapes decoded, so their length may differ from the source; only
  // superscript positions inside plain runs are mapped character by character.
  const exact = end - start === value.length;
  let last = 0;
  for (const match of value.matchAll(SUPERSCRIPT)) {
    const at = match.index;
    if (at > last) out.push({ type: 'text', value: spaced(value.slice(last, at)), span: exact ? span(start + last, start + at) : span(start, end) });
    out.push({ type: 'superscript', value: match[1]!, span: exact ? span(start + at, start + at + match[0].length) : span(start, end) });
    last = at + match[0].length;
  }
  if (last < value.length) out.push({ type: 'text', value: spaced(value.slice(last)), span: exact ? span(start + last, end) : span(start, end) });
}

function spaced(text: string): string {
  return text.replace(/[ \t]*\n[ \t]*/g, ' ');
}

/** Converts mdast phrasing content (inside a paragraph, heading or list item). */
export function inlinesFromPhrasing(nodes: readonly PhrasingContent[], ctx: InlineContext): Inline[] {
  const out: Inline[] = [];
  for (const node of nodes) {
    const start = node.position!.start.offset!;
    const end = node.position!.end.offset!;
    const span = ((): Span => {
      const location = ctx.file.location(start, end);
      return { start: location.start, end: location.end };
    })();
    switch (node.type) {
      case 'text':
        out.push(...inlinesFromText(node.value, offsetMap(node.value, ctx.file.text, start, end), ctx));
        break;
      case 'strong':
        out.push({ type: 'strong', children: inlinesFromPhrasing(node.children, ctx), span });
        break;
      case 'emphasis':
        out.push({ type: 'emphasis', children: inlinesFromPhrasing(node.children, ctx), span });
        break;
      case 'link': {
        // mdast has decoded entities and escapes: the policy sees the target a reader would follow.
        const problem = linkProblem(node.url);
        if (problem) ctx.diagnostics.push(diagnostic('error', 'link-invalid', linkTargetLocation(ctx, start, end), describeLinkProblem(node.url, problem)));
        out.push({ type: 'link', url: node.url, children: inlinesFromPhrasing(node.children, ctx), span });
        break;
      }
      case 'break':
        out.push({ type: 'break', span });
        break;
      default:
        ctx.diagnostics.push(diagnostic('error', 'markdown-unsupported', ctx.file.location(start, end), `${describePhrasing(node.type)} ${UNSUPPORTED_SUFFIX}`));
    }
  }
  return mergeText(out);
}

/** The target of `[text](target)` or `<target>` in the source, or the whole link when it is written otherwise. */
function linkTargetLocation(ctx: InlineContext, start: number, end: number): Location {
  const raw = ctx.file.text.slice(start, end);
  if (raw.startsWith('<') && raw.endsWith('>')) return ctx.file.location(start + 1, end - 1);
  const open = raw.lastIndexOf('](');
  if (open >= 0 && raw.endsWith(')')) {
    const target = raw.slice(open + 2, -1);
    const leading = target.length - target.trimStart().length;
    const length = target.trim().length;
    return ctx.file.location(start + open + 2 + leading, start + open + 2 + leading + length);
  }
  return ctx.file.location(start, end);
}

/** Drops whitespace at the edges of a block's text (left by a comment or a trailing space). */
export function trimEdges(inlines: Inline[]): Inline[] {
  const out = [...inlines];
  const first = out[0];
  if (first?.type === 'text') out[0] = { ...first, value: first.value.trimStart() };
  const last = out[out.length - 1];
  if (last?.type === 'text') out[out.length - 1] = { ...last, value: last.value.trimEnd() };
  return out.filter((node) => node.type !== 'text' || node.value !== '');
}

const UNSUPPORTED_SUFFIX = 'cannot appear in a fact sheet; use paragraphs, lists, **strong**, *emphasis*, links and ^superscript^';

function describePhrasing(type: string): string {
  const names: Record<string, string> = {
    inlineCode: 'inline code',
    image: 'an image',
    imageReference: 'an image',
    html: 'HTML',
    linkReference: 'a reference-style link',
    footnoteReference: 'a footnote',
    delete: 'strikethrough',
  };
  return names[type] ?? `"${type}"`;
}

/** Adjacent text runs (split by escapes or comments) become one. */
function mergeText(nodes: Inline[]): Inline[] {
  const out: Inline[] = [];
  for (const node of nodes) {
    const previous = out[out.length - 1];
    if (node.type === 'text' && previous?.type === 'text') {
      out[out.length - 1] = { type: 'text', value: previous.value + node.value, span: { start: previous.span.start, end: node.span.end } };
    } else if (node.type !== 'text' || node.value !== '') {
      out.push(node);
    }
  }
  return out;
}
