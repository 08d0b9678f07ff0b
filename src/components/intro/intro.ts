import { LitElement, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { pageOrder, type Lesson } from '../../model/lesson.js';
import { strings } from '../../ui/strings.js';
import { emit } from '../events.js';
import { rich } from '../shared/rich.js';
import { focusPageHeading, type PageElement } from '../shared/page.js';
import { tokens } from '../shared/tokens.styles.js';
import { pageStyles } from '../shared/page.styles.js';
import { introStyles } from './intro.styles.js';

/**
 * The first page: introduction, content note, objectives, how the lesson works, and Start.
 *
 * @fires pr-page-change - `{ page }` (the page after the introduction) when Start is pressed.
 */
@customElement('pr-intro')
export class PrIntro extends LitElement implements PageElement {
  static override styles = [tokens, pageStyles, introStyles];

  @property({ attribute: false }) lesson!: Lesson;

  focusHeading(): void {
    focusPageHeading(this.renderRoot);
  }

  private start(): void {
    const next = pageOrder(this.lesson)[1];
    if (next) emit(this, 'pr-page-change', { page: next });
  }

  protected override render() {
    const l = this.lesson;
    if (!l) return nothing;
    return html`<article aria-labelledby="page-heading">
      <h2 id="page-heading" class="page-heading" tabindex="-1" data-testid="page-heading">${strings.pages.intro}</h2>
      <p class="estimate">${strings.intro.estimated(l.estimatedMinutes)}</p>
      <div class="prose" data-testid="introduction">${rich(l.introduction)}</div>
      <section class="content-note" aria-labelledby="note-h" data-testid="content-note">
        <h3 id="note-h">${strings.intro.contentNote}</h3>
        ${rich(l.contentNote)}
      </section>
      <section aria-labelledby="obj-h">
        <h3 id="obj-h">${strings.intro.objectives}</h3>
        <ul class="prose" data-testid="objectives">
          ${l.objectives.map((o) => html`<li>${o}</li>`)}
        </ul>
      </section>
      <section aria-labelledby="how-h">
        <h3 id="how-h">${strings.intro.howItWorks}</h3>
        <ul class="prose">
          ${strings.intro.howItWorksItems(l.estimatedMinutes).map((t) => html`<li>${t}</li>`)}
        </ul>
      </section>
      <div class="actions no-print">
        <button class="primary" data-testid="start" @click=${() => this.start()}>${strings.intro.start}</button>
      </div>
    </article>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pr-intro': PrIntro;
  }
}
