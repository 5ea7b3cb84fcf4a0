import { excerpt } from '../translation/units.js';
import type { DuplicateRule } from './duplicate-rule.js';

// An error: a section printed twice is a paste accident no reader should see.
export const duplicateSection: DuplicateRule = {
  id: 'duplicate-section',
  severity: 'error',
  description: 'a section whose heading and text repeat an earlier section of the same file word for word',
  kind: 'section',
  message: (duplicate) => `section "${excerpt(duplicate.inlines)}" repeats an earlier section word for word; delete one copy`,
};
