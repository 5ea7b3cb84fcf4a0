import { parseHandlebars } from '../parse/handlebars-syntax.js';
import { closest } from '../figures/suggest.js';
import { diagnostic, type Diagnostic } from '../model/diagnostic.js';
import { boolean, number, literal, text, type Shape } from '../model/context-shape.js';
import type { SourceFile } from '../text/source-file.js';

type AST = hbs.AST.Program;
type Node = hbs.AST.Node;

/** Helpers Handlebars has built in; a page may use no others (renderers register none). */
const BLOCK_HELPERS = new Set(['if', 'unless', 'each', 'with']);
const INLINE_HELPERS = new Set(['lookup', 'log']);
const DATA_IN_EACH = new Map<string, Shape>([
  ['index', number],
  ['first', boolean],
  ['last', boolean],
  ['key', text],
]);

/** Where a template walk stands: the contexts `../` climbs, block parameters, and whether an #each encloses it. */
interface Scope {
  /** Innermost context last; Handlebars pushes one only when the context changes (#each, #with, a partial's argument). */
  contexts: Shape[];
  locals: Map<string, Shape>;
  inEach: boolean;
}

/** The result of walking a page template: problems, and the literal text the page writes (to see that it is a document). */
export interface ContextWalk {
  diagnostics: Diagnostic[];
  content: string;
}

/**
 * Walks a page template and the partials it calls against the shape of the context
 * it is rendered with, so that what `strict` Handlebars would throw on in the build
 * (an unknown field, a missing partial, a helper nobody registered) is reported by
 * check, at its place in the template file. Files that do not parse are skipped:
 * template-syntax reports them.
 */
export function walkTemplate(page: SourceFile, root: Shape, partials: ReadonlyMap<string, SourceFile>): ContextWalk {
  const walker = new Walker(root, partials);
  const ast = parse(page);
  if (ast) walker.program(ast, page, { contexts: [root], locals: new Map(), inEach: false });
  return { diagnostics: [...walker.found.values()], content: walker.content };
}

function parse(file: SourceFile): AST | null {
  try {
    return parseHandlebars(file.text);
  } catch {
    return null;
  }
}

class Walker {
  /** Keyed by place and message: a partial called twice in the same scope reports once. */
  readonly found = new Map<string, Diagnostic>();
  content = '';
  private readonly calling: string[] = [];
  private readonly parsed = new Map<string, AST | null>();

  constructor(
    private readonly root: Shape,
    private readonly partials: ReadonlyMap<string, SourceFile>,
  ) {}

  program(program: AST | undefined, file: SourceFile, scope: Scope): void {
    for (const statement of program?.body ?? []) this.statement(statement, file, scope);
  }

  private statement(node: hbs.AST.Statement, file: SourceFile, scope: Scope): void {
    switch (node.type) {
      case 'ContentStatement':
        this.content += (node as hbs.AST.ContentStatement).value;
        return;
      case 'MustacheStatement':
        return this.mustache(node as hbs.AST.MustacheStatement, file, scope);
      case 'BlockStatement':
        return this.block(node as hbs.AST.BlockStatement, file, scope);
      case 'PartialStatement':
      case 'PartialBlockStatement':
        return this.partial(node as hbs.AST.PartialStatement & { program?: AST }, file, scope);
      case 'DecoratorBlock':
      case 'Decorator':
        return this.report(file, node, 'template-helper-unknown', 'decorators are not available in templates');
    }
  }

  private mustache(node: hbs.AST.MustacheStatement, file: SourceFile, scope: Scope): void {
    const hasArguments = node.params.length > 0 || (node.hash?.pairs.length ?? 0) > 0;
    if (node.path.type === 'PathExpression' && hasArguments) {
      this.helperCall(node.path as hbs.AST.PathExpression, node.params, node.hash, INLINE_HELPERS, file, scope);
      return;
    }
    this.expression(node.path, file, scope);
  }

  private block(node: hbs.AST.BlockStatement, file: SourceFile, scope: Scope): void {
    const name = node.path.original;
    const [first] = node.params;
    if (node.path.type !== 'PathExpression' || node.path.data || !BLOCK_HELPERS.has(name)) {
      if (node.params.length === 0 && (node.hash?.pairs.length ?? 0) === 0) {
        // `{{#field}}`: Handlebars iterates a list, enters an object, tests anything else.
        const shape = this.expression(node.path, file, scope);
        const inner = shape && unwrap(shape);
        if (inner?.kind === 'list') this.program(node.program, file, enter(scope, inner.item, node.program, true));
        else if (inner?.kind === 'object' || inner?.kind === 'union') this.program(node.program, file, enter(scope, inner, node.program, scope.inEach));
        else this.program(node.program, file, scope);
        this.program(node.inverse, file, scope);
        return;
      }
      this.helperCall(node.path, node.params, node.hash, BLOCK_HELPERS, file, scope);
      return;
    }
    if (!first || node.params.length > 1) {
      this.report(file, node.path, 'template-helper-unknown', `#${name} takes one argument`);
      return;
    }
    const shape = this.expression(first, file, scope);
    this.hash(node.hash, file, scope);
    if (name === 'if' || name === 'unless' || !shape) {
      this.program(node.program, file, scope);
    } else if (name === 'with') {
      this.program(node.program, file, enter(scope, unwrap(shape), node.program, scope.inEach));
    } else {
      const inner = unwrap(shape);
      const item = inner.kind === 'list' ? inner.item : inner.kind === 'object' ? unionOf(Object.values(inner.fields)) : null;
      const what = first.type === 'PathExpression' ? `"${(first as hbs.AST.PathExpression).original}"` : 'the value';
      if (item === null) this.report(file, first, 'template-field-unknown', `${what} is ${describe(inner)}, not a list #each can walk`);
      else this.program(node.program, file, enter(scope, item, node.program, true));
    }
    this.program(node.inverse, file, scope);
  }

  private partial(node: hbs.AST.PartialStatement & { program?: AST }, file: SourceFile, scope: Scope): void {
    let context = scope.contexts.at(-1)!;
    const [argument] = node.params;
    if (argument) context = unwrap(this.expression(argument, file, scope) ?? context);
    this.hash(node.hash, file, scope);
    // A partial block's own content is what shows when the partial is missing.
    if (node.program) this.program(node.program, file, scope);
    const calls: Array<{ name: string; context: Shape; at: Node; narrowed?: boolean }> = [];
    if (node.name.type === 'SubExpression') {
      // `{{> (lookup . "type")}}`: each kind of context names its partial by a literal field.
      const sub = node.name as hbs.AST.SubExpression;
      const [of, key] = sub.params;
      if (sub.path.original !== 'lookup' || !of || key?.type !== 'StringLiteral') {
        this.report(file, sub, 'template-partial-unknown', 'a partial name computed other than by (lookup value "field") cannot be checked');
        return;
      }
      const ofShape = this.expression(of, file, scope);
      const field = (key as hbs.AST.StringLiteral).value;
      const isContext = of.type === 'PathExpression' && (of as hbs.AST.PathExpression).parts.length === 0 && (of as hbs.AST.PathExpression).depth === 0;
      for (const member of ofShape ? members(unwrap(ofShape)) : []) {
        const named = member.kind === 'object' ? member.fields[field] : undefined;
        if (named?.kind === 'literal') calls.push({ name: named.value, context: isContext ? member : context, at: sub, narrowed: isContext });
        else this.report(file, key, 'template-partial-unknown', `"${field}" is ${named ? describe(named) : 'missing'} here, not a partial name known in advance`);
      }
    } else {
      calls.push({ name: (node.name as hbs.AST.PathExpression).original, context, at: node.name });
    }
    for (const call of calls) this.callPartial(call.name, call.context, call.at, file, scope, call.narrowed ?? false);
  }

  /** `narrowed`: the context is the current one, known to be one kind of a union (still the same object at run time). */
  private callPartial(name: string, context: Shape, at: Node, file: SourceFile, scope: Scope, narrowed: boolean): void {
    const partial = this.partials.get(name);
    if (!partial) {
      const suggestion = closest(name, [...this.partials.keys()]);
      const known = this.partials.size > 0 ? ` (partials: ${[...this.partials.keys()].join(', ')})` : '; this page has no partials';
      this.report(file, at, 'template-partial-unknown', `no partial "${name}"${suggestion ? `; did you mean "${suggestion}"?` : known}`);
      return;
    }
    if (this.calling.includes(name)) return;
    if (!this.parsed.has(name)) this.parsed.set(name, parse(partial));
    const contexts = narrowed ? [...scope.contexts.slice(0, -1), context] : context === scope.contexts.at(-1) ? scope.contexts : [...scope.contexts, context];
    this.calling.push(name);
    this.program(this.parsed.get(name) ?? undefined, partial, { contexts, locals: new Map(), inEach: scope.inEach });
    this.calling.pop();
  }

  private helperCall(path: hbs.AST.PathExpression, params: hbs.AST.Expression[], hash: hbs.AST.Hash, allowed: Set<string>, file: SourceFile, scope: Scope): Shape | null {
    if (!allowed.has(path.original)) {
      const known = [...allowed];
      const suggestion = closest(path.original, known);
      this.report(file, path, 'template-helper-unknown', `no helper "${path.original}"${suggestion ? `; did you mean "${suggestion}"?` : ''}: templates may use only ${known.join(', ')} here`);
    }
    const shapes = params.map((param) => this.expression(param, file, scope));
    this.hash(hash, file, scope);
    if (path.original !== 'lookup') return null;
    const [of, key] = shapes;
    const field = params[1]?.type === 'StringLiteral' ? (params[1] as hbs.AST.StringLiteral).value : null;
    if (!of || !key || field === null) return null;
    return this.field(of, field, file, params[1]!);
  }

  private hash(hash: hbs.AST.Hash | undefined, file: SourceFile, scope: Scope): void {
    for (const pair of hash?.pairs ?? []) this.expression(pair.value, file, scope);
  }

  /** The shape an expression evaluates to, or null when it cannot be known (reported already if wrong). */
  private expression(node: hbs.AST.Expression, file: SourceFile, scope: Scope): Shape | null {
    switch (node.type) {
      case 'PathExpression':
        return this.path(node as hbs.AST.PathExpression, file, scope);
      case 'SubExpression': {
        const sub = node as hbs.AST.SubExpression;
        return this.helperCall(sub.path, sub.params, sub.hash, INLINE_HELPERS, file, scope);
      }
      case 'StringLiteral':
        return literal((node as hbs.AST.StringLiteral).value);
      case 'NumberLiteral':
        return number;
      case 'BooleanLiteral':
        return boolean;
      default:
        return null;
    }
  }

  private path(node: hbs.AST.PathExpression, file: SourceFile, scope: Scope): Shape | null {
    let shape: Shape;
    let rest = node.parts;
    if (node.data) {
      const [head = '', ...tail] = node.parts;
      if (head === 'root') shape = this.root;
      else if (DATA_IN_EACH.has(head) && scope.inEach) shape = DATA_IN_EACH.get(head)!;
      else {
        const where = DATA_IN_EACH.has(head) ? ' outside #each' : '';
        this.report(file, node, 'template-field-unknown', `no data variable "@${head}"${where}; known: @root${scope.inEach ? ', @index, @first, @last, @key' : ''}`);
        return null;
      }
      rest = tail;
    } else if (node.depth === 0 && !/^(this|\.)([./]|$)/.test(node.original) && rest[0] !== undefined && scope.locals.has(rest[0])) {
      shape = scope.locals.get(rest[0])!;
      rest = rest.slice(1);
    } else {
      const at = scope.contexts.length - 1 - node.depth;
      if (at < 0) {
        this.report(file, node, 'template-field-unknown', `"${node.original}" climbs above the page's context`);
        return null;
      }
      shape = scope.contexts[at]!;
    }
    for (const part of rest) {
      const next = this.field(shape, part, file, node);
      if (!next) return null;
      shape = next;
    }
    return shape;
  }

  private field(shape: Shape, name: string, file: SourceFile, at: Node): Shape | null {
    const inner = unwrap(shape);
    if (inner.kind === 'list') {
      if (/^\d+$/.test(name)) return inner.item;
      if (name === 'length') return number;
    }
    if (inner.kind === 'object') {
      const field = inner.fields[name];
      if (field) return field;
      const suggestion = closest(name, Object.keys(inner.fields));
      this.report(file, at, 'template-field-unknown', `no field "${name}" here${suggestion ? `; did you mean "${suggestion}"?` : ` (fields: ${Object.keys(inner.fields).join(', ')})`}`);
      return null;
    }
    if (inner.kind === 'union') {
      const found = inner.members.map((member) => (member.kind === 'object' ? member.fields[name] : undefined));
      if (found.every((f) => f !== undefined)) return unionOf(found as Shape[]);
      const common = Object.keys((inner.members[0] as { fields?: Record<string, Shape> }).fields ?? {}).filter((key) => inner.members.every((m) => m.kind === 'object' && key in m.fields));
      this.report(file, at, 'template-field-unknown', `field "${name}" is not on every kind of item here (common fields: ${common.join(', ') || 'none'})`);
      return null;
    }
    this.report(file, at, 'template-field-unknown', `no field "${name}": the value here is ${describe(inner)}`);
    return null;
  }

  private report(file: SourceFile, node: Node, ruleId: string, message: string): void {
    const { start, end } = node.loc;
    const from = file.lines.offset(start.line, start.column + 1);
    const to = file.lines.offset(end.line, end.column + 1);
    const found = diagnostic('error', ruleId, file.location(from, to), message);
    this.found.set(`${file.path}:${from}:${ruleId}:${message}`, found);
  }
}

/** The scope inside a block whose context is `shape`, with its block parameters (`as |item index|`). */
function enter(scope: Scope, shape: Shape, program: AST | undefined, inEach: boolean): Scope {
  const locals = new Map(scope.locals);
  const [item, index] = program?.blockParams ?? [];
  if (item) locals.set(item, shape);
  if (index) locals.set(index, inEach ? number : text);
  return { contexts: [...scope.contexts, shape], locals, inEach };
}

function unwrap(shape: Shape): Shape {
  return shape.kind === 'nullable' ? unwrap(shape.of) : shape;
}

function members(shape: Shape): Shape[] {
  return shape.kind === 'union' ? shape.members.flatMap((m) => members(unwrap(m))) : [shape];
}

function unionOf(shapes: Shape[]): Shape {
  return shapes.length === 1 ? shapes[0]! : { kind: 'union', members: shapes };
}

function describe(shape: Shape): string {
  switch (shape.kind) {
    case 'text':
    case 'literal':
      return 'text';
    case 'number':
      return 'a number';
    case 'boolean':
      return 'true or false';
    case 'html':
      return 'markup';
    case 'list':
      return 'a list';
    case 'object':
      return 'an object';
    default:
      return 'one of several kinds';
  }
}
