import { setFlagsFromString } from 'node:v8';

/*
 * How much room V8 gives a heap after a full collection while a build renders.
 *
 * Left to its own rule, the main thread of a large build collected its whole heap
 * again and again: it allocates little while it hands out jobs and writes what comes
 * back, so V8 gave its heap a small margin over what it keeps (60 MB kept, a limit of
 * 84 MB), smaller than its young generation, and in that case V8 starts the next
 * full collection at once. On 200 sheets x 2 languages, 37 to 55 full collections of
 * a 60 MB heap each freed 2 to 6 MB, a sixth of a core for the whole build. The
 * render workers collected 21 to 25 times each, and a full collection costs them more
 * than its own time: V8 keeps a function's optimised code only while a closure using
 * it lives, and pdf.js, pdfkit and docx make their functions anew for each document,
 * so after each collection the next documents are compiled again (pdf.js's text
 * extraction, `buildTextContentItem`, once per collection in each worker).
 *
 * While a render pool is open, every heap (this thread's and the workers') may
 * therefore grow by HEAP_GROWING_PERCENT of what it kept before the next full
 * collection. On that corpus the main thread then collected 11 times and each worker
 * 14 to 15, and five alternating pairs of cold builds took 34.8 to 41.5 s against
 * 40.4 to 45.7 s, the peak 604 to 632 MB against 579 to 595 MB (README, Performance).
 * When the last pool closes the flag goes back to 0, V8's own rule, so a watch
 * waiting for the next save keeps no more than V8 would.
 *
 * The flag is V8's, set while the process runs: V8 reads it each time it sets a
 * heap's next limit, after a full collection, in whichever thread.
 */

/** How much a heap may grow after a full collection before the next, in percent of what it kept. */
export const HEAP_GROWING_PERCENT = 70;

let holders = 0;

/**
 * Sets the render heaps' policy until the returned function is called (once per hold);
 * holds nest: the policy goes when the last is released. `set` applies a V8 flag. A
 * growth the command was started with (`node --heap-growing-percent=N`, in `execArgv`)
 * is the user's choice, and is left as it is.
 */
export function holdRenderHeaps(set: (flags: string) => void = setFlagsFromString, execArgv: readonly string[] = process.execArgv): () => void {
  const chosen = execArgv.some((arg) => /^--heap[-_]growing[-_]percent(=|$)/.test(arg));
  if (holders++ === 0 && !chosen) set(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    // 0 is V8's default: its own rule.
    if (--holders === 0 && !chosen) set('--heap-growing-percent=0');
  };
}

/** How many holds are open: the render pools open now. */
export function renderHeapHolds(): number {
  return holders;
}
