export { docxRenderer } from './docx-renderer.js';
