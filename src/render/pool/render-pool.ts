import { workerModule } from '../../worker-module.js';
import { Piscina } from 'piscina';
import type { Template } from '../../model/template.js';
import type { VerifiedOutput } from '../../verify/render-and-verify.js';
import type { RenderJob } from './render-job.js';
import { holdRenderHeaps } from './heap-policy.js';
import type { ShapedWords } from '../pdf/parsed-fonts.js';

/** An output rendered and read back, with the words its thread shaped for it (for a PDF), which the build keeps for the next. */
export interface RenderedOutput extends VerifiedOutput {
  shaped?: ShapedWords;
}

/**
 * Renders outputs and reads each back, in this thread or in worker threads. Callers
 * decide what to render and in which order they take the results; the pool decides only
 * where the work runs, so the bytes never depend on it. Reading back runs next to the
 * renderer: the workers share the reading as they share the rendering, and the main
 * thread loads no PDF reader for outputs rendered elsewhere. The caller makes sure the
 * bytes it writes are the bytes that were read back.
 */
export interface RenderPool {
  /** Threads rendering at once: the workers, or 1 for the main thread itself. */
  readonly threads: number;
  /** Whether the rendering is done in worker threads (else in the main thread). */
  readonly inWorkers: boolean;
  /**
   * From now on, render in `threads` workers at most (at least one; no more than the
   * pool was opened with): an early pool learns what the build needs once it is planned.
   */
  use(threads: number): void;
  render(job: RenderJob): Promise<RenderedOutput>;
  /** How many jobs each side has rendered so far: this thread and the workers. */
  shares(): { here: number; workers: number };
  close(): Promise<void>;
}

export interface RenderPoolOptions {
  /** Threads to use; 1 (or less) renders in the main thread, without workers. */
  threads: number;
  /** Every template a job may name, fonts included: sent once to each worker. */
  templates: ReadonlyMap<string, Template>;
  /** The bound of each worker's old-generation heap, in megabytes (default WORKER_HEAP_MB). */
  workerHeapMb?: number;
  /** Words shaped by an earlier build (its shaped-words file): every thread that renders takes them instead of shaping them again. */
  shapedWords?: ShapedWords;
  /**
   * Open before the build knows what it will render: one worker starts now, loads the
   * renderers and parses the templates' fonts, and renders whatever the build then
   * gives it, however little (`use` says how many workers in all). A build whose check
   * runs in one thread opens its pool so, and the worker gets ready on the core the
   * check leaves idle instead of after the check, in the main thread.
   */
  early?: boolean;
}

/**
 * The module piscina loads in each render worker: a CommonJS entry that imports the worker
 * (render-worker-entry.cts), so that piscina's require() never loads an ES module.
 */
export function renderWorkerModule(): string {
  return workerModule('render/pool/render-worker-entry', '.cjs');
}

/**
 * A worker costs about a second of CPU before its first PDF (loading pdfmake and docx,
 * parsing the fonts, warming up), about what a dozen outputs cost to render: a worker
 * is started only for each dozen outputs, so small builds render in the main thread.
 */
export const OUTPUTS_PER_WORKER = 12;

/** Threads for a build of `outputs` outputs with `jobs` allowed (1: the main thread; more: that many workers): never more than the work pays for. */
export function threadsFor(jobs: number, outputs: number): number {
  return Math.max(1, Math.min(jobs, Math.floor(outputs / OUTPUTS_PER_WORKER)));
}

/**
 * The bound of a render worker's old-generation heap, in megabytes. A worker keeps about
 * 45 MB live (its code, the parsed fonts), and without a bound grows its heap long before
 * collecting it (on 200 sheets x 2 languages, a build's peak was 820 MB instead of 590 MB).
 * With 128 MB, a major collection ran every half second or so, and the same build took
 * 44-48 s over six runs, where with 384 MB it took 38-45 s over eleven (the peak was
 * 560-606 MB either way: the bound is well above what a worker keeps).
 */
export const WORKER_HEAP_MB = 384;

/**
 * Jobs handed to each worker at once. A worker works on both, interleaved (piscina starts
 * a task as it arrives; ours wait on pdfmake and pdf.js between steps), so it never waits
 * for this thread to hand it the next. One at a time was no faster: on 200 sheets x 2
 * languages, three alternating pairs of cold builds took 41.7 to 44.2 s with one, 40.5
 * to 45.1 s with two.
 */
export const JOBS_PER_WORKER = 2;

interface Queued {
  job: RenderJob;
  resolve: (output: RenderedOutput) => void;
  reject: (error: unknown) => void;
}

/**
 * `renderAndVerify`, loaded when this thread first renders: a thread that only hands jobs
 * to workers does not load pdfmake, docx and their fonts' parser for nothing.
 */
function inThisThread(templates: ReadonlyMap<string, Template>, seed: ShapedWords | undefined): (job: RenderJob) => Promise<RenderedOutput> {
  let seeded = seed === undefined;
  return async (job) => {
    const fonts = job.format === 'pdf' ? await import('../pdf/parsed-fonts.js') : null;
    if (fonts && !seeded) {
      seeded = true;
      fonts.seedShapedWords(seed!);
    }
    const output = await (await import('../../verify/render-and-verify.js')).renderAndVerify(job, templates);
    return fonts ? { ...output, shaped: fonts.takeShapedWords() } : output;
  };
}

export function openRenderPool(options: RenderPoolOptions): RenderPool {
  const { threads, templates } = options;
  const early = options.early ?? false;
  if (threads <= 1 && !early) {
    // Collections rarer while the pool is open (heap-policy.ts).
    const release = holdRenderHeaps();
    let here = 0;
    const renderAndVerify = inThisThread(templates, options.shapedWords);
    const render = (job: RenderJob): Promise<RenderedOutput> => (here++, renderAndVerify(job));
    return { threads: 1, inWorkers: false, use: () => undefined, render, shares: () => ({ here, workers: 0 }), close: async () => release() };
  }
  // Every thread renders in a worker; the main thread hands out jobs and writes, stages and
  // commits what comes back. Rendering there too saved a heap, but a page it laid out held
  // up every worker waiting for its next job, and the garbage of rendering grew its heap: on
  // 200 sheets x 2 languages and 2 cores, two workers took 43 s and 550 MB where one worker
  // and the main thread took 48 s and 640 MB.
  const most = Math.max(1, threads);
  // Workers handed jobs at once; the pool starts more (up to `most`) as jobs wait.
  let workers = early ? 1 : most;
  const piscina = new Piscina<RenderJob, RenderedOutput>({
    filename: renderWorkerModule(),
    minThreads: workers,
    maxThreads: most,
    concurrentTasksPerWorker: JOBS_PER_WORKER,
    // pdfmake waits on the event loop between steps; a worker must not block on Atomics between tasks.
    atomics: 'disabled',
    workerData: { templates: new Map(templates), early, shapedWords: options.shapedWords ?? new Map() },
    // A worker left to itself grows its heap long before collecting it: a bound makes it collect
    // what one document leaves behind, so a build's memory does not grow with its workers.
    resourceLimits: { maxOldGenerationSizeMb: options.workerHeapMb ?? WORKER_HEAP_MB },
  });
  // Collections rarer while the pool is open (heap-policy.ts): V8 reads the setting at each
  // thread's next full collection, so workers started a moment before take it too.
  const release = holdRenderHeaps();
  // A worker that dies outside a job (out of memory while starting, say) would be started
  // again and again with the queued jobs waiting on it: the pool is given up instead, its
  // queued jobs fail, and they and every later job are rendered in this thread.
  let broken = false;
  let closing: Promise<void> | null = null;
  const close = (): Promise<void> => (closing ??= piscina.destroy().finally(release));
  piscina.on('error', () => {
    broken = true;
    void close().catch(() => undefined);
  });
  // Jobs wait here, not in the pool's own queue, and go to the workers in the order given,
  // JOBS_PER_WORKER at a time.
  const queue: Queued[] = [];
  let inWorkers = 0;
  const done = { here: 0, workers: 0 };
  const renderHere = inThisThread(templates, options.shapedWords);
  const here = (job: RenderJob): Promise<RenderedOutput> => (done.here++, renderHere(job));
  const inWorker = (task: Queued): void => {
    inWorkers++;
    const work = piscina.run(task.job).then((output) => (done.workers++, output)).catch((error: unknown) => {
      // A document too large for a worker's bound is rendered in this thread, which has none.
      if (broken || (error as NodeJS.ErrnoException)?.code === 'ERR_WORKER_OUT_OF_MEMORY') return here(task.job);
      throw error;
    });
    work
      .finally(() => {
        inWorkers--;
        dispatch();
      })
      .then(task.resolve, task.reject);
  };
  const dispatch = (): void => {
    while (queue.length > 0 && (broken || inWorkers < workers * JOBS_PER_WORKER)) {
      const task = queue.shift()!;
      if (broken) here(task.job).then(task.resolve, task.reject);
      else inWorker(task);
    }
  };
  const render = (job: RenderJob): Promise<RenderedOutput> =>
    new Promise<RenderedOutput>((resolve, reject) => {
      queue.push({ job, resolve, reject });
      // Started once the caller has handed over every job it has at hand.
      queueMicrotask(dispatch);
    });
  const use = (wanted: number): void => {
    workers = Math.max(1, Math.min(most, wanted));
    dispatch();
  };
  return {
    get threads() {
      return workers;
    },
    inWorkers: true,
    use,
    render,
    shares: () => ({ ...done }),
    close,
  };
}
