/**
 * Renders the right element for a question. Pages (segment, checks, synthesis) list their
 * questions through this, so each question type is wired in one place.
 */
import { html, type TemplateResult } from 'lit';
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

export function renderQuestion(q: Question, c: QuestionContext): TemplateResult {
  const answer = c.state.answers[q.id];
  switch (q.type) {
    case 'single':
      return html`<pr-single-choice
        id="q-${q.id}"
        .question=${q}
        .lesson=${c.lesson}
        .answer=${answer}
        ?review=${c.review}
        .number=${c.number}
        .total=${c.total}
        .headingLevel=${c.headingLevel}
      ></pr-single-choice>`;
    case 'multiple':
      return html`<pr-multiple-choice
        id="q-${q.id}"
        .question=${q}
        .lesson=${c.lesson}
        .answer=${answer}
        ?review=${c.review}
        .number=${c.number}
        .total=${c.total}
        .headingLevel=${c.headingLevel}
      ></pr-multiple-choice>`;
    case 'match':
      return html`<pr-match
        id="q-${q.id}"
        .question=${q}
        .lesson=${c.lesson}
        .answer=${answer}
        ?review=${c.review}
        .number=${c.number}
        .total=${c.total}
        .headingLevel=${c.headingLevel}
      ></pr-match>`;
    case 'highlight':
      return html`<pr-highlight
        id="q-${q.id}"
        .question=${q}
        .lesson=${c.lesson}
        .answer=${answer}
        ?review=${c.review}
        .number=${c.number}
        .total=${c.total}
        .headingLevel=${c.headingLevel}
      ></pr-highlight>`;
    case 'reflection':
      return html`<pr-reflection
        id="q-${q.id}"
        .question=${q}
        .lesson=${c.lesson}
        .answer=${answer}
        .draft=${c.state.drafts[q.id]}
        ?review=${c.review}
        .number=${c.number}
        .total=${c.total}
        .headingLevel=${c.headingLevel}
      ></pr-reflection>`;
  }
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
