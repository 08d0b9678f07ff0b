/**
 * Renders the right element for a question. Pages (segment, checks, synthesis) list their
 * questions through this, so each question type is wired in one place.
 */
import type { TemplateResult } from 'lit';
import { html, literal, type StaticValue } from 'lit/static-html.js';
import { repeat } from 'lit/directives/repeat.js';
import type { Lesson, Question } from '../../model/lesson.js';
import type { LessonState } from '../../core/types.js';
import '../single-choice/single-choice.js';
import '../multiple-choice/multiple-choice.js';
import '../match/match.js';
import '../highlight/highlight.js';
import '../reflection/reflection.js';

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

/** All questions of a page, numbered "Question n of total"; keyed by id so an element never
 * carries one question's unsaved work over to another. */
export function renderQuestions(questions: Question[], c: Omit<QuestionContext, 'number' | 'total'>) {
  return repeat(
    questions,
    (q) => q.id,
    (q, i) => renderQuestion(q, { ...c, number: i + 1, total: questions.length }),
  );
}
