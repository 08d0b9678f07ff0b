import { html, nothing, type TemplateResult } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { ChoiceOption, MultipleChoiceQuestion } from '../../model/lesson.js';
import type { Response } from '../../core/types.js';
import { strings } from '../../ui/strings.js';
import { PrQuestionBase } from '../shared/question-base.js';
import { rich } from '../shared/rich.js';
import { tokens } from '../shared/tokens.styles.js';
import { questionStyles } from '../shared/question.styles.js';
import { multipleChoiceStyles } from './multiple-choice.styles.js';

/**
 * Select all that apply: native checkboxes. After a check with tries left, each ticked option
 * shows its own feedback (why it fits or not); once finished, every option shows whether it
 * applies and whether the student's choice was right.
 *
 * @fires pr-answer-check - `{ questionId, response: { type: 'multiple', choices } }` on Check.
 */
@customElement('pr-multiple-choice')
export class PrMultipleChoice extends PrQuestionBase<MultipleChoiceQuestion> {
  static override styles = [tokens, questionStyles, multipleChoiceStyles];

  /** Ticked option ids, in option order. */
  @state() choices: string[] = [];

  protected override load(response: Response | undefined): void {
    this.choices = response?.type === 'multiple' ? [...response.choices] : [];
  }

  protected override response(): Response {
    return { type: 'multiple', choices: [...this.choices] };
  }

  private toggle(id: string, on: boolean): void {
    const set = new Set(this.choices);
    if (on) set.add(id);
    else set.delete(id);
    this.choices = this.question.options.map((o) => o.id).filter((x) => set.has(x));
    this.changed();
  }

  /** The options ticked in the last check. */
  private get checkedChoices(): string[] {
    return this.answer?.response.type === 'multiple' ? this.answer.response.choices : [];
  }

  protected override renderAnswerArea(): TemplateResult {
    return html`<fieldset class="options" aria-describedby="prompt">
      <legend class="visually-hidden">${strings.question.optionsLabel}</legend>
      ${this.question.options.map(
        (o) => html`<label class="option" data-testid="option-${o.id}">
            <input
              type="checkbox"
              .value=${o.id}
              .checked=${this.choices.includes(o.id)}
              ?disabled=${this.finished}
              @change=${(e: Event) => this.toggle(o.id, (e.target as HTMLInputElement).checked)}
            />
            <span class="option-text">${rich(o.text)}</span>
          </label>
          ${this.renderOptionFeedback(o)}`,
      )}
    </fieldset>`;
  }

  private renderOptionFeedback(o: ChoiceOption): TemplateResult | typeof nothing {
    const ticked = this.checkedChoices.includes(o.id);
    if (this.finished) {
      // In review without an answer there is no choice to judge: say only whether it applies.
      const verdict = this.answer
        ? strings.question.optionVerdict(o.correct, ticked === o.correct)
        : o.correct
          ? strings.question.shouldApply
          : strings.question.shouldNotApply;
      const cls = this.answer ? (ticked === o.correct ? 'right' : 'wrong') : o.correct ? 'right' : '';
      return html`<div class="option-feedback" data-testid="option-feedback-${o.id}">
        <span class="tag ${cls}">${verdict}</span> ${rich(o.feedback)}
      </div>`;
    }
    if (this.answer && ticked) {
      return html`<div class="option-feedback" data-testid="option-feedback-${o.id}">
        <span class="tag">${strings.question.aboutYourChoice}:</span> ${rich(o.feedback)}
      </div>`;
    }
    return nothing;
  }

  protected override renderSolution(): typeof nothing {
    return nothing;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pr-multiple-choice': PrMultipleChoice;
  }
}
