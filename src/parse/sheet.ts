import { diagnostic } from '../model/diagnostic.js';
import type { Contact, FactSheet } from '../model/fact-sheet.js';
import type { Span } from '../model/position.js';
import { blankFrontmatter, splitFrontmatter } from './frontmatter.js';
import type { InlineContext } from './inline.js';
import { readBody } from './markdown.js';
import { readMetadata } from './metadata.js';

/**
 * The largest sheet source read, in characters. A fact sheet is two pages (about
 * 7,000 characters); a sheet of 290,000 characters builds as a 62-page PDF in about
 * 16 s and 290 MB, while a 5 MB sheet ran the build out of memory. Past the limit
 * the sheet is not parsed at all, so checking it stays quick.
 */
export const MAX_SHEET_CHARS = 300_000;

export interface SheetInput {
  id: string;
  lang: string;
  sourceLanguage: string;
  /** The language's boilerplate, or null when it is missing (already reported). */
  contact: Contact | null;
  /** The project's languages, which a sheet's own `languages:` must be among. */
  languages?: readonly string[];
}

/** A sheet as read: complete (no error, it may be rendered), or read but for some references (it may only be compared). */
export interface ParsedSheet {
  sheet: FactSheet;
  complete: boolean;
  /** Where references or expressions that could not be resolved were left out of the model. */
  gaps: Span[];
}

/**
 * Parses one `sources/<id>/<lang>.md` into the model. Problems go to `ctx.diagnostics`.
 * The sheet is complete when none of them is an error, so nothing half-read is
 * rendered; when the only errors are unresolved references, the rest is still returned
 * (incomplete) so that it can be compared with its other language versions. Otherwise
 * the result is null.
 */
export function parseSheet(input: SheetInput, ctx: InlineContext): ParsedSheet | null {
  const { file } = ctx;
  const errorsBefore = countErrors(ctx);
  const gaps = (ctx.gaps ??= { spans: [], errors: 0 });
  const gapsBefore = { spans: gaps.spans.length, errors: gaps.errors };
  if (file.text.length > MAX_SHEET_CHARS) {
    const message = `the sheet has ${file.text.length} characters, more than the ${MAX_SHEET_CHARS} (about 60 pages) a sheet may have; split it into several sheets`;
    ctx.diagnostics.push(diagnostic('error', 'sheet-too-large', file.location(MAX_SHEET_CHARS), message));
    return null;
  }
  const found = splitFrontmatter(file.text);
  if (found.kind !== 'found') {
    const message =
      found.kind === 'missing'
        ? 'missing frontmatter: a sheet starts with a line "---", its fields (at least "title: ..."), and another "---"'
        : 'the frontmatter opened on line 1 is never closed with a line "---"';
    ctx.diagnostics.push(diagnostic('error', found.kind === 'missing' ? 'frontmatter-missing' : 'frontmatter-unclosed', file.head(), message));
    return null;
  }
  const { yamlStart, yamlEnd, bodyStart } = found.split;
  const meta = readMetadata(file.text.slice(yamlStart, yamlEnd), yamlStart, ctx, {
    lang: input.lang,
    sourceLanguage: input.sourceLanguage,
    ...(input.languages ? { languages: input.languages } : {}),
    frontmatter: file.location(0, Math.max(0, bodyStart - 1)),
  });
  const sections = readBody(blankFrontmatter(file.text, bodyStart), ctx);
  if (sections.length === 0) {
    ctx.diagnostics.push(diagnostic('error', 'sheet-empty', file.location(bodyStart), 'the sheet has no text after its frontmatter'));
  }
  if (!meta || !input.contact || sections.length === 0) return null;
  const errors = countErrors(ctx) - errorsBefore;
  if (errors > gaps.errors - gapsBefore.errors) return null;
  const sheet: FactSheet = { id: input.id, lang: input.lang, file: file.path, meta, sections, contact: input.contact };
  return { sheet, complete: !ctx.unresolved && errors === 0, gaps: gaps.spans.slice(gapsBefore.spans) };
}

function countErrors(ctx: InlineContext): number {
  return ctx.diagnostics.filter((d) => d.severity === 'error').length;
}
