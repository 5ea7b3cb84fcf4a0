import { parentPort, workerData } from 'node:worker_threads';
import { sourcesFromData } from '../sources/sources-data.js';
import type { CheckShare } from './check-in-threads.js';
import { checkProject } from './check-project.js';
import { fontFactsFound } from '../parse/font-facts.js';

/*
 * A check worker: checks its share of the sheets afresh, in the sources the main thread
 * read and sent as data, and hands back their entries and what it asked fontkit
 * (check-in-threads.ts). It reads no file.
 */
const share = workerData as CheckShare;
const sources = sourcesFromData(share.sources);
const result = await checkProject(sources, { formats: share.formats, strict: share.strict, webPages: false, cache: new Map(), only: new Set(share.ids), tool: share.tool });
// With what fontkit answered about the fonts, which the main thread keeps for the next build.
parentPort!.postMessage({ entries: [...result.cache!].filter(([id]) => share.ids.includes(id)), fontFacts: fontFactsFound() });
