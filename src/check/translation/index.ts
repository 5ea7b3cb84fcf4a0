export { checkTranslation, type TranslationPair } from './check-translation.js';
export { LITERAL_FIGURE, literalFigureWarnings } from './literal-figure.js';
export { LITERAL_MISMATCH } from './literal-mismatch.js';
export { formatLock } from './lock-format.js';
export { fingerprint, parseLock, type Fingerprint, type ParsedLock, type ReviewedText, type ReviewLock, type UnreadableReviews } from './review-lock.js';
export { staleSections, type StaleSection } from './stale.js';
