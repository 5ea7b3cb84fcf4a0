import Handlebars from 'handlebars';
import { describe, expect, it } from 'vitest';
import { HandlebarsSyntaxError, parseHandlebars } from '../src/parse/handlebars-syntax.js';

describe('parsing Handlebars', () => {
  it('gives the position of a syntax error as data', () => {
    let caught: unknown;
    try {
      parseHandlebars('line one\n{{ a = }}');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(HandlebarsSyntaxError);
    expect((caught as HandlebarsSyntaxError).hash.loc?.first_line).toBe(2);
    expect(() => parseHandlebars('{{ a b')).toThrow(HandlebarsSyntaxError);
  });

  it('leaves Handlebars as it found it for everyone else', () => {
    const parser = (Handlebars as unknown as { Parser: { parseError: unknown } }).Parser;
    const before = parser.parseError;
    expect(() => parseHandlebars('{{ a b')).toThrow(HandlebarsSyntaxError);
    expect(parser.parseError).toBe(before);
    expect(() => Handlebars.parse('{{ a b')).toThrow(/Parse error on line 1/);
    expect(() => Handlebars.parse('{{ a b')).not.toThrow(HandlebarsSyntaxError);
  });
});
