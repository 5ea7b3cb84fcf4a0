export { parseRegistry, FIGURES_FILE, type Registry, type Figure, type Derivation, type PartRef } from './registry.js';
export { resolveDerivations, unknownFigure } from './derive.js';
export { createFormatter, loadNumberWords, formatPlain, type Formatter, type NumberWords } from './format.js';
export { parseIsoDate, utcDate, type IsoDate } from './iso-date.js';
export { closest, editDistance } from './suggest.js';
export { isCountryCode } from './country-codes.js';
export { resolveReference, type Resolution } from './resolve-reference.js';
export { figuresLedger, type LedgerEntry, type LedgerUse } from './ledger.js';
export { addDecimals, parseDecimal, isWhole, MAX_INTEGER_DIGITS, MAX_FRACTION_DIGITS, MAX_WORDS_DIGITS, type Decimal } from './decimal.js';
