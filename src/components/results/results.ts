import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Lesson, Question } from '../../model/lesson.js';
import type { AnswerState, LessonState, Progress } from '../../core/types.js';
import { checkScores, mastery } from '../../core/progress.js';
import { segmentWords } from '../../core/words.js';
import { strings } from '../../ui/strings.js';
import { plain } from '../shared/rich.js';
import { deviceName, pageTitle, segmentById } from '../shared/lookup.js';
import { focusPageHeading, type PageElement } from '../shared/page.js';
import { tokens } from '../shared/tokens.styles.js';
import { pageStyles } from '../shared/page.styles.js';
import { resultsStyles } from './results.styles.js';
import '../mastery-chart/mastery-chart.js';
import '../device-map/device-map.js';

/**
 * The results page: score against the passing score; the pre/post checks with gain and
 * discrimination; mastery per device category (chart + table); the student's answers and
 * reflections; the device map of the whole talk; and Print (a print stylesheet keeps the
 * student's own work and drops navigation and the map's filter).
 */
@customElement('pr-results')
export class PrResults extends LitElement implements PageElement {
  static override styles = [tokens, pageStyles, resultsStyles];

  @property({ attribute: false }) lesson!: Lesson;
  @property({ attribute: false }) state!: LessonState;
  @property({ attribute: false }) progress!: Progress;
  /** 0-100: the LMS's mastery score when it sends one, else the lesson's. */
  @property({ type: Number, attribute: 'passing-score' }) passingScore = 0;

  focusHeading(): void {
    focusPageHeading(this.renderRoot);
  }

  private renderScore(): TemplateResult {
    const p = this.progress;
    const r = strings.results;
    return html`<section aria-labelledby="score-h" data-testid="score">
      <h3 id="score-h">${r.score}</h3>
      <p class="big">
        ${p.score !== null
          ? r.scoreFinal(p.score, this.passingScore, p.passed === true)
          : r.scoreSoFar(p.scoreSoFar, p.questionsAnswered, p.questionsTotal, this.passingScore)}
      </p>
    </section>`;
  }

  private renderChecks(): TemplateResult | typeof nothing {
    const c = checkScores(this.lesson, this.state);
    if (c.pre.total === 0 && c.post.total === 0) return nothing;
    const r = strings.results;
    const d = c.discrimination;
    const available = d.pre !== null || d.post !== null;
    return html`<section aria-labelledby="checks-h" data-testid="checks">
      <h3 id="checks-h">${r.checks}</h3>
      <ul>
        ${c.pre.total ? html`<li data-testid="pre-score">${r.checkScore(r.preLabel, c.pre.score)}</li>` : nothing}
        ${c.post.total ? html`<li data-testid="post-score">${r.checkScore(r.postLabel, c.post.score)}</li>` : nothing}
      </ul>
      <p data-testid="gain">${r.gain(c.gain)}</p>
      <h4>${r.discriminationHeading}</h4>
      ${available
        ? html`<p data-testid="discrimination">
            ${r.discrimination(d.pre?.dPrime ?? null, d.post?.dPrime ?? null, d.change)}
          </p>`
        : html`<p data-testid="discrimination">${r.discriminationUnavailable}</p>`}
      <p class="explain">${r.discriminationExplained}</p>
    </section>`;
  }

  /** The student's answer in words, for the list of answers (and its print). */
  private describe(q: Question, a: AnswerState): string {
    const resp = a.response;
    switch (resp.type) {
      case 'single':
        return q.type === 'single' ? plain(q.options.find((o) => o.id === resp.choice)?.text ?? resp.choice) : '';
      case 'multiple':
        return q.type === 'multiple'
          ? q.options
              .filter((o) => resp.choices.includes(o.id))
              .map((o) => plain(o.text))
              .join('; ')
          : '';
      case 'match':
        return q.type === 'match'
          ? q.pairs
              .map((p) => `“${p.quote.exact}” → ${resp.pairs[p.id] ? deviceName(this.lesson, resp.pairs[p.id]!) : '—'}`)
              .join('; ')
          : '';
      case 'highlight': {
        const seg = segmentById(this.lesson, q.page);
        if (!seg) return '';
        const words = segmentWords(seg);
        // Consecutive marked words read as one quotation.
        const runs: string[][] = [];
        let prev = -2;
        for (const i of resp.words) {
          const w = words[i];
          if (!w) continue;
          if (i === prev + 1 && runs.length) runs[runs.length - 1]!.push(w.text);
          else runs.push([w.text]);
          prev = i;
        }
        return runs.map((r) => `“${r.join(' ')}”`).join(', ');
      }
      case 'reflection':
        return resp.text;
    }
  }

  private renderAnswers(): TemplateResult {
    const r = strings.results;
    const questions = this.lesson.questions.filter((q) => q.type !== 'reflection');
    const pages = [...new Set(questions.map((q) => q.page))];
    return html`<section aria-labelledby="answers-h" data-testid="answers">
      <h3 id="answers-h">${r.answers}</h3>
      ${pages.map(
        (page) => html`<h4>${pageTitle(this.lesson, page)}</h4>
          <dl class="answers">
            ${questions
              .filter((q) => q.page === page)
              .map((q) => {
                const a = this.state.answers[q.id];
                return html`<div class="answer" data-testid="answer-${q.id}">
                  <dt>${q.summary || plain(q.prompt)}</dt>
                  <dd>
                    ${a
                      ? html`<span class="verdict verdict-${a.result}">${r.resultWord[a.result]}</span>
                          ${this.describe(q, a)}`
                      : r.notAnswered}
                  </dd>
                </div>`;
              })}
          </dl>`,
      )}
    </section>`;
  }

  private renderReflections(): TemplateResult | typeof nothing {
    const r = strings.results;
    const reflections = this.lesson.questions.filter((q) => q.type === 'reflection');
    if (!reflections.length) return nothing;
    return html`<section aria-labelledby="refl-h" data-testid="reflections">
      <h3 id="refl-h">${r.reflections}</h3>
      ${reflections.map((q) => {
        const a = this.state.answers[q.id];
        const text = a?.response.type === 'reflection' ? a.response.text : this.state.drafts[q.id];
        return html`<article class="reflection" data-testid="reflection-${q.id}" aria-labelledby="rh-${q.id}">
          <h4 id="rh-${q.id}">${plain(q.prompt)}</h4>
          <p class="meta">${pageTitle(this.lesson, q.page)}${a ? ` · ${r.resultWord[a.result]}` : ''}</p>
          ${text ? html`<p class="reflection-text">${text}</p>` : html`<p class="muted">${r.noReflection}</p>`}
        </article>`;
      })}
    </section>`;
  }

  protected override render() {
    if (!this.lesson || !this.state || !this.progress) return nothing;
    const r = strings.results;
    return html`<article aria-labelledby="page-heading">
      <h2 id="page-heading" class="page-heading" tabindex="-1" data-testid="page-heading">${r.heading}</h2>
      <div class="actions no-print">
        <button class="primary" data-testid="print" aria-describedby="print-hint" @click=${() => window.print()}>
          ${r.print}
        </button>
        <span id="print-hint" class="muted">${r.printHint}</span>
      </div>
      ${this.renderScore()} ${this.renderChecks()}
      <section aria-labelledby="mastery-h" data-testid="mastery">
        <h3 id="mastery-h">${r.mastery}</h3>
        <pr-mastery-chart .lesson=${this.lesson} .rows=${mastery(this.lesson, this.state)}></pr-mastery-chart>
      </section>
      ${this.renderAnswers()} ${this.renderReflections()}
      <section class="no-print" aria-labelledby="map-h" data-testid="device-map">
        <h3 id="map-h">${r.deviceMap}</h3>
        <pr-device-map .lesson=${this.lesson}></pr-device-map>
      </section>
    </article>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pr-results': PrResults;
  }
}
