import { parentPort, workerData } from 'node:worker_threads';
import { readProject } from '../sources/read-project.js';
import type { CheckShare } from './check-in-threads.js';
import { checkProject } from './check-project.js';

/*
 * A check worker: reads the project, checks its share of the sheets afresh and hands
 * back their entries, keyed by the files it read (check-in-threads.ts).
 */
const share = workerData as CheckShare;
const sources = await readProject(share.root);
const result = await checkProject(sources, { formats: share.formats, strict: share.strict, webPages: false, cache: new Map(), only: new Set(share.ids), tool: share.tool });
parentPort!.postMessage([...result.cache!].filter(([id]) => share.ids.includes(id)));
