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
import { WordGrid } from './word-grid.js';

const NONE: ReadonlySet<number> = new Set();

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
  /** The words' DOM: made once, given the next segment's words when the element moves on to
   * another question, and patched on every update. */
  private grid: WordGrid | null = null;
  private drag: Drag | null = null;

  /** The segment whose words are shown (the question's page). */
  get segment(): Segment | undefined {
    return this.lesson && this.question ? segmentById(this.lesson, this.question.page) : undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('question')) this.drag = null;
    const seg = this.segment;
    if (seg !== this.wordsOf || changed.has('question')) {
      const words = seg ? segmentWords(seg) : [];
      if (seg && seg !== this.wordsOf) (this.grid ??= new WordGrid(this.ownerDocument)).show(seg, words);
      this.wordsOf = seg;
      this.words = words;
      this.keyWords = new Set(this.question ? highlightKey(this.question, words) : []);
    }
    super.willUpdate(changed);
  }

  protected override update(changed: PropertyValues<this>): void {
    super.update(changed);
    // After Lit has placed the words in the listbox: marks, key and tab stop, word by word.
    this.grid?.apply({ marked: this.marked, key: this.finished ? this.keyWords : NONE, active: this.active });
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
        ${seg && this.grid ? this.grid.root : nothing}
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
