import { excerpt } from '../translation/units.js';
import type { DuplicateRule } from './duplicate-rule.js';

// An error: a paragraph printed twice is a paste accident no reader should see.
export const duplicateBlock: DuplicateRule = {
  id: 'duplicate-block',
  severity: 'error',
  description: 'a paragraph or list repeating an earlier one of the same file word for word',
  kind: 'block',
  message: (duplicate) => `this ${duplicate.what} repeats an earlier one word for word: "${excerpt(duplicate.inlines)}"; delete one copy`,
};
