export type * from './fact-sheet.js';
export type { Point, Span, Location } from './position.js';
export type { Diagnostic, RelatedPlace, Severity } from './diagnostic.js';
export { diagnostic, sortDiagnostics, hasErrors } from './diagnostic.js';
export { plainText } from './plain-text.js';
export type { Template, TemplateStyle, Labels, FontFace, ColorRole, SizeRole, SpacingRole } from './template.js';
export { FONT_FACES, COLOR_ROLES, SIZE_ROLES, SPACING_ROLES, LABEL_KEYS } from './template.js';
export { figureRefsOf, figureIdsOf, figuresIn, textRunsOf } from './figure-refs.js';
export { walkInlines } from './walk-inlines.js';
