import type { FactSheet } from '../../src/model/index.js';

/** The model as golden JSON, with each span written compactly as "line:column-line:column". */
export function modelJson(sheet: FactSheet): string {
  return `${JSON.stringify(
    sheet,
    (key, value: unknown) => {
      if (key === 'span' && value && typeof value === 'object') {
        const { start, end } = value as { start: { line: number; column: number }; end: { line: number; column: number } };
        return `${start.line}:${start.column}-${end.line}:${end.column}`;
      }
      return value;
    },
    2,
  )}\n`;
}
