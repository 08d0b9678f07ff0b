import { LitElement, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Lesson } from '../../model/lesson.js';
import type { LessonState } from '../../core/types.js';
import { strings } from '../../ui/strings.js';
import { emit } from '../events.js';
import { questionsOn } from '../shared/lookup.js';
import { renderQuestions } from '../shared/render-question.js';
import { focusPageHeading, type PageElement } from '../shared/page.js';
import { tokens } from '../shared/tokens.styles.js';
import { pageStyles } from '../shared/page.styles.js';
import { synthesisStyles } from './synthesis.styles.js';

/**
 * The closing analysis: the synthesis reflections, then the way to the results.
 *
 * @fires pr-page-change - `{ page: 'results' }` from "See your results".
 */
@customElement('pr-synthesis')
export class PrSynthesis extends LitElement implements PageElement {
  static override styles = [tokens, pageStyles, synthesisStyles];

  @property({ attribute: false }) lesson!: Lesson;
  @property({ attribute: false }) state!: LessonState;
  @property({ type: Boolean, reflect: true }) review = false;

  focusHeading(): void {
    focusPageHeading(this.renderRoot);
  }

  protected override render() {
    if (!this.lesson || !this.state) return nothing;
    const questions = questionsOn(this.lesson, 'synthesis');
    return html`<article aria-labelledby="page-heading">
      <h2 id="page-heading" class="page-heading" tabindex="-1" data-testid="page-heading">
        ${strings.pages.synthesis}
      </h2>
      <p class="lead">${strings.synthesis.intro}</p>
      <div class="items" data-testid="questions">
        ${renderQuestions(questions, { lesson: this.lesson, state: this.state, review: this.review, headingLevel: 3 })}
      </div>
      <div class="actions no-print">
        <button
          class="primary"
          data-testid="to-results"
          @click=${() => emit(this, 'pr-page-change', { page: 'results' })}
        >
          ${strings.synthesis.toResults}
        </button>
      </div>
    </article>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pr-synthesis': PrSynthesis;
  }
}
