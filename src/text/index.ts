export { normalizeText } from './normalize.js';
export { LineIndex } from './line-index.js';
export { SourceFile } from './source-file.js';
export { describeCodePoint, isNoncharacter, unpublishableCharacters } from './characters.js';
export { firstUtf8Fault, type Utf8Fault } from './utf8.js';
export type { ReadProblem } from './read-problem.js';
