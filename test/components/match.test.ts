// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import '../../src/components/match/match.js';
import type { MatchQuestion } from '../../src/model/lesson.js';
import { fixtureLesson } from './fixture-lesson.js';
import { $, $$, check, collect, fresh, mount } from './helpers.js';

const lesson = fixtureLesson();
const question = lesson.questions.find((q) => q.id === 's02_q2_match') as MatchQuestion;

afterEach(() => document.body.replaceChildren());

function choose(el: HTMLElement, pair: string, device: string): void {
  const select = $<HTMLSelectElement>(el, `[data-testid=select-${pair}]`);
  select.value = device;
  select.dispatchEvent(new Event('change', { bubbles: true }));
}

describe('pr-match', () => {
  it('shows each quotation with a labelled native select of the offered devices', async () => {
    const el = await mount('pr-match', { question, lesson });
    const selects = $$<HTMLSelectElement>(el, 'select');
    expect(selects).toHaveLength(2);
    for (const s of selects) {
      const label = $(el, `label[for="${s.id}"]`);
      expect(label.textContent).toMatch(/^Device for quotation \d$/);
      expect([...s.options].map((o) => o.textContent)).toEqual([
        'Choose a device',
        'Name calling',
        'Exaggeration or minimisation',
        'Flag waving',
      ]);
    }
    expect($(el, '[data-testid=pair-1] blockquote').textContent).toBe('“their stooges”');
  });

  it('asks for every quotation to be matched before checking', async () => {
    const el = await mount('pr-match', { question, lesson });
    const seen = collect('pr-answer-check');
    choose(el, '1', 'name_calling');
    await el.updateComplete;
    $(el, '[data-testid=check]').click();
    await el.updateComplete;
    expect(seen).toEqual([]);
    expect($(el, '[data-testid=feedback]').textContent).toContain('Choose a device for every quotation');
  });

  it('emits the pairs', async () => {
    const el = await mount('pr-match', { question, lesson });
    const seen = collect('pr-answer-check');
    choose(el, '1', 'name_calling');
    choose(el, '2', 'flag_waving');
    await el.updateComplete;
    expect($(el, '[data-testid=match-count]').textContent).toBe('2 of 2 quotations matched');
    $(el, '[data-testid=check]').click();
    expect(seen).toEqual([
      { questionId: 's02_q2_match', response: { type: 'match', pairs: { '1': 'name_calling', '2': 'flag_waving' } } },
    ]);
  });

  it('once finished: the key device and a verdict per quotation', async () => {
    let state = check(lesson, fresh(lesson), question.id, { type: 'match', pairs: { '1': 'name_calling', '2': 'flag_waving' } });
    expect(state.answers[question.id]!.result).toBe('partial');
    state = check(lesson, state, question.id, { type: 'match', pairs: { '1': 'name_calling', '2': 'flag_waving' } });
    const el = await mount('pr-match', { question, lesson, answer: state.answers[question.id] });
    expect($(el, '[data-testid=pair-feedback-1]').textContent).toContain('Your match is right.');
    expect($(el, '[data-testid=pair-feedback-2]').textContent).toContain('Key: Exaggeration or minimisation');
    expect($(el, '[data-testid=pair-feedback-2]').textContent).toContain('Your match is not right.');
    expect($$<HTMLSelectElement>(el, 'select').every((s) => s.disabled)).toBe(true);
    expect($<HTMLSelectElement>(el, '[data-testid=select-2]').value).toBe('flag_waving');
  });
});
