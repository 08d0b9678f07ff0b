/**
 * What the benchmark needs from the core, compiled for Node by bench/lib/compile.mjs: the real
 * codec and reducer (never a re-implementation), plus the states the benchmark feeds them.
 */
import { encodeState, worstCaseLength, SUSPEND_LIMIT } from '../src/core/codec.js';
import { checkAnswer, goTo, initialState } from '../src/core/state.js';
import { segmentWords, spanToWordIndices } from '../src/core/words.js';
import { pageOrder, type Lesson, type Question } from '../src/model/lesson.js';
import type { LessonState, Response } from '../src/core/types.js';

export { encodeState, worstCaseLength, SUSPEND_LIMIT, pageOrder };

/** The lesson's own words: every segment's paragraphs, joined as a reader would copy them. */
export function lessonText(lesson: Lesson): string {
  return lesson.segments.map((s) => s.paragraphs.join('\n\n')).join('\n\n');
}

/** A plausible reflection: plain sentences, as long as the middle of its allowed range. */
function reflectionText(min: number, max: number): string {
  const sentence = 'The talk names no cost of the campaign and asks every reader to give more. ';
  const length = Math.max(min, Math.min(max, Math.round((min + max) / 2)));
  return sentence.repeat(Math.ceil(length / sentence.length)).slice(0, length).trim().padEnd(min, '.');
}

/** The right answer to a question, built from the lesson's key. */
export function correctResponse(lesson: Lesson, q: Question): Response {
  switch (q.type) {
    case 'single':
      return { type: 'single', choice: q.options.find((o) => o.correct)?.id ?? q.options[0]!.id };
    case 'multiple':
      return { type: 'multiple', choices: q.options.filter((o) => o.correct).map((o) => o.id) };
    case 'match':
      return { type: 'match', pairs: Object.fromEntries(q.pairs.map((p) => [p.id, p.device])) };
    case 'highlight': {
      const segment = lesson.segments.find((s) => s.id === q.page);
      const words = segment ? segmentWords(segment) : [];
      return { type: 'highlight', words: [...new Set(q.key.flatMap((span) => spanToWordIndices(words, span)))].sort((a, b) => a - b) };
    }
    case 'reflection':
      return { type: 'reflection', text: reflectionText(q.minLength, q.maxLength) };
  }
}

/** A student who opened every page and answered every question right on the first try. */
export function completedState(lesson: Lesson, start = Date.UTC(2025, 0, 6, 9)): LessonState {
  let state = initialState(lesson);
  let now = start;
  for (const page of pageOrder(lesson)) {
    state = goTo(lesson, state, page);
    for (const q of lesson.questions.filter((x) => x.page === page)) {
      now += 45_000;
      state = checkAnswer(lesson, state, q.id, correctResponse(lesson, q), { now, latency: 45 });
    }
  }
  return state;
}

/** The encoded state of a student who has just opened `page` (every page before it visited). */
export function stateAt(lesson: Lesson, page: string): string {
  let state = initialState(lesson);
  for (const p of pageOrder(lesson)) {
    state = goTo(lesson, state, p);
    if (p === page) break;
  }
  return encodeState(lesson, state);
}

export function answeredCount(state: LessonState): number {
  return Object.keys(state.answers).length;
}
