/**
 * Author prose arrives as HTML: the packager renders the lesson's Markdown and sanitises it at
 * build time (src/packager), so the browser inserts it as is and never parses Markdown itself.
 * This is the one place the components turn lesson HTML into DOM.
 */
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import type { Html } from '../../model/lesson.js';

export function rich(html: Html | undefined) {
  return unsafeHTML(html ?? '');
}

/** Plain text of lesson HTML (for accessible names and counts), without touching the DOM. */
export function plain(html: Html): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}
