import { describe, expect, it } from 'vitest';
import { checkProject } from '../src/check/check-project.js';
import { HEAP_GROWING_PERCENT, holdRenderHeaps, renderHeapHolds } from '../src/render/pool/heap-policy.js';
import { openRenderPool } from '../src/render/pool/index.js';
import { readProject } from '../src/sources/read-project.js';
import { REPO } from './helpers/project.js';

// While a render pool is open, V8 gives the heaps more room after a full collection
// (heap-policy.ts); when the last pool closes, V8's own rule is back.

describe('the render heaps policy', () => {
  it('sets the flag at the first hold and restores V8 default at the last release, once per hold', () => {
    const set: string[] = [];
    const first = holdRenderHeaps((flags) => set.push(flags));
    const second = holdRenderHeaps((flags) => set.push(flags));
    expect(set).toEqual([`--heap-growing-percent=${HEAP_GROWING_PERCENT}`]);
    first();
    first();
    expect(set).toHaveLength(1);
    second();
    expect(set).toEqual([`--heap-growing-percent=${HEAP_GROWING_PERCENT}`, '--heap-growing-percent=0']);
    expect(renderHeapHolds()).toBe(0);
  });

  it('leaves a growth the command was started with as the user chose it', () => {
    const set: string[] = [];
    for (const arg of ['--heap-growing-percent=30', '--heap_growing_percent=30']) holdRenderHeaps((flags) => set.push(flags), ['--import', 'x.js', arg])();
    expect(set).toEqual([]);
    expect(renderHeapHolds()).toBe(0);
    holdRenderHeaps((flags) => set.push(flags), ['--heap-growing-percentage-of-nothing'])();
    expect(set).toEqual([`--heap-growing-percent=${HEAP_GROWING_PERCENT}`, '--heap-growing-percent=0']);
  });

  it('holds while a render pool is open, in workers or in this thread, and not after it closes', async () => {
    const result = await checkProject(await readProject(REPO), { webPages: false });
    for (const threads of [1, 2]) {
      const pool = openRenderPool({ threads, templates: result.templates });
      expect(renderHeapHolds()).toBe(1);
      await pool.close();
      expect(renderHeapHolds()).toBe(0);
    }
  });
});
