import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decodeState,
  encodeState,
  REFLECTION_BUDGET,
  SUSPEND_LIMIT,
  worstCaseLength,
  worstCaseState,
} from '../../src/core/codec.js';
import { checkAnswer, goTo, initialState, saveDraft } from '../../src/core/state.js';
import { clipToCost } from '../../src/core/text.js';
import type { LessonState, Response } from '../../src/core/types.js';
import { segmentWords } from '../../src/core/words.js';
import type { Lesson, Question, ReflectionQuestion } from '../../src/model/lesson.js';
import { englishText, highlight, lessonWith, options, reflection, segment, single, syntheticLesson, talkText } from './fixtures.js';

const lesson = syntheticLesson();
const T0 = Date.UTC(2025, 2, 3, 9, 30);
const printableAscii = /^[\x20-\x7e]*$/;

/** What decoding gives back: everything exact except `at`, which is kept to the minute. */
const toMinute = (state: LessonState): LessonState => ({
  ...state,
  answers: Object.fromEntries(Object.entries(state.answers).map(([id, a]) => [id, { ...a, at: Math.floor(a.at / 60_000) * 60_000 }])),
});

const reflectionsOf = (l: Lesson) => l.questions.filter((q): q is ReflectionQuestion => q.type === 'reflection');

// ---------------------------------------------------------------------------------------------
// Arbitrary valid states: whatever the reducer can reach from a fresh start.

function responseArb(l: Lesson, q: Question): fc.Arbitrary<Response> {
  switch (q.type) {
    case 'single':
      return fc.constantFrom(...q.options.map((o) => o.id)).map((choice) => ({ type: 'single', choice }));
    case 'multiple':
      return fc.subarray(q.options.map((o) => o.id)).map((choices) => ({ type: 'multiple', choices }));
    case 'match':
      return fc
        .tuple(...q.pairs.map(() => fc.constantFrom(...q.choices)))
        .map((devices) => ({ type: 'match', pairs: Object.fromEntries(q.pairs.map((p, i) => [p.id, devices[i]!])) }));
    case 'highlight': {
      const n = segmentWords(l.segments.find((s) => s.id === q.page)!).length;
      return fc.array(fc.nat(n - 1), { maxLength: 60 }).map((words) => ({ type: 'highlight', words }));
    }
    case 'reflection':
      return fc
        .oneof(fc.string({ unit: 'grapheme', maxLength: q.maxLength }), fc.nat(5).map((seed) => englishText(q.maxLength, seed)))
        .map((text) => ({ type: 'reflection', text: clipToCost(text, q.maxLength) }));
  }
}

type Action =
  | { kind: 'check'; id: string; response: Response; now: number; latency: number }
  | { kind: 'go'; page: string }
  | { kind: 'draft'; id: string; text: string };

function actionArb(l: Lesson): fc.Arbitrary<Action> {
  const pages = ['intro', 'pre', ...l.segments.map((s) => s.id), 'post', 'synthesis', 'results'];
  const reflections = reflectionsOf(l);
  return fc.oneof(
    { weight: 5, arbitrary: fc.constantFrom(...l.questions).chain((q) =>
      fc.record({
        kind: fc.constant('check' as const),
        id: fc.constant(q.id),
        response: responseArb(l, q),
        now: fc.integer({ min: T0, max: T0 + 400 * 86_400_000 }),
        latency: fc.double({ min: -10, max: 2e5, noNaN: true }),
      }),
    ) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('go' as const), page: fc.constantFrom(...pages) }) },
    { weight: 1, arbitrary: fc.record({
      kind: fc.constant('draft' as const),
      id: fc.constantFrom(...reflections.map((q) => q.id)),
      text: fc.oneof(fc.string({ unit: 'grapheme', maxLength: 80 }), fc.constant('')),
    }) },
  );
}

function run(l: Lesson, actions: Action[]): LessonState {
  return actions.reduce((s, a) => {
    if (a.kind === 'check') return checkAnswer(l, s, a.id, a.response, { now: a.now, latency: a.latency });
    if (a.kind === 'go') return goTo(l, s, a.page);
    return saveDraft(s, a.id, a.text);
  }, initialState(l));
}

const stateArb = (l: Lesson) => fc.array(actionArb(l), { maxLength: 80 }).map((actions) => run(l, actions));

/** A state with something of every kind in it. */
function sampleState(l: Lesson = lesson): LessonState {
  let s = initialState(l);
  s = goTo(l, s, l.segments[0]!.id);
  for (const q of l.questions.slice(0, 20)) {
    const response: Response =
      q.type === 'single' ? { type: 'single', choice: 'b' }
      : q.type === 'multiple' ? { type: 'multiple', choices: ['a', 'd'] }
      : q.type === 'match' ? { type: 'match', pairs: Object.fromEntries(q.pairs.map((p) => [p.id, p.device])) }
      : q.type === 'highlight' ? { type: 'highlight', words: [3, 4, 5, 40] }
      : { type: 'reflection', text: englishText(250, 1) };
    s = checkAnswer(l, s, q.id, response, { now: T0 + 60_000 * l.questions.indexOf(q), latency: 30 });
  }
  const open = reflectionsOf(l).find((q) => !s.answers[q.id]);
  if (open) s = saveDraft(s, open.id, 'Half a thought “in progress”…');
  return s;
}

// ---------------------------------------------------------------------------------------------

describe('encodeState / decodeState', () => {
  it('round-trips a state with every kind of answer, a draft and visits', () => {
    const state = sampleState();
    const decoded = decodeState(lesson, encodeState(lesson, state));
    expect(decoded.notice).toBeNull();
    expect(decoded.state).toEqual(toMinute(state));
  });

  it('round-trips any state the reducer can reach (times to the minute)', () => {
    fc.assert(
      fc.property(stateArb(lesson), (state) => {
        const encoded = encodeState(lesson, state);
        expect(encoded).toMatch(printableAscii);
        expect(decodeState(lesson, encoded)).toEqual({ state: toMinute(state), notice: null });
      }),
      { numRuns: 60 },
    );
  });

  it('writes printable ASCII only, whatever the student typed', () => {
    let s = initialState(lesson);
    const q = reflectionsOf(lesson)[0]!;
    s = checkAnswer(lesson, s, q.id, { type: 'reflection', text: '김정일 said “heroes”, 😀 \n\t and \u0000 — “?” ~`^|\\{}<>' + 'x'.repeat(40) }, { now: T0, latency: 1 });
    const encoded = encodeState(lesson, s);
    expect(encoded).toMatch(printableAscii);
    expect(decodeState(lesson, encoded).state).toEqual(toMinute(s));
  });

  it('recomputes credit, result and lock from the stored response and tries', () => {
    let s = initialState(lesson);
    const q = lesson.questions.find((x) => x.type === 'single' && x.scored)!;
    s = checkAnswer(lesson, s, q.id, { type: 'single', choice: 'a' }, { now: T0, latency: 3 }); // wrong (key is b)
    s = checkAnswer(lesson, s, q.id, { type: 'single', choice: 'b' }, { now: T0, latency: 3 }); // right, 2nd try
    expect(decodeState(lesson, encodeState(lesson, s)).state.answers[q.id]).toMatchObject({ attempts: 2, credit: 0.5, result: 'correct', locked: true });
  });

  it('leaves out answers to questions the lesson does not have, and cuts an over-long draft to maxLength', () => {
    const q = reflectionsOf(lesson)[0]!;
    const s = { ...initialState(lesson), drafts: { [q.id]: 'y'.repeat(q.maxLength + 50), ghost: 'boo' } };
    const state = decodeState(lesson, encodeState(lesson, s)).state;
    expect(state.drafts).toEqual({ [q.id]: 'y'.repeat(q.maxLength) });
  });

  it('starts fresh without a notice when there is no saved data', () => {
    expect(decodeState(lesson, '')).toEqual({ state: initialState(lesson), notice: null });
    expect(decodeState(lesson, null)).toEqual({ state: initialState(lesson), notice: null });
  });
});

describe('decodeState on bad input', () => {
  const valid = encodeState(lesson, sampleState());

  it('never throws on arbitrary strings, and calls them corrupt', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.string().map((s) => `P1${s}`)), (raw) => {
        const r = decodeState(lesson, raw);
        expect(r.notice === 'corrupt' || raw === '').toBe(true);
        expect(r.state).toEqual(initialState(lesson));
      }),
      { numRuns: 500 },
    );
  });

  it('never throws on a damaged valid encoding, and refuses it as corrupt', () => {
    const mutation = fc.oneof(
      fc.record({ at: fc.nat(valid.length - 1), c: fc.string({ minLength: 1, maxLength: 1 }) }).map(({ at, c }) => valid.slice(0, at) + c + valid.slice(at + 1)),
      fc.nat(valid.length - 1).map((at) => valid.slice(0, at) + valid.slice(at + 1)),
      fc.record({ at: fc.nat(valid.length), c: fc.string({ minLength: 1, maxLength: 3 }) }).map(({ at, c }) => valid.slice(0, at) + c + valid.slice(at)),
      fc.nat(valid.length - 1).map((n) => valid.slice(0, n)),
    );
    fc.assert(
      fc.property(mutation, (raw) => {
        const r = decodeState(lesson, raw);
        if (raw !== valid && raw !== '') expect(r).toEqual({ state: initialState(lesson), notice: 'corrupt' });
      }),
      { numRuns: 1000 },
    );
  });

  it('refuses a truncated save (an LMS that cut suspend data short)', () => {
    expect(decodeState(lesson, valid.slice(0, -1)).notice).toBe('corrupt');
    expect(decodeState(lesson, valid.slice(0, valid.length / 2)).notice).toBe('corrupt');
  });

  it('refuses another lesson’s state as foreign', () => {
    const other = { ...lesson, id: 'another-lesson' };
    expect(decodeState(other, valid)).toEqual({ state: initialState(other), notice: 'foreign' });
  });

  it('refuses values that are not strings at all', () => {
    expect(decodeState(lesson, 42 as unknown as string).notice).toBe('corrupt');
  });
});

describe('decodeState for a new version of the lesson', () => {
  const s1 = segment('s01_a', 1, talkText(80, 1));
  const s2 = segment('s02_b', 2, talkText(80, 2));
  const v1 = lessonWith([s1, s2], [
    single('s01_q1_keep', s1.id, { tries: 2 }),
    single('s01_q2_gone', s1.id),
    single('s01_q3_retyped', s1.id),
    single('s01_q4_reoptioned', s1.id),
    highlight('s02_q1_mark', s2, { tries: 1 }),
    reflection('s02_q2_think', s2.id, { minLength: 5 }),
  ]);
  let state = initialState(v1);
  state = goTo(v1, state, 's02_b');
  for (const [id, response] of [
    ['s01_q1_keep', { type: 'single', choice: 'a' }],
    ['s01_q2_gone', { type: 'single', choice: 'a' }],
    ['s01_q3_retyped', { type: 'single', choice: 'a' }],
    ['s01_q4_reoptioned', { type: 'single', choice: 'a' }],
    ['s02_q1_mark', { type: 'highlight', words: [2, 3, 4] }],
    ['s02_q2_think', { type: 'reflection', text: 'My submitted thoughts.' }],
  ] as [string, Response][]) state = checkAnswer(v1, state, id, response, { now: T0, latency: 4 });
  const saved = encodeState(v1, state);

  it('keeps answers to questions that still exist with the same type and options, and re-scores them', () => {
    const v2 = lessonWith([s1, s2], [
      single('s01_q1_keep', s1.id, { tries: 2, options: options(4, [1]) }), // key corrected: a is now wrong
      { ...highlight('s01_q3_retyped', s1), page: s1.id },
      single('s01_q4_reoptioned', s1.id, { options: options(5, [0]) }),
      highlight('s02_q1_mark', s2, { tries: 1 }),
      reflection('s02_q2_think', s2.id, { minLength: 5 }),
      single('s02_q3_new', s2.id),
    ], { version: '1.1.0' });
    const { state: migrated, notice } = decodeState(v2, saved);
    expect(notice).toBe('migrated');
    expect(migrated.lessonVersion).toBe('1.1.0');
    expect(Object.keys(migrated.answers).sort()).toEqual(['s01_q1_keep', 's02_q1_mark', 's02_q2_think']);
    expect(migrated.answers.s01_q1_keep).toMatchObject({ attempts: 1, result: 'wrong', locked: false, credit: 0 });
    expect(migrated.answers.s02_q2_think!.response).toEqual({ type: 'reflection', text: 'My submitted thoughts.' });
    // same pages in the same order: visits and place carry over
    expect(migrated.visited).toEqual(['intro', 's02_b']);
    expect(migrated.location).toBe('s02_b');
  });

  it('starts the new page order afresh when the pages changed', () => {
    const s3 = segment('s03_c', 3, talkText(40, 3));
    const v2 = lessonWith([s1, s2, s3], [single('s01_q1_keep', s1.id, { tries: 2 })], { version: '2.0.0' });
    const { state: migrated, notice } = decodeState(v2, saved);
    expect(notice).toBe('migrated');
    expect(migrated.location).toBe('intro');
    expect(migrated.visited).toEqual(['intro']);
    expect(migrated.answers.s01_q1_keep).toMatchObject({ result: 'correct', credit: 1 });
  });

  it('starts fresh, saying the save is outdated, when nothing fits', () => {
    const v2 = lessonWith([s1, s2], [single('s01_q9_other', s1.id)], { version: '2.0.0' });
    expect(decodeState(v2, saved)).toEqual({ state: initialState(v2), notice: 'outdated' });
  });
});

// ---------------------------------------------------------------------------------------------

describe('the worst case fits SCORM 1.2', () => {
  it('plans for a reflection budget of 5 × 300 + 1000', () => {
    expect(reflectionsOf(lesson).reduce((sum, q) => sum + q.maxLength, 0)).toBe(REFLECTION_BUDGET);
  });

  it('is a state of the lesson: everything answered on the last try, everything visited', () => {
    const worst = worstCaseState(lesson);
    expect(Object.keys(worst.answers)).toHaveLength(lesson.questions.length);
    expect(worst.visited).toHaveLength(lesson.segments.length + 5);
    expect(decodeState(lesson, encodeState(lesson, worst))).toEqual({ state: toMinute(worst), notice: null });
  });

  it('fits 4096 characters with the costliest text in every reflection', () => {
    expect(worstCaseLength(lesson)).toBeLessThanOrEqual(SUSPEND_LIMIT);
  });

  it('fits 4096 characters for ANY text at maxLength: random printable Unicode, quotes, commas, emoji', () => {
    const text = fc.oneof(
      fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1500 }),
      fc.string({ unit: 'binary', minLength: 1, maxLength: 1500 }),
      fc.string({ unit: fc.constantFrom('"', "'", ',', '’', '“', '”', '—', '~', '\\', '\n', 'é', '김', '😀'), minLength: 1, maxLength: 1500 }),
    );
    fc.assert(
      fc.property(fc.array(text, { minLength: 6, maxLength: 6 }), (texts) => {
        let i = 0;
        // repeat each text until it reaches the limit, so every reflection is full
        const full = (q: ReflectionQuestion) => {
          const t = texts[i++ % 6]!;
          return clipToCost(t.repeat(Math.ceil(q.maxLength / t.length) + 1), q.maxLength);
        };
        const encoded = encodeState(lesson, worstCaseState(lesson, { text: full }));
        expect(encoded.length).toBeLessThanOrEqual(worstCaseLength(lesson));
        expect(encoded).toMatch(printableAscii);
      }),
      { numRuns: 40 },
    );
  });

  it('is the longest encoding: no reachable state encodes longer', () => {
    const worst = worstCaseLength(lesson);
    fc.assert(
      fc.property(stateArb(lesson), (state) => {
        expect(encodeState(lesson, state).length).toBeLessThanOrEqual(worst);
      }),
      { numRuns: 30 },
    );
  });

  it('stays within 3000 characters with realistic English prose at every maxLength', () => {
    let seed = 0;
    const english = worstCaseState(lesson, { text: (q) => englishText(q.maxLength + 60, seed++) });
    expect(reflectionsOf(lesson).every((q) => (english.answers[q.id]!.response as { text: string }).text.length >= q.maxLength - 30)).toBe(true);
    expect(encodeState(lesson, english).length).toBeLessThanOrEqual(3000);
  });

  it('fits for the largest shape REFLECTION_BUDGET is promised for: 70 questions, 12 highlights over 4000 words, 22 pages', () => {
    // 17 segments; the 12 longest (where the highlights go) have 333 words each
    const planned = syntheticLesson({}, { words: [...Array(12).fill(333), ...Array(5).fill(150)], singles: 22 });
    expect(planned.questions).toHaveLength(70);
    expect(reflectionsOf(planned).reduce((sum, q) => sum + q.maxLength, 0)).toBe(REFLECTION_BUDGET);
    const highlighted = new Set(planned.questions.filter((q) => q.type === 'highlight').map((q) => q.page));
    expect(planned.segments.filter((s) => highlighted.has(s.id)).reduce((n, s) => n + segmentWords(s).length, 0)).toBe(3996);
    expect(worstCaseState(planned).visited).toHaveLength(22);
    expect(worstCaseLength(planned)).toBeLessThanOrEqual(SUSPEND_LIMIT);
  });
});
