import { diagnostic, type Diagnostic } from '../model/diagnostic.js';
import type { Contact } from '../model/fact-sheet.js';
import type { SourceFile } from '../text/source-file.js';
import { closest } from '../figures/suggest.js';
import type { Location } from '../model/position.js';
import type { PhonePart } from '../model/fact-sheet.js';
import type { Node } from 'yaml';
import { emailProblem, parsePhoneEntry } from './phone.js';
import { digitSystems } from '../figures/digits.js';
import { describeYamlValue, mapEntries, nodeLocation, parseYaml, scalarValue, seqItems, type YamlSource } from './yaml.js';

export const BOILERPLATE_DIR = 'sources/boilerplate';

const TEXT_FIELDS = ['organisation', 'division', 'section', 'email'] as const;
const FIELDS: readonly string[] = ['organisation', 'division', 'section', 'phone', 'email', 'hashtags'];
/** Fields a boilerplate may leave out. */
const OPTIONAL_FIELDS: readonly string[] = ['digits'];
/** Between the entries of a list of phone numbers. */
const PHONE_SEPARATOR = ', ';

/** Reads `sources/boilerplate/<lang>.yaml`: the contact block every sheet of a language ends with. */
export function parseBoilerplate(file: SourceFile): { contact: Contact | null; diagnostics: Diagnostic[] } {
  const { yaml, diagnostics } = parseYaml(file, file.text);
  if (diagnostics.some((d) => d.severity === 'error')) return { contact: null, diagnostics };
  const entries = mapEntries(yaml.doc.contents);
  if (!entries) {
    diagnostics.push(diagnostic('error', 'boilerplate-invalid', file.head(), `the boilerplate must be a mapping with the fields ${FIELDS.join(', ')}`));
    return { contact: null, diagnostics };
  }
  const contact: Partial<Contact> = { digits: null };
  for (const { key, keyNode, value } of entries) {
    const where = nodeLocation(yaml, value, nodeLocation(yaml, keyNode));
    if ((TEXT_FIELDS as readonly string[]).includes(key)) {
      const text = scalarValue(value);
      if (typeof text !== 'string' || text.trim() === '') diagnostics.push(diagnostic('error', 'boilerplate-invalid', where, `"${key}" must be text, found ${describeYamlValue(value)}`));
      else if (key === 'email' && emailProblem(text.trim())) diagnostics.push(diagnostic('error', 'boilerplate-invalid', where, emailProblem(text.trim())!));
      else contact[key as (typeof TEXT_FIELDS)[number]] = text.trim();
    } else if (key === 'phone') {
      const parts = phoneParts(yaml, value, where, diagnostics);
      if (parts) Object.assign(contact, { phone: parts.map((p) => p.text).join(''), phoneParts: parts });
    } else if (key === 'hashtags') {
      const items = seqItems(value);
      const tags = items?.map((item) => scalarValue(item));
      if (tags && tags.every((tag): tag is string => typeof tag === 'string' && /^#\S+$/.test(tag))) contact.hashtags = tags;
      else diagnostics.push(diagnostic('error', 'boilerplate-invalid', where, `"hashtags" must be a list of hashtags like "#NATO", found ${describeYamlValue(value)}`));
    } else if (key === 'digits') {
      const digits = scalarValue(value);
      const systems = digitSystems();
      if (typeof digits === 'string' && systems.includes(digits)) contact.digits = digits;
      else {
        const suggestion = typeof digits === 'string' ? closest(digits, systems) : null;
        diagnostics.push(
          diagnostic('error', 'boilerplate-invalid', where, `"digits" must name a numbering system of decimal digits such as "latn" or "arab", found ${describeYamlValue(value)}${suggestion ? `; did you mean "${suggestion}"?` : ''}`),
        );
      }
    } else {
      const suggestion = closest(key, [...FIELDS, ...OPTIONAL_FIELDS]);
      diagnostics.push(
        diagnostic('warning', 'boilerplate-field-unknown', nodeLocation(yaml, keyNode), `unknown boilerplate field "${key}"${suggestion ? `; did you mean "${suggestion}"?` : ''}`),
      );
    }
  }
  const missing = FIELDS.filter((field) => !entries.some((e) => e.key === field));
  if (missing.length > 0) {
    diagnostics.push(diagnostic('error', 'boilerplate-invalid', file.head(), `missing ${missing.map((m) => `"${m}"`).join(', ')}`));
  }
  if (diagnostics.some((d) => d.severity === 'error')) return { contact: null, diagnostics };
  return { contact: contact as Contact, diagnostics };
}

/**
 * `phone:` is one entry or a list of them, each as the office prints it; every
 * number must be valid, and each problem is reported at its entry.
 */
function phoneParts(yaml: YamlSource, value: Node | null, where: Location, diagnostics: Diagnostic[]): PhonePart[] | null {
  const items = seqItems(value) ?? [value];
  if (items.length === 0) {
    diagnostics.push(diagnostic('error', 'boilerplate-invalid', where, '"phone" must be a phone number or a list of them, found an empty list'));
    return null;
  }
  const parts: PhonePart[] = [];
  let valid = true;
  for (const [i, item] of items.entries()) {
    const at = nodeLocation(yaml, item, where);
    const text = scalarValue(item);
    if (typeof text !== 'string' || text.trim() === '') {
      diagnostics.push(diagnostic('error', 'boilerplate-invalid', at, `"phone" must be a phone number or a list of them, written as text ("+32 2 707 1010"), found ${describeYamlValue(item)}`));
      valid = false;
      continue;
    }
    const entry = parsePhoneEntry(text.trim());
    if ('problem' in entry) {
      diagnostics.push(diagnostic('error', 'boilerplate-invalid', at, entry.problem));
      valid = false;
      continue;
    }
    if (i > 0) parts.push({ text: PHONE_SEPARATOR, e164: null });
    parts.push(...entry.parts);
  }
  return valid ? parts : null;
}
