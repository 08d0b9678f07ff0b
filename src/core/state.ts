/**
 * The state reducer: what the student did → a new LessonState. Pure and immutable: every function
 * returns a new object when something changed and the very same object when nothing did (so a
 * caller can tell a no-op by `next === state`).
 */
import type { Id, Lesson, PageId, Question } from '../model/lesson.js';
import { lessonIndex, questionWords } from './lesson-index.js';
import { canSubmit, normalizeResponse, scoreResponse } from './scoring.js';
import type { AnswerState, LessonState, Response } from './types.js';
import type { Word } from './words.js';

/** Latency is kept in whole seconds, at most a day: finer is noise for a reading exercise, and a
 * bounded value keeps the saved state bounded. */
export const MAX_LATENCY = 86_400;
/** Latest time a JavaScript Date can hold, ms since epoch. */
const MAX_TIME = 8.64e15;

export interface CheckOptions {
  /** Time of the check, ms since epoch. */
  now: number;
  /** Seconds from the page being shown to the check. */
  latency: number;
  /** Review mode (the LMS says the attempt is closed): checks change nothing. */
  review?: boolean;
}

const clampTo = (x: number, max: number) => (Number.isFinite(x) ? Math.min(max, Math.max(0, x)) : 0);

/** A new lesson's state: on the first page, which counts as visited. */
export function initialState(lesson: Lesson): LessonState {
  const first = lessonIndex(lesson).pages[0] ?? 'intro';
  return {
    lessonId: lesson.id,
    lessonVersion: lesson.version,
    location: first,
    visited: [first],
    answers: {},
    drafts: {},
  };
}

/**
 * The answer a question holds after its `attempts`-th check with `response`. Credit, result and
 * lock follow from the question, the response and the count alone, so the codec stores only those
 * and recomputes the rest with this same function.
 */
export function answerFor(
  question: Question,
  response: Response,
  attempts: number,
  latency: number,
  at: number,
  words?: readonly Word[],
): AnswerState {
  const { credit, result } = scoreResponse(question, response, attempts, words);
  return {
    type: question.type,
    response,
    attempts,
    credit,
    result,
    locked: result === 'correct' || result === 'submitted' || attempts >= Math.max(1, question.tries),
    latency: Math.round(clampTo(latency, MAX_LATENCY)),
    at: Math.round(clampTo(at, MAX_TIME)),
  };
}

/**
 * Check an answer. Does nothing (returns `state`) in review mode, for an unknown question, for a
 * locked question, and for a response `canSubmit` refuses (empty, too short, wrong type…).
 * Otherwise counts the try, scores it, locks the question when it is right or out of tries, and
 * drops the question's draft once a reflection is submitted.
 */
export function checkAnswer(
  lesson: Lesson,
  state: LessonState,
  questionId: Id,
  response: Response,
  options: CheckOptions,
): LessonState {
  if (options.review) return state;
  const question = lessonIndex(lesson).questions.get(questionId);
  if (!question) return state;
  const previous = state.answers[questionId];
  if (previous?.locked) return state;
  const words = questionWords(lesson, question);
  if (!canSubmit(question, response, words?.length).ok) return state;
  const answer = answerFor(
    question,
    normalizeResponse(question, response),
    (previous?.attempts ?? 0) + 1,
    options.latency,
    options.now,
    words,
  );
  const answers = { ...state.answers, [questionId]: answer };
  if (answer.result !== 'submitted' || !(questionId in state.drafts)) return { ...state, answers };
  const { [questionId]: _submitted, ...drafts } = state.drafts;
  return { ...state, answers, drafts };
}

/** Move to a page and record the visit (visited stays in page order). Unknown pages do nothing. */
export function goTo(lesson: Lesson, state: LessonState, page: PageId): LessonState {
  const { pages } = lessonIndex(lesson);
  if (!pages.includes(page)) return state;
  if (state.location === page && state.visited.includes(page)) return state;
  const seen = new Set([...state.visited, page]);
  return { ...state, location: page, visited: pages.filter((p) => seen.has(p)) };
}

/** Keep unchecked reflection text so nothing typed is lost. An empty text removes the draft; a
 * submitted (locked) question keeps no draft. */
export function saveDraft(state: LessonState, questionId: Id, text: string): LessonState {
  if (state.answers[questionId]?.locked) return state;
  if (text === '') {
    if (!(questionId in state.drafts)) return state;
    const { [questionId]: _removed, ...drafts } = state.drafts;
    return { ...state, drafts };
  }
  if (state.drafts[questionId] === text) return state;
  return { ...state, drafts: { ...state.drafts, [questionId]: text } };
}
