export { RebuildQueue } from './rebuild-queue.js';
export { watchFiles, WATCHED, type FileWatch } from './watch-files.js';
export { serveOut, type OutServer } from './serve-out.js';
export { resolveRequest, isInside } from './resolve-request.js';
