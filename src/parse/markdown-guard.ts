/**
 * Limits on Markdown nesting, checked before and after parsing.
 *
 * A fact sheet has flat lists, no quotes and at most a few levels of strong, emphasis
 * and links. Deeper input is never meant, and it is costly: the Markdown parser takes
 * time quadratic in the length of a run of `*` or `_` and in the depth of nested lists
 * (a 20 KB line of "- - - ..." takes over a minute), and a deep tree would overflow the
 * stack of every later walk. So such lines are reported and blanked before parsing,
 * and a parsed block that is still too deep is reported and left out: no later stage
 * ever sees a deep tree.
 */

/** Lists and quotes one line may open; a fact sheet needs one. */
export const MAX_CONTAINER_DEPTH = 8;
/** Consecutive `*` and `_` marks; `***` (strong emphasis) is the most a sheet needs. */
export const MAX_DELIMITER_RUN = 12;
/** Levels of strong, emphasis and links inside one another. */
export const MAX_INLINE_DEPTH = 8;

/** Marks of strong and emphasis in one paragraph: the parser's time grows with the square of their nesting. */
export const MAX_PARAGRAPH_MARKS = 400;
/** Characters of one paragraph or list (ten times a long paragraph). */
export const MAX_PARAGRAPH_CHARS = 20_000;

export interface GuardProblem {
  ruleId: 'markdown-nesting' | 'paragraph-too-large';
  start: number;
  end: number;
  message: string;
}

/**
 * Finds lines nested too deep for the parser, and paragraphs too large for it, and
 * returns the text with them blanked (newlines kept, so every offset stays the
 * file's), with one problem per run of such lines.
 */
export function guardMarkdown(text: string): { text: string; problems: GuardProblem[] } {
  const problems: GuardProblem[] = [];
  const blanked: Array<[number, number]> = [];
  const blank = (problem: GuardProblem) => {
    const previous = problems[problems.length - 1];
    // One report for a run of offending lines of the same kind.
    if (previous && previous.message === problem.message && previous.end + 1 === problem.start) previous.end = problem.end;
    else problems.push(problem);
    const last = blanked[blanked.length - 1];
    if (last && last[1] >= problem.start) last[1] = Math.max(last[1], problem.end);
    else blanked.push([problem.start, problem.end]);
  };
  // The paragraph (a run of non-blank lines) being read.
  let block = { start: -1, end: -1, marks: 0 };
  const closeBlock = () => {
    if (block.start < 0) return;
    const chars = block.end - block.start;
    if (chars > MAX_PARAGRAPH_CHARS || block.marks > MAX_PARAGRAPH_MARKS) {
      const what = chars > MAX_PARAGRAPH_CHARS ? `${chars} characters (at most ${MAX_PARAGRAPH_CHARS})` : `${block.marks} runs of "*" or "_" (at most ${MAX_PARAGRAPH_MARKS})`;
      blank({ ruleId: 'paragraph-too-large', start: block.start, end: block.end, message: `this paragraph or list has ${what}; split it` });
    }
    block = { start: -1, end: -1, marks: 0 };
  };
  let lineStart = 0;
  for (;;) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline < 0 ? text.length : newline;
    const message = lineProblem(text, lineStart, lineEnd);
    if (message) blank({ ruleId: 'markdown-nesting', start: lineStart, end: lineEnd, message });
    else if (isBlank(text, lineStart, lineEnd)) closeBlock();
    else {
      if (block.start < 0) block.start = lineStart;
      block.end = lineEnd;
      block.marks += delimiterRuns(text, lineStart, lineEnd);
    }
    if (newline < 0) break;
    lineStart = newline + 1;
  }
  closeBlock();
  if (blanked.length === 0) return { text, problems };
  let out = '';
  let last = 0;
  for (const [start, end] of blanked) {
    out += text.slice(last, start) + text.slice(start, end).replace(/[^\n]/g, ' ');
    last = end;
  }
  return { text: out + text.slice(last), problems };
}

function isBlank(text: string, start: number, end: number): boolean {
  for (let at = start; at < end; at++) if (text[at] !== ' ' && text[at] !== '\t') return false;
  return true;
}

/** Runs of unescaped `*` and `_` on a line. */
function delimiterRuns(text: string, start: number, end: number): number {
  let runs = 0;
  for (let at = start; at < end; at++) {
    const ch = text[at];
    if ((ch === '*' || ch === '_') && text[at - 1] !== ch) runs++;
    else if (ch === '\\') at++;
  }
  return runs;
}

function lineProblem(text: string, start: number, end: number): string | null {
  const depth = containerDepth(text, start, end);
  if (depth > MAX_CONTAINER_DEPTH) {
    return `lists or quotes nested more than ${MAX_CONTAINER_DEPTH} levels deep cannot appear in a fact sheet; keep lists flat`;
  }
  const run = longestDelimiterRun(text, start, end);
  if (run > MAX_DELIMITER_RUN) {
    return `a run of ${run} "*" or "_" marks nests strong and emphasis deeper than a fact sheet can; write \\* or \\_ for literal marks`;
  }
  return null;
}

/** How many lists and quotes the start of a line opens: `>` and list markers, indentation before a marker counting a level per two columns. */
function containerDepth(text: string, start: number, end: number): number {
  let depth = 0;
  let at = start;
  for (;;) {
    let indent = 0;
    while (at < end && (text[at] === ' ' || text[at] === '\t')) {
      indent += text[at] === '\t' ? 4 - (indent % 4) : 1;
      at++;
    }
    const marker = markerLength(text, at, end);
    if (marker === 0) return depth;
    depth += 1 + Math.floor(indent / 2);
    at += marker;
  }
}

function markerLength(text: string, at: number, end: number): number {
  const ch = text[at];
  const spaced = (next: number) => next === end || text[next] === ' ' || text[next] === '\t';
  if (ch === '>') return 1;
  if ((ch === '-' || ch === '*' || ch === '+') && spaced(at + 1)) return 1;
  let digits = at;
  while (digits < end && digits - at < 9 && text[digits]! >= '0' && text[digits]! <= '9') digits++;
  if (digits > at && (text[digits] === '.' || text[digits] === ')') && spaced(digits + 1)) return digits + 1 - at;
  return 0;
}

/** The longest run of unescaped `*` and `_` on a line. */
function longestDelimiterRun(text: string, start: number, end: number): number {
  let longest = 0;
  let run = 0;
  for (let at = start; at < end; at++) {
    const ch = text[at];
    if (ch === '*' || ch === '_') {
      run++;
      if (run > longest) longest = run;
    } else {
      run = 0;
      if (ch === '\\') at++;
    }
  }
  return longest;
}

/** The first node nested deeper than MAX_INLINE_DEPTH, found without recursion, or null. */
export function tooDeep<T extends object>(nodes: readonly T[]): T | null {
  const stack: Array<[T, number]> = nodes.map((node) => [node, 1]);
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (!('children' in node) || !Array.isArray(node.children)) continue;
    if (depth > MAX_INLINE_DEPTH) return node;
    for (const child of node.children as T[]) stack.push([child, depth + 1]);
  }
  return null;
}
