/**
 * Helpers for the codec's tests: arbitrary states (whatever the reducer can reach from a fresh
 * start) and what decoding gives back.
 */
import fc from 'fast-check';
import { checkAnswer, goTo, initialState, saveDraft } from '../../src/core/state.js';
import { clipToCost } from '../../src/core/text.js';
import type { LessonState, Response } from '../../src/core/types.js';
import { segmentWords } from '../../src/core/words.js';
import type { Lesson, Question, ReflectionQuestion } from '../../src/model/lesson.js';
import { englishText } from './fixtures.js';

export const T0 = Date.UTC(2025, 2, 3, 9, 30);
export const printableAscii = /^[\x20-\x7e]*$/;

export const reflectionsOf = (l: Lesson) => l.questions.filter((q): q is ReflectionQuestion => q.type === 'reflection');

/**
 * What decoding gives back: everything exact except times. Every answer carries the minute of
 * the latest check (all the outbox's reconciliation needs) and latency 0: each check's own time
 * and latency went to the LMS with its interaction.
 */
export function resumed(state: LessonState): LessonState {
  const times = Object.values(state.answers).map((a) => a.at);
  const latest = times.length ? Math.floor(Math.max(...times) / 60_000) * 60_000 : 0;
  return {
    ...state,
    answers: Object.fromEntries(Object.entries(state.answers).map(([id, a]) => [id, { ...a, at: latest, latency: 0 }])),
  };
}

/**
 * A student who checked every question once: the first option, every pair matched to its own
 * device, the given words, a reflection of `reflection(q)` characters in `sentences` sentences.
 */
export function answeredAll(
  l: Lesson,
  { words, reflection, sentences, latency }: { words: number[]; reflection: (q: ReflectionQuestion) => number; sentences: number; latency: number },
): LessonState {
  let s = initialState(l);
  for (const q of l.questions) {
    const response: Response =
      q.type === 'single' ? { type: 'single', choice: q.options[0]!.id }
      : q.type === 'multiple' ? { type: 'multiple', choices: [q.options[0]!.id] }
      : q.type === 'match' ? { type: 'match', pairs: Object.fromEntries(q.pairs.map((p) => [p.id, p.device])) }
      : q.type === 'highlight' ? { type: 'highlight', words }
      : { type: 'reflection', text: englishText(reflection(q), sentences) };
    s = checkAnswer(l, s, q.id, response, { now: T0, latency });
  }
  return s;
}

/** The part of answers resume is about: what was answered and on which try. */
export const responses = (state: LessonState) =>
  Object.fromEntries(Object.entries(state.answers).map(([id, a]) => [id, { response: a.response, attempts: a.attempts }]));

export function responseArb(l: Lesson, q: Question): fc.Arbitrary<Response> {
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

export const stateArb = (l: Lesson, maxLength = 80) => fc.array(actionArb(l), { maxLength }).map((actions) => run(l, actions));
