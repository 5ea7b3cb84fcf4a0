// Started with `node --import` before a command, with MAIN_REQUIRES naming a file: writes
// to it, on exit, the file of every CommonJS module the main thread required (its
// require cache). Worker threads, which run this too, write nothing.
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { isMainThread } from 'node:worker_threads';

const file = process.env.MAIN_REQUIRES;
if (!file) throw new Error('MAIN_REQUIRES names no file');

const cache = createRequire(import.meta.url).cache;
if (isMainThread) process.on('exit', () => writeFileSync(file, Object.keys(cache).map((path) => `${path}\n`).join('')));
