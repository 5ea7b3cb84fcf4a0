import { diagnostic, type Diagnostic } from '../model/diagnostic.js';
import type { Contact } from '../model/fact-sheet.js';
import type { SourceFile } from '../text/source-file.js';
import { closest } from '../figures/suggest.js';
import { describeYamlValue, mapEntries, nodeLocation, parseYaml, scalarValue, seqItems } from './yaml.js';

export const BOILERPLATE_DIR = 'sources/boilerplate';

const TEXT_FIELDS = ['organisation', 'division', 'section', 'phone', 'email'] as const;
const FIELDS: readonly string[] = [...TEXT_FIELDS, 'hashtags'];

/** Reads `sources/boilerplate/<lang>.yaml`: the contact block every sheet of a language ends with. */
export function parseBoilerplate(file: SourceFile): { contact: Contact | null; diagnostics: Diagnostic[] } {
  const { yaml, diagnostics } = parseYaml(file, file.text);
  if (diagnostics.some((d) => d.severity === 'error')) return { contact: null, diagnostics };
  const entries = mapEntries(yaml.doc.contents);
  if (!entries) {
    diagnostics.push(diagnostic('error', 'boilerplate-invalid', file.head(), `the boilerplate must be a mapping with the fields ${FIELDS.join(', ')}`));
    return { contact: null, diagnostics };
  }
  const contact: Partial<Contact> = {};
  for (const { key, keyNode, value } of entries) {
    const where = nodeLocation(yaml, value, nodeLocation(yaml, keyNode));
    if ((TEXT_FIELDS as readonly string[]).includes(key)) {
      const text = scalarValue(value);
      if (typeof text === 'string' && text.trim() !== '') contact[key as (typeof TEXT_FIELDS)[number]] = text.trim();
      else diagnostics.push(diagnostic('error', 'boilerplate-invalid', where, `"${key}" must be text, found ${describeYamlValue(value)}`));
    } else if (key === 'hashtags') {
      const items = seqItems(value);
      const tags = items?.map((item) => scalarValue(item));
      if (tags && tags.every((tag): tag is string => typeof tag === 'string' && /^#\S+$/.test(tag))) contact.hashtags = tags;
      else diagnostics.push(diagnostic('error', 'boilerplate-invalid', where, `"hashtags" must be a list of hashtags like "#NATO", found ${describeYamlValue(value)}`));
    } else {
      const suggestion = closest(key, FIELDS);
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
