import type { CountryNameSettings } from '../figures/country-names.js';
import { valueAt } from '../figures/dated-values.js';
import type { Derivation, Registry } from '../figures/registry.js';
import { diagnostic, type Diagnostic } from '../model/diagnostic.js';
import type { FactSheet } from '../model/fact-sheet.js';
import type { Location } from '../model/position.js';
import { walkInlines } from '../model/walk-inlines.js';
import type { SourceFile } from '../text/source-file.js';
import { textLocation } from './translation/literals.js';
import { sectionUnits } from './translation/review-lock.js';
import { headUnits } from './translation/units.js';

/**
 * Rule `literal-members` (warning): country names typed in a paragraph that are most of
 * a members figure's countries (at least half, and at least three) should be
 * `{{names id}}`, or the list will not follow when the registry's list changes.
 */
export const LITERAL_MEMBERS = { id: 'literal-members', severity: 'warning', description: "typed country names that are most of a members figure's list" } as const;

const MIN_NAMES = 3;

interface TypedName {
  code: string;
  name: string;
  location: Location;
  offset: number;
}

/** A list of names typed in one version: which figure's countries, and the warning. */
export interface TypedList {
  figure: string;
  diagnostic: Diagnostic;
}

/** The members figures whose countries, at the sheet's date, each version types. */
export function typedMemberLists(sheet: FactSheet, file: SourceFile, registry: Registry, countryNames: CountryNameSettings): TypedList[] {
  // The countries of the value in force at the sheet's date: a sheet of 2013 names the partners of 2013.
  const members = [...registry.figures.values()].flatMap((figure) => {
    const list = valueAt(figure.history, sheet.meta.date)?.members;
    return list && list.codes.length >= MIN_NAMES ? [{ figure, list }] : [];
  });
  if (members.length === 0) return [];
  const patterns = new Map(members.map((member) => [member, namePatterns(member.list, sheet.lang, countryNames)]));
  const start = { line: 1, column: 1, offset: 0 };
  const units = [...headUnits(sheet, sheet.sections[0]?.span ?? { start, end: start }), ...sheet.sections.flatMap(sectionUnits)];
  const lists: TypedList[] = [];
  for (const unit of units) {
    const texts = [...walkInlines(unit.inlines)].flatMap((node) => (node.type === 'text' ? [node] : []));
    for (const member of members) {
      const { figure, list } = member;
      const typed = new Map<string, TypedName>();
      for (const node of texts) {
        for (const [code, pattern] of patterns.get(member)!) {
          if (typed.has(code)) continue;
          const match = pattern.exec(node.value);
          if (match) {
            const location = textLocation(node, match.index, match.index + match[0].length, file);
            typed.set(code, { code, name: match[0], location, offset: location.start.offset });
          }
        }
      }
      const count = list.codes.length;
      if (typed.size < MIN_NAMES || typed.size * 2 < count) continue;
      const names = [...typed.values()].sort((a, b) => a.offset - b.offset);
      lists.push({
        figure: figure.id,
        diagnostic: diagnostic(
          LITERAL_MEMBERS.severity,
          LITERAL_MEMBERS.id,
          names[0]!.location,
          `${names.length} of the ${count} countries of "${figure.id}" are typed (${names.map((n) => n.name).join(', ')}); write {{names ${figure.id}}} so the list follows the registry`,
          [{ location: list.location, message: `the members of "${figure.id}" are listed here` }],
        ),
      });
    }
  }
  return lists;
}

/**
 * The warnings of every version of the project. A problem of the original is reported
 * once, at the original: a translation that types the names of a figure its original
 * types too is not told to change; one that types names its original writes as
 * `{{names id}}` is.
 */
export function literalMembersWarnings(versions: readonly { sheet: FactSheet; file: SourceFile; original: boolean }[], registry: Registry, countryNames: (lang: string) => CountryNameSettings): Diagnostic[] {
  const typed = new Map(versions.map((v) => [v, typedMemberLists(v.sheet, v.file, registry, countryNames(v.sheet.lang))]));
  const inOriginal = new Set(versions.filter((v) => v.original).flatMap((v) => typed.get(v)!.map((list) => `${v.sheet.id} ${list.figure}`)));
  return versions.flatMap((v) => typed.get(v)!.filter((list) => v.original || !inOriginal.has(`${v.sheet.id} ${list.figure}`)).map((list) => list.diagnostic));
}

/** For each member, a pattern finding its project name or its CLDR name as whole words. */
function namePatterns(list: Extract<Derivation, { kind: 'members' }>, lang: string, countryNames: CountryNameSettings): Map<string, RegExp> {
  const cldr = Intl.DisplayNames.supportedLocalesOf([lang]).length > 0 ? new Intl.DisplayNames([lang], { type: 'region', fallback: 'none' }) : null;
  const patterns = new Map<string, RegExp>();
  for (const { name: code } of list.codes) {
    // The project's name first: "la République de Corée" rather than its tail.
    const names = [countryNames.names.get(code), cldr?.of(code)].filter((n): n is string => !!n);
    if (names.length === 0) continue;
    patterns.set(code, new RegExp(`(?<![\\p{L}\\p{N}])(?:${names.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}])`, 'u'));
  }
  return patterns;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
