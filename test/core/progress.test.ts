import { describe, expect, it } from 'vitest';
import { checkScores, inverseNormal, isNeutralOption, mastery, pageStatus, progress } from '../../src/core/progress.js';
import { checkAnswer, goTo, initialState } from '../../src/core/state.js';
import type { LessonState, Response } from '../../src/core/types.js';
import type { Lesson } from '../../src/model/lesson.js';
import { checkItems, highlight, lessonWith, NEUTRAL, reflection, segment, single, talkText } from './fixtures.js';

const s1 = segment('s01_a', 1, talkText(60, 1));
const s2 = segment('s02_b', 2, talkText(60, 2));
const lesson = lessonWith(
  [s1, s2],
  [
    single('s01_q1_one', s1.id, { tries: 2, weight: 2, devices: ['name_calling'] }),
    single('s01_q2_two', s1.id, { tries: 2, weight: 1, devices: ['flag_waving', 'loaded_language'] }),
    highlight('s02_q1_mark', s2, { tries: 1, weight: 1 }),
    reflection('s02_q2_think', s2.id, { minLength: 5 }),
  ],
);
const at = { now: Date.UTC(2025, 2, 1), latency: 5 };
const check = (l: Lesson, s: LessonState, id: string, response: Response) => checkAnswer(l, s, id, response, at);
const right = { type: 'single', choice: 'a' } as const;
const wrong = { type: 'single', choice: 'b' } as const;

describe('progress', () => {
  it('starts with nothing done, no score and no verdict', () => {
    expect(progress(lesson, initialState(lesson), 70)).toEqual({
      pagesDone: 1, // the intro, shown at once
      pagesTotal: 4,
      questionsAnswered: 0,
      questionsTotal: 4,
      scoreSoFar: null,
      measure: 0,
      complete: false,
      score: null,
      passed: null,
    });
  });

  it('scores so far over finished scored questions only, weighted by weight', () => {
    let s = check(lesson, initialState(lesson), 's01_q1_one', wrong); // open: not counted
    s = check(lesson, s, 's01_q2_two', right); // weight 1, credit 1
    expect(progress(lesson, s, 70).scoreSoFar).toBe(100);
    s = check(lesson, s, 's01_q1_one', wrong); // weight 2, credit 0, now locked
    expect(progress(lesson, s, 70)).toMatchObject({ scoreSoFar: 33.33, score: null, passed: null, questionsAnswered: 2, measure: 0.5 });
  });

  it('gives the final score once every scored question is finished, even before the reflection', () => {
    let s = check(lesson, initialState(lesson), 's01_q1_one', right);
    s = check(lesson, s, 's01_q2_two', wrong);
    s = check(lesson, s, 's01_q2_two', right); // credit 0.5
    s = check(lesson, s, 's02_q1_mark', { type: 'highlight', words: [0] }); // wrong, one try: locked
    const p = progress(lesson, s, 60);
    expect(p.score).toBe(62.5); // (2·1 + 1·0.5 + 1·0) / 4
    expect(p.passed).toBe(true);
    expect(p.complete).toBe(false);
    expect(progress(lesson, s, 62.51).passed).toBe(false);
  });

  it('is complete when every question is finished, reflections included', () => {
    let s = check(lesson, initialState(lesson), 's01_q1_one', right);
    s = check(lesson, s, 's01_q2_two', right);
    s = check(lesson, s, 's02_q1_mark', { type: 'highlight', words: [0] });
    s = check(lesson, s, 's02_q2_think', { type: 'reflection', text: 'Some thoughts here.' });
    expect(progress(lesson, s, 70)).toMatchObject({ complete: true, measure: 1, questionsAnswered: 4, score: 75, passed: true });
  });

  it('counts a segment done only when visited with all its questions finished', () => {
    let s = check(lesson, initialState(lesson), 's01_q1_one', right);
    s = check(lesson, s, 's01_q2_two', right);
    expect(pageStatus(lesson, s, 's01_a')).toBe('in-progress'); // answered, not visited
    s = goTo(lesson, s, 's01_a');
    expect(pageStatus(lesson, s, 's01_a')).toBe('done');
    expect(progress(lesson, s, 70).pagesDone).toBe(2);
  });

  it('rounds the score to 2 decimals', () => {
    const three = lessonWith([s1], [single('a1', s1.id, { tries: 3 }), single('a2', s1.id, { tries: 1 }), single('a3', s1.id, { tries: 1 })]);
    let s = check(three, initialState(three), 'a1', wrong);
    s = check(three, s, 'a1', right); // 2/3
    s = check(three, s, 'a2', wrong);
    s = check(three, s, 'a3', wrong);
    expect(progress(three, s, 70).score).toBe(22.22);
  });
});

describe('pageStatus', () => {
  it('is not started, in progress once visited, done when visited and finished', () => {
    const s = initialState(lesson);
    expect(pageStatus(lesson, s, 's02_b')).toBe('not-started');
    expect(pageStatus(lesson, goTo(lesson, s, 's02_b'), 's02_b')).toBe('in-progress');
    expect(pageStatus(lesson, goTo(lesson, s, 'results'), 'results')).toBe('done');
  });
});

describe('mastery', () => {
  it('is the weighted mean credit of finished scored questions per category, leaving out untouched categories', () => {
    let s = check(lesson, initialState(lesson), 's01_q1_one', right); // name_calling → attack_on_reputation
    s = check(lesson, s, 's01_q2_two', wrong); // open
    expect(mastery(lesson, s)).toEqual([
      { category: 'attack_on_reputation', score: 1, answered: 1, total: 1 },
      { category: 'justification', score: 0, answered: 0, total: 1 },
      { category: 'manipulative_wording', score: 0, answered: 0, total: 2 }, // loaded_language + the highlight's repetition
    ]);
    s = check(lesson, s, 's01_q2_two', right); // 0.5
    s = check(lesson, s, 's02_q1_mark', { type: 'highlight', words: [0] }); // 0
    expect(mastery(lesson, s).find((m) => m.category === 'manipulative_wording')).toEqual({
      category: 'manipulative_wording',
      score: 0.25,
      answered: 2,
      total: 2,
    });
  });
});

describe('checkScores', () => {
  // 6 items per set: 4 use a technique (right answer: option a), 2 do not (right answer: the neutral option d)
  const checks = lessonWith([s1], [...checkItems('pre', 6, 2), ...checkItems('post', 6, 2)]);
  const answerAll = (s: LessonState, page: 'pre' | 'post', choices: string[]) =>
    choices.reduce((acc, choice, i) => check(checks, acc, `${page}_q${i + 1}_item`, { type: 'single', choice }), s);

  it('has no scores or gain until both sets are finished', () => {
    const s = answerAll(initialState(checks), 'pre', ['a', 'a', 'a']);
    const r = checkScores(checks, s);
    expect(r.pre).toEqual({ score: null, answered: 3, total: 6 });
    expect(r.gain).toBeNull();
    expect(r.discrimination).toEqual({ pre: null, post: null, change: null });
  });

  it('reports each set 0..1, the gain, and d′ with the log-linear correction', () => {
    // pre: "technique" everywhere (the sceptic): 4 hits, 2 false alarms → 4/6 right
    let s = answerAll(initialState(checks), 'pre', ['a', 'a', 'a', 'a', 'a', 'a']);
    // post: every item right: 4 hits, 0 false alarms → 6/6
    s = answerAll(s, 'post', ['a', 'a', 'a', 'a', 'd', 'd']);
    const r = checkScores(checks, s);
    expect(r.pre.score).toBeCloseTo(4 / 6, 12);
    expect(r.post.score).toBe(1);
    expect(r.gain).toBeCloseTo(1 / 3, 12);
    expect(r.discrimination.pre).toMatchObject({ signal: 4, noise: 2, hits: 4, falseAlarms: 2, hitRate: 0.9 });
    expect(r.discrimination.pre!.falseAlarmRate).toBeCloseTo(2.5 / 3, 12);
    expect(r.discrimination.pre!.dPrime).toBeCloseTo(1.28155 - 0.96742, 4);
    expect(r.discrimination.post!.dPrime).toBeCloseTo(1.28155 + 0.96742, 4);
    expect(r.discrimination.change).toBeCloseTo(2 * 0.96742, 4);
  });

  it('does not reward calling everything propaganda: the sceptic and the guesser both have d′ near 0', () => {
    const sceptic = checkScores(checks, answerAll(initialState(checks), 'pre', ['a', 'a', 'a', 'a', 'a', 'a']));
    const guesser = checkScores(checks, answerAll(initialState(checks), 'pre', ['a', 'a', 'd', 'd', 'a', 'd']));
    expect(Math.abs(sceptic.discrimination.pre!.dPrime)).toBeLessThan(0.35);
    expect(Math.abs(guesser.discrimination.pre!.dPrime)).toBeLessThan(0.35);
  });

  it('counts only items that offer "no technique" as detection trials', () => {
    const noNeutral = lessonWith([s1], [single('pre_q1_x', 'pre', { scored: false, weight: 0, tries: 1 }), ...checkItems('post', 2, 1)]);
    const s = check(noNeutral, initialState(noNeutral), 'pre_q1_x', right);
    expect(checkScores(noNeutral, s).discrimination.pre).toBeNull();
  });
});

describe('isNeutralOption', () => {
  const option = { id: 'a', correct: true, feedback: '' };
  it('recognises the writers’ "No persuasion technique" text, inside HTML or not', () => {
    expect(isNeutralOption({ ...option, text: NEUTRAL })).toBe(true);
    expect(isNeutralOption({ ...option, text: 'no persuasion technique is used' })).toBe(true);
    expect(isNeutralOption({ ...option, text: '<p>Loaded language</p>' })).toBe(false);
  });
  it('accepts an explicit neutral flag', () => {
    expect(isNeutralOption({ ...option, text: 'Plain statement', neutral: true } as never)).toBe(true);
  });
});

describe('inverseNormal', () => {
  it('matches the standard normal quantiles', () => {
    expect(inverseNormal(0.5)).toBeCloseTo(0, 9);
    expect(inverseNormal(0.975)).toBeCloseTo(1.959964, 6);
    expect(inverseNormal(0.025)).toBeCloseTo(-1.959964, 6);
    expect(inverseNormal(0.001)).toBeCloseTo(-3.090232, 6);
  });
});

