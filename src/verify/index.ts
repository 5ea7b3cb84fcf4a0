/**
 * Reading outputs back and checking them against the model: every figure occurrence of a
 * sheet must appear in each output, with its rendered text, in document order.
 */
export { outputText } from './output-text.js';
export { verifyOutput, type Miss } from './verify-output.js';
export { docxProblems, formatProblems, htmlProblems } from './well-formed.js';
export { firstMissingBlock } from './text-order.js';
export { FORMAT_NAMES, outputDiagnostics } from './output-diagnostics.js';
export { renderAndVerify, type VerifiedOutput } from './render-and-verify.js';
