export { pdfRenderer, documentDefinition } from './pdf-renderer.js';
