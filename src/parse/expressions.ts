import type { FigureForm } from '../model/fact-sheet.js';
import { FORM_OPTIONS } from '../figures/grammar-options.js';
import { closest } from '../figures/suggest.js';
import { HandlebarsSyntaxError, parseHandlebars, type ParseErrorHash } from './handlebars-syntax.js';

/** Helpers a reference may name; a bare `{{id}}` is the `number` form. */
export const HELPERS: ReadonlySet<string> = new Set<FigureForm>(['words', 'month', 'year', 'names']);

/** A piece of a text run, with start and end as indices into that text. */
export type Segment =
  | { kind: 'text'; value: string; start: number; end: number }
  | { kind: 'reference'; id: string; form: FigureForm; options: ReferenceOption[]; start: number; end: number; idStart: number; idEnd: number }
  | { kind: 'problem'; ruleId: string; message: string; start: number; end: number };

/** A `key="value"` option of a reference (`case="genitive"`, `one="страна"`), with where it stands. */
export interface ReferenceOption {
  key: string;
  value: string;
  start: number;
  end: number;
}

interface Loc {
  start: { line: number; column: number };
  end: { line: number; column: number };
}

/**
 * Splits text into literal runs and figure references, parsing `{{...}}` with
 * Handlebars itself so the syntax is exactly Handlebars'.
 */
export function parseExpressions(text: string): Segment[] {
  if (!text.includes('{{')) return [{ kind: 'text', value: text, start: 0, end: text.length }];
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  const index = (line: number, column: number): number => Math.min((lineStarts[line - 1] ?? 0) + column, text.length);

  const unclosed = unclosedOpening(text);
  if (unclosed !== null) {
    return [{ kind: 'problem', ruleId: 'expression-syntax', message: 'malformed figure reference: this "{{" is not closed with "}}"', start: unclosed, end: unclosed + 2 }];
  }
  let program: hbs.AST.Program;
  try {
    program = parseHandlebars(text);
  } catch (error) {
    return [syntaxProblem(text, error, index)];
  }

  const segments: Segment[] = [];
  for (const statement of program.body) {
    const loc = statement.loc as Loc;
    const start = index(loc.start.line, loc.start.column);
    const end = index(loc.end.line, loc.end.column);
    switch (statement.type) {
      case 'ContentStatement':
        segments.push({ kind: 'text', value: (statement as hbs.AST.ContentStatement).value, start, end });
        break;
      case 'MustacheStatement':
        segments.push(reference(statement as hbs.AST.MustacheStatement, start, end, index));
        break;
      case 'CommentStatement':
        break;
      default:
        segments.push({
          kind: 'problem',
          ruleId: 'expression-unsupported',
          message: `only figure references like {{partners.total}} or {{words partners.total}} are allowed in the text, not Handlebars ${describeStatement(statement.type)}`,
          start,
          end,
        });
    }
  }
  return segments;
}

/** The first "{{" with no "}}" before the next "{{" or the end: the mistake an author makes most, found where it is. */
function unclosedOpening(text: string): number | null {
  for (let open = text.indexOf('{{'); open >= 0; ) {
    if (text[open - 1] === '\\') {
      // An escaped "\{{" is literal text.
      open = text.indexOf('{{', open + 2);
      continue;
    }
    const next = text.indexOf('{{', open + 2);
    const close = text.indexOf('}}', open + 2);
    if (close < 0 || (next >= 0 && next < close)) return open;
    open = text.indexOf('{{', close + 2);
  }
  return null;
}

function reference(node: hbs.AST.MustacheStatement, start: number, end: number, index: (line: number, column: number) => number): Segment {
  const problem = (ruleId: string, message: string, at: hbs.AST.Node = node): Segment => {
    const loc = at.loc as Loc;
    return { kind: 'problem', ruleId, message, start: index(loc.start.line, loc.start.column), end: index(loc.end.line, loc.end.column) };
  };
  const path = node.path;
  if (path.type !== 'PathExpression') return problem('expression-unsupported', 'a figure reference must name a figure, like {{partners.total}}', path);
  const head = path as hbs.AST.PathExpression;
  const params = node.params;

  if (params.length === 0) {
    if (HELPERS.has(head.original)) return problem('expression-invalid', `helper "${head.original}" needs a figure id, like {{${head.original} partners.total}}`);
    return withOptions(figurePath(head, 'number', start, end, index, problem), node, index, problem);
  }
  if (!HELPERS.has(head.original)) {
    const suggestion = closest(head.original, HELPERS);
    return problem(
      'helper-unknown',
      `unknown helper "${head.original}"${suggestion ? `; did you mean "${suggestion}"?` : ''} (the helpers are ${[...HELPERS].join(', ')})`,
      head,
    );
  }
  if (params.length > 1) return problem('expression-invalid', `helper "${head.original}" takes one figure id, found ${params.length} arguments`, params[1]!);
  const param = params[0]!;
  if (param.type !== 'PathExpression') return problem('expression-invalid', `helper "${head.original}" takes a figure id, not a ${describeStatement(param.type)}`, param);
  return withOptions(figurePath(param as hbs.AST.PathExpression, head.original as FigureForm, start, end, index, problem), node, index, problem);
}

/**
 * The reference with its `key="value"` options, each one the form takes, given once, as a quoted
 * text or a bare word (`case=genitive`). Whether the language has that case or plural form is
 * the language's business, checked when the figure is resolved.
 */
function withOptions(
  segment: Segment,
  node: hbs.AST.MustacheStatement,
  index: (line: number, column: number) => number,
  problem: (ruleId: string, message: string, at?: hbs.AST.Node) => Segment,
): Segment {
  const pairs = node.hash?.pairs ?? [];
  if (segment.kind !== 'reference' || pairs.length === 0) return segment;
  const allowed = FORM_OPTIONS[segment.form];
  const written = segment.form === 'number' ? `{{${segment.id}}}` : `{{${segment.form} ${segment.id}}}`;
  const options: ReferenceOption[] = [];
  for (const pair of pairs) {
    if (!allowed.includes(pair.key)) {
      const suggestion = closest(pair.key, allowed);
      const takes = allowed.length > 0 ? `it takes ${allowed.join(', ')}` : 'it takes no options';
      return problem('grammar-option-unknown', `${written} has no option "${pair.key}"${suggestion ? `; did you mean "${suggestion}"?` : ''} (${takes})`, pair);
    }
    if (options.some((o) => o.key === pair.key)) return problem('grammar-option-unknown', `option "${pair.key}" is given twice`, pair);
    const value = pair.value;
    const text =
      value.type === 'StringLiteral'
        ? (value as hbs.AST.StringLiteral).value
        : value.type === 'PathExpression' && !(value as hbs.AST.PathExpression).data && /^[\p{L}\p{M}'’ʼ-]+$/u.test((value as hbs.AST.PathExpression).original)
          ? (value as hbs.AST.PathExpression).original
          : null;
    if (text === null || text.trim() === '') {
      return problem('expression-invalid', `option "${pair.key}" takes a word, like ${pair.key}="${pair.key === 'case' ? 'genitive' : pair.key === 'gender' ? 'feminine' : '...'}"`, value);
    }
    const loc = pair.loc as Loc;
    options.push({ key: pair.key, value: text, start: index(loc.start.line, loc.start.column), end: index(loc.end.line, loc.end.column) });
  }
  return { ...segment, options };
}

function figurePath(
  path: hbs.AST.PathExpression,
  form: FigureForm,
  start: number,
  end: number,
  index: (line: number, column: number) => number,
  problem: (ruleId: string, message: string, at?: hbs.AST.Node) => Segment,
): Segment {
  if (path.data || path.original.startsWith('this') || path.original.includes('/') || path.original.startsWith('.')) {
    return problem('expression-invalid', `"${path.original}" is not a figure id; write the id from the registry, like {{partners.total}}`, path);
  }
  const loc = path.loc as Loc;
  return { kind: 'reference', id: path.original, form, options: [], start, end, idStart: index(loc.start.line, loc.start.column), idEnd: index(loc.end.line, loc.end.column) };
}

function syntaxProblem(text: string, error: unknown, index: (line: number, column: number) => number): Segment {
  if (error instanceof HandlebarsSyntaxError) {
    const loc = error.hash.loc;
    // At the end of the text the parser points past it; the unclosed "{{" is what the author must fix.
    const at = loc ? index(loc.first_line, loc.first_column) : text.length;
    const start = error.hash.token === 'EOF' || !loc ? Math.max(0, text.lastIndexOf('{{', at)) : at;
    return { kind: 'problem', ruleId: 'expression-syntax', message: `malformed figure reference: unexpected ${describeToken(error.hash)}`, start, end: start };
  }
  const start = Math.max(0, text.indexOf('{{'));
  const detail = error instanceof Error ? error.message.split('\n')[0]!.replace(/ - \d+:\d+$/, '') : String(error);
  return { kind: 'problem', ruleId: 'expression-syntax', message: `malformed figure reference: ${detail}`, start, end: start };
}

function describeToken(hash: ParseErrorHash): string {
  switch (hash.token) {
    case 'EOF':
      return 'end of text; a "{{" is not closed with "}}"';
    case undefined:
    case null:
      return 'end of text';
    case 'INVALID':
      return `"${hash.text ?? ''}"`;
    default:
      return hash.text ? `"${hash.text}"` : 'text';
  }
}

function describeStatement(type: string): string {
  const names: Record<string, string> = {
    BlockStatement: 'blocks ({{#...}})',
    PartialStatement: 'partials ({{> ...}})',
    PartialBlockStatement: 'partial blocks',
    DecoratorBlock: 'decorators',
    Decorator: 'decorators',
    SubExpression: 'sub-expression',
    StringLiteral: 'quoted text',
    NumberLiteral: 'number',
    BooleanLiteral: 'boolean',
    UndefinedLiteral: 'undefined',
    NullLiteral: 'null',
  };
  return names[type] ?? type;
}
