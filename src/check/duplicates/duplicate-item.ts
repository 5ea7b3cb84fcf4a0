import { excerpt } from '../translation/units.js';
import type { DuplicateRule } from './duplicate-rule.js';

// Only within one list: items of different lists may repeat on purpose.
export const duplicateItem: DuplicateRule = {
  id: 'duplicate-item',
  severity: 'error',
  description: 'a list item repeating an earlier item of the same list word for word',
  kind: 'item',
  message: (duplicate) => `this list item repeats an earlier item of the same list word for word: "${excerpt(duplicate.inlines)}"; delete one copy`,
};
