import type { CountryNameSettings } from '../figures/country-names.js';
import type { Figure, Registry } from '../figures/registry.js';
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

export function literalMembersWarnings(sheet: FactSheet, file: SourceFile, registry: Registry, countryNames: CountryNameSettings): Diagnostic[] {
  const members = [...registry.figures.values()].filter((f) => f.derivation?.kind === 'members' && f.derivation.codes.length >= MIN_NAMES);
  if (members.length === 0) return [];
  const patterns = new Map(members.map((figure) => [figure, namePatterns(figure, sheet.lang, countryNames)]));
  const start = { line: 1, column: 1, offset: 0 };
  const units = [...headUnits(sheet, sheet.sections[0]?.span ?? { start, end: start }), ...sheet.sections.flatMap(sectionUnits)];
  const diagnostics: Diagnostic[] = [];
  for (const unit of units) {
    const texts = [...walkInlines(unit.inlines)].flatMap((node) => (node.type === 'text' ? [node] : []));
    for (const figure of members) {
      const typed = new Map<string, TypedName>();
      for (const node of texts) {
        for (const [code, pattern] of patterns.get(figure)!) {
          if (typed.has(code)) continue;
          const match = pattern.exec(node.value);
          if (match) {
            const location = textLocation(node, match.index, match.index + match[0].length, file);
            typed.set(code, { code, name: match[0], location, offset: location.start.offset });
          }
        }
      }
      const count = (figure.derivation as { codes: unknown[] }).codes.length;
      if (typed.size < MIN_NAMES || typed.size * 2 < count) continue;
      const names = [...typed.values()].sort((a, b) => a.offset - b.offset);
      diagnostics.push(
        diagnostic(
          LITERAL_MEMBERS.severity,
          LITERAL_MEMBERS.id,
          names[0]!.location,
          `${names.length} of the ${count} countries of "${figure.id}" are typed (${names.map((n) => n.name).join(', ')}); write {{names ${figure.id}}} so the list follows the registry`,
          [{ location: figure.derivation!.location, message: `the members of "${figure.id}" are listed here` }],
        ),
      );
    }
  }
  return diagnostics;
}

/** For each member, a pattern finding its project name or its CLDR name as whole words. */
function namePatterns(figure: Figure, lang: string, countryNames: CountryNameSettings): Map<string, RegExp> {
  const cldr = Intl.DisplayNames.supportedLocalesOf([lang]).length > 0 ? new Intl.DisplayNames([lang], { type: 'region', fallback: 'none' }) : null;
  const patterns = new Map<string, RegExp>();
  for (const { name: code } of (figure.derivation as { codes: { name: string }[] }).codes) {
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
