import { diagnostic } from '../../../model/diagnostic.js';
import { linkPairs } from './link-pairs.js';
import type { UnitRule } from './unit-rule.js';

export const alignLinkChanged: UnitRule = {
  id: 'align-link-changed',
  severity: 'error',
  description: "a link of the translation pointing elsewhere than the original's",
  check(pair) {
    return linkPairs(pair.original, pair.translation).changed.map(({ original, translation }) =>
      diagnostic(this.severity, this.id, pair.inTranslation(translation.span), `this link goes to "${translation.url}" where the ${pair.lang} original's goes to "${original.url}"`, [
        { location: pair.inOriginal(original.span), message: "the original's link" },
      ]),
    );
  },
};
