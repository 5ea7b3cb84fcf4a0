import { allowedLink } from '../../model/link-policy.js';
import type { Inline } from '../../model/fact-sheet.js';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/** Inline nodes as HTML: every text escaped, each figure a `<data>` element holding its registry value. */
export function inlineHtml(inlines: readonly Inline[]): string {
  let out = '';
  for (const node of inlines) {
    switch (node.type) {
      case 'text':
        out += escapeHtml(node.value);
        break;
      case 'figure':
        out += `<data value="${escapeHtml(node.value)}" data-figure="${escapeHtml(node.id)}">${escapeHtml(node.text)}</data>`;
        break;
      case 'superscript':
        out += `<sup>${escapeHtml(node.value)}</sup>`;
        break;
      case 'break':
        out += '<br>';
        break;
      case 'strong':
        out += `<strong>${inlineHtml(node.children)}</strong>`;
        break;
      case 'emphasis':
        out += `<em>${inlineHtml(node.children)}</em>`;
        break;
      case 'link':
        out += `<a href="${escapeHtml(allowedLink(node.url))}">${inlineHtml(node.children)}</a>`;
        break;
    }
  }
  return out;
}
