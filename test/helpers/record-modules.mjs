// Started with `node --import` before a command, with MODULES_LOADED naming a file: appends
// to it the address of every module the process resolves for import (the hooks below run
// in the loader's thread, and write as they go) and, on exit, the file of every module
// it required (the CommonJS cache).
import { appendFileSync } from 'node:fs';
import { createRequire, register } from 'node:module';
import { pathToFileURL } from 'node:url';

const file = process.env.MODULES_LOADED;
if (!file) throw new Error('MODULES_LOADED names no file');

const hooks = `
import { appendFileSync } from 'node:fs';
let file;
export function initialize(data) { file = data.file; }
export async function resolve(specifier, context, next) {
  const result = await next(specifier, context);
  appendFileSync(file, result.url + '\\n');
  return result;
}`;
register(`data:text/javascript,${encodeURIComponent(hooks)}`, { data: { file } });

const cache = createRequire(import.meta.url).cache;
process.on('exit', () => appendFileSync(file, Object.keys(cache).map((path) => `${pathToFileURL(path).href}\n`).join('')));
