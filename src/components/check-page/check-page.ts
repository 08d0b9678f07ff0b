import { LitElement, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Lesson } from '../../model/lesson.js';
import type { LessonState } from '../../core/types.js';
import { strings } from '../../ui/strings.js';
import { questionsOn } from '../shared/lookup.js';
import { renderQuestions } from '../shared/render-question.js';
import { focusPageHeading, type PageElement } from '../shared/page.js';
import { tokens } from '../shared/tokens.styles.js';
import { pageStyles } from '../shared/page.styles.js';
import { checkPageStyles } from './check-page.styles.js';

/**
 * The short checks before ('pre') and after ('post') the reading: each item shows its passage of
 * the talk, then the question. Not scored; the results page compares the two.
 */
@customElement('pr-check-page')
export class PrCheckPage extends LitElement implements PageElement {
  static override styles = [tokens, pageStyles, checkPageStyles];

  @property({ attribute: false }) lesson!: Lesson;
  @property({ attribute: false }) state!: LessonState;
  @property() page: 'pre' | 'post' = 'pre';
  @property({ type: Boolean, reflect: true }) review = false;

  focusHeading(): void {
    focusPageHeading(this.renderRoot);
  }

  protected override render() {
    if (!this.lesson || !this.state) return nothing;
    const questions = questionsOn(this.lesson, this.page);
    return html`<article aria-labelledby="page-heading">
      <h2 id="page-heading" class="page-heading" tabindex="-1" data-testid="page-heading">
        ${strings.pages[this.page]}
      </h2>
      <p class="lead">${this.page === 'pre' ? strings.checkPage.preIntro : strings.checkPage.postIntro}</p>
      <div class="items" data-testid="questions">
        ${renderQuestions(questions, { lesson: this.lesson, state: this.state, review: this.review, headingLevel: 3 })}
      </div>
    </article>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pr-check-page': PrCheckPage;
  }
}
