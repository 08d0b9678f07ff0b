/**
 * What a lesson's saved state may cost. The state codec (src/core/codec.ts) guarantees SCORM 1.2's
 * 4096-character suspend_data for lessons whose reflections' maxLength add up to at most
 * REFLECTION_BUDGET (validation checks that per question), and asks the build to check the worst
 * case of every other shape too: `worstCaseLength(lesson) <= SUSPEND_LIMIT`.
 */
import type { Issue } from '../model/issues.js';
import type { Lesson } from '../model/lesson.js';
import { REFLECTION_BUDGET, SUSPEND_LIMIT, worstCaseLength } from '../core/codec.js';
import type { ScormVersion } from './manifest.js';

export const reflectionBudget: number = REFLECTION_BUDGET;

/** cmi.suspend_data's size per version (SCORM 1.2: CMIString4096; 2004 4th ed.: SPM 64000). */
export const SUSPEND_LIMITS: Readonly<Record<ScormVersion, number>> = { '1.2': SUSPEND_LIMIT, '2004': 64000 };

/** An error when the encoded worst-case state of `lesson` does not fit the suspend data of every
 * version in `versions` (default both, so SCORM 1.2's 4096 decides). */
export function suspendDataIssue(lesson: Lesson, file: string, versions: readonly ScormVersion[] = ['1.2', '2004']): Issue | undefined {
  const length = worstCaseLength(lesson);
  const tightest = versions.reduce<ScormVersion | null>((a, v) => (a === null || SUSPEND_LIMITS[v] < SUSPEND_LIMITS[a] ? v : a), null);
  if (tightest === null || length <= SUSPEND_LIMITS[tightest]) return undefined;
  const only12 = tightest === '1.2' && versions.includes('2004');
  return {
    severity: 'error',
    file,
    path: [],
    line: 1,
    message: `the saved state of this lesson can reach ${length} characters; SCORM ${tightest} keeps at most ${SUSPEND_LIMITS[tightest]} (cmi.suspend_data)`,
    fix: `lower some reflections\u2019 maxLength, or split the lesson: fewer questions and highlight segments take less room${only12 && length <= SUSPEND_LIMITS['2004'] ? ' (or build the SCORM 2004 package alone: --scorm 2004)' : ''}`,
  };
}
