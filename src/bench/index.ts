export { runBench, type BenchOptions, type BenchResult, type BenchRow } from './run-bench.js';
export { formatTable } from './table.js';
export { makeCorpus, type Corpus } from './corpus.js';
export { resolvedMarkdown } from './resolved-markdown.js';
