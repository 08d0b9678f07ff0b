import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { EditorsNote, HistoryNote, Lesson, Segment } from '../../model/lesson.js';
import type { LessonState } from '../../core/types.js';
import { strings } from '../../ui/strings.js';
import { rich } from '../shared/rich.js';
import { citation, questionsOn, segmentById } from '../shared/lookup.js';
import { renderQuestions } from '../shared/render-question.js';
import { focusPageHeading, type PageElement } from '../shared/page.js';
import { tokens } from '../shared/tokens.styles.js';
import { pageStyles } from '../shared/page.styles.js';
import { findTerms, textRuns, type TermHit } from './text-runs.js';
import { segmentStyles } from './segment.styles.js';
import type { PrGlossaryTerm } from '../glossary-term/glossary-term.js';
import '../glossary-term/glossary-term.js';

/**
 * One part of the talk: orientation line and context, the text set for long reading (glossary
 * terms as disclosure buttons, numbered editor's-note references linking to the notes below),
 * history notes beside the text with their sources, then the segment's questions.
 *
 * Question events (pr-answer-check, pr-draft-change) bubble through from the question elements.
 */
@customElement('pr-segment')
export class PrSegment extends LitElement implements PageElement {
  static override styles = [tokens, pageStyles, segmentStyles];

  @property({ attribute: false }) lesson!: Lesson;
  @property({ attribute: false }) state!: LessonState;
  /** The segment id to show. */
  @property() segment = '';
  @property({ type: Boolean, reflect: true }) review = false;

  focusHeading(): void {
    focusPageHeading(this.renderRoot);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // Another segment: the terms' elements are reused for its terms, each a new disclosure.
    if (changed.has('segment') && changed.get('segment') !== undefined) {
      for (const term of this.renderRoot.querySelectorAll<PrGlossaryTerm>('pr-glossary-term')) term.open = false;
    }
  }

  private get data(): Segment | undefined {
    return this.lesson ? segmentById(this.lesson, this.segment) : undefined;
  }

  /** Follow a note link inside the shadow root (a plain #hash cannot reach it). */
  private jump(e: Event, id: string): void {
    e.preventDefault();
    const target = this.renderRoot.querySelector<HTMLElement>(`#${id}`);
    if (!target) return;
    target.focus();
    target.scrollIntoView?.({ block: 'center' });
  }

  private notes(seg: Segment): { inText: EditorsNote[]; elsewhere: EditorsNote[] } {
    const all = this.lesson.editorsNotes;
    return {
      inText: all.filter((n) => n.span?.segment === seg.id),
      // Notes on the heading or appendix have no span: they are listed with the first part.
      elsewhere: seg.number === 1 ? all.filter((n) => n.span === null) : [],
    };
  }

  private renderParagraph(text: string, p: number, terms: TermHit[], notes: EditorsNote[]): TemplateResult {
    const runs = textRuns(
      text,
      terms.filter((t) => t.paragraph === p),
      notes.filter((n) => n.span?.paragraph === p).map((n) => ({ at: n.span!.end, number: n.number })),
    );
    return html`<p data-testid="paragraph-${p}">${runs.map((r) => {
      switch (r.kind) {
        case 'text':
          return r.text;
        case 'term': {
          const entry = this.lesson.glossary.find((g) => g.id === r.entry)!;
          // On the next page the element may show another term (closed: see willUpdate).
          return html`<pr-glossary-term
            data-testid="term-${entry.id}"
            .term=${r.text}
            .headword=${entry.term}
            .definition=${entry.definition}
            .sources=${entry.sources.map((s) => citation(this.lesson, s))}
          ></pr-glossary-term>`;
        }
        case 'note':
          return html`<sup class="note-ref"
            ><a
              href="#note-${r.number}"
              id="ref-${r.number}"
              data-testid="note-ref-${r.number}"
              aria-label=${strings.segment.noteRef(r.number)}
              @click=${(e: Event) => this.jump(e, `note-${r.number}`)}
              >${r.number}</a
            ></sup
          >`;
      }
    })}</p>`;
  }

  private renderNote(n: EditorsNote, linked: boolean): TemplateResult {
    return html`<li id="note-${n.number}" value=${n.number} tabindex="-1" data-testid="note-${n.number}">
      <p>${strings.segment.noteSource(n.source)} ${strings.segment.noteLesson(n.lesson)} ${n.why}</p>
      ${linked
        ? html`<a
            class="back no-print"
            href="#ref-${n.number}"
            @click=${(e: Event) => this.jump(e, `ref-${n.number}`)}
            >${strings.segment.backToText(n.number)}</a
          >`
        : nothing}
    </li>`;
  }

  private renderHistory(h: HistoryNote): TemplateResult {
    return html`<section class="history-note" aria-labelledby="h-${h.id}" data-testid="history-${h.id}">
      <h4 id="h-${h.id}">${h.title}</h4>
      ${h.span ? html`<p class="anchor">“${h.span.exact}”</p>` : nothing} ${rich(h.body)}
      <p class="sources">
        <span class="label">${strings.segment.sources}:</span>
        ${h.sources.map((s) => citation(this.lesson, s)).join('; ')}
      </p>
    </section>`;
  }

  protected override render() {
    const seg = this.data;
    if (!seg || !this.state) return nothing;
    const l = this.lesson;
    const terms = findTerms(seg.paragraphs, l.glossary);
    const { inText, elsewhere } = this.notes(seg);
    const history = l.history.filter((h) => h.segment === seg.id);
    const questions = questionsOn(l, seg.id);
    const last = seg.number === Math.max(...l.segments.map((s) => s.number));
    return html`<article aria-labelledby="page-heading">
      <h2 id="page-heading" class="page-heading" tabindex="-1" data-testid="page-heading">
        ${strings.pages.segmentHeading(seg.number, seg.title)}
      </h2>
      <p class="orientation lead" data-testid="orientation">
        <span class="visually-hidden">${strings.segment.orientation}: </span>${seg.orientation}
      </p>
      ${seg.context
        ? html`<section class="context prose" aria-labelledby="ctx-h" data-testid="context">
            <h3 id="ctx-h">${strings.segment.context}</h3>
            ${rich(seg.context)}
          </section>`
        : nothing}
      <div class="reading ${history.length ? 'has-history' : ''}">
        <section class="text" aria-labelledby="text-h">
          <h3 id="text-h">${strings.segment.text}</h3>
          <div class="talk" lang=${l.language} data-testid="talk">
            ${seg.number === 1 ? l.heading.map((line) => html`<p class="source-heading">${line}</p>`) : nothing}
            ${seg.paragraphs.map((text, p) => this.renderParagraph(text, p, terms, inText))}
          </div>
          ${last && l.appendix
            ? html`<section class="appendix" aria-labelledby="app-h" data-testid="appendix">
                <h4 id="app-h">${l.appendix.title}</h4>
                <p class="appendix-note">${strings.segment.appendix}: ${l.appendix.note}</p>
                <div class="talk" lang=${l.language}>${l.appendix.paragraphs.map((t) => html`<p>${t}</p>`)}</div>
              </section>`
            : nothing}
        </section>
        ${history.length
          ? html`<aside class="history" aria-labelledby="hist-h" data-testid="history">
              <h3 id="hist-h">${strings.segment.history}</h3>
              ${history.map((h) => this.renderHistory(h))}
            </aside>`
          : nothing}
      </div>
      ${inText.length || elsewhere.length
        ? html`<section class="notes" aria-labelledby="notes-h" data-testid="notes">
            <h3 id="notes-h">${strings.segment.notes}</h3>
            ${inText.length ? html`<ol>${inText.map((n) => this.renderNote(n, true))}</ol>` : nothing}
            ${elsewhere.length
              ? html`<h4>${strings.segment.headingNotes}</h4>
                  <ol>
                    ${elsewhere.map((n) => this.renderNote(n, false))}
                  </ol>`
              : nothing}
          </section>`
        : nothing}
      <section class="questions" aria-labelledby="questions-h" data-testid="questions">
        <h3 id="questions-h">${strings.segment.questions}</h3>
        ${questions.length
          ? renderQuestions(questions, { lesson: l, state: this.state, review: this.review, headingLevel: 4 })
          : html`<p>${strings.segment.noQuestions}</p>`}
      </section>
    </article>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pr-segment': PrSegment;
  }
}
