// @vitest-environment jsdom
/**
 * Moving from one segment to the next. The segment element, its question elements (when a question
 * of the same type stands in the same place), its glossary terms and the highlight grid's words
 * are updated in place rather than built again (a long lesson switches pages in a frame); these
 * specify that nothing of one page, one question or one term shows on the next.
 */
import { afterEach, describe, expect, it } from 'vitest';
import '../../src/components/segment/segment.js';
import '../../src/components/question-elements.js';
import type { PrSegment } from '../../src/components/segment/segment.js';
import type { PrHighlight } from '../../src/components/highlight/highlight.js';
import type { HighlightQuestion, Lesson, MatchQuestion, Question, Segment, SingleChoiceQuestion } from '../../src/model/lesson.js';
import { segmentWords } from '../../src/core/words.js';
import { questionKey } from '../../src/components/shared/render-question.js';
import { fixtureLesson, span } from './fixture-lesson.js';
import { $, $$, check, collect, fresh, mount, settle } from './helpers.js';

afterEach(() => document.body.replaceChildren());

const base = fixtureLesson();
const byId = (id: string) => base.questions.find((q) => q.id === id)!;

function single(id: string, page: string, prompt: string): SingleChoiceQuestion {
  return {
    ...(byId('s01_q1_occasion') as SingleChoiceQuestion),
    id,
    page,
    prompt: `<p>${prompt}</p>`,
    explanation: `<p>Why: ${prompt}</p>`,
  };
}

function match(id: string, page: string, quotes: [string, number, string][]): MatchQuestion {
  return {
    ...(byId('s02_q2_match') as MatchQuestion),
    id,
    page,
    pairs: quotes.map(([segment, paragraph, exact], i) => ({
      id: String(i + 1),
      quote: span(segment, paragraph, exact),
      device: i === 0 ? 'name_calling' : 'exaggeration_minimisation',
      feedback: `<p>About “${exact}”.</p>`,
    })),
  };
}

function highlight(id: string, page: string, paragraph: number, exact: string): HighlightQuestion {
  return { ...(byId('s03_q1_slogan') as HighlightQuestion), id, page, key: [span(page, paragraph, exact)] };
}

/** Two pages asking a single-choice, a match and a highlight question, in that order; a glossary
 * term in the second paragraph of each. */
function twoPages(): Lesson {
  const questions: Question[] = [
    byId('pre_q1_loaded_language'),
    single('s01_q1', 's01_occasion', 'What does the opening appeal to?'),
    match('s01_q2', 's01_occasion', [
      ['s01_occasion', 0, 'eventful year'],
      ['s01_occasion', 1, 'heroic fighting traditions'],
    ]),
    highlight('s01_q3', 's01_occasion', 1, 'heroic fighting traditions'),
    single('s02_q1', 's02_enemy', 'Who is the enemy?'),
    match('s02_q2', 's02_enemy', [
      ['s02_enemy', 0, 'their stooges'],
      ['s02_enemy', 1, 'at a single blow'],
    ]),
    highlight('s02_q3', 's02_enemy', 0, 'frantic efforts'),
    ...base.questions.filter((q) => q.page === 's03_slogan' || q.page === 'post' || q.page === 'synthesis'),
  ];
  const glossary = [
    ...base.glossary,
    { id: 'enemy', term: 'enemy', matches: ['enemy'], definition: '<p>Whoever the Party names.</p>', sources: [] },
  ];
  return { ...base, questions, glossary };
}

async function show(el: PrSegment, segment: string): Promise<void> {
  el.segment = segment;
  await settle(el);
}

const questionEls = (el: HTMLElement) => $$(el, '[data-testid=questions] > *').filter((n) => n.tagName.startsWith('PR-'));

function choose(select: HTMLSelectElement, value: string): void {
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true }));
}

describe('moving to the next segment', () => {
  it('shows the next page\'s questions with nothing of the last page\'s unsaved work', async () => {
    const lesson = twoPages();
    const el = await mount('pr-segment', { lesson, state: fresh(lesson), segment: 's01_occasion' });
    const [one, two, three] = questionEls(el);
    // Unsaved work on every question: a choice, a device chosen, a word marked, a hint shown.
    $<HTMLInputElement>(one!, '[data-testid=option-b] input').click();
    choose($<HTMLSelectElement>(two!, '[data-testid=select-1]'), 'name_calling');
    $(two!, '[data-testid=check]').click();
    $(three!, '[data-testid=word-0]').dispatchEvent(
      new PointerEvent('pointerdown', { bubbles: true, composed: true, pointerId: 1, pointerType: 'mouse', button: 0 }),
    );
    $(three!, '[data-testid=word-0]').dispatchEvent(new PointerEvent('pointerup', { bubbles: true, composed: true, pointerId: 1 }));
    await settle(el);
    expect($(two!, '[data-testid=feedback]').textContent).toContain('Choose a device for every quotation');
    expect((three as PrHighlight).markedWords).toEqual([0]);

    await show(el, 's02_enemy');
    const after = questionEls(el);
    expect(after.map((q) => q.id)).toEqual(['q-s02_q1', 'q-s02_q2', 'q-s02_q3']);
    expect($(after[0]!, '.prompt').textContent).toBe('Who is the enemy?');
    expect($$<HTMLInputElement>(after[0]!, 'input').filter((i) => i.checked)).toEqual([]);
    expect($$<HTMLSelectElement>(after[1]!, 'select').map((s) => s.value)).toEqual(['', '']);
    expect($(after[1]!, '[data-testid=pair-1] blockquote').textContent).toBe('“their stooges”');
    expect($(after[1]!, '[data-testid=feedback]').textContent?.trim()).toBe('');
    expect((after[2] as PrHighlight).markedWords).toEqual([]);
    expect($$(after[2]!, '.word.marked')).toEqual([]);
  });

  it('does not announce the next page\'s verdicts as news: each feedback region is silent until the page has painted', async () => {
    const lesson = twoPages();
    let state = fresh(lesson);
    for (const [id, response] of [
      ['s01_q1', { type: 'single', choice: 'a' }],
      ['s02_q1', { type: 'single', choice: 'b' }],
    ] as const) state = check(lesson, state, id, response);
    const el = await mount('pr-segment', { lesson, state, segment: 's01_occasion' });
    const regions = () => questionEls(el).map((q) => $(q, '[data-testid=feedback]'));
    expect(regions().map((r) => [r.getAttribute('role'), r.getAttribute('aria-live')])).toEqual([
      ['status', null],
      ['status', null],
      ['status', null],
    ]);
    await show(el, 's02_enemy');
    expect(regions()[0]!.textContent).toContain('Not right.');
    // Live regions (role=status is polite) whose content changes are read out: not while the
    // page switch puts the next question's verdict in place.
    expect(regions().map((r) => [r.getAttribute('role'), r.getAttribute('aria-live')])).toEqual([
      ['status', 'off'],
      ['status', 'off'],
      ['status', 'off'],
    ]);
    await new Promise((r) => setTimeout(r, 150));
    await settle(el);
    expect(regions().map((r) => r.getAttribute('aria-live'))).toEqual([null, null, null]);
  });

  it('updates the question elements in place when the next page asks the same types in the same order', async () => {
    const lesson = twoPages();
    const el = await mount('pr-segment', { lesson, state: fresh(lesson), segment: 's01_occasion' });
    const before = questionEls(el);
    await show(el, 's02_enemy');
    expect(questionEls(el)).toEqual(before);
    // A page asking other types gets elements of those types.
    await show(el, 's03_slogan');
    expect(questionEls(el).map((q) => q.tagName.toLowerCase())).toEqual(['pr-highlight', 'pr-reflection']);
  });

  it('closes a glossary term left open, when the next page shows another term in its place', async () => {
    const lesson = twoPages();
    const el = await mount('pr-segment', { lesson, state: fresh(lesson), segment: 's01_occasion' });
    $(el, '[data-testid=term-juche]', 'button').click();
    await settle(el);
    expect($(el, '[data-testid=term-juche]', 'button').getAttribute('aria-expanded')).toBe('true');
    await show(el, 's02_enemy');
    const term = $(el, '[data-testid=term-enemy]');
    expect($(term, 'button').textContent).toBe('enemy');
    expect($(term, 'button').getAttribute('aria-expanded')).toBe('false');
    expect($(term, '[data-testid=glossary-definition]').hidden).toBe(true);
  });
});

describe('a reflection on the next page', () => {
  it('keeps an element of its own: text typed under one question is saved under it, never shown under another', async () => {
    const reflection = byId('s03_q2_reflect');
    const lesson: Lesson = {
      ...base,
      questions: [
        ...base.questions.filter((q) => q.page !== 's02_enemy' && q.id !== 's03_q2_reflect'),
        { ...reflection, id: 's02_q1_reflect', page: 's02_enemy' },
        reflection,
      ],
    };
    expect(questionKey(reflection, 1)).not.toBe(questionKey({ ...reflection, id: 's02_q1_reflect' }, 1));
    const el = await mount('pr-segment', { lesson, state: fresh(lesson), segment: 's02_enemy' });
    const drafts = collect('pr-draft-change');
    const area = $<HTMLTextAreaElement>(el, 'pr-reflection', 'textarea');
    area.value = 'Typed on the second page, not yet saved.';
    area.dispatchEvent(new Event('input', { bubbles: true }));
    // Leaving the field (as a click on Next does) hands the draft over.
    area.dispatchEvent(new Event('change', { bubbles: true }));
    const before = $(el, 'pr-reflection');
    await show(el, 's03_slogan');
    expect($(el, 'pr-reflection')).not.toBe(before);
    expect(drafts).toEqual([{ questionId: 's02_q1_reflect', text: 'Typed on the second page, not yet saved.' }]);
    expect($<HTMLTextAreaElement>(el, 'pr-reflection', 'textarea').value).toBe('');
  });
});

describe('the highlight grid on another segment', () => {
  const lesson = fixtureLesson();
  const long: Segment = {
    id: 's01_occasion',
    number: 1,
    title: 'Long',
    orientation: '',
    paragraphs: ['One two three four five.', '“Six seven,” eight—nine ten!', 'Eleven.'],
  };
  const short: Segment = { id: 's02_enemy', number: 2, title: 'Short', orientation: '', paragraphs: ['Alpha beta.'] };
  const withSegments = (segments: Segment[]): Lesson => ({ ...lesson, segments: [...segments, lesson.segments[2]!] });
  const q = (page: string) => ({ ...(lesson.questions.find((x) => x.type === 'highlight') as HighlightQuestion), page, key: [] });
  const options = (el: HTMLElement) => $$(el, '[role=option]');
  const grid = (el: HTMLElement) => $(el, '[data-testid=word-grid] .words');

  it('shows exactly the new segment\'s words, numbered from 0, with one tab stop and no marks kept', async () => {
    const l = withSegments([long, short]);
    const el = await mount('pr-highlight', { question: q('s01_occasion'), lesson: l });
    expect(options(el).map((o) => o.textContent)).toEqual(segmentWords(long).map((w) => w.text));
    $(el, '[data-testid=word-10]').dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true, pointerId: 1, pointerType: 'mouse', button: 0 }));
    $(el, '[data-testid=word-10]').dispatchEvent(new PointerEvent('pointerup', { bubbles: true, composed: true, pointerId: 1 }));
    await el.updateComplete;
    expect(el.markedWords).toEqual([10]);

    el.question = q('s02_enemy');
    await el.updateComplete;
    expect(options(el).map((o) => [o.dataset.index, o.textContent, o.getAttribute('aria-label'), o.getAttribute('aria-selected')])).toEqual([
      ['0', 'Alpha', 'Alpha', 'false'],
      ['1', 'beta', 'beta', 'false'],
    ]);
    expect(options(el).filter((o) => o.tabIndex === 0)).toEqual([options(el)[0]]);
    expect($$(el, '[data-index]').filter((w) => w.tabIndex === 0)).toHaveLength(1);
    expect($$(el, '.marked')).toEqual([]);
    expect(grid(el).textContent).toBe('Alpha beta.');
    // What is left of the longer segment is empty and hidden from assistive technology.
    for (const rest of $$(el, '[data-index]').filter((w) => !w.hasAttribute('role'))) {
      expect(rest.textContent).toBe('');
      expect(rest.getAttribute('aria-hidden')).toBe('true');
      expect(rest.hasAttribute('aria-label')).toBe(false);
      expect(rest.hasAttribute('tabindex')).toBe(false);
    }
    expect($$(el, '[data-testid=marked-count]')[0]!.textContent).toBe('0 words marked');

    el.question = q('s01_occasion');
    await el.updateComplete;
    expect(options(el).map((o) => o.textContent)).toEqual(segmentWords(long).map((w) => w.text));
    expect(options(el).map((o) => o.getAttribute('aria-label'))).toEqual(segmentWords(long).map((w) => w.text));
    expect($$(el, '.marked')).toEqual([]);
  });

  it('keeps the text between words, with a blank line between paragraphs', async () => {
    const el = await mount('pr-highlight', { question: q('s01_occasion'), lesson: withSegments([long, short]) });
    expect(grid(el).textContent).toBe(long.paragraphs.join('\n\n'));
  });

  it('shades the text between two marked words of a paragraph, and only while both are marked', async () => {
    const el = await mount('pr-highlight', { question: q('s01_occasion'), lesson: withSegments([long, short]) });
    const press = (i: number) => {
      const w = $(el, `[data-testid=word-${i}]`);
      w.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true, pointerId: 1, pointerType: 'mouse', button: 0 }));
      w.dispatchEvent(new PointerEvent('pointerup', { bubbles: true, composed: true, pointerId: 1 }));
    };
    // Words 4 ("five") and 5 ("Six") are in different paragraphs; 6 ("seven") and 7 ("eight") share one.
    for (const i of [4, 5, 6, 7]) press(i);
    await el.updateComplete;
    expect($$(el, '.gap.marked').map((g) => [g.textContent, g.getAttribute('aria-hidden')])).toEqual([
      [' ', 'true'],
      [',” ', 'true'],
    ]);
    press(6);
    await el.updateComplete;
    expect($$(el, '.gap.marked')).toEqual([]);
    expect(grid(el).textContent).toBe(long.paragraphs.join('\n\n'));
  });
});
