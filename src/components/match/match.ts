import { html, nothing, type TemplateResult } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { Id, MatchPair, MatchQuestion } from '../../model/lesson.js';
import type { Response } from '../../core/types.js';
import { strings } from '../../ui/strings.js';
import { PrQuestionBase } from '../shared/question-base.js';
import { rich } from '../shared/rich.js';
import { deviceName } from '../shared/lookup.js';
import { tokens } from '../shared/tokens.styles.js';
import { questionStyles } from '../shared/question.styles.js';
import { matchStyles } from './match.styles.js';

/**
 * Quotations matched to devices, one native `<select>` per quotation (no drag and drop: selects
 * work with every keyboard, screen reader and phone).
 *
 * @fires pr-answer-check - `{ questionId, response: { type: 'match', pairs: { [pairId]: deviceId } } }`.
 */
@customElement('pr-match')
export class PrMatch extends PrQuestionBase<MatchQuestion> {
  static override styles = [tokens, questionStyles, matchStyles];

  /** Pair id → chosen device id. */
  @state() pairs: Record<string, Id> = {};

  protected override load(response: Response | undefined): void {
    this.pairs = response?.type === 'match' ? { ...response.pairs } : {};
  }

  protected override response(): Response {
    return { type: 'match', pairs: { ...this.pairs } };
  }

  private choose(pair: string, device: Id): void {
    const next = { ...this.pairs };
    if (device) next[pair] = device;
    else delete next[pair];
    this.pairs = next;
    this.changed();
  }

  protected override renderAnswerArea(): TemplateResult {
    const q = this.question;
    const chosen = q.pairs.filter((p) => this.pairs[p.id]).length;
    return html`<ol class="pairs" aria-describedby="prompt">
        ${q.pairs.map((p, i) => this.renderPair(p, i + 1))}
      </ol>
      <p class="count" data-testid="match-count">${strings.match.answered(chosen, q.pairs.length)}</p>`;
  }

  /** Options are selected through the `selected` property, not the attribute: once the student has
   * changed a select the browser ignores the attribute, and the element may later show another
   * question (render-question.ts), whose select must show that question's choice. */
  private renderPair(p: MatchPair, n: number): TemplateResult {
    const id = `pair-${p.id}`;
    const checked = this.answer?.response.type === 'match' ? this.answer.response.pairs[p.id] : undefined;
    return html`<li class="pair" data-testid="pair-${p.id}">
      <p class="quote-label" id="${id}-label">${strings.match.quotation(n)}</p>
      <blockquote class="quote" id="${id}-quote">“${p.quote.exact}”</blockquote>
      <label class="select-label" for="${id}-select">${strings.match.chooseFor(n)}</label>
      <select
        id="${id}-select"
        data-testid="select-${p.id}"
        aria-describedby="${id}-quote"
        ?disabled=${this.finished}
        @change=${(e: Event) => this.choose(p.id, (e.target as HTMLSelectElement).value)}
      >
        <option value="" .selected=${!this.pairs[p.id]}>${strings.match.choose}</option>
        ${this.question.choices.map(
          (d) => html`<option value=${d} .selected=${this.pairs[p.id] === d}>${deviceName(this.lesson, d)}</option>`,
        )}
      </select>
      ${this.finished
        ? html`<div class="option-feedback" data-testid="pair-feedback-${p.id}">
            <span class="tag right">${strings.match.correctDevice(deviceName(this.lesson, p.device))}</span>
            ${this.answer
              ? html`<span class="tag ${checked === p.device ? 'right' : 'wrong'}"
                  >${strings.match.pairVerdict(checked === p.device)}</span
                >`
              : nothing}
            ${rich(p.feedback)}
          </div>`
        : nothing}
    </li>`;
  }

  protected override renderSolution(): typeof nothing {
    return nothing;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pr-match': PrMatch;
  }
}
