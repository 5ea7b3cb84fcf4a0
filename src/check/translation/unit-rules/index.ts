export { UNIT_RULES } from './all-rules.js';
export type { UnitPair, UnitRule } from './unit-rule.js';
