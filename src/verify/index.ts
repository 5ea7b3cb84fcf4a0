/**
 * Reading outputs back and checking them against the model: every figure occurrence of a
 * sheet must appear in each output, with its rendered text, in document order.
 * (renderAndVerify, which loads the renderers, is imported from its own module by the
 * threads that render.)
 */
export { outputText } from './output-text.js';
export { verifyOutput, type Miss } from './verify-output.js';
export { docxProblems, formatProblems, htmlProblems } from './well-formed.js';
export { firstMissingBlock } from './text-order.js';
export { FORMAT_NAMES, outputDiagnostics } from './output-diagnostics.js';
export type { VerifiedOutput } from './render-and-verify.js';
