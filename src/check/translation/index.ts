export { checkTranslation, type ReviewState, type TranslationCheck, type TranslationPair } from './check-translation.js';
export { reviewName, translationEdited } from './edited.js';
export { LITERAL_FIGURE, literalFigureWarnings } from './literal-figure.js';
export { LITERAL_MISMATCH } from './literal-mismatch.js';
export { formatLock } from './lock-format.js';
export { fingerprint, parseLock, translationSnapshot, type Fingerprint, type ParsedLock, type ReviewedText, type ReviewLock, type Snapshot, type UnreadableReviews } from './review-lock.js';
export { staleSections, type StaleSection } from './stale.js';
