import { describe, expect, it } from 'vitest';
import { checkAnswer, goTo, initialState, saveDraft } from '../../src/core/state.js';
import type { LessonState } from '../../src/core/types.js';
import { highlight, lessonWith, multiple, reflection, segment, single, talkText } from './fixtures.js';

const s1 = segment('s01_a', 1, talkText(80, 1));
const s2 = segment('s02_b', 2, talkText(80, 2));
const lesson = lessonWith(
  [s1, s2],
  [
    single('s01_q1_one', s1.id, { tries: 2 }),
    multiple('s01_q2_many', s1.id, { tries: 2 }),
    highlight('s01_q3_mark', s1, { tries: 2 }),
    reflection('s02_q1_think', s2.id, { minLength: 10, maxLength: 100 }),
  ],
);
const at = { now: Date.UTC(2025, 2, 1, 10, 0, 0), latency: 12 };

/** Freeze a state all the way down, so any mutation by the reducer throws. */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

describe('initialState', () => {
  it('starts on the first page, visited, with nothing answered', () => {
    expect(initialState(lesson)).toEqual({
      lessonId: 'test-lesson',
      lessonVersion: '1.0.0',
      location: 'intro',
      visited: ['intro'],
      answers: {},
      drafts: {},
    });
  });
});

describe('checkAnswer', () => {
  it('records the try, the credit, the result, the latency and the time, without changing the old state', () => {
    const before = deepFreeze(initialState(lesson));
    const after = checkAnswer(lesson, before, 's01_q1_one', { type: 'single', choice: 'a' }, at);
    expect(after.answers.s01_q1_one).toEqual({
      type: 'single',
      response: { type: 'single', choice: 'a' },
      attempts: 1,
      credit: 1,
      result: 'correct',
      locked: true,
      latency: 12,
      at: at.now,
    });
    expect(before.answers).toEqual({});
  });

  it('leaves a wrong first try open and locks the question when the tries run out', () => {
    let s = checkAnswer(lesson, initialState(lesson), 's01_q1_one', { type: 'single', choice: 'b' }, at);
    expect(s.answers.s01_q1_one).toMatchObject({ attempts: 1, result: 'wrong', locked: false, credit: 0 });
    s = checkAnswer(lesson, s, 's01_q1_one', { type: 'single', choice: 'c' }, at);
    expect(s.answers.s01_q1_one).toMatchObject({ attempts: 2, result: 'wrong', locked: true });
  });

  it('gives half the credit for a correct answer on the second of two tries', () => {
    let s = checkAnswer(lesson, initialState(lesson), 's01_q1_one', { type: 'single', choice: 'b' }, at);
    s = checkAnswer(lesson, s, 's01_q1_one', { type: 'single', choice: 'a' }, at);
    expect(s.answers.s01_q1_one).toMatchObject({ attempts: 2, result: 'correct', credit: 0.5, locked: true });
  });

  it('ignores a check on a locked question', () => {
    const s = deepFreeze(checkAnswer(lesson, initialState(lesson), 's01_q1_one', { type: 'single', choice: 'a' }, at));
    expect(checkAnswer(lesson, s, 's01_q1_one', { type: 'single', choice: 'b' }, at)).toBe(s);
  });

  it('ignores every check in review mode', () => {
    const s = initialState(lesson);
    expect(checkAnswer(lesson, s, 's01_q1_one', { type: 'single', choice: 'a' }, { ...at, review: true })).toBe(s);
  });

  it('ignores unknown questions and responses that cannot be checked, without using a try', () => {
    const s = initialState(lesson);
    expect(checkAnswer(lesson, s, 'nope', { type: 'single', choice: 'a' }, at)).toBe(s);
    expect(checkAnswer(lesson, s, 's01_q2_many', { type: 'multiple', choices: [] }, at)).toBe(s);
    expect(checkAnswer(lesson, s, 's01_q1_one', { type: 'multiple', choices: ['a'] }, at)).toBe(s);
    expect(checkAnswer(lesson, s, 's01_q3_mark', { type: 'highlight', words: [100_000] }, at)).toBe(s);
  });

  it('stores responses in canonical order', () => {
    const s = checkAnswer(lesson, initialState(lesson), 's01_q2_many', { type: 'multiple', choices: ['c', 'a', 'c'] }, at);
    expect(s.answers.s01_q2_many!.response).toEqual({ type: 'multiple', choices: ['a', 'c'] });
    const h = checkAnswer(lesson, initialState(lesson), 's01_q3_mark', { type: 'highlight', words: [4, 2, 3, 2] }, at);
    expect(h.answers.s01_q3_mark!.response).toEqual({ type: 'highlight', words: [2, 3, 4] });
  });

  it('scores a highlight against its own segment', () => {
    const s = checkAnswer(lesson, initialState(lesson), 's01_q3_mark', { type: 'highlight', words: [2, 3, 4] }, at);
    // the fixture's key also has two words of paragraph 1: F1 = 2·1·0.6 / 1.6 = 0.75 ≥ 0.6
    expect(s.answers.s01_q3_mark).toMatchObject({ result: 'correct', credit: 1 });
  });

  it('keeps latency in whole seconds between 0 and a day', () => {
    const check = (latency: number) =>
      checkAnswer(lesson, initialState(lesson), 's01_q1_one', { type: 'single', choice: 'a' }, { now: at.now, latency }).answers.s01_q1_one!.latency;
    expect(check(3.4)).toBe(3);
    expect(check(-5)).toBe(0);
    expect(check(Number.NaN)).toBe(0);
    expect(check(1e9)).toBe(86_400);
  });

  it('submits a reflection, locks it and drops its draft', () => {
    let s = saveDraft(initialState(lesson), 's02_q1_think', 'I think that');
    s = checkAnswer(lesson, s, 's02_q1_think', { type: 'reflection', text: 'I think that the talk flatters.' }, at);
    expect(s.answers.s02_q1_think).toMatchObject({ result: 'submitted', locked: true, credit: 0, attempts: 1 });
    expect(s.drafts).toEqual({});
  });

  it('does not check a reflection that is too short, and keeps its draft', () => {
    const s = saveDraft(initialState(lesson), 's02_q1_think', 'Too short');
    expect(checkAnswer(lesson, s, 's02_q1_think', { type: 'reflection', text: 'Too short' }, at)).toBe(s);
  });
});

describe('goTo', () => {
  it('moves to the page and records the visit, keeping visits in page order', () => {
    let s: LessonState = initialState(lesson);
    s = goTo(lesson, s, 's02_b');
    s = goTo(lesson, s, 's01_a');
    expect(s.location).toBe('s01_a');
    expect(s.visited).toEqual(['intro', 's01_a', 's02_b']);
  });

  it('does nothing for a page the lesson does not have, or for the page already shown', () => {
    const s = initialState(lesson);
    expect(goTo(lesson, s, 'post')).toBe(s);
    expect(goTo(lesson, s, 'intro')).toBe(s);
  });
});

describe('saveDraft', () => {
  it('keeps unchecked text and removes it when emptied', () => {
    const s = saveDraft(initialState(lesson), 's02_q1_think', 'First thoughts');
    expect(s.drafts).toEqual({ s02_q1_think: 'First thoughts' });
    expect(saveDraft(s, 's02_q1_think', '').drafts).toEqual({});
  });

  it('returns the same state when nothing changes', () => {
    const s = saveDraft(initialState(lesson), 's02_q1_think', 'Same');
    expect(saveDraft(s, 's02_q1_think', 'Same')).toBe(s);
  });

  it('keeps no draft for a submitted reflection', () => {
    const s = checkAnswer(lesson, initialState(lesson), 's02_q1_think', { type: 'reflection', text: 'A finished reflection.' }, at);
    expect(saveDraft(s, 's02_q1_think', 'more')).toBe(s);
  });
});
