/**
 * The lesson as students receive it: teacher-only material (discussion prompts, notes, reflection
 * model answers) is removed, since anything in a package can be read by anyone who opens it.
 */
import type { Lesson, Question } from './lesson.js';

export function studentCopy(lesson: Lesson): Lesson {
  const { teacher: _teacher, ...rest } = lesson;
  return {
    ...rest,
    questions: lesson.questions.map((q): Question => {
      if (q.type !== 'reflection') return q;
      const { modelAnswer: _modelAnswer, ...student } = q;
      return student;
    }),
  };
}
