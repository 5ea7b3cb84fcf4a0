import type { Severity } from '../model/diagnostic.js';
import { DATE_RULES } from '../figures/rules/index.js';
import { DUPLICATE_RULES } from './duplicates/index.js';
import { translationEdited } from './translation/edited.js';
import { LITERAL_FIGURE } from './translation/literal-figure.js';
import { LITERAL_MISMATCH } from './translation/literal-mismatch.js';
import { UNIT_RULES } from './translation/unit-rules/index.js';

/** A rule the tool can report: its permanent id, the severity it is reported with, what it means in one line. */
export interface RuleInfo {
  id: string;
  severity: Severity;
  description: string;
  /** For an error that is also reported as a warning in some cases: which. */
  warningWhen?: string;
}

/**
 * Every rule id any stage reports, one entry a rule; rules kept as modules of their own
 * (unit and duplicate rules) bring their own entries. README's rule catalogue lists
 * exactly these, with the same severity, and each is proved by a fixture under
 * test/fixtures/rules/ (test/rule-catalogue.test.ts checks all three against the sources).
 */
export const RULES: readonly RuleInfo[] = [
  // Settings, registry and boilerplate
  { id: 'config-missing', severity: 'error', description: 'no factsheet.yaml at the project root' },
  { id: 'config-invalid', severity: 'error', description: 'a setting of factsheet.yaml of the wrong form' },
  { id: 'config-unknown-key', severity: 'warning', description: 'a setting the tool does not know' },
  { id: 'yaml-syntax', severity: 'error', description: 'malformed YAML in frontmatter, registry, boilerplate, names, locks or settings', warningWhen: 'the YAML parser only warns' },
  { id: 'figures-missing', severity: 'error', description: 'no sources/figures.yaml' },
  { id: 'figure-invalid', severity: 'error', description: 'a registry entry that is not a mapping' },
  { id: 'figure-id-invalid', severity: 'error', description: 'a figure id of the wrong form' },
  { id: 'figure-value-invalid', severity: 'error', description: 'a value that is not digits, or past 30 digits before the point or 20 after' },
  { id: 'figure-date-invalid', severity: 'error', description: 'an as_of that is not a valid YYYY-MM or YYYY-MM-DD date' },
  { id: 'figure-field-unknown', severity: 'warning', description: 'a field the registry does not know' },
  { id: 'figure-sum-mismatch', severity: 'error', description: 'a declared value that its sum contradicts' },
  { id: 'figure-members-mismatch', severity: 'error', description: 'a declared value that its count of members contradicts' },
  { id: 'figure-member-invalid', severity: 'error', description: 'a members code that is not ISO 3166-1 alpha-2' },
  { id: 'figure-member-duplicate', severity: 'error', description: 'a members code listed twice' },
  { id: 'figure-member-withdrawn', severity: 'error', description: 'a members code withdrawn from ISO 3166-1' },
  { id: 'figure-derivation-cycle', severity: 'error', description: 'a figure derived, directly or not, from itself' },
  { id: 'boilerplate-missing', severity: 'error', description: 'no contact block for a language' },
  { id: 'boilerplate-invalid', severity: 'error', description: 'an incomplete contact block, or a phone number or e-mail address that is not valid' },
  { id: 'boilerplate-field-unknown', severity: 'warning', description: 'a boilerplate field the tool does not know' },
  { id: 'country-names-invalid', severity: 'error', description: 'an entry of sources/names/<lang>.yaml with an unknown code, an empty name or an unknown field' },
  // Source files
  { id: 'source-encoding-invalid', severity: 'error', description: 'a file that is not UTF-8' },
  { id: 'source-character-invalid', severity: 'error', description: 'a character no output format can carry' },
  { id: 'source-outside-project', severity: 'error', description: 'a link leading out of the project' },
  { id: 'source-missing', severity: 'error', description: 'a sheet with no file in the source language' },
  { id: 'sheet-id-invalid', severity: 'error', description: 'a sheet folder that is not kebab-case, or that is named `index` or `figures` (the names of each language\'s index and ledger pages)' },
  { id: 'language-invalid', severity: 'error', description: 'a file name that is not a canonical BCP 47 tag' },
  { id: 'language-unknown', severity: 'error', description: 'a file, or an entry of a sheet\'s languages:, for a language the project does not publish' },
  { id: 'translation-missing', severity: 'warning', description: 'a language a sheet is published in (its own languages:, else the project\'s) that it has no version in' },
  { id: 'translation-undeclared', severity: 'warning', description: 'a translation into a language its original\'s languages: leaves out: not published' },
  // Sheets
  { id: 'sheet-too-large', severity: 'error', description: 'a sheet source of more than 300,000 characters' },
  { id: 'sheet-empty', severity: 'error', description: 'nothing after the frontmatter' },
  { id: 'section-empty', severity: 'warning', description: 'a heading with no text' },
  { id: 'frontmatter-missing', severity: 'error', description: 'a sheet with no frontmatter' },
  { id: 'frontmatter-unclosed', severity: 'error', description: 'a frontmatter with no closing ---' },
  { id: 'frontmatter-invalid', severity: 'error', description: 'a frontmatter that is not a mapping' },
  { id: 'frontmatter-field-missing', severity: 'error', description: 'a required frontmatter field missing' },
  { id: 'frontmatter-field-invalid', severity: 'error', description: 'a frontmatter field of the wrong form' },
  { id: 'frontmatter-field-unknown', severity: 'warning', description: 'a frontmatter field the sheet format does not know' },
  { id: 'translation-of-invalid', severity: 'error', description: 'translation_of in an original, or naming another language than the source' },
  { id: 'heading-level', severity: 'error', description: 'a heading other than ##' },
  { id: 'markdown-unsupported', severity: 'error', description: 'Markdown a fact sheet does not have (tables, code, images, HTML, quotes)' },
  { id: 'list-item-complex', severity: 'error', description: 'a list item of more than one paragraph, or with a nested list' },
  { id: 'markdown-nesting', severity: 'error', description: 'lists, quotes or inline markup nested too deep to read' },
  { id: 'paragraph-too-large', severity: 'error', description: 'a paragraph or list too large to parse in reasonable time' },
  { id: 'link-invalid', severity: 'error', description: 'a link target the renderers refuse' },
  // Figure references
  { id: 'expression-syntax', severity: 'error', description: 'a malformed {{...}}' },
  { id: 'expression-invalid', severity: 'error', description: 'a Handlebars construct that is not a figure reference' },
  { id: 'expression-unsupported', severity: 'error', description: 'a Handlebars block, partial or other construct a sheet does not use' },
  { id: 'helper-unknown', severity: 'error', description: 'a helper other than words, month, year, names' },
  { id: 'figure-unknown', severity: 'error', description: 'a reference or a sum part naming no figure' },
  { id: 'figure-value-missing', severity: 'error', description: 'a number asked of a date-only figure' },
  { id: 'figure-date-missing', severity: 'error', description: 'a date asked of a figure without as_of' },
  { id: 'grammar-option-unknown', severity: 'error', description: 'an option a figure reference does not take, or given twice' },
  { id: 'grammar-form-unknown', severity: 'error', description: 'a case, gender or plural form the language does not have' },
  { id: 'plural-form-missing', severity: 'error', description: 'a noun without a plural form the language needs after a number' },
  { id: 'words-unsupported', severity: 'error', description: 'words of a number that cannot be spelled in the language' },
  { id: 'names-not-members', severity: 'error', description: '{{names id}} of a figure without members' },
  { id: 'country-name-missing', severity: 'error', description: '{{names id}} in a language with no name for one of the codes' },
  { ...LITERAL_FIGURE },
  { id: 'literal-members', severity: 'warning', description: 'country names typed that are most of a members figure' },
  // Translations
  { id: 'align-section-missing', severity: 'error', description: 'a section of the original missing from a translation' },
  { id: 'align-section-extra', severity: 'error', description: 'a section of a translation the original lacks' },
  { id: 'align-block-missing', severity: 'error', description: 'a paragraph or list of the original missing from a section' },
  { id: 'align-block-extra', severity: 'error', description: 'a paragraph or list of a translation the original lacks' },
  { id: 'align-item-missing', severity: 'error', description: 'a list item of the original missing from a translation' },
  { id: 'align-item-extra', severity: 'error', description: 'a list item of a translation the original lacks' },
  { id: 'align-figure-missing', severity: 'error', description: "a figure reference of the original's paragraph missing from the translation's" },
  { id: 'align-figure-extra', severity: 'error', description: "a figure reference of the translation's paragraph the original's lacks" },
  { id: 'align-figure-swapped', severity: 'error', description: "a figure reference standing where the original's has another" },
  { ...LITERAL_MISMATCH },
  { id: 'translation-stale', severity: 'warning', description: 'the original changed since the translation was reviewed' },
  { id: 'translation-unreviewed', severity: 'warning', description: 'a translation never marked reviewed' },
  { ...translationEdited },
  { id: 'review-lock-invalid', severity: 'error', description: 'a record of translations.lock.yaml that cannot be read' },
  // Templates
  { id: 'template-unknown', severity: 'error', description: 'a sheet naming a template that does not exist' },
  { id: 'template-incomplete', severity: 'error', description: 'a template folder, index or ledger page missing a file' },
  { id: 'template-syntax', severity: 'error', description: 'a template file, or SVG asset, that does not parse' },
  { id: 'template-style-invalid', severity: 'error', description: 'a style.yaml entry of the wrong form' },
  { id: 'template-labels-missing', severity: 'error', description: 'labels missing for a language, or a label that is not text: that language is held back' },
  { id: 'template-extends-unknown', severity: 'error', description: 'a template.yaml extending a template that does not exist' },
  { id: 'template-extends-cycle', severity: 'error', description: 'templates extending each other, or one extending itself' },
  { id: 'template-extends-invalid', severity: 'error', description: 'a template.yaml that is not a mapping with one field, extends, naming a template' },
  { id: 'template-font-missing', severity: 'error', description: 'a font file that does not exist' },
  { id: 'template-font-outside', severity: 'error', description: 'a font file outside the template folder or its package' },
  { id: 'template-font-invalid', severity: 'error', description: 'a font file that is not one font the PDF can embed' },
  { id: 'template-field-unknown', severity: 'error', description: 'a template naming a field its context does not have' },
  { id: 'template-partial-unknown', severity: 'error', description: '{{> name}} naming no partial of the template' },
  { id: 'template-helper-unknown', severity: 'error', description: "a template calling a helper other than Handlebars' own" },
  { id: 'template-page-invalid', severity: 'error', description: 'a page template that is empty or writes no <html> or <body>' },
  { id: 'template-asset-unsafe', severity: 'error', description: 'an SVG asset that does more than draw' },
  { id: 'glyph-missing', severity: 'error', description: 'a character the PDF draws that its font face has no glyph for' },
  // Outputs
  { id: 'render-failed', severity: 'error', description: 'a renderer failed on a valid sheet (a defect)' },
  { id: 'output-write-failed', severity: 'error', description: 'an output that could not be written' },
  { id: 'output-changed', severity: 'warning', description: 'an output changed by hand whose source is gone, left in place' },
  { id: 'output-mismatch', severity: 'error', description: 'a written document that does not state a figure as the model does' },
  { id: 'output-invalid', severity: 'error', description: 'a document that is not valid for its format, or a web page without the sheet text in order' },
  ...[...UNIT_RULES, ...DUPLICATE_RULES, ...DATE_RULES].map(({ id, severity, description }): RuleInfo => ({ id, severity, description })),
];
