// @vitest-environment jsdom
/** The page elements other than the segment and results: introduction, checks, synthesis. */
import { afterEach, describe, expect, it } from 'vitest';
import '../../src/components/intro/intro.js';
import '../../src/components/check-page/check-page.js';
import '../../src/components/synthesis/synthesis.js';
import { fixtureLesson } from './fixture-lesson.js';
import { $, $$, check, collect, deepActive, fresh, mount, text } from './helpers.js';

const lesson = fixtureLesson();

afterEach(() => document.body.replaceChildren());

describe('pr-intro', () => {
  it('shows the introduction, the content note, the objectives and how the lesson works', async () => {
    const el = await mount('pr-intro', { lesson });
    expect($(el, 'h2').textContent).toBe('Introduction');
    expect(text($(el, '[data-testid=introduction]'))).toBe('You will read a talk of 1988.');
    expect($(el, '[data-testid=content-note] h3').textContent).toBe('Content note');
    expect(text($(el, '[data-testid=content-note]'))).toContain('The talk praises sacrifice in war.');
    expect($$(el, '[data-testid=objectives] li').map((li) => li.textContent)).toEqual(lesson.objectives);
    expect($$(el, 'h3').map((h) => h.textContent)).toEqual(['Content note', 'What you will learn', 'How the lesson works']);
  });

  it('Start goes to the page after the introduction', async () => {
    const el = await mount('pr-intro', { lesson });
    const seen = collect('pr-page-change');
    $(el, '[data-testid=start]').click();
    expect(seen).toEqual([{ page: 'pre' }]);
  });

  it('can focus its heading', async () => {
    const el = await mount('pr-intro', { lesson });
    el.focusHeading();
    expect(deepActive()).toBe($(el, '[data-testid=page-heading]'));
  });
});

describe('pr-check-page', () => {
  it('shows each item with its passage, numbered, under an h2 with h3 question headings', async () => {
    const el = await mount('pr-check-page', { lesson, state: fresh(lesson), page: 'post' });
    expect($(el, 'h2').textContent?.trim()).toBe('After reading: the check again');
    const q = $(el, 'pr-single-choice');
    expect($(q, 'h3').textContent).toBe('Question 1 of 1');
    expect($(q, '[data-testid=passage] blockquote').textContent).toBe('smash the enemy');
  });

  it('passes checks up and shows the state after one', async () => {
    const el = await mount('pr-check-page', { lesson, state: fresh(lesson), page: 'pre' });
    const seen = collect('pr-answer-check');
    const q = $<HTMLElementTagNameMap['pr-single-choice']>(el, 'pr-single-choice');
    $<HTMLInputElement>(q, '[data-testid=option-a] input').click();
    $(q, '[data-testid=check]').click();
    expect(seen).toEqual([{ questionId: 'pre_q1_loaded_language', response: { type: 'single', choice: 'a' } }]);
    el.state = check(lesson, fresh(lesson), seen[0]!.questionId, seen[0]!.response);
    await el.updateComplete;
    await q.updateComplete;
    expect($(q, '[data-testid=result]').dataset.result).toBe('correct');
  });
});

describe('pr-synthesis', () => {
  it('shows the synthesis reflections and leads to the results', async () => {
    const el = await mount('pr-synthesis', { lesson, state: fresh(lesson) });
    expect($(el, 'h2').textContent?.trim()).toBe('Putting it together');
    expect($$(el, 'pr-reflection')).toHaveLength(1);
    const seen = collect('pr-page-change');
    $(el, '[data-testid=to-results]').click();
    expect(seen).toEqual([{ page: 'results' }]);
  });

  it('in review, the reflection is read-only', async () => {
    const el = await mount('pr-synthesis', { lesson, state: fresh(lesson), review: true });
    expect($<HTMLTextAreaElement>(el, 'pr-reflection', 'textarea').readOnly).toBe(true);
  });
});
