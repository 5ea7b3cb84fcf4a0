import { diagnostic } from '../../../model/diagnostic.js';
import type { Emphasis, Strong } from '../../../model/fact-sheet.js';
import { plainText } from '../../../model/plain-text.js';
import { comparable } from '../../../typography/index.js';
import { walkInlines } from '../../../model/walk-inlines.js';
import type { Unit } from '../units.js';
import { unitName, type UnitRule } from './unit-rule.js';

type Run = Strong | Emphasis;

export const alignEmphasisMissing: UnitRule = {
  id: 'align-emphasis-missing',
  severity: 'warning',
  description: "a strong or emphasis run of the original's paragraph or item that the translation's dropped",
  check(pair) {
    return (['strong', 'emphasis'] as const).flatMap((type) =>
      dropped(runsOf(pair.original, type), runsOf(pair.translation, type)).map((run) =>
        diagnostic(this.severity, this.id, pair.inTranslation(pair.translation.span), `this ${unitName(pair.translation)} has no ${type} run for the ${pair.lang} original's "${plainText(run.children).trim()}"`, [
          { location: pair.inOriginal(run.span), message: `the original's ${type} run` },
        ]),
      ),
    );
  },
};

/** A run's text with typography set aside: « NATO » and "NATO" are the same name. */
function comparableText(run: Run): string {
  return comparable(plainText(run.children)).trim();
}

function runsOf(unit: Unit, type: Run['type']): Run[] {
  const runs: Run[] = [];
  for (const node of walkInlines(unit.inlines)) if (node.type === type) runs.push(node);
  return runs;
}

/**
 * The original's runs the translation has no counterpart for. A run whose text the
 * translation keeps (a name, an acronym) is matched first; the others pair up in
 * reading order, so only the surplus of the original is reported.
 */
function dropped(original: Run[], translation: Run[]): Run[] {
  const left = [...original];
  const unmatched: Run[] = [];
  for (const run of translation) {
    const index = left.findIndex((o) => comparableText(o) === comparableText(run));
    if (index >= 0) left.splice(index, 1);
    else unmatched.push(run);
  }
  return left.slice(unmatched.length);
}
