import Handlebars from 'handlebars';

/** What Handlebars' generated parser knows about a syntax error: the token and where it stands. */
export interface ParseErrorHash {
  token?: string | number | null;
  text?: string;
  loc?: { first_line: number; first_column: number; last_line: number; last_column: number };
}

/** A Handlebars syntax error with its position as data, not baked into the message text. */
export class HandlebarsSyntaxError extends Error {
  constructor(
    message: string,
    readonly hash: ParseErrorHash,
  ) {
    super(message);
  }
}

interface GeneratedParser {
  parseError: (message: string, hash: ParseErrorHash) => never;
}

/**
 * Parses Handlebars source. The generated parser reports where it failed only through its
 * `parseError` hook, which by default throws a message with the position in its text; the
 * hook is replaced for the time of this call only (parsing is synchronous) and restored,
 * so no other user of Handlebars sees a different library.
 */
export function parseHandlebars(text: string): hbs.AST.Program {
  const parser = (Handlebars as unknown as { Parser: GeneratedParser }).Parser;
  const original = parser.parseError;
  parser.parseError = (message, hash) => {
    throw new HandlebarsSyntaxError(message, hash);
  };
  try {
    return Handlebars.parse(text);
  } finally {
    parser.parseError = original;
  }
}
