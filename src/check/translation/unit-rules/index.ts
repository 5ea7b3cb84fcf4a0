export { UNIT_RULES } from './all-rules.js';
export type { ReviewContext, UnitPair, UnitRule } from './unit-rule.js';
export { alignReferenceOrder } from './align-reference-order.js';
