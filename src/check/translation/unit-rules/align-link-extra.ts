import { diagnostic } from '../../../model/diagnostic.js';
import { linkPairs } from './link-pairs.js';
import { unitName, type UnitRule } from './unit-rule.js';

export const alignLinkExtra: UnitRule = {
  id: 'align-link-extra',
  severity: 'error',
  description: "a link of the translation's paragraph or item that the original's lacks",
  check(pair) {
    return linkPairs(pair.original, pair.translation).extra.map((link) =>
      diagnostic(this.severity, this.id, pair.inTranslation(link.span), `the link to "${link.url}" is not in the matching ${unitName(pair.original)} of the ${pair.lang} original`, [
        { location: pair.inOriginal(pair.original.span), message: `the matching ${unitName(pair.original)} of the original` },
      ]),
    );
  },
};
