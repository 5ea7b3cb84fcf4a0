export { normalizeText } from './normalize.js';
export { LineIndex } from './line-index.js';
export { SourceFile } from './source-file.js';
