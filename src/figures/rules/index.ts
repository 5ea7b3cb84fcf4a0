import { figureAfterSheet } from './figure-after-sheet.js';
import { figureDateDiffers } from './figure-date-differs.js';
import { figureDateDuplicate } from './figure-date-duplicate.js';
import { figureDateOrder } from './figure-date-order.js';
import type { RuleMeta } from './registry-rule.js';

export { figureAfterSheet, figureDateDiffers, figureDateDuplicate, figureDateOrder };
export type { RuleMeta };

/** The rules of the registry's dates, each with its id, severity and description beside its check. */
export const DATE_RULES: readonly RuleMeta[] = [figureAfterSheet, figureDateOrder, figureDateDuplicate, figureDateDiffers];
