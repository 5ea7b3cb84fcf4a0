import { diagnostic, type Diagnostic } from '../model/diagnostic.js';
import type { Contact, FactSheet } from '../model/fact-sheet.js';
import type { Template } from '../model/template.js';
import type { ProjectConfig } from '../parse/config.js';

/**
 * What a language needs before any sheet publishes in it, besides the sheet itself: its
 * contact block and its template's labels. A language lacking one is held back alone,
 * with one problem for the language rather than one per sheet, while the other languages
 * publish; the source language lacking one holds back every sheet, as its translations
 * are checked against it.
 */
export interface LanguageReadiness {
  /** Problems that concern a whole language: they hold back its versions, not the project, though some sit in factsheet.yaml. */
  diagnostics: Set<Diagnostic>;
  /** Whether a version cannot publish for want of what its language needs. */
  holdsBack(sheet: FactSheet, templates: ReadonlyMap<string, Template>): boolean;
}

/**
 * A declared language without a boilerplate file is reported once, at its entry in
 * `factsheet.yaml`; `contacts` holds the languages that have a file (null when it could not be read).
 */
export function languageReadiness(config: ProjectConfig, contacts: ReadonlyMap<string, Contact | null>): LanguageReadiness {
  const diagnostics = new Set<Diagnostic>();
  const lacking = new Set<string>();
  for (const lang of config.languages) {
    if (contacts.has(lang)) continue;
    lacking.add(lang);
    diagnostics.add(
      diagnostic(
        'error',
        'boilerplate-missing',
        config.languageLocations.get(lang) ?? config.languagesLocation,
        `no boilerplate for language "${lang}": write sources/boilerplate/${lang}.yaml with the contact block; until then nothing is published in "${lang}"`,
      ),
    );
  }
  return {
    diagnostics,
    // A template without labels for the language is reported where its labels are (parse/template.ts).
    holdsBack: (sheet, templates) => lacking.has(sheet.lang) || templates.get(sheet.meta.template)?.labels.has(sheet.lang) === false,
  };
}

/** The versions a sheet's own `languages:` leaves out, and the translations it declares but lacks. */
export interface SheetLanguages {
  diagnostics: Diagnostic[];
  /** Translations (`lang/id`) of languages their original does not declare: not published. */
  undeclared: Set<string>;
}

/**
 * Each original is asked for a translation only in the languages it is published in:
 * its own `languages:` when it declares them, else every language of the project. A
 * translation into a language its original does not declare is not published.
 * `originals` holds every original read; `versions` every sheet file by id and language.
 */
export function sheetLanguages(
  config: ProjectConfig,
  originals: ReadonlyArray<{ id: string; file: { head(): Diagnostic['location'] }; sheet: FactSheet | null }>,
  versions: ReadonlyArray<{ id: string; lang: string; file: { head(): Diagnostic['location'] } }>,
): SheetLanguages {
  const diagnostics: Diagnostic[] = [];
  const undeclared = new Set<string>();
  for (const original of originals) {
    const declared = original.sheet?.meta.languages;
    const declaredAt = original.sheet?.meta.languagesAt;
    const languages = declared ?? config.languages;
    const cite = declaredAt
      ? { location: declaredAt, message: 'the sheet declares its languages here' }
      : { location: config.languagesLocation, message: 'the published languages are declared here' };
    const own = versions.filter((v) => v.id === original.id);
    const missing = languages.filter((lang) => !own.some((v) => v.lang === lang));
    if (missing.length > 0) {
      diagnostics.push(
        diagnostic(
          'warning',
          'translation-missing',
          original.file.head(),
          `sheet "${original.id}" is not translated into ${missing.map((l) => `"${l}"`).join(', ')}: write ${missing.map((l) => `sources/${original.id}/${l}.md`).join(', ')}`,
          [cite],
        ),
      );
    }
    if (!declared || !declaredAt) continue;
    for (const version of own.filter((v) => !declared.includes(v.lang))) {
      undeclared.add(`${version.lang}/${version.id}`);
      diagnostics.push(
        diagnostic(
          'warning',
          'translation-undeclared',
          version.file.head(),
          `sheet "${original.id}" is not published in "${version.lang}": add "${version.lang}" to its languages, or remove this file`,
          [{ location: declaredAt, message: 'the sheet declares its languages here' }],
        ),
      );
    }
  }
  return { diagnostics, undeclared };
}
