export { checkTranslation, type ReviewState, type TranslationCheck, type TranslationPair } from './check-translation.js';
export { reviewName, translationEdited } from './edited.js';
export { literalFigureWarnings } from './literals.js';
export { formatLock } from './lock-format.js';
export { fingerprint, parseLock, translationSnapshot, type Fingerprint, type ParsedLock, type ReviewedText, type ReviewLock, type Snapshot, type UnreadableReviews } from './review-lock.js';
export { staleSections, type StaleSection } from './stale.js';
