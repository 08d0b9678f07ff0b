// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import '../../src/components/highlight/highlight.js';
import type { PrHighlight } from '../../src/components/highlight/highlight.js';
import type { HighlightQuestion } from '../../src/model/lesson.js';
import { fixtureLesson } from './fixture-lesson.js';
import { $, $$, check, collect, deepActive, fresh, key, mount } from './helpers.js';

const lesson = fixtureLesson();
const question = lesson.questions.find((q) => q.id === 's03_q1_slogan') as HighlightQuestion;
// Words of s03: Let(0) us(1) all(2) live(3) and(4) struggle(5) like(6) heroes(7) this(8) is(9)
// our(10) Party's(11) requirement(12). The key is 0-7.

afterEach(() => document.body.replaceChildren());

const word = (el: HTMLElement, i: number) => $(el, `[data-testid=word-${i}]`);
const grid = (el: HTMLElement) => $(el, '[data-testid=word-grid]');

async function press(el: PrHighlight, k: string, init: KeyboardEventInit = {}) {
  key(deepActive() ?? grid(el), k, init);
  await el.updateComplete;
  await el.updateComplete;
}

function pointer(target: Element, type: string, init: PointerEventInit = {}) {
  target.dispatchEvent(
    new PointerEvent(type, { bubbles: true, composed: true, cancelable: true, pointerId: 1, pointerType: 'mouse', button: 0, ...init }),
  );
}

describe('pr-highlight', () => {
  it('renders the segment\'s words as one multi-select listbox with a single tab stop', async () => {
    const el = await mount('pr-highlight', { question, lesson });
    const g = grid(el);
    expect(g.getAttribute('role')).toBe('listbox');
    expect(g.getAttribute('aria-multiselectable')).toBe('true');
    expect(g.getAttribute('aria-label')).toBe('Words of the text: mark the words that carry Slogans');
    const words = $$(el, '[role=option]');
    expect(words.map((w) => w.textContent)).toEqual([
      'Let', 'us', 'all', 'live', 'and', 'struggle', 'like', 'heroes', 'this', 'is', 'our', "Party's", 'requirement',
    ]);
    expect(words.filter((w) => w.tabIndex === 0)).toEqual([words[0]]);
    // Punctuation stays in the text, outside the words.
    expect(g.textContent).toContain('heroes!"—this');
    expect($(el, '[data-testid=marked-count]').textContent).toBe('0 words marked');
  });

  it('marks by keyboard: arrows move, Space and Enter toggle, Shift+arrow extends, Home/End jump', async () => {
    const el = await mount('pr-highlight', { question, lesson });
    word(el, 0).focus();
    await press(el, 'ArrowRight');
    expect(deepActive()).toBe(word(el, 1));
    expect(word(el, 1).tabIndex).toBe(0);
    expect(word(el, 0).tabIndex).toBe(-1);
    await press(el, ' ');
    expect(el.markedWords).toEqual([1]);
    await press(el, 'ArrowRight', { shiftKey: true });
    await press(el, 'ArrowRight', { shiftKey: true });
    expect(el.markedWords).toEqual([1, 2, 3]);
    expect(deepActive()).toBe(word(el, 3));
    await press(el, 'End');
    expect(deepActive()).toBe(word(el, 12));
    await press(el, 'Enter');
    expect(el.markedWords).toEqual([1, 2, 3, 12]);
    await press(el, 'ArrowRight');
    expect(deepActive()).toBe(word(el, 12));
    await press(el, 'Home');
    await press(el, 'ArrowLeft');
    expect(deepActive()).toBe(word(el, 0));
    await press(el, 'ArrowLeft', { shiftKey: true });
    expect(el.markedWords).toEqual([0, 1, 2, 3, 12]);
    // Space on a marked word unmarks it.
    await press(el, 'End');
    await press(el, ' ');
    expect(el.markedWords).toEqual([0, 1, 2, 3]);
  });

  it('tells a screen reader which words are marked, and shows the count', async () => {
    const el = await mount('pr-highlight', { question, lesson });
    word(el, 0).focus();
    await press(el, ' ');
    await press(el, 'ArrowRight', { shiftKey: true });
    expect(word(el, 0).getAttribute('aria-selected')).toBe('true');
    expect(word(el, 0).getAttribute('aria-label')).toBe('Let, marked');
    expect(word(el, 2).getAttribute('aria-selected')).toBe('false');
    expect(word(el, 2).getAttribute('aria-label')).toBe('all');
    expect($(el, '[data-testid=marked-count]').textContent).toBe('2 words marked');
  });

  it('marks by mouse: a press toggles a word, a drag paints the range', async () => {
    const el = await mount('pr-highlight', { question, lesson });
    pointer(word(el, 4), 'pointerdown');
    pointer(word(el, 5), 'pointermove');
    pointer(word(el, 6), 'pointermove');
    pointer(word(el, 6), 'pointerup');
    await el.updateComplete;
    expect(el.markedWords).toEqual([4, 5, 6]);
    // Pressing a marked word starts an unmarking drag.
    pointer(word(el, 5), 'pointerdown');
    pointer(word(el, 5), 'pointerup');
    await el.updateComplete;
    expect(el.markedWords).toEqual([4, 6]);
  });

  it('marks by touch on lift, and marks nothing when the finger scrolls instead', async () => {
    const el = await mount('pr-highlight', { question, lesson });
    pointer(word(el, 2), 'pointerdown', { pointerType: 'touch' });
    expect(el.markedWords).toEqual([]);
    pointer(word(el, 2), 'pointerup', { pointerType: 'touch' });
    await el.updateComplete;
    expect(el.markedWords).toEqual([2]);
    pointer(word(el, 8), 'pointerdown', { pointerType: 'touch', pointerId: 2 });
    pointer(word(el, 8), 'pointercancel', { pointerType: 'touch', pointerId: 2 });
    await el.updateComplete;
    expect(el.markedWords).toEqual([2]);
  });

  it('emits the marked word indices in order', async () => {
    const el = await mount('pr-highlight', { question, lesson });
    const seen = collect('pr-answer-check');
    word(el, 0).focus();
    await press(el, 'End');
    await press(el, ' ');
    await press(el, 'Home');
    await press(el, ' ');
    $(el, '[data-testid=check]').click();
    expect(seen).toEqual([{ questionId: 's03_q1_slogan', response: { type: 'highlight', words: [0, 12] } }]);
  });

  it('gives precision, recall and F1 in words after a check, from the core\'s scoring', async () => {
    const state = check(lesson, fresh(lesson), question.id, { type: 'highlight', words: [0, 1, 8, 9] });
    const el = await mount('pr-highlight', { question, lesson, answer: state.answers[question.id] });
    expect($(el, '[data-testid=result]').dataset.result).toBe('partial');
    expect($(el, '[data-testid=highlight-scores]').textContent?.replace(/\s+/g, ' ').trim()).toBe(
      'Of the 4 words you marked, 50% are in the answer (precision). You found 25% of the 8 words in the answer (recall). Overall match (F1): 33%.',
    );
    expect($(el, '[data-testid=feedback]').textContent).toContain('Part of the slogan.');
    // The working marks are the checked ones, and the key is not shown yet.
    expect(el.markedWords).toEqual([0, 1, 8, 9]);
    expect($$(el, '.word.key')).toHaveLength(0);
  });

  it('once finished: the key words are shown and named, the grid is read-only', async () => {
    const state = check(lesson, fresh(lesson), question.id, { type: 'highlight', words: [0, 1, 2, 3, 4, 5, 6, 7] });
    const el = await mount('pr-highlight', { question, lesson, answer: state.answers[question.id] });
    expect($(el, '[data-testid=result]').dataset.result).toBe('correct');
    expect($$(el, '.word.key').map((w) => Number(w.dataset.index))).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(word(el, 7).getAttribute('aria-label')).toBe('heroes, marked, in the answer');
    expect(grid(el).getAttribute('aria-readonly')).toBe('true');
    expect($(el, '[data-testid=solution]').textContent).toContain('“Let us all live and struggle like heroes!”');
    word(el, 9).focus();
    await press(el, ' ');
    expect(el.markedWords).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });

  it('in review: marks cannot change by keyboard or pointer', async () => {
    const el = await mount('pr-highlight', { question, lesson, review: true });
    word(el, 3).focus();
    await press(el, ' ');
    pointer(word(el, 4), 'pointerdown');
    pointer(word(el, 4), 'pointerup');
    await el.updateComplete;
    expect(el.markedWords).toEqual([]);
    expect($$(el, 'button')).toHaveLength(0);
  });
});
