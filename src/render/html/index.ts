export { htmlRenderer, htmlContext } from './html-renderer.js';
export { escapeHtml, inlineHtml } from './inline-html.js';
