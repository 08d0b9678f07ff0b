/**
 * What the app hands the tracker: the state with everything the LMS reports derived from it by
 * the core. Pure.
 */
import type { Lesson } from '../model/lesson.js';
import type { LessonState } from '../core/types.js';
import { checkScores, mastery, progress } from '../core/progress.js';
import { encodeState } from '../core/codec.js';
import type { ObjectiveRecord, Snapshot } from '../runtime/index.js';

/** One pre/post check set as an LMS objective (`pre_check`, `post_check`). */
function checkObjective(
  id: string,
  set: { score: number | null; answered: number; total: number },
  meanOfFinished: number,
  passingScore: number,
): ObjectiveRecord {
  if (set.answered === 0) return { id, score: 0, status: 'not attempted' };
  if (set.score === null) return { id, score: meanOfFinished, status: 'incomplete' };
  return { id, score: set.score, status: set.score * 100 >= passingScore ? 'passed' : 'failed' };
}

/** Mean credit of the finished (locked) questions on a page, 0 when none (a running figure for an
 * objective still in progress; the core's checkScores gives the final one). */
function meanFinished(lesson: Lesson, state: LessonState, page: 'pre' | 'post'): number {
  const credits = lesson.questions
    .filter((q) => q.page === page && state.answers[q.id]?.locked)
    .map((q) => state.answers[q.id]!.credit);
  return credits.length ? credits.reduce((a, b) => a + b, 0) / credits.length : 0;
}

/** The pre/post checks as objectives; a lesson without one leaves it out. */
export function checkObjectives(lesson: Lesson, state: LessonState, passingScore: number): ObjectiveRecord[] {
  const c = checkScores(lesson, state);
  const out: ObjectiveRecord[] = [];
  if (c.pre.total) out.push(checkObjective('pre_check', c.pre, meanFinished(lesson, state, 'pre'), passingScore));
  if (c.post.total) out.push(checkObjective('post_check', c.post, meanFinished(lesson, state, 'post'), passingScore));
  return out;
}

export function snapshotOf(lesson: Lesson, state: LessonState, passingScore: number): Snapshot {
  return {
    state,
    suspendData: encodeState(lesson, state),
    progress: progress(lesson, state, passingScore),
    mastery: mastery(lesson, state),
    objectives: checkObjectives(lesson, state, passingScore),
  };
}
