// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import '../../src/components/reader/reader.js';
import type { PrReader } from '../../src/components/reader/reader.js';
import { goTo } from '../../src/core/state.js';
import { progress } from '../../src/core/progress.js';
import type { LessonState } from '../../src/core/types.js';
import { fixtureLesson } from './fixture-lesson.js';
import { $, $$, check, collect, deepActive, fresh, mount, settle, spoken, text } from './helpers.js';

const lesson = fixtureLesson();

afterEach(() => document.body.replaceChildren());

async function reader(state: LessonState = fresh(lesson), extra: Partial<PrReader> = {}) {
  return mount('pr-reader', { lesson, state, progress: progress(lesson, state, 70), passingScore: 70, ...extra });
}

async function setState(el: PrReader, state: LessonState) {
  el.state = state;
  el.progress = progress(lesson, state, 70);
  await settle(el);
}

describe('pr-reader', () => {
  it('shows the lesson title (h1), the source line and landmarks', async () => {
    const el = await reader();
    expect($(el, 'h1').textContent).toBe('Heroes: a test lesson');
    expect($(el, '[data-testid=source-line]').textContent).toBe(
      'Kim Jong Il, “Let us all live and struggle like heroes!”, 1988-05-15',
    );
    expect($$(el, 'header[role=banner]')).toHaveLength(1);
    expect($$(el, 'main')).toHaveLength(1);
    expect($(el, 'nav[data-testid=toc]').getAttribute('aria-label')).toBe('Contents');
    expect($(el, 'nav[data-testid=pager]').getAttribute('aria-label')).toBe('Pages');
    expect($$(el, '[data-testid=learner]')).toHaveLength(0);
  });

  it('shows the learner\'s name when the LMS gives one', async () => {
    const el = await reader(fresh(lesson), { learnerName: 'Doe, Jane' });
    expect($(el, '[data-testid=learner]').textContent).toBe('Signed in as Doe, Jane');
  });

  it('opens on state.location', async () => {
    const el = await reader(goTo(lesson, fresh(lesson), 's02_enemy'));
    expect($(el, 'main').dataset.page).toBe('s02_enemy');
    expect($(el, 'pr-segment', '[data-testid=page-heading]').textContent?.trim()).toBe('Part 2: The enemy');
    expect($(el, '[data-testid=page-of]').textContent).toBe('Page 4 of 8');
  });

  it('lists every page in the contents with its status in words and aria-current on the current one', async () => {
    let state = goTo(lesson, fresh(lesson), 's01_occasion');
    state = check(lesson, state, 's01_q1_occasion', { type: 'single', choice: 'a' });
    state = goTo(lesson, state, 's02_enemy');
    const el = await reader(state);
    const items = $$(el, '[data-testid^=toc-]').filter((b) => b.classList.contains('toc-item'));
    expect(items.map((b) => b.dataset.testid)).toEqual([
      'toc-intro', 'toc-pre', 'toc-s01_occasion', 'toc-s02_enemy', 'toc-s03_slogan', 'toc-post', 'toc-synthesis', 'toc-results',
    ]);
    const status = (page: string) => spoken($(el, `[data-testid=toc-${page}] .status`));
    expect(status('intro')).toBe('Done');
    expect(status('s01_occasion')).toBe('Done');
    expect(status('s02_enemy')).toBe('In progress');
    expect(status('s03_slogan')).toBe('Not started');
    expect(items.filter((b) => b.getAttribute('aria-current') === 'page').map((b) => b.dataset.testid)).toEqual(['toc-s02_enemy']);
    expect(spoken($(el, '[data-testid=toc-s01_occasion]'))).toBe('1. A national meeting of heroes Done');
  });

  it('keeps the contents up to date as the student answers and moves on', async () => {
    const status = (el: PrReader, page: string) => spoken($(el, `[data-testid=toc-${page}] .status`));
    const current = (el: PrReader) =>
      $$(el, '.toc-item').filter((b) => b.getAttribute('aria-current') === 'page').map((b) => b.dataset.testid);
    let state = goTo(lesson, fresh(lesson), 's01_occasion');
    const el = await reader(state);
    expect([status(el, 's01_occasion'), current(el)]).toEqual(['In progress', ['toc-s01_occasion']]);
    state = check(lesson, state, 's01_q1_occasion', { type: 'single', choice: 'a' });
    await setState(el, state);
    expect(status(el, 's01_occasion')).toBe('Done');
    state = goTo(lesson, state, 's02_enemy');
    await setState(el, state);
    expect([status(el, 's02_enemy'), current(el)]).toEqual(['In progress', ['toc-s02_enemy']]);
    expect($(el, '[data-testid=toc-s01_occasion]').classList.contains('current')).toBe(false);
    // Back to a page seen before: only the current page changes.
    state = goTo(lesson, state, 's01_occasion');
    await setState(el, state);
    expect([status(el, 's01_occasion'), status(el, 's02_enemy'), current(el)]).toEqual(['Done', 'In progress', ['toc-s01_occasion']]);
    // Another lesson object (pages arriving one by one give the app a new one): titles follow it.
    const renamed = { ...lesson, segments: lesson.segments.map((s) => (s.id === 's02_enemy' ? { ...s, title: 'The foe' } : s)) };
    el.lesson = renamed;
    await settle(el);
    expect(spoken($(el, '[data-testid=toc-s02_enemy] .toc-title'))).toBe('2. The foe');
  });

  it('shows progress in words: pages done, questions answered, score so far', async () => {
    let state = goTo(lesson, fresh(lesson), 's01_occasion');
    state = check(lesson, state, 's01_q1_occasion', { type: 'single', choice: 'a' });
    const el = await reader(state);
    expect($(el, '[data-testid=pages-done]').textContent).toBe('2 of 8 pages done');
    expect($(el, '[data-testid=questions-answered]').textContent).toBe('1 of 8 questions answered');
    expect($(el, '[data-testid=score-so-far]').textContent).toBe('Score so far: 100%');
    const bar = $<HTMLProgressElement>(el, 'progress');
    expect([bar.value, bar.max]).toEqual([2, 8]);
    expect($(el, `label[for=${bar.id}]`).textContent).toBe('Pages done');
  });

  it('emits pr-page-change from next, previous and the contents; it does not change the page itself', async () => {
    const el = await reader(goTo(lesson, fresh(lesson), 's01_occasion'));
    const seen = collect('pr-page-change');
    $(el, '[data-testid=next]').click();
    $(el, '[data-testid=previous]').click();
    $(el, '[data-testid=toc-results]').click();
    expect(seen).toEqual([{ page: 's02_enemy' }, { page: 'pre' }, { page: 'results' }]);
    expect($(el, 'main').dataset.page).toBe('s01_occasion');
    expect($(el, '[data-testid=next]').getAttribute('aria-label')).toBe('Next: 2. The enemy');
  });

  it('has no previous button on the first page and no next button on the last', async () => {
    const first = await reader();
    expect($$(first, '[data-testid=previous]')).toHaveLength(0);
    document.body.replaceChildren();
    const last = await reader(goTo(lesson, fresh(lesson), 'results'));
    expect($$(last, '[data-testid=next]')).toHaveLength(0);
  });

  it('moves focus to the new page\'s heading when the location changes', async () => {
    const el = await reader();
    el.addEventListener('pr-page-change', (e) => void setState(el, goTo(lesson, el.state!, e.detail.page)));
    $(el, '[data-testid=next]').click();
    await settle(el);
    await new Promise((r) => setTimeout(r, 0));
    const heading = $(el, 'pr-check-page', '[data-testid=page-heading]');
    expect(heading.textContent?.trim()).toBe('Before you read: a short check');
    expect(heading.tagName).toBe('H2');
    expect(heading.getAttribute('tabindex')).toBe('-1');
    expect(deepActive()).toBe(heading);
  });

  it('offers a skip link, first in tab order, that takes keyboard users past the contents to the page heading', async () => {
    const el = await reader(goTo(lesson, fresh(lesson), 's01_occasion'));
    const skip = $(el, '[data-testid=skip-link]');
    const focusable = $$(el, 'a[href], button, select, textarea, input, [tabindex="0"]');
    expect(focusable[0]).toBe(skip);
    skip.click();
    await settle(el);
    await new Promise((r) => setTimeout(r, 0));
    const heading = $(el, 'pr-segment', '[data-testid=page-heading]');
    expect(deepActive()).toBe(heading);
  });

  it('does not take focus on first render', async () => {
    await reader(goTo(lesson, fresh(lesson), 's01_occasion'));
    expect(deepActive()).toBe(document.body);
  });

  it('collapses the contents into a disclosure button (shown by CSS at 700 px and below)', async () => {
    const el = await reader();
    const toggle = $(el, '[data-testid=toc-toggle]');
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect($(el, `#${toggle.getAttribute('aria-controls')}`).tagName).toBe('OL');
    toggle.click();
    await el.updateComplete;
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect($(el, '[data-testid=toc]').classList.contains('open')).toBe(true);
    // Choosing a page closes it again.
    el.addEventListener('pr-page-change', (e) => void setState(el, goTo(lesson, el.state!, e.detail.page)));
    $(el, '[data-testid=toc-s02_enemy]').click();
    await settle(el);
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
  });

  it('shows notices without blocking, each dismissable', async () => {
    const el = await reader(fresh(lesson), {
      notices: [{ id: 'save-failed', message: 'Your answers could not be saved to the course.' }],
    });
    const region = $(el, '[data-testid=notices]');
    expect(region.getAttribute('role')).toBe('status');
    expect(text(region)).toContain('Your answers could not be saved to the course.');
    $(el, '[data-testid=notice] button').click();
    await el.updateComplete;
    expect($$(el, '[data-testid=notice]')).toHaveLength(0);
  });

  it('announces through a polite live region', async () => {
    const el = await reader();
    el.announce('Welcome back.');
    await el.updateComplete;
    await el.updateComplete;
    const live = $(el, '[data-testid=announcer]');
    expect(live.getAttribute('aria-live')).toBe('polite');
    expect(live.textContent).toBe('Welcome back.');
  });

  it('in review mode: says so in a banner and nothing on the page is editable', async () => {
    let state = goTo(lesson, fresh(lesson), 's02_enemy');
    state = check(lesson, state, 's02_q1_enemy', { type: 'multiple', choices: ['a'] });
    const el = await reader(state, { mode: 'review' });
    expect($(el, '[data-testid=mode-banner]').textContent).toContain('Nothing can be changed');
    const seg = $(el, 'pr-segment');
    const questions = [...seg.shadowRoot!.querySelectorAll('pr-multiple-choice, pr-match')];
    expect(questions).toHaveLength(2);
    for (const q of questions) {
      const controls = [...q.shadowRoot!.querySelectorAll<HTMLInputElement | HTMLSelectElement>('input, select')];
      expect(controls.length).toBeGreaterThan(0);
      expect(controls.every((c) => c.disabled)).toBe(true);
      expect(q.shadowRoot!.querySelectorAll('button')).toHaveLength(0);
      expect(q.shadowRoot!.querySelector('[data-testid=explanation]')).toBeTruthy();
    }
  });
});
