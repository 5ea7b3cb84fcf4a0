import { allowedLink } from '../../model/link-policy.js';
import type { Inline } from '../../model/fact-sheet.js';
import { ltrIslands } from '../ltr-islands.js';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/**
 * Text escaped; in a right-to-left page, each left-to-right island (a number, a Latin name, an
 * address) in a `<bdi dir="ltr">`, so the page's direction does not reorder its characters.
 */
export function textHtml(text: string, dir: 'ltr' | 'rtl'): string {
  if (dir === 'ltr') return escapeHtml(text);
  return ltrIslands(text)
    .map((segment) => (segment.ltr ? `<bdi dir="ltr">${escapeHtml(segment.text)}</bdi>` : escapeHtml(segment.text)))
    .join('');
}

/** Inline nodes as HTML: every text escaped, each figure a `<data>` element holding its registry value. */
export function inlineHtml(inlines: readonly Inline[], dir: 'ltr' | 'rtl' = 'ltr'): string {
  let out = '';
  for (const node of inlines) {
    switch (node.type) {
      case 'text':
        out += textHtml(node.value, dir);
        break;
      case 'figure':
        out += `<data value="${escapeHtml(node.value)}" data-figure="${escapeHtml(node.id)}">${textHtml(node.text, dir)}</data>`;
        break;
      case 'superscript':
        out += `<sup>${textHtml(node.value, dir)}</sup>`;
        break;
      case 'break':
        out += '<br>';
        break;
      case 'strong':
        out += `<strong>${inlineHtml(node.children, dir)}</strong>`;
        break;
      case 'emphasis':
        out += `<em>${inlineHtml(node.children, dir)}</em>`;
        break;
      case 'link':
        out += `<a href="${escapeHtml(allowedLink(node.url))}">${inlineHtml(node.children, dir)}</a>`;
        break;
    }
  }
  return out;
}
