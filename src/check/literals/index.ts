export { describeLiteral, findLiterals } from './find-literals.js';
export type { Literal, LiteralKind, LiteralWriting } from './literal.js';
