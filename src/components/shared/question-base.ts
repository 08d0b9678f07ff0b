/**
 * The pattern every question element shares: heading ("Question 2 of 5"), optional passage,
 * prompt, the type's answer area, a Check button with "Try 1 of 2", and a feedback region
 * (role=status, so a screen reader hears the verdict). Subclasses supply the answer area, the
 * response to check, and the type's feedback; this class owns the lifecycle:
 *
 * - `answer` (the core's AnswerState) is the truth; the element only holds the student's unsaved
 *   working response, reloaded whenever a new check arrives.
 * - Checking emits `pr-answer-check`; the app runs the core and hands back a new `answer`.
 * - Finished (locked by the core, or `review`): nothing is editable, the answer and the
 *   explanation are shown.
 */
import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { Lesson, Question } from '../../model/lesson.js';
import type { AnswerState, Response } from '../../core/types.js';
import { canSubmit, type Validation } from '../../core/scoring.js';
import { strings } from '../../ui/strings.js';
import { emit } from '../events.js';
import { rich } from './rich.js';
import { segmentById } from './lookup.js';
import { afterPaint } from './after-paint.js';

type Renderable = TemplateResult | typeof nothing;

export abstract class PrQuestionBase<Q extends Question> extends LitElement {
  /** The question to show. */
  @property({ attribute: false }) question!: Q;
  /** The lesson (device names, segment text). */
  @property({ attribute: false }) lesson!: Lesson;
  /** The core's record of the last check, if any. */
  @property({ attribute: false }) answer: AnswerState | undefined = undefined;
  /** Review or browse: show everything, change nothing. */
  @property({ type: Boolean, reflect: true }) review = false;
  /** Position on its page, for "Question 2 of 5". */
  @property({ type: Number }) number = 1;
  @property({ type: Number }) total = 1;
  /** Heading level of the question title within its page (3 or 4). */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel: 3 | 4 = 4;

  /** Shown when the student presses Check with nothing to check. */
  @state() protected hint = '';
  /** The feedback is not a live region for now: the element has just taken over another question
   * (see render-question.ts), and that question's verdict is not news to announce. */
  @state() private quiet = false;
  private quietTurn = 0;

  /** Which check the working response was loaded from ("attempts:at"), so unchanged answers passed
   * down again do not wipe what the student is doing. */
  private loadedFrom: string | null = null;
  /** Set when the student checked, so focus can follow if the Check button goes away. */
  private checkPending = false;

  /** Nothing can be changed any more (out of tries, right, or review). */
  get finished(): boolean {
    return this.review || (this.answer?.locked ?? false);
  }

  /** Reset the working response to `response` (or to empty when undefined). */
  protected abstract load(response: Response | undefined): void;
  /** The working response as it would be checked (the core decides whether it can be). */
  protected abstract response(): Response;
  /** Number of words the response may index (highlight only). */
  protected wordCount(): number | undefined {
    return undefined;
  }
  protected abstract renderAnswerArea(): TemplateResult;
  /** After a check that left tries: what to say about the student's choice (never the key). */
  protected renderAttemptFeedback(_answer: AnswerState): Renderable {
    return nothing;
  }
  /** Once finished: the answer, shown against the student's. */
  protected abstract renderSolution(answer: AnswerState | undefined): Renderable;

  /** The core's verdict on whether the working response can be checked. */
  protected validation(): Validation {
    return canSubmit(this.question, this.response(), this.wordCount());
  }

  /** What to say when Check is pressed with a response the core will not check. */
  protected hintText(v: Exclude<Validation, { ok: true }>): string {
    switch (v.reason) {
      case 'incomplete':
        return strings.match.chooseAll;
      case 'too-short':
        return strings.reflection.needMore(v.minLength - v.length);
      case 'too-long':
        return strings.reflection.tooLong(v.cost - v.maxLength);
      case 'empty':
        return strings.question.chooseFirst;
      default:
        return strings.question.cannotCheck;
    }
  }

  protected triesLeftText(left: number): string {
    return strings.question.triesLeft(left);
  }

  protected checkLabel(): string {
    return strings.question.check;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!this.question) return;
    if (changed.has('question')) {
      // A new question in this element (see render-question.ts): nothing of the last one stays.
      this.loadedFrom = null;
      this.hint = '';
      this.checkPending = false;
      if (changed.get('question') !== undefined) this.hush();
    }
    const key = this.answer ? `${this.answer.attempts}:${this.answer.at}` : null;
    if (changed.has('question') || (changed.has('answer') && key !== this.loadedFrom)) {
      this.loadedFrom = key;
      this.load(this.answer?.response.type === this.question.type ? this.answer.response : undefined);
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('answer') && this.checkPending) {
      this.checkPending = false;
      // The Check button is gone once the question is finished: keep focus in the question.
      if (this.finished) this.renderRoot.querySelector<HTMLElement>('[data-testid="feedback"]')?.focus();
    }
  }

  /** Keep the feedback silent (aria-live="off" over its role's "polite") until the new question
   * has been painted: a screen reader's live-region logic then sees its new content arrive while
   * it is not live, as when a new element is inserted, and nothing is announced. */
  private hush(): void {
    this.quiet = true;
    const turn = ++this.quietTurn;
    afterPaint(() => {
      if (turn === this.quietTurn) this.quiet = false;
    });
  }

  /** Ask for the working response to be checked (what the Check button does). */
  check(): void {
    if (this.finished) return;
    const v = this.validation();
    if (!v.ok) {
      this.hint = this.hintText(v);
      return;
    }
    const response = this.response();
    this.hint = '';
    this.checkPending = true;
    emit(this, 'pr-answer-check', { questionId: this.question.id, response });
  }

  /** Subclasses call this when the student changes the working response. */
  protected changed(): void {
    this.hint = '';
  }

  protected renderHeading(): TemplateResult {
    const text = strings.question.heading(this.number, this.total);
    return this.headingLevel === 3
      ? html`<h3 id="heading" class="q-heading">${text}</h3>`
      : html`<h4 id="heading" class="q-heading">${text}</h4>`;
  }

  protected renderPassage(): Renderable {
    const p = this.question.passage;
    if (!p) return nothing;
    const seg = segmentById(this.lesson, p.segment);
    return html`<figure class="passage" data-testid="passage">
      <blockquote>${p.exact}</blockquote>
      ${seg ? html`<figcaption>${strings.pages.segmentHeading(seg.number, seg.title)}</figcaption>` : nothing}
    </figure>`;
  }

  protected renderTries(): Renderable {
    const attempt = (this.answer?.attempts ?? 0) + 1;
    return html`<span class="tries" data-testid="tries">${strings.question.tries(attempt, this.question.tries)}</span>`;
  }

  protected renderActions(): TemplateResult {
    if (this.finished) {
      return html`<p class="finished" data-testid="finished">
        ${this.review ? strings.question.readOnly : strings.question.locked}
      </p>`;
    }
    return html`<div class="actions no-print">
        <button class="primary" data-testid="check" @click=${() => this.check()}>${this.checkLabel()}</button>
        ${this.renderTries()}
      </div>`;
  }

  protected renderFeedback(): Renderable {
    if (this.hint) return html`<p class="hint" data-testid="hint">${this.hint}</p>`;
    const a = this.answer;
    if (!a) {
      return this.review
        ? html`<p class="result result-none">${strings.question.notAnswered}</p>${this.renderFinal(undefined)}`
        : nothing;
    }
    return html`<p class="result result-${a.result}" data-testid="result" data-result=${a.result}>
        <span aria-hidden="true" class="icon">${ICONS[a.result]}</span>${strings.question.result[a.result]}
      </p>
      ${this.finished
        ? this.renderFinal(a)
        : html`${this.renderAttemptFeedback(a)}
            <p class="tries-left">${this.triesLeftText(this.question.tries - a.attempts)}</p>`}`;
  }

  private renderFinal(a: AnswerState | undefined): TemplateResult {
    return html`${this.renderSolution(a)}
      <div class="explanation" data-testid="explanation">
        <p class="label">${strings.question.explanation}</p>
        ${rich(this.question.explanation)}
      </div>`;
  }

  protected override render(): TemplateResult {
    if (!this.question || !this.lesson) return html``;
    return html`<section
      class="question ${this.finished ? 'is-finished' : ''}"
      aria-labelledby="heading"
      data-testid="question"
      data-question-id=${this.question.id}
    >
      ${this.renderHeading()} ${this.renderPassage()}
      <div class="prompt" id="prompt">${rich(this.question.prompt)}</div>
      ${this.renderAnswerArea()} ${this.renderActions()}
      <div
        class="feedback"
        role="status"
        aria-live=${this.quiet ? 'off' : nothing}
        tabindex="-1"
        data-testid="feedback"
      >
        ${this.renderFeedback()}
      </div>
    </section>`;
  }
}

/** Icons repeat the verdict that the text already gives (never colour alone). */
const ICONS = { correct: '✓', partial: '◐', wrong: '✗', submitted: '✓' } as const;
