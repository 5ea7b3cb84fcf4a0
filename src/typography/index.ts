export { typographyOf, TYPOGRAPHY_CHARACTERS, TYPOGRAPHY_LANGUAGES, NARROW_NBSP, type LanguageTypography } from './conventions.js';
export { typesetSheet, typesetText, typesetLabels, typesetTemplate } from './typeset-sheet.js';
export { comparable, foldQuotes } from './comparable.js';
