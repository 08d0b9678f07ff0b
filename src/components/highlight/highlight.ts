import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { HighlightQuestion, Segment } from '../../model/lesson.js';
import type { AnswerState, Response } from '../../core/types.js';
import { segmentWords, type Word } from '../../core/words.js';
import { highlightKey, highlightScore } from '../../core/scoring.js';
import { strings } from '../../ui/strings.js';
import { PrQuestionBase } from '../shared/question-base.js';
import { rich } from '../shared/rich.js';
import { deviceName, segmentById } from '../shared/lookup.js';
import { tokens } from '../shared/tokens.styles.js';
import { questionStyles } from '../shared/question.styles.js';
import { highlightStyles } from './highlight.styles.js';

/** A pointer gesture over the words: a tap or press toggles one word, a drag paints a range. */
interface Drag {
  pointerId: number;
  touch: boolean;
  anchor: number;
  last: number;
  /** Marking (true) or unmarking (false), decided by the first word. */
  mode: boolean;
  /** The marks before the gesture began; a drag is painted over these. */
  base: ReadonlySet<number>;
  moved: boolean;
}

/**
 * Mark the words that carry a device. The segment's words (core `segmentWords`) form one
 * multi-select listbox with a single tab stop (roving tabindex): Left/Right (or Up/Down) move,
 * Space/Enter mark or unmark, Shift+arrow marks the word left and the word reached, Home/End jump.
 * Mouse: press or drag across words. Touch: tap a word, or drag sideways across words (vertical
 * drags scroll and mark nothing). Graded by the core (word-overlap F1 against the key).
 *
 * @fires pr-answer-check - `{ questionId, response: { type: 'highlight', words } }` (sorted indices).
 */
@customElement('pr-highlight')
export class PrHighlight extends PrQuestionBase<HighlightQuestion> {
  static override styles = [tokens, questionStyles, highlightStyles];

  /** Marked word indices (the working response). */
  @state() marked: ReadonlySet<number> = new Set();
  /** The word that holds the tab stop. */
  @state() active = 0;

  private words: Word[] = [];
  private keyWords: ReadonlySet<number> = new Set();
  private wordsOf: Segment | undefined;
  private drag: Drag | null = null;

  /** The segment whose words are shown (the question's page). */
  get segment(): Segment | undefined {
    return this.lesson && this.question ? segmentById(this.lesson, this.question.page) : undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const seg = this.segment;
    if (seg !== this.wordsOf || changed.has('question')) {
      this.wordsOf = seg;
      this.words = seg ? segmentWords(seg) : [];
      this.keyWords = new Set(this.question ? highlightKey(this.question, this.words) : []);
    }
    super.willUpdate(changed);
  }

  protected override load(response: Response | undefined): void {
    this.marked = new Set(response?.type === 'highlight' ? response.words : []);
    const first = [...this.marked].sort((a, b) => a - b)[0];
    this.active = first ?? 0;
  }

  protected override response(): Response {
    return { type: 'highlight', words: this.markedWords };
  }

  protected override wordCount(): number {
    return this.words.length;
  }

  protected override hintText(v: Parameters<PrQuestionBase<HighlightQuestion>['hintText']>[0]): string {
    return v.reason === 'empty' ? strings.highlight.markFirst : super.hintText(v);
  }

  /** Word indices currently marked, ascending (for tests and the app). */
  get markedWords(): number[] {
    return [...this.marked].sort((a, b) => a - b);
  }

  private setMarks(next: Set<number>): void {
    this.marked = next;
    this.changed();
  }

  private toggle(i: number): void {
    const next = new Set(this.marked);
    if (next.has(i)) next.delete(i);
    else next.add(i);
    this.setMarks(next);
  }

  private mark(...indices: number[]): void {
    const next = new Set(this.marked);
    for (const i of indices) next.add(i);
    this.setMarks(next);
  }

  private clamp(i: number): number {
    return Math.max(0, Math.min(this.words.length - 1, i));
  }

  /** Move the tab stop and focus the word. */
  private async moveTo(i: number): Promise<void> {
    this.active = this.clamp(i);
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`[data-index="${this.active}"]`)?.focus();
  }

  private onKeyDown(e: KeyboardEvent): void {
    if (this.words.length === 0) return;
    const from = this.active;
    let to: number | null = null;
    switch (e.key) {
      case 'ArrowRight':
      case 'ArrowDown':
        to = from + 1;
        break;
      case 'ArrowLeft':
      case 'ArrowUp':
        to = from - 1;
        break;
      case 'Home':
        to = 0;
        break;
      case 'End':
        to = this.words.length - 1;
        break;
      case ' ':
      case 'Spacebar':
      case 'Enter':
        e.preventDefault();
        if (!this.finished) this.toggle(from);
        return;
      default:
        return;
    }
    e.preventDefault();
    to = this.clamp(to);
    if (e.shiftKey && !this.finished) {
      const lo = Math.min(from, to);
      const hi = Math.max(from, to);
      this.mark(...Array.from({ length: hi - lo + 1 }, (_, k) => lo + k));
    }
    void this.moveTo(to);
  }

  private indexAt(e: PointerEvent): number | null {
    // Touch keeps sending events to the first target (implicit capture): ask what lies under the finger.
    const root = this.renderRoot as ShadowRoot;
    const hit =
      (typeof root.elementFromPoint === 'function' ? root.elementFromPoint(e.clientX, e.clientY) : null) ??
      (e.composedPath()[0] as Element | undefined);
    const el = hit instanceof Element ? hit.closest<HTMLElement>('[data-index]') : null;
    return el ? Number(el.dataset.index) : null;
  }

  private paint(d: Drag, to: number): void {
    const next = new Set(d.base);
    const lo = Math.min(d.anchor, to);
    const hi = Math.max(d.anchor, to);
    for (let i = lo; i <= hi; i++) {
      if (d.mode) next.add(i);
      else next.delete(i);
    }
    this.setMarks(next);
  }

  private onPointerDown(e: PointerEvent): void {
    if (this.finished || (e.pointerType !== 'touch' && e.button !== 0)) return;
    const target = (e.composedPath()[0] as Element | undefined)?.closest?.<HTMLElement>('[data-index]');
    if (!target) return;
    const i = Number(target.dataset.index);
    const touch = e.pointerType === 'touch';
    this.drag = { pointerId: e.pointerId, touch, anchor: i, last: i, mode: !this.marked.has(i), base: new Set(this.marked), moved: false };
    this.active = i;
    // A finger may be starting a scroll: wait for its lift or a sideways drag before marking.
    if (!touch) this.paint(this.drag, i);
  }

  private onPointerMove(e: PointerEvent): void {
    const d = this.drag;
    if (!d || e.pointerId !== d.pointerId) return;
    const i = this.indexAt(e);
    if (i === null || i === d.last) return;
    d.last = i;
    d.moved = true;
    this.active = i;
    this.paint(d, i);
  }

  private onPointerUp(e: PointerEvent): void {
    const d = this.drag;
    if (!d || e.pointerId !== d.pointerId) return;
    this.drag = null;
    if (d.touch && !d.moved) this.paint(d, d.anchor);
    void this.moveTo(this.active);
  }

  private onPointerCancel(): void {
    // The browser took the gesture (a scroll): whatever a touch had not yet marked stays unmarked.
    this.drag = null;
  }

  protected override renderAnswerArea(): TemplateResult {
    const seg = this.segment;
    const device = deviceName(this.lesson, this.question.device);
    const showKey = this.finished;
    return html`<p class="instructions no-print" id="instructions">${strings.highlight.instructions}</p>
      <div
        class="grid ${showKey ? 'show-key' : ''}"
        role="listbox"
        aria-multiselectable="true"
        aria-readonly=${this.finished ? 'true' : 'false'}
        aria-label=${strings.highlight.gridLabel(device)}
        aria-describedby="instructions marked-count"
        data-testid="word-grid"
        @keydown=${this.onKeyDown}
        @pointerdown=${this.onPointerDown}
        @pointermove=${this.onPointerMove}
        @pointerup=${this.onPointerUp}
        @pointercancel=${this.onPointerCancel}
      >
        ${seg ? seg.paragraphs.map((text, p) => this.renderParagraph(text, p, showKey)) : nothing}
      </div>
      <div class="below-grid">
        <p class="count" id="marked-count" data-testid="marked-count">${strings.highlight.marked(this.marked.size)}</p>
        ${this.finished || this.marked.size === 0
          ? nothing
          : html`<button class="no-print" data-testid="clear" @click=${() => this.setMarks(new Set())}>
              ${strings.highlight.clear}
            </button>`}
      </div>
      ${showKey ? html`<p class="key-legend">${strings.highlight.keyLegend}</p>` : nothing}`;
  }

  private renderParagraph(text: string, paragraph: number, showKey: boolean): TemplateResult {
    const words = this.words.filter((w) => w.paragraph === paragraph);
    const parts: (TemplateResult | string)[] = [];
    let at = 0;
    for (const w of words) {
      if (w.start > at) {
        const gap = text.slice(at, w.start);
        // Between two marked words the gap is shaded too, so a marked phrase reads as one stretch.
        const joined = this.marked.has(w.index) && this.marked.has(w.index - 1) && at > 0;
        parts.push(joined ? html`<span class="gap marked" aria-hidden="true">${gap}</span>` : gap);
      }
      const marked = this.marked.has(w.index);
      const key = showKey && this.keyWords.has(w.index);
      parts.push(
        html`<span
          role="option"
          class="word ${marked ? 'marked' : ''} ${key ? 'key' : ''}"
          id="w-${w.index}"
          data-index=${w.index}
          data-testid="word-${w.index}"
          tabindex=${w.index === this.active ? 0 : -1}
          aria-selected=${marked ? 'true' : 'false'}
          aria-label=${strings.highlight.wordLabel(w.text, marked, key)}
          >${text.slice(w.start, w.end)}</span
        >`,
      );
      at = w.end;
    }
    if (at < text.length) parts.push(text.slice(at));
    return html`<div class="para">${parts}</div>`;
  }

  private renderScores(a: AnswerState): TemplateResult | typeof nothing {
    if (a.response.type !== 'highlight') return nothing;
    const s = highlightScore(a.response.words, [...this.keyWords]);
    return html`<p class="scores" data-testid="highlight-scores">
      ${strings.highlight.scores(s, a.response.words.length, this.keyWords.size)}
    </p>`;
  }

  private renderVerdict(a: AnswerState): TemplateResult {
    const fb = this.question.feedback;
    const text = a.result === 'correct' ? fb.correct : a.result === 'partial' ? fb.partial : fb.wrong;
    return html`<div class="verdict">${rich(text)}</div>${this.renderScores(a)}`;
  }

  protected override renderAttemptFeedback(a: AnswerState): TemplateResult {
    return this.renderVerdict(a);
  }

  protected override renderSolution(a: AnswerState | undefined): TemplateResult {
    return html`${a ? this.renderVerdict(a) : nothing}
      <div class="solution" data-testid="solution">
        <p class="label">${strings.highlight.keyIntro}</p>
        <ul>
          ${this.question.key.map((span) => html`<li>“${span.exact}”</li>`)}
        </ul>
      </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pr-highlight': PrHighlight;
  }
}
