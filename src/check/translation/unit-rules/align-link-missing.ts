import { diagnostic } from '../../../model/diagnostic.js';
import { linkPairs } from './link-pairs.js';
import { unitName, type UnitRule } from './unit-rule.js';

export const alignLinkMissing: UnitRule = {
  id: 'align-link-missing',
  severity: 'error',
  description: "a link of the original's paragraph or item is missing from the translation's",
  check(pair) {
    return linkPairs(pair.original, pair.translation).missing.map((link) =>
      diagnostic(this.severity, this.id, pair.inTranslation(pair.translation.span), `the link to "${link.url}" of the ${pair.lang} original is missing from this ${unitName(pair.translation)}`, [
        { location: pair.inOriginal(link.span), message: "the original's link" },
      ]),
    );
  },
};
