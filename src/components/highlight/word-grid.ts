/**
 * The words of a highlight question as DOM: one `<span role="option">` per word, with the text
 * between words (spaces, punctuation) kept as text, in one flow: paragraphs are separated by a
 * blank line in that text (the container keeps line breaks, `white-space: pre-line`).
 *
 * A segment has hundreds of words. Made as one Lit template per word they cost a page switch most
 * of its time, so the grid manages its own nodes: the span of word i is made once and, when the
 * element shows another segment (the next page), kept and given the new word i's text. The browser
 * then has no new elements to style, only new text to lay out, and the spans' attributes that
 * name the word's place (data-index, id, data-testid) never change. Marks, the key and the tab
 * stop are then set on the words whose state changed.
 *
 * The listbox's options are the spans with role="option": spans kept from a longer segment
 * earlier are empty and have no role (see show).
 */
import type { Segment } from '../../model/lesson.js';
import type { Word } from '../../core/words.js';
import { strings } from '../../ui/strings.js';

/** What the words show. */
export interface WordMarks {
  marked: ReadonlySet<number>;
  /** Key words to show (empty while the key is hidden). */
  key: ReadonlySet<number>;
  /** The word that holds the tab stop. */
  active: number;
}

/** Between two paragraphs: a blank line. */
const PARAGRAPH_BREAK = '\n\n';

interface WordNodes {
  span: HTMLElement;
  /** The text before the word: a text node, or a shaded span while it joins two marked words. */
  gap: Text | HTMLElement;
  text: string;
  /** The gap can join this word to the previous one (same paragraph, something between them). */
  joinable: boolean;
  marked: boolean;
  key: boolean;
  joined: boolean;
}

export class WordGrid {
  /** The element Lit places in the listbox; everything inside is the grid's own. */
  readonly root: HTMLElement;
  private readonly doc: Document;
  private readonly proto: HTMLElement;
  /** Every word node made so far, by index, all in the grid; the first `shown` are words of the
   * segment shown, the rest are parked (see show). */
  private readonly nodes: WordNodes[] = [];
  private shown = 0;
  /** The text after the last word. */
  private readonly tail: Text;
  private active = -1;

  constructor(doc: Document) {
    this.doc = doc;
    this.root = doc.createElement('div');
    this.root.className = 'words';
    this.tail = doc.createTextNode('');
    this.root.append(this.tail);
    const proto = doc.createElement('span');
    proto.setAttribute('role', 'option');
    proto.className = 'word';
    proto.setAttribute('tabindex', '-1');
    proto.setAttribute('aria-selected', 'false');
    this.proto = proto;
  }

  /** Show `words` (the core's words of `segment`), reusing the nodes already made. */
  show(segment: Segment, words: readonly Word[]): void {
    if (this.active >= words.length) {
      this.nodes[this.active]!.span.tabIndex = -1;
      this.active = -1;
    }
    // A shorter segment leaves the spans past its last word in place, empty and out of the
    // accessibility tree, for a longer one later: a span taken out of the document would have to
    // be styled again when put back, and a long segment has hundreds more words than a short one.
    for (let i = words.length; i < this.shown; i++) this.park(this.nodes[i]!);
    for (let i = this.shown; i < words.length; i++) {
      const w = this.nodes[i];
      if (w) this.unpark(w);
      else this.make(i);
    }
    this.shown = words.length;

    const paragraphs = segment.paragraphs;
    // Where the text before the next word starts: paragraph p, offset at.
    let p = 0;
    let at = 0;
    /** The text from (p, at) up to offset `end` of paragraph `to`, paragraphs joined by breaks. */
    const textUpTo = (to: number, end: number): string => {
      let text = '';
      for (; p < to; p++, at = 0) text += (paragraphs[p] ?? '').slice(at) + PARAGRAPH_BREAK;
      text += (paragraphs[p] ?? '').slice(at, end);
      at = end;
      return text;
    };
    words.forEach((word, i) => {
      const w = this.nodes[i]!;
      const samePara = i > 0 && words[i - 1]!.paragraph === word.paragraph;
      const gap = textUpTo(word.paragraph, word.start);
      setText(w.gap, gap);
      setText(w.span, (paragraphs[word.paragraph] ?? '').slice(word.start, word.end));
      at = word.end;
      w.text = word.text;
      w.joinable = samePara && gap !== '';
      w.span.setAttribute('aria-label', strings.highlight.wordLabel(word.text, w.marked, w.key));
    });
    this.tail.data = paragraphs.length ? textUpTo(paragraphs.length - 1, (paragraphs[paragraphs.length - 1] ?? '').length) : '';
  }

  /** Bring the words up to date with `marks`, touching only those that change. */
  apply(marks: WordMarks): void {
    for (let i = 0; i < this.shown; i++) {
      const w = this.nodes[i]!;
      const marked = marks.marked.has(i);
      const key = marks.key.has(i);
      if (marked !== w.marked || key !== w.key) {
        w.span.classList.toggle('marked', marked);
        w.span.classList.toggle('key', key);
        w.span.setAttribute('aria-selected', marked ? 'true' : 'false');
        w.span.setAttribute('aria-label', strings.highlight.wordLabel(w.text, marked, key));
        w.marked = marked;
        w.key = key;
      }
      const joined = w.joinable && marked && marks.marked.has(i - 1);
      if (joined !== w.joined) {
        this.join(w, joined);
        w.joined = joined;
      }
    }
    const active = marks.active >= 0 && marks.active < this.shown ? marks.active : -1;
    if (active !== this.active) {
      if (this.nodes[this.active]) this.nodes[this.active]!.span.tabIndex = -1;
      if (active >= 0) this.nodes[active]!.span.tabIndex = 0;
      this.active = active;
    }
  }

  /** The nodes of word `i`, made once, at the end of the grid. */
  private make(i: number): WordNodes {
    const span = this.proto.cloneNode(false) as HTMLElement;
    span.id = `w-${i}`;
    span.setAttribute('data-index', String(i));
    span.setAttribute('data-testid', `word-${i}`);
    const w: WordNodes = { span, gap: this.doc.createTextNode(''), text: '', joinable: false, marked: false, key: false, joined: false };
    this.nodes[i] = w;
    this.root.insertBefore(w.gap, this.tail);
    this.root.insertBefore(span, this.tail);
    return w;
  }

  /** Empty a word that the segment shown does not have, and take it out of the accessibility tree
   * and of focus (no role, no name, no tabindex). Only attributes no style depends on change. */
  private park(w: WordNodes): void {
    if (w.joined) {
      this.join(w, false);
      w.joined = false;
    }
    if (w.marked || w.key) {
      w.span.classList.remove('marked', 'key');
      w.marked = false;
      w.key = false;
    }
    setText(w.gap, '');
    setText(w.span, '');
    w.span.removeAttribute('role');
    w.span.removeAttribute('aria-label');
    w.span.removeAttribute('aria-selected');
    w.span.removeAttribute('tabindex');
    w.span.setAttribute('aria-hidden', 'true');
    w.joinable = false;
  }

  private unpark(w: WordNodes): void {
    w.span.setAttribute('role', 'option');
    w.span.setAttribute('aria-selected', 'false');
    w.span.setAttribute('tabindex', '-1');
    w.span.removeAttribute('aria-hidden');
  }

  /** Shade the gap before `w` (a span) or return it to plain text. */
  private join(w: WordNodes, joined: boolean): void {
    const text = w.gap.textContent ?? '';
    let gap: Text | HTMLElement;
    if (joined) {
      gap = this.doc.createElement('span');
      gap.className = 'gap marked';
      gap.setAttribute('aria-hidden', 'true');
      gap.textContent = text;
    } else {
      gap = this.doc.createTextNode(text);
    }
    w.gap.replaceWith(gap);
    w.gap = gap;
  }
}

/** Set a node's text, changing the existing text node rather than replacing it. */
function setText(node: Text | HTMLElement, text: string): void {
  if (node.nodeType === Node.TEXT_NODE) {
    if ((node as Text).data !== text) (node as Text).data = text;
    return;
  }
  const first = node.firstChild;
  if (first && first.nodeType === Node.TEXT_NODE && first === node.lastChild) {
    if ((first as Text).data !== text) (first as Text).data = text;
  } else {
    node.textContent = text;
  }
}
