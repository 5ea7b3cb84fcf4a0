import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import type { PhonePart } from '../model/fact-sheet.js';

/** Digits, spaces and the punctuation offices print numbers with; letters (vanity numbers) are not phone numbers here. */
const PRINTED_NUMBER = /^\+[0-9][0-9 ().\u00A0-]*[0-9]$/;

/**
 * One phone entry of the boilerplate, as the office prints it, split into its
 * numbers (each with its E.164 form for a `tel:` link) and the text between them.
 * "+32(0)2 707 1010/1002" is two numbers: a number after a slash replaces the last
 * digits of the one before, as offices print neighbouring lines.
 */
export function parsePhoneEntry(text: string): { parts: PhonePart[] } | { problem: string } {
  const [first, ...rest] = text.split(/(\s*\/\s*)/);
  if (!PRINTED_NUMBER.test(first!)) {
    return { problem: `"${first}" is not a phone number written in international form: a "+", the country code, then digits, spaces, "(0)", "-" or "." as the office prints it` };
  }
  const parsed = parsePhoneNumberFromString(first!);
  if (!parsed?.isValid()) return { problem: `"${first}" is not a valid phone number` };
  const parts: PhonePart[] = [{ text: first!, e164: parsed.number }];
  let previous = parsed.number as string;
  for (let i = 0; i < rest.length; i += 2) {
    const separator = rest[i]!;
    const ending = rest[i + 1]!;
    if (!/^[0-9]+$/.test(ending) || ending.length >= previous.length - 2) {
      return { problem: `after "${separator.trim()}" must come the last digits of another number, as in "+32(0)2 707 1010/1002"; found "${ending}"` };
    }
    const next = parsePhoneNumberFromString(previous.slice(0, -ending.length) + ending);
    if (!next?.isValid()) return { problem: `"${ending}" makes ${previous.slice(0, -ending.length) + ending}, which is not a valid phone number` };
    parts.push({ text: separator, e164: null }, { text: ending, e164: next.number });
    previous = next.number;
  }
  return { parts };
}

/**
 * A plain e-mail address. It becomes a `mailto:` link as written, so the local part
 * keeps to characters a URL carries unescaped (no "?", "#", "%" or quoting).
 */
const EMAIL = /^[A-Za-z0-9._+-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$/;

export function emailProblem(address: string): string | null {
  if (!EMAIL.test(address) || address.startsWith('.') || address.includes('..') || address.split('@')[0]!.endsWith('.')) {
    return `"${address}" is not an e-mail address like press@example.org`;
  }
  return null;
}
