import { describe, expect, it } from 'vitest';
import { EARLY_OUTPUTS, earlyRenders } from '../src/build/early-renders.js';
import { emptySheetCheck, type SheetCheck } from '../src/check/sheet-cache.js';
import type { FactSheet } from '../src/model/fact-sheet.js';
import type { RenderJob, RenderPool } from '../src/render/pool/index.js';
import type { RenderedOutput } from '../src/render/pool/render-pool.js';

// The outputs a rebuild starts while its check runs are those of the versions whose text
// changed, and the plan takes one only for the very job it would hand the pool itself.

function version(id: string, lang: string, text: string): FactSheet {
  return { id, lang, file: `sources/${id}/${lang}.md`, meta: { template: 'factsheet', title: [{ type: 'text', value: text }] }, sections: [], contact: {} } as unknown as FactSheet;
}

/** A pool that records the jobs it is given; each output carries the words "shaped" for its job. */
function recordingPool(): { pool: RenderPool; jobs: RenderJob[] } {
  const jobs: RenderJob[] = [];
  const render = (job: RenderJob): Promise<RenderedOutput> => {
    jobs.push(job);
    const word = `${job.sheet.lang}/${job.sheet.id}.${job.format}`;
    return Promise.resolve({ bytes: new Uint8Array(), diagnostics: [], missed: [], shaped: new Map([['font', [[word, null as never]]]]) });
  };
  return { pool: { threads: 1, inWorkers: true, use: () => undefined, render, shares: () => ({ here: 0, workers: jobs.length }), close: async () => undefined }, jobs };
}

function kept(...versions: FactSheet[]): Map<string, SheetCheck> {
  const entries = new Map<string, SheetCheck>();
  for (const v of versions) {
    const entry = entries.get(v.id) ?? emptySheetCheck('key');
    entry.typeset.push(v);
    entries.set(v.id, entry);
  }
  return entries;
}

const formats = ['pdf', 'docx', 'html'] as const;
const jobOf = (sheet: FactSheet, format: RenderJob['format'], languages = ['en', 'fr']): RenderJob => ({ sheet, format, template: 'factsheet', languages, sourceDateEpoch: null });

describe('outputs rendered while the check runs', () => {
  it('are started for the versions whose text changed, in every format, linking the languages of the sheet', () => {
    const { pool, jobs } = recordingPool();
    const early = earlyRenders(pool, { formats, sheets: [], langs: [], sourceDateEpoch: null }, () => kept(version('a', 'fr', 'Avant'), version('a', 'en', 'Same')));
    const fr = version('a', 'fr', 'Après');
    const en = version('a', 'en', 'Same');
    early.typeset('a', [fr, en], ['fr', 'en', 'ar']);
    // The English version is typeset as before: its outputs are most likely up to date.
    expect(jobs).toEqual(formats.map((format) => jobOf(fr, format)));
  });

  it('are started for every version of a sheet the last check did not have', () => {
    const { pool, jobs } = recordingPool();
    const early = earlyRenders(pool, { formats: ['html'], sheets: [], langs: [], sourceDateEpoch: 7 }, () => new Map());
    const versions = [version('new', 'fr', 'Texte'), version('new', 'en', 'Text')];
    early.typeset('new', versions, ['fr', 'en']);
    expect(jobs).toEqual(versions.map((sheet) => ({ ...jobOf(sheet, 'html'), sourceDateEpoch: 7 })));
  });

  it('are not started for a sheet the build leaves out', () => {
    const { pool, jobs } = recordingPool();
    const early = earlyRenders(pool, { formats, sheets: ['b'], langs: [], sourceDateEpoch: null }, () => new Map());
    early.typeset('a', [version('a', 'fr', 'Texte')], ['fr']);
    expect(jobs).toEqual([]);
    const b = version('b', 'fr', 'Texte');
    early.typeset('b', [b], ['fr']);
    expect(jobs).toEqual(formats.map((format) => jobOf(b, format, ['fr'])));
  });

  it('are not started by a build of some languages only, whose pages link the languages its folder holds', () => {
    const { pool, jobs } = recordingPool();
    const early = earlyRenders(pool, { formats, sheets: [], langs: ['fr'], sourceDateEpoch: null }, () => new Map());
    early.typeset('a', [version('a', 'fr', 'Texte')], ['fr', 'en']);
    expect(jobs).toEqual([]);
  });

  it('are given to the plan for the same job only, once', async () => {
    const { pool } = recordingPool();
    const early = earlyRenders(pool, { formats, sheets: [], langs: [], sourceDateEpoch: null }, () => new Map());
    const fr = version('a', 'fr', 'Texte');
    early.typeset('a', [fr], ['fr', 'en']);
    // Another copy of the same text, other languages linked, another date, another template: not the job started.
    expect(early.take(jobOf(version('a', 'fr', 'Texte'), 'pdf', ['fr']))).toBeNull();
    expect(early.take(jobOf(fr, 'pdf', ['en', 'fr']))).toBeNull();
    expect(early.take({ ...jobOf(fr, 'pdf', ['fr']), sourceDateEpoch: 1 })).toBeNull();
    expect(early.take({ ...jobOf(fr, 'pdf', ['fr']), template: 'other' })).toBeNull();
    const taken = early.take(jobOf(fr, 'pdf', ['fr']));
    expect(taken).not.toBeNull();
    expect((await taken!).shaped).toEqual(new Map([['font', [['fr/a.pdf', null]]]]));
    expect(early.take(jobOf(fr, 'pdf', ['fr']))).toBeNull();
    expect(early.taken()).toBe(1);
  });

  it('are no more than a rebuild of a few sheets renders', () => {
    const { pool, jobs } = recordingPool();
    const early = earlyRenders(pool, { formats, sheets: [], langs: [], sourceDateEpoch: null }, () => new Map());
    for (let i = 0; i < 10; i++) early.typeset(`s${i}`, [version(`s${i}`, 'fr', 'Texte')], ['fr']);
    expect(jobs).toHaveLength(EARLY_OUTPUTS);
    expect(new Set(jobs.map((job) => job.sheet.id)).size).toBe(EARLY_OUTPUTS / formats.length);
  });

  it('when the plan does not take them, are waited for, and give the words their threads shaped', async () => {
    const { pool } = recordingPool();
    const early = earlyRenders(pool, { formats, sheets: [], langs: [], sourceDateEpoch: null }, () => new Map());
    const fr = version('a', 'fr', 'Texte');
    early.typeset('a', [fr], ['fr']);
    early.take(jobOf(fr, 'docx', ['fr']));
    const words = await early.settle();
    expect(words.map((shaped) => shaped!.get('font')![0]![0]).sort()).toEqual(['fr/a.html', 'fr/a.pdf']);
    expect(early.take(jobOf(fr, 'pdf', ['fr']))).toBeNull();
  });
});
