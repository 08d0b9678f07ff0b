/**
 * Author prose arrives as HTML: the packager renders the lesson's Markdown and sanitises it at
 * build time (src/packager), so the browser inserts it as is and never parses Markdown itself.
 * This is the one place the components turn lesson HTML into DOM.
 */
import { noChange, type ChildPart } from 'lit';
import { Directive, PartType, directive, type PartInfo } from 'lit/directive.js';
import type { Html } from '../../model/lesson.js';

const MARKUP = /[<&]/;

/**
 * Lesson HTML as DOM, in a child position. Like Lit's unsafeHTML, but without making a Lit
 * template of every string: the HTML is parsed once (a <template>'s innerHTML: scripts stay
 * inert) and its nodes are inserted as they are, where unsafeHTML also walks them for bindings
 * and clones them. A page switch shows dozens of new strings (prompts, options, feedback,
 * explanations), mostly a paragraph or two of text: when the new HTML has the same elements as
 * the HTML shown (tags and attributes), only the text of the nodes shown changes, so the browser
 * has no new elements to style. Plain text (no tag, no entity) is inserted as text unparsed.
 */
class RichDirective extends Directive {
  private shown: string | undefined;

  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.CHILD) throw new Error('rich() can only be used in child content');
  }

  render(html: string): unknown {
    return html;
  }

  override update(part: ChildPart, [html]: [string]): unknown {
    if (html === this.shown) return noChange;
    const before = this.shown;
    this.shown = html;
    if (!MARKUP.test(html)) return html;
    const template = document.createElement('template');
    template.innerHTML = html;
    const fresh = template.content;
    // Only nodes this directive inserted from HTML are taken over (plain text was Lit's own).
    if (before !== undefined && MARKUP.test(before) && takeText(nodesOf(part), [...fresh.childNodes])) return noChange;
    return fresh;
  }
}

/** The nodes a child part shows. */
function nodesOf(part: ChildPart): Node[] {
  const nodes: Node[] = [];
  for (let n = part.startNode?.nextSibling ?? null; n && n !== part.endNode; n = n.nextSibling) nodes.push(n);
  return nodes;
}

/** Whether two node lists have the same elements (tag and attributes) in the same places. */
function sameShape(shown: readonly Node[], fresh: readonly Node[]): boolean {
  if (shown.length !== fresh.length) return false;
  return shown.every((a, i) => {
    const b = fresh[i]!;
    if (a.nodeType !== b.nodeType) return false;
    if (a.nodeType !== Node.ELEMENT_NODE) return true;
    const x = a as Element;
    const y = b as Element;
    if (x.localName !== y.localName || x.attributes.length !== y.attributes.length) return false;
    for (const attr of Array.from(y.attributes)) if (x.getAttribute(attr.name) !== attr.value) return false;
    return sameShape([...x.childNodes], [...y.childNodes]);
  });
}

/** Give `shown` the text of `fresh` when both have the same shape; false (nothing changed) if not. */
function takeText(shown: readonly Node[], fresh: readonly Node[]): boolean {
  if (!sameShape(shown, fresh)) return false;
  const copy = (a: readonly Node[], b: readonly Node[]) =>
    a.forEach((node, i) => {
      const from = b[i]!;
      if (node.nodeType === Node.ELEMENT_NODE) copy([...node.childNodes], [...from.childNodes]);
      else if ((node as CharacterData).data !== (from as CharacterData).data) (node as CharacterData).data = (from as CharacterData).data;
    });
  copy(shown, fresh);
  return true;
}

const richDirective = directive(RichDirective);

export function rich(html: Html | undefined) {
  return richDirective(html ?? '');
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
