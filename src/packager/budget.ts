/**
 * What a lesson's saved state may cost. The state codec (src/core/codec.ts) guarantees SCORM 1.2's
 * 4096-character suspend_data for lessons whose reflections' maxLength add up to at most
 * REFLECTION_BUDGET (validation checks that per question), and asks the build to check the worst
 * case of every other shape too: `worstCaseLength(lesson) <= SUSPEND_LIMIT`.
 */
import type { Issue } from '../model/issues.js';
import type { Lesson } from '../model/lesson.js';
import { REFLECTION_BUDGET, SUSPEND_LIMIT, worstCaseLength } from '../core/codec.js';

export const reflectionBudget: number = REFLECTION_BUDGET;

/** An error when the encoded worst-case state of `lesson` does not fit SCORM 1.2. */
export function suspendDataIssue(lesson: Lesson, file: string): Issue | undefined {
  const length = worstCaseLength(lesson);
  if (length <= SUSPEND_LIMIT) return undefined;
  return {
    severity: 'error',
    file,
    path: [],
    line: 1,
    message: `the saved state of this lesson can reach ${length} characters; SCORM 1.2 keeps at most ${SUSPEND_LIMIT} (cmi.suspend_data)`,
    fix: 'lower some reflections\u2019 maxLength, or split the lesson: fewer questions and highlight segments take less room',
  };
}
