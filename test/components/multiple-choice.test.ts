// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import '../../src/components/multiple-choice/multiple-choice.js';
import type { MultipleChoiceQuestion } from '../../src/model/lesson.js';
import { fixtureLesson } from './fixture-lesson.js';
import { $, $$, check, collect, fresh, mount } from './helpers.js';

const lesson = fixtureLesson();
const question = lesson.questions.find((q) => q.id === 's02_q1_enemy') as MultipleChoiceQuestion;

afterEach(() => document.body.replaceChildren());

describe('pr-multiple-choice', () => {
  it('renders one labelled checkbox per option', async () => {
    const el = await mount('pr-multiple-choice', { question, lesson });
    const boxes = $$<HTMLInputElement>(el, 'input[type=checkbox]');
    expect(boxes).toHaveLength(3);
    expect(boxes.every((b) => b.closest('label')?.textContent?.trim())).toBe(true);
  });

  it('emits the ticked options in option order', async () => {
    const el = await mount('pr-multiple-choice', { question, lesson });
    const seen = collect('pr-answer-check');
    $<HTMLInputElement>(el, '[data-testid=option-c] input').click();
    $<HTMLInputElement>(el, '[data-testid=option-a] input').click();
    await el.updateComplete;
    $(el, '[data-testid=check]').click();
    expect(seen).toEqual([{ questionId: 's02_q1_enemy', response: { type: 'multiple', choices: ['a', 'c'] } }]);
  });

  it('after a partly right check: "Partly right", feedback on each ticked option only, still editable', async () => {
    const state = check(lesson, fresh(lesson), question.id, { type: 'multiple', choices: ['a', 'c'] });
    const el = await mount('pr-multiple-choice', { question, lesson, answer: state.answers[question.id] });
    expect($(el, '[data-testid=result]').dataset.result).toBe('partial');
    expect($(el, '[data-testid=feedback]').textContent).toContain('Partly right.');
    expect($(el, '[data-testid=option-feedback-a]').textContent).toContain('A label.');
    expect($(el, '[data-testid=option-feedback-c]').textContent).toContain('The speaker’s own state.');
    expect($$(el, '[data-testid=option-feedback-b]')).toHaveLength(0);
    expect($$<HTMLInputElement>(el, 'input').map((i) => i.checked)).toEqual([true, false, true]);
    expect($$<HTMLInputElement>(el, 'input').every((i) => !i.disabled)).toBe(true);
  });

  it('once finished: every option says whether it applies and whether the choice was right', async () => {
    let state = check(lesson, fresh(lesson), question.id, { type: 'multiple', choices: ['a', 'c'] });
    state = check(lesson, state, question.id, { type: 'multiple', choices: ['a'] });
    const el = await mount('pr-multiple-choice', { question, lesson, answer: state.answers[question.id] });
    expect($(el, '[data-testid=option-feedback-a]').textContent).toContain('Applies; your choice was right.');
    expect($(el, '[data-testid=option-feedback-b]').textContent).toContain('Applies; your choice was not right.');
    expect($(el, '[data-testid=option-feedback-c]').textContent).toContain('Does not apply; your choice was right.');
    expect($(el, '[data-testid=explanation]').textContent).toContain('“imperialists” and “stooges” are labels.');
    expect($$<HTMLInputElement>(el, 'input').every((i) => i.disabled)).toBe(true);
  });

  it('in review: nothing is editable', async () => {
    const state = check(lesson, fresh(lesson), question.id, { type: 'multiple', choices: ['a'] });
    const el = await mount('pr-multiple-choice', { question, lesson, answer: state.answers[question.id], review: true });
    expect($$<HTMLInputElement>(el, 'input').every((i) => i.disabled)).toBe(true);
    expect($$(el, 'button')).toHaveLength(0);
    expect($(el, '[data-testid=finished]').textContent).toContain('cannot be changed');
  });
});
