import { html, nothing, type TemplateResult } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { SingleChoiceQuestion } from '../../model/lesson.js';
import type { AnswerState, Response } from '../../core/types.js';
import { strings } from '../../ui/strings.js';
import { PrQuestionBase } from '../shared/question-base.js';
import { rich } from '../shared/rich.js';
import { tokens } from '../shared/tokens.styles.js';
import { questionStyles } from '../shared/question.styles.js';
import { singleChoiceStyles } from './single-choice.styles.js';

/**
 * One answer out of several: a native radio group (arrow keys move and select, as browsers do).
 *
 * @fires pr-answer-check - `{ questionId, response: { type: 'single', choice } }` on Check.
 */
@customElement('pr-single-choice')
export class PrSingleChoice extends PrQuestionBase<SingleChoiceQuestion> {
  static override styles = [tokens, questionStyles, singleChoiceStyles];

  /** The option the student has selected (not yet checked). */
  @state() choice: string | null = null;

  protected override load(response: Response | undefined): void {
    this.choice = response?.type === 'single' ? response.choice : null;
  }

  protected override response(): Response {
    return { type: 'single', choice: this.choice ?? '' };
  }

  private select(id: string): void {
    this.choice = id;
    this.changed();
  }

  protected override renderAnswerArea(): TemplateResult {
    const q = this.question;
    const checked = this.answer?.response.type === 'single' ? this.answer.response.choice : null;
    return html`<fieldset class="options" aria-describedby="prompt">
      <legend class="visually-hidden">${strings.question.optionsLabel}</legend>
      ${q.options.map(
        (o) => html`<label class="option ${this.finished && o.correct ? 'is-key' : ''}" data-testid="option-${o.id}">
            <input
              type="radio"
              name="choice"
              .value=${o.id}
              .checked=${this.choice === o.id}
              ?disabled=${this.finished}
              @change=${() => this.select(o.id)}
            />
            <span class="option-text">${rich(o.text)}</span>
          </label>
          ${this.finished ? this.renderOptionVerdict(o.id, checked) : nothing}`,
      )}
    </fieldset>`;
  }

  /** Once finished, each option says whether it is the answer and whether it was chosen. */
  private renderOptionVerdict(id: string, checked: string | null): TemplateResult {
    const o = this.question.options.find((x) => x.id === id)!;
    const mine = checked === id;
    if (!o.correct && !mine) return html``;
    return html`<div class="option-feedback" data-testid="option-feedback-${id}">
      ${o.correct ? html`<span class="tag right">${strings.question.correctAnswer}</span>` : nothing}
      ${mine ? html`<span class="tag ${o.correct ? 'right' : 'wrong'}">${strings.question.yourAnswer}</span>` : nothing}
      ${rich(o.feedback)}
    </div>`;
  }

  protected override renderAttemptFeedback(a: AnswerState): TemplateResult | typeof nothing {
    if (a.response.type !== 'single') return nothing;
    const chosen = a.response.choice;
    const o = this.question.options.find((x) => x.id === chosen);
    return o
      ? html`<div class="option-feedback" data-testid="attempt-feedback">
          <p class="label">${strings.question.aboutYourChoice}</p>
          ${rich(o.feedback)}
        </div>`
      : nothing;
  }

  protected override renderSolution(): typeof nothing {
    // The options themselves carry the verdicts once finished (see renderOptionVerdict).
    return nothing;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pr-single-choice': PrSingleChoice;
  }
}
