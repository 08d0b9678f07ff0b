/**
 * Renders the right element for a question. Pages (segment, checks, synthesis) list their
 * questions through this, so each question type is wired in one place. It names the elements
 * and does not define them: they come in their own chunk (src/components/question-elements.ts).
 */
import type { TemplateResult } from 'lit';
import { html, literal, type StaticValue } from 'lit/static-html.js';
import { repeat } from 'lit/directives/repeat.js';
import type { Lesson, Question } from '../../model/lesson.js';
import type { LessonState } from '../../core/types.js';

export interface QuestionContext {
  lesson: Lesson;
  state: LessonState;
  review: boolean;
  number: number;
  total: number;
  headingLevel: 3 | 4;
}

/** The element for each question type: one table instead of five copies of the same template. */
const TAGS: Readonly<Record<Question['type'], StaticValue>> = {
  single: literal`pr-single-choice`,
  multiple: literal`pr-multiple-choice`,
  match: literal`pr-match`,
  highlight: literal`pr-highlight`,
  reflection: literal`pr-reflection`,
};

export function renderQuestion(q: Question, c: QuestionContext): TemplateResult {
  const tag = TAGS[q.type];
  // Only a reflection keeps an unchecked draft; `undefined` leaves the others' property unset.
  const draft = q.type === 'reflection' ? c.state.drafts[q.id] : undefined;
  return html`<${tag}
    id="q-${q.id}"
    .question=${q}
    .lesson=${c.lesson}
    .answer=${c.state.answers[q.id]}
    .draft=${draft}
    ?review=${c.review}
    .number=${c.number}
    .total=${c.total}
    .headingLevel=${c.headingLevel}
  ></${tag}>`;
}

/**
 * The key of a question's element on its page. Moving to another page hands each element the
 * question in the same place when it is of the same type, so that a page switch updates the
 * elements' contents instead of removing them and building new ones (hundreds of nodes per page,
 * most of a switch's time in a long lesson). Every element starts afresh when its `question`
 * changes (PrQuestionBase), so nothing of one question's unsaved work carries over. A reflection
 * keeps an element of its own: its text area holds typing (and the browser's undo history) that
 * must never appear under another question.
 */
export function questionKey(q: Question, position: number): string {
  return q.type === 'reflection' ? `reflection:${q.id}` : `${q.type}:${position}`;
}

/** All questions of a page, numbered "Question n of total". */
export function renderQuestions(questions: readonly Question[], c: Omit<QuestionContext, 'number' | 'total'>) {
  return repeat(questions, questionKey, (q, i) => renderQuestion(q, { ...c, number: i + 1, total: questions.length }));
}
