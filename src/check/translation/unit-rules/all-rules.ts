import { alignEmphasisMissing } from './align-emphasis-missing.js';
import { alignLinkChanged } from './align-link-changed.js';
import { alignLinkExtra } from './align-link-extra.js';
import { alignLinkMissing } from './align-link-missing.js';
import { alignReferenceOrder } from './align-reference-order.js';
import type { UnitRule } from './unit-rule.js';

/** The rules run over every aligned pair of units. */
export const UNIT_RULES: readonly UnitRule[] = [alignLinkMissing, alignLinkExtra, alignLinkChanged, alignEmphasisMissing, alignReferenceOrder];
