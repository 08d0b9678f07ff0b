import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { guard } from 'lit/directives/guard.js';
import { repeat } from 'lit/directives/repeat.js';
import type { Lesson, PageId } from '../../model/lesson.js';
import type { LessonState, PageStatus, Progress } from '../../core/types.js';
import { pageStatus } from '../../core/progress.js';
import { strings } from '../../ui/strings.js';
import { emit } from '../events.js';
import { pagePosition, pagesOf, pageTitle } from '../shared/lookup.js';
import type { PageElement } from '../shared/page.js';
import { tokens } from '../shared/tokens.styles.js';
import { readerStyles } from './reader.styles.js';
import '../intro/intro.js';
import '../segment/segment.js';
// The question pages' and the results' elements arrive when first needed (src/app/lazy/).

/** How the lesson is opened: to work in, or to look at an earlier attempt (nothing can change). */
export type ReaderMode = 'normal' | 'review' | 'browse';

/** A message for the student that does not block the lesson (e.g. saving trouble). */
export interface ReaderNotice {
  /** Stable id, so the same notice is not shown twice and can be dismissed. */
  id: string;
  message: string;
}

interface TocRow {
  page: PageId;
  title: string;
  status: PageStatus;
}

const STATUS_ICON: Record<PageStatus, string> = { 'not-started': '○', 'in-progress': '◐', done: '●' };

/**
 * The shell: title and source line, the learner's name, progress, a table of contents (a nav
 * landmark with each page's status in words and aria-current on the current page; a disclosure
 * at 700 px and below), the current page, previous/next, a notice area and a live region.
 *
 * It renders `state.location` and never changes state itself: navigation is emitted as
 * `pr-page-change` and the app hands back a new state. When the location changes, focus moves to
 * the new page's heading.
 *
 * @fires pr-page-change - `{ page }` from the table of contents and previous/next (and, bubbling
 *   through, from the pages). Question events bubble through unchanged.
 */
@customElement('pr-reader')
export class PrReader extends LitElement {
  static override styles = [tokens, readerStyles];

  @property({ attribute: false }) lesson: Lesson | undefined = undefined;
  @property({ attribute: false }) state: LessonState | undefined = undefined;
  @property({ attribute: false }) progress: Progress | undefined = undefined;
  /** 0-100. */
  @property({ type: Number, attribute: 'passing-score' }) passingScore = 0;
  @property({ attribute: false }) learnerName: string | null = null;
  @property({ reflect: true }) mode: ReaderMode = 'normal';
  @property({ attribute: false }) notices: ReaderNotice[] = [];

  private tocMemo: { lesson: Lesson; answers: LessonState['answers']; visited: string; rows: readonly TocRow[] } | null = null;

  /** The table of contents disclosure (used at narrow widths only). */
  @state() tocOpen = false;
  @state() private dismissed: ReadonlySet<string> = new Set();
  @state() private announcement = '';

  get review(): boolean {
    return this.mode !== 'normal';
  }

  get pages(): PageId[] {
    return this.lesson ? [...pagesOf(this.lesson)] : [];
  }

  /** The page shown: the state's location when it exists, else the first page. */
  get current(): PageId {
    const lesson = this.lesson;
    if (!lesson) return 'intro';
    const loc = this.state?.location;
    return loc && pagePosition(lesson, loc) >= 0 ? loc : (pagesOf(lesson)[0] ?? 'intro');
  }

  /** Say something to screen readers (politely) without moving focus. */
  announce(message: string): void {
    // Clear first so the same message twice is still announced.
    this.announcement = '';
    void this.updateComplete.then(() => {
      this.announcement = message;
    });
  }

  /** The page element now shown. */
  get pageElement(): PageElement | null {
    return this.renderRoot.querySelector<PageElement>('[data-testid=page]');
  }

  /** A reflection sends its draft after typing pauses or on blur. A page change or a hidden tab
   * can come sooner (a keyboard shortcut, a closed tab): send the drafts first. Capture listeners,
   * so they run before the app's and the runtime's own (which save the state). */
  private readonly flushDrafts = () => {
    for (const el of this.pageElement?.shadowRoot?.querySelectorAll('pr-reflection') ?? []) {
      (el as Element & { flushDraft?: () => void }).flushDraft?.();
    }
  };

  override connectedCallback(): void {
    super.connectedCallback();
    this.addEventListener('pr-page-change', this.flushDrafts, { capture: true });
    document.addEventListener('visibilitychange', this.flushDrafts, { capture: true });
    window.addEventListener('pagehide', this.flushDrafts, { capture: true });
  }

  override disconnectedCallback(): void {
    this.removeEventListener('pr-page-change', this.flushDrafts, { capture: true });
    document.removeEventListener('visibilitychange', this.flushDrafts, { capture: true });
    window.removeEventListener('pagehide', this.flushDrafts, { capture: true });
    super.disconnectedCallback();
  }

  /** Move focus to the current page's heading. */
  async focusHeading(): Promise<void> {
    await this.updateComplete;
    let page = this.pageElement as (PageElement & { updateComplete?: Promise<unknown> }) | null;
    // A page whose element arrives with a lazily loaded chunk (src/app/lazy/) is focused once it
    // is defined, if it is still the page shown by then.
    if (page && typeof page.focusHeading !== 'function') {
      await customElements.whenDefined(page.localName);
      if (page !== this.pageElement) return;
      page = this.pageElement as typeof page;
    }
    await page?.updateComplete;
    page?.focusHeading();
  }

  private go(page: PageId): void {
    if (page === this.current) {
      this.tocOpen = false;
      void this.focusHeading();
      return;
    }
    emit(this, 'pr-page-change', { page });
  }

  /** Whether this update shows a different page than the last (not on first render: opening the
   * lesson must not steal focus from wherever the LMS put it). */
  private pageChanged(changed: PropertyValues<this>): boolean {
    const before = changed.get('state') as LessonState | undefined;
    return changed.has('state') && !!before && before.location !== this.state?.location;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (this.pageChanged(changed)) this.tocOpen = false;
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (this.pageChanged(changed)) void this.focusHeading();
  }

  private renderNotices(): TemplateResult {
    const shown = this.notices.filter((n) => !this.dismissed.has(n.id));
    return html`<div class="notices" role="status" data-testid="notices">
      ${shown.map(
        (n) => html`<div class="notice" data-testid="notice">
          <p>${n.message}</p>
          <button
            class="dismiss"
            aria-label=${strings.reader.dismissNotice(n.message)}
            @click=${() => (this.dismissed = new Set([...this.dismissed, n.id]))}
          >
            ${strings.reader.dismiss}
          </button>
        </div>`,
      )}
    </div>`;
  }

  private renderProgress(): TemplateResult | typeof nothing {
    const p = this.progress;
    if (!p) return nothing;
    const r = strings.reader;
    return html`<div class="progress" data-testid="progress">
      <label class="visually-hidden" for="progress-bar">${r.progressLabel}</label>
      <progress id="progress-bar" max=${p.pagesTotal} .value=${p.pagesDone}></progress>
      <p class="progress-text">
        <span data-testid="pages-done">${r.pagesDone(p.pagesDone, p.pagesTotal)}</span>
        <span aria-hidden="true"> · </span>
        <span data-testid="questions-answered">${r.questionsAnswered(p.questionsAnswered, p.questionsTotal)}</span>
        <span aria-hidden="true"> · </span>
        <span data-testid="score-so-far">${r.scoreSoFar(p.scoreSoFar)}</span>
      </p>
    </div>`;
  }

  /** Every page's title and status, worked out again only when the lesson, the answers or the
   * pages visited change (a page switch to a page seen before changes none of them). */
  private tocRows(lesson: Lesson, state: LessonState): readonly TocRow[] {
    const visited = state.visited.join('\n');
    const memo = this.tocMemo;
    if (memo && memo.lesson === lesson && memo.answers === state.answers && memo.visited === visited) return memo.rows;
    const rows = pagesOf(lesson).map((page) => ({ page, title: pageTitle(lesson, page), status: pageStatus(lesson, state, page) }));
    this.tocMemo = { lesson, answers: state.answers, visited, rows };
    return rows;
  }

  private renderTocItem(page: PageId, title: string, status: PageStatus, current: boolean): TemplateResult {
    return html`<li>
      <button
        class="toc-item ${current ? 'current' : ''}"
        data-testid="toc-${page}"
        data-status=${status}
        aria-current=${current ? 'page' : nothing}
        @click=${() => this.go(page)}
      >
        <span class="toc-title">${title}</span>
        <span class="status status-${status}"
          ><span aria-hidden="true" class="status-icon">${STATUS_ICON[status]}</span>
          ${strings.status[status]}</span
        >
      </button>
    </li>`;
  }

  private renderToc(lesson: Lesson, state: LessonState, current: PageId): TemplateResult {
    const r = strings.reader;
    return html`<nav class="toc ${this.tocOpen ? 'open' : ''}" aria-label=${r.contents} data-testid="toc">
      <button
        class="toc-toggle"
        aria-expanded=${this.tocOpen ? 'true' : 'false'}
        aria-controls="toc-list"
        data-testid="toc-toggle"
        @click=${() => (this.tocOpen = !this.tocOpen)}
      >
        <span aria-hidden="true" class="chevron">${this.tocOpen ? '▾' : '▸'}</span>${r.contents}
      </button>
      <ol id="toc-list" class="toc-list">
        ${repeat(
          this.tocRows(lesson, state),
          (row) => row.page,
          ({ page, title, status }) => {
            const isCurrent = page === current;
            // Hundreds of pages in a long lesson: only the entries whose title, status or
            // currency changed are rendered again on a page switch (the old and the new page).
            return guard([title, status, isCurrent], () => this.renderTocItem(page, title, status, isCurrent));
          },
        )}
      </ol>
    </nav>`;
  }

  private renderPage(lesson: Lesson, state: LessonState, page: PageId): TemplateResult {
    switch (page) {
      case 'intro':
        return html`<pr-intro data-testid="page" .lesson=${lesson}></pr-intro>`;
      case 'pre':
      case 'post':
        return html`<pr-check-page
          data-testid="page"
          .lesson=${lesson}
          .state=${state}
          .page=${page}
          ?review=${this.review}
        ></pr-check-page>`;
      case 'synthesis':
        return html`<pr-synthesis data-testid="page" .lesson=${lesson} .state=${state} ?review=${this.review}></pr-synthesis>`;
      case 'results':
        return html`<pr-results
          data-testid="page"
          .lesson=${lesson}
          .state=${state}
          .progress=${this.progress}
          .passingScore=${this.passingScore}
        ></pr-results>`;
      default:
        return html`<pr-segment
          data-testid="page"
          .lesson=${lesson}
          .state=${state}
          .segment=${page}
          ?review=${this.review}
        ></pr-segment>`;
    }
  }

  private renderPager(lesson: Lesson, current: PageId): TemplateResult {
    const r = strings.reader;
    const pages = pagesOf(lesson);
    const i = pagePosition(lesson, current);
    const prev = pages[i - 1];
    const next = pages[i + 1];
    return html`<nav class="pager no-print" aria-label=${r.pageNav} data-testid="pager">
      <div class="pager-slot">
        ${prev
          ? html`<button data-testid="previous" aria-label=${r.previousPage(pageTitle(lesson, prev))} @click=${() => this.go(prev)}>
              <span aria-hidden="true">← ${r.previous}</span>
              <span class="pager-title" aria-hidden="true">${pageTitle(lesson, prev)}</span>
            </button>`
          : nothing}
      </div>
      <p class="page-of" data-testid="page-of">${r.pageOf(i + 1, pages.length)}</p>
      <div class="pager-slot next">
        ${next
          ? html`<button class="primary" data-testid="next" aria-label=${r.nextPage(pageTitle(lesson, next))} @click=${() => this.go(next)}>
              <span aria-hidden="true">${r.next} →</span>
              <span class="pager-title" aria-hidden="true">${pageTitle(lesson, next)}</span>
            </button>`
          : nothing}
      </div>
    </nav>`;
  }

  /** Keyboard users reach the page without tabbing through the whole table of contents. */
  private skipToPage(event: Event): void {
    event.preventDefault();
    void this.focusHeading();
  }

  protected override render() {
    const lesson = this.lesson;
    const state = this.state;
    if (!lesson || !state) return html`<div class="shell"></div>`;
    const r = strings.reader;
    const src = lesson.source;
    const current = this.current;
    return html`<div class="shell" lang=${lesson.language}>
      <header class="banner" role="banner">
        <a class="skip-link no-print" href="#" data-testid="skip-link" @click=${this.skipToPage}>${r.skipToPage}</a>
        <div class="titles">
          <h1 data-testid="lesson-title">${lesson.title}</h1>
          <p class="source" data-testid="source-line">${r.sourceLine(src.author, src.title, src.date)}</p>
        </div>
        ${this.learnerName ? html`<p class="learner" data-testid="learner">${r.learner(this.learnerName)}</p>` : nothing}
        ${this.renderProgress()}
      </header>
      ${this.renderNotices()}
      <div class="layout">
        ${this.renderToc(lesson, state, current)}
        <main class="main" data-testid="main" data-page=${current}>
          ${this.review
            ? html`<p class="mode-banner" data-testid="mode-banner">
                ${this.mode === 'browse' ? r.browseBanner : r.reviewBanner}
              </p>`
            : nothing}
          ${this.renderPage(lesson, state, current)} ${this.renderPager(lesson, current)}
        </main>
      </div>
      <div class="visually-hidden" role="status" aria-live="polite" data-testid="announcer">${this.announcement}</div>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pr-reader': PrReader;
  }
}
