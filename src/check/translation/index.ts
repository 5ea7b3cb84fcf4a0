export { checkTranslation, type TranslationPair } from './check-translation.js';
export { literalFigureWarnings } from './literals.js';
export { fingerprint, formatLock, parseLock, type Fingerprint, type ParsedLock, type ReviewLock, type UnreadableReviews } from './review-lock.js';
export { staleSections, type StaleSection } from './stale.js';
