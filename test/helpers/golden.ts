import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';

/**
 * Compares `actual` with the golden file, writing it when it is missing or when
 * UPDATE=1. A rewritten golden is reviewed as a diff before it is committed.
 */
export function expectGolden(file: string, actual: string): void {
  if (process.env.UPDATE === '1' || (!existsSync(file) && process.env.CI !== 'true')) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, actual);
    return;
  }
  expect(actual).toBe(readFileSync(file, 'utf8'));
}
