import { describe, expect, it } from 'vitest';
import { parseRegistry, resolveDerivations } from '../src/figures/index.js';
import { SourceFile } from '../src/text/source-file.js';

function registryOf(yaml: string) {
  const { registry, diagnostics } = parseRegistry(new SourceFile('sources/figures.yaml', yaml));
  expect(diagnostics).toEqual([]);
  return { registry, diagnostics: resolveDerivations(registry) };
}

/** a1 = sum[a2], a2 = sum[a3], ..., the last one with a value. */
function chain(length: number, last: string): string {
  const lines: string[] = [];
  for (let i = 1; i < length; i++) lines.push(`a${i}:\n  sum: [a${i + 1}]`);
  lines.push(`a${length}:\n  ${last}`);
  return lines.join('\n');
}

describe('derivation chains', () => {
  it('settle a chain of 2,000 sums without running out of stack', () => {
    const { registry, diagnostics } = registryOf(chain(2000, 'value: 7'));
    expect(diagnostics).toEqual([]);
    expect(registry.figures.get('a1')!.value).toEqual(registry.figures.get('a2000')!.value);
    expect(registry.figures.get('a1')!.broken).toBe(false);
  });

  it('report a cycle closing a chain of 2,000 sums once, where it closes', () => {
    const { registry, diagnostics } = registryOf(chain(2000, 'sum: [a1]'));
    expect(diagnostics.map((d) => `${d.location.start.line}: ${d.message} [${d.ruleId}]`)).toEqual([
      '4000: "a2000" cannot be derived from "a1", which is itself derived from "a2000" [figure-derivation-cycle]',
    ]);
    expect([...registry.figures.values()].every((f) => f.broken)).toBe(true);
  });
});
