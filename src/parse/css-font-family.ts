/**
 * A CSS font-family list as a style file may give it: family names quoted without
 * quotes, backslashes or angle brackets inside, or plain identifiers, separated by
 * commas. The value goes into a `<style>` element of every page, so anything richer
 * (a brace, a `</style>`) could end the rule or the element and inject markup.
 */
const QUOTED = `"[^"'\\\\<>\\u0000-\\u001F\\u007F]*"|'[^"'\\\\<>\\u0000-\\u001F\\u007F]*'`;
const IDENTIFIERS = `-?[A-Za-z_][A-Za-z0-9_-]*(?: +-?[A-Za-z_][A-Za-z0-9_-]*)*`;
const FAMILY = `(?:${QUOTED}|${IDENTIFIERS})`;
const FONT_FAMILY_LIST = new RegExp(`^ *${FAMILY}(?: *, *${FAMILY})* *$`);

export function isFontFamilyList(value: string): boolean {
  return FONT_FAMILY_LIST.test(value);
}
