export { checkTranslation, type TranslationPair } from './check-translation.js';
export { literalFigureWarnings } from './literals.js';
export { formatLock } from './lock-format.js';
export { fingerprint, parseLock, type Fingerprint, type ParsedLock, type ReviewedText, type ReviewLock, type UnreadableReviews } from './review-lock.js';
export { staleSections, type StaleSection } from './stale.js';
