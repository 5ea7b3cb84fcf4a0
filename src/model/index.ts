export type * from './fact-sheet.js';
export type { Point, Span, Location } from './position.js';
export type { Diagnostic, RelatedPlace, Severity } from './diagnostic.js';
export { diagnostic, sortDiagnostics, hasErrors } from './diagnostic.js';
export { plainText } from './plain-text.js';
