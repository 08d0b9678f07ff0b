import { html, nothing, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { ReflectionQuestion } from '../../model/lesson.js';
import type { Response } from '../../core/types.js';
import { clipToCost, textCost } from '../../core/text.js';
import { strings } from '../../ui/strings.js';
import { emit } from '../events.js';
import { PrQuestionBase } from '../shared/question-base.js';
import { tokens } from '../shared/tokens.styles.js';
import { questionStyles } from '../shared/question.styles.js';
import { reflectionStyles } from './reflection.styles.js';

/** How long typing must pause before a draft is emitted. */
export const DRAFT_DEBOUNCE_MS = 600;

/** Remaining characters at or below which the counter is announced (politely). */
export function nearLimitThreshold(maxLength: number): number {
  return Math.max(10, Math.round(maxLength * 0.1));
}

/**
 * A written reflection: rubric and steps shown, a text area with a hard maxLength, a visible
 * character counter (announced politely only near the limit), and Submit once minLength is
 * reached. Drafts are emitted while typing (debounced) and on leaving the field, so nothing typed
 * is lost; the app keeps them in state without committing them to the LMS.
 *
 * @fires pr-draft-change - `{ questionId, text }` after typing pauses, or on blur.
 * @fires pr-answer-check - `{ questionId, response: { type: 'reflection', text } }` on Submit.
 */
@customElement('pr-reflection')
export class PrReflection extends PrQuestionBase<ReflectionQuestion> {
  static override styles = [tokens, questionStyles, reflectionStyles];

  /** The unchecked draft the app keeps (state.drafts), shown in preference to the last submission. */
  @property({ attribute: false }) draft: string | undefined = undefined;

  @state() text = '';

  private timer: ReturnType<typeof setTimeout> | undefined;
  /** The text last emitted as a draft (no duplicate events). */
  private emitted: string | null = null;

  protected override load(response: Response | undefined): void {
    const submitted = response?.type === 'reflection' ? response.text : '';
    // After a new submission the submitted text is the truth; otherwise a newer draft wins.
    this.text = this.finished ? submitted : (this.draft ?? submitted);
    this.emitted = this.text;
  }

  protected override response(): Response {
    return { type: 'reflection', text: this.text };
  }

  protected override checkLabel(): string {
    return strings.question.submit;
  }

  protected override triesLeftText(left: number): string {
    return strings.reflection.canRevise(left);
  }

  override check(): void {
    this.cancelDraft();
    super.check();
  }

  override disconnectedCallback(): void {
    this.flushDraft();
    super.disconnectedCallback();
  }

  /** Emit any pending draft now (on blur, and before the element goes away). */
  flushDraft(): void {
    if (this.timer === undefined) return;
    this.cancelDraft();
    this.emitDraft();
  }

  private cancelDraft(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private emitDraft(): void {
    if (this.text === this.emitted || this.finished) return;
    this.emitted = this.text;
    emit(this, 'pr-draft-change', { questionId: this.question.id, text: this.text });
  }

  private onInput(e: Event): void {
    const area = e.target as HTMLTextAreaElement;
    if (this.finished) {
      area.value = this.text;
      return;
    }
    // The limit is the text's cost in saved data (core/text.ts), not its character count: a paste
    // or a curly quote at the limit is clipped here rather than refused later.
    const clipped = clipToCost(area.value, this.question.maxLength);
    if (clipped !== area.value) area.value = clipped;
    this.text = clipped;
    this.changed();
    this.cancelDraft();
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.emitDraft();
    }, DRAFT_DEBOUNCE_MS);
  }

  protected override renderAnswerArea(): TemplateResult {
    const q = this.question;
    const len = textCost(this.text);
    const left = q.maxLength - len;
    const near = left <= nearLimitThreshold(q.maxLength);
    const more = q.minLength - this.text.trim().length;
    return html`${q.steps?.length
        ? html`<div class="steps" id="steps">
            <p class="label">${strings.reflection.steps}</p>
            <ol>
              ${q.steps.map((s) => html`<li>${s}</li>`)}
            </ol>
          </div>`
        : nothing}
      <div class="rubric" id="rubric">
        <p class="label">${strings.reflection.rubric}</p>
        <ul>
          ${q.rubric.map((r) => html`<li>${r}</li>`)}
        </ul>
      </div>
      <label class="field-label" for="text">${strings.reflection.label}</label>
      <textarea
        id="text"
        data-testid="reflection-text"
        rows="8"
        maxlength=${q.maxLength}
        .value=${this.text}
        ?readonly=${this.finished}
        aria-describedby="prompt rubric counter min cost-note"
        @input=${this.onInput}
        @change=${() => this.flushDraft()}
      ></textarea>
      <div class="print-text" aria-hidden="true">${this.text}</div>
      <p class="cost-note" id="cost-note">${strings.reflection.costNote}</p>
      <div class="meta">
        <span id="counter" class="counter ${near ? 'near' : ''}" data-testid="counter"
          >${strings.reflection.counter(len, q.maxLength)}</span
        >
        ${this.finished
          ? nothing
          : html`<span id="min" class="min" data-testid="min"
              >${more > 0 ? strings.reflection.needMore(more) : strings.reflection.draftKept}</span
            >`}
      </div>
      <div class="visually-hidden" aria-live="polite" data-testid="counter-live">
        ${near && !this.finished ? strings.reflection.nearLimit(Math.max(0, left)) : ''}
      </div>`;
  }

  protected override renderActions(): TemplateResult {
    if (this.finished) return super.renderActions();
    const enough = this.validation().ok;
    return html`<div class="actions no-print">
      <button class="primary" data-testid="check" ?disabled=${!enough} @click=${() => this.check()}>
        ${this.checkLabel()}
      </button>
      ${this.renderTries()}
    </div>`;
  }

  protected override renderAttemptFeedback(): TemplateResult {
    return html`<p>${strings.reflection.submitted}</p>`;
  }

  protected override renderSolution(): TemplateResult | typeof nothing {
    return this.answer ? html`<p>${strings.reflection.submitted}</p>` : nothing;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pr-reflection': PrReflection;
  }
}
