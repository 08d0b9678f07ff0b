/**
 * Markdown → HTML for authored prose, at build time. Authors get headings, emphasis, lists and
 * links; raw HTML they type is shown as text, never rendered (the page runs under a strict CSP and
 * a lesson must not smuggle script or style in). Links open in a new window: inside an LMS the
 * lesson runs in a frame, and navigating that frame away would lose the student's session. Images
 * are refused because the package never fetches anything.
 */
import { Marked, type Token, type Tokens } from 'marked';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/** Links to these schemes only; anything else (javascript:, data:) renders as plain text. */
const SAFE_HREF = /^(https?:\/\/|mailto:|#)/i;

/** Author headings start below the page's own (h1 lesson, h2 page title): the highest level an
 * author used in a piece of prose becomes h3, the others follow without skipping a level. */
const FIRST_HEADING_LEVEL = 3;
let headingShift = 0;

const marked = new Marked({
  gfm: true,
  breaks: false,
  async: false,
  renderer: {
    html(token: Tokens.HTML | Tokens.Tag): string {
      const text = escapeHtml(token.text);
      return 'block' in token && token.block ? `<p>${text.trim()}</p>\n` : text;
    },
    heading(token: Tokens.Heading): string {
      const level = Math.min(6, token.depth + headingShift);
      return `<h${level}>${this.parser.parseInline(token.tokens)}</h${level}>\n`;
    },
    link(token: Tokens.Link): string {
      const text = this.parser.parseInline(token.tokens);
      if (!SAFE_HREF.test(token.href)) return text;
      const title = token.title ? ` title="${escapeHtml(token.title)}"` : '';
      const external = token.href.startsWith('#') ? '' : ' target="_blank" rel="noopener noreferrer"';
      return `<a href="${escapeHtml(token.href)}"${title}${external}>${text}</a>`;
    },
    image(token: Tokens.Image): string {
      return escapeHtml(token.text);
    },
  },
});

export interface MarkdownProblem {
  message: string;
  fix: string;
}

function problems(tokens: Token[]): MarkdownProblem[] {
  const found: MarkdownProblem[] = [];
  marked.walkTokens(tokens, (token) => {
    if (token.type === 'image') {
      found.push({
        message: `contains an image (${token.href})`,
        fix: 'remove it: the package never loads anything from outside (describe the picture in words instead)',
      });
    } else if (token.type === 'link' && !SAFE_HREF.test((token as Tokens.Link).href)) {
      found.push({
        message: `link to «${(token as Tokens.Link).href}» is not an http(s), mailto or #anchor address`,
        fix: 'use a full https:// address',
      });
    }
  });
  return found;
}

/** Block Markdown (paragraphs, lists, headings). */
export function renderMarkdown(source: string): { html: string; problems: MarkdownProblem[] } {
  const tokens = marked.lexer(source);
  const found = problems(tokens);
  let top = 6;
  marked.walkTokens(tokens, (token) => {
    if (token.type === 'heading') top = Math.min(top, (token as Tokens.Heading).depth);
  });
  headingShift = FIRST_HEADING_LEVEL - top;
  return { html: marked.parser(tokens).trim(), problems: found };
}

/** Inline Markdown (an option's text): no wrapping paragraph. */
export function renderInline(source: string): { html: string; problems: MarkdownProblem[] } {
  const tokens = marked.Lexer.lexInline(source);
  const found = problems(tokens);
  return { html: marked.Parser.parseInline(tokens, marked.defaults).trim(), problems: found };
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", nbsp: '\u00a0' };

/** Plain text of rendered HTML, on one line (LMS summaries). */
export function plainText(html: string): string {
  return html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (_, name: string) => ENTITIES[name]!)
    .replace(/\s+/g, ' ')
    .trim();
}

/** Cut text to at most `max` characters at a word boundary, marking the cut with "…". */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, '')}…`;
}
