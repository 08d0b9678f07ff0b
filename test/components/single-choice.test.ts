// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import '../../src/components/single-choice/single-choice.js';
import type { SingleChoiceQuestion } from '../../src/model/lesson.js';
import { fixtureLesson } from './fixture-lesson.js';
import { $, $$, check, collect, deepActive, fresh, mount, text } from './helpers.js';

const lesson = fixtureLesson();
const question = lesson.questions.find((q) => q.id === 's01_q1_occasion') as SingleChoiceQuestion;

afterEach(() => document.body.replaceChildren());

describe('pr-single-choice', () => {
  it('renders the prompt, one labelled radio per option in one group, and "Try 1 of 2"', async () => {
    const el = await mount('pr-single-choice', { question, lesson, number: 1, total: 3 });
    expect($(el, 'h4').textContent).toBe('Question 1 of 3');
    expect(text($(el, '.prompt'))).toBe('What does the opening appeal to?');
    const radios = $$<HTMLInputElement>(el, 'input[type=radio]');
    expect(radios).toHaveLength(3);
    expect(new Set(radios.map((r) => r.name)).size).toBe(1);
    expect(radios.every((r) => r.closest('label'))).toBe(true);
    expect($(el, '[data-testid=tries]').textContent).toBe('Try 1 of 2');
    expect($(el, '[data-testid=feedback]').getAttribute('role')).toBe('status');
  });

  it('emits pr-answer-check with the chosen option, bubbling out of the shadow root', async () => {
    const el = await mount('pr-single-choice', { question, lesson });
    const seen = collect('pr-answer-check');
    $<HTMLInputElement>(el, '[data-testid=option-b] input').click();
    await el.updateComplete;
    $(el, '[data-testid=check]').click();
    expect(seen).toEqual([{ questionId: 's01_q1_occasion', response: { type: 'single', choice: 'b' } }]);
  });

  it('asks for a choice instead of emitting when nothing is chosen', async () => {
    const el = await mount('pr-single-choice', { question, lesson });
    const seen = collect('pr-answer-check');
    $(el, '[data-testid=check]').click();
    await el.updateComplete;
    expect(seen).toEqual([]);
    expect($(el, '[data-testid=feedback]').textContent).toContain('Choose an answer');
  });

  it('after a wrong first check: says "Not right", gives the chosen option\'s feedback, keeps it editable', async () => {
    const state = check(lesson, fresh(lesson), question.id, { type: 'single', choice: 'b' });
    const el = await mount('pr-single-choice', { question, lesson, answer: state.answers[question.id] });
    const fb = $(el, '[data-testid=feedback]');
    expect($(el, '[data-testid=result]').dataset.result).toBe('wrong');
    expect(fb.textContent).toContain('Not right.');
    expect(fb.textContent).toContain('The text says nothing of weather.');
    expect(fb.textContent).toContain('You have 1 try left.');
    // The key is not given away while tries remain.
    expect(fb.textContent).not.toContain('appeals to the nation');
    expect($(el, '[data-testid=tries]').textContent).toBe('Try 2 of 2');
    expect($<HTMLInputElement>(el, '[data-testid=option-b] input').checked).toBe(true);
    expect($$<HTMLInputElement>(el, 'input').every((i) => !i.disabled)).toBe(true);
  });

  it('after the last try: shows the answer and the explanation, and locks the question', async () => {
    let state = check(lesson, fresh(lesson), question.id, { type: 'single', choice: 'b' });
    state = check(lesson, state, question.id, { type: 'single', choice: 'c' });
    const el = await mount('pr-single-choice', { question, lesson, answer: state.answers[question.id] });
    expect($$<HTMLInputElement>(el, 'input').every((i) => i.disabled)).toBe(true);
    expect($$(el, '[data-testid=check]')).toHaveLength(0);
    expect($(el, '[data-testid=explanation]').textContent).toContain('“the foundation of the Republic” appeals to the nation.');
    expect($(el, '[data-testid=option-feedback-a]').textContent).toContain('The answer');
    expect($(el, '[data-testid=option-feedback-c]').textContent).toContain('Your answer');
  });

  it('moves focus to the feedback when a check finishes the question (the Check button goes away)', async () => {
    const el = await mount('pr-single-choice', { question, lesson });
    el.addEventListener('pr-answer-check', (e) => {
      const next = check(lesson, fresh(lesson), e.detail.questionId, e.detail.response);
      el.answer = next.answers[question.id];
    });
    $<HTMLInputElement>(el, '[data-testid=option-a] input').click();
    $(el, '[data-testid=check]').focus();
    $(el, '[data-testid=check]').click();
    await el.updateComplete;
    expect($(el, '[data-testid=result]').dataset.result).toBe('correct');
    expect(deepActive()).toBe($(el, '[data-testid=feedback]'));
  });

  it('in review: nothing is editable, the answer and the explanation are shown even when unanswered', async () => {
    const el = await mount('pr-single-choice', { question, lesson, review: true });
    expect($$<HTMLInputElement>(el, 'input').every((i) => i.disabled)).toBe(true);
    expect($$(el, 'button')).toHaveLength(0);
    expect(text($(el, '[data-testid=feedback]'))).toContain('Not answered.');
    expect($(el, '[data-testid=explanation]')).toBeTruthy();
    const seen = collect('pr-answer-check');
    el.check();
    expect(seen).toEqual([]);
  });

  it('shows a pre/post passage above the prompt', async () => {
    const pre = lesson.questions.find((q) => q.id === 'pre_q1_loaded_language') as SingleChoiceQuestion;
    const el = await mount('pr-single-choice', { question: pre, lesson });
    expect($(el, '[data-testid=passage] blockquote').textContent).toBe('making frantic efforts to stifle our Republic');
    expect($(el, '[data-testid=passage] figcaption').textContent).toBe('Part 2: The enemy');
  });
});
