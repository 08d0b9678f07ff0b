/**
 * The codec on the lesson that ships, heroes-1988, compiled as the build compiles it: its worst
 * case meets the benchmark's budget (computed as bench/run.mjs does: `worstCaseLength` of the
 * built lesson), and a new version that changes one question keeps every other answer.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeState, encodeState, SUSPEND_LIMIT, worstCaseLength, worstCaseState } from '../../src/core/codec.js';
import type { LessonState } from '../../src/core/types.js';
import type { Lesson, Question } from '../../src/model/lesson.js';
import { DEFAULT_LESSON, prepareLesson } from '../../src/packager/build.js';
import { answeredAll, responses, resumed } from './codec-support.js';
import { options } from './fixtures.js';

const root = join(__dirname, '..', '..');
const heroes: Lesson = prepareLesson(join(root, 'lessons', DEFAULT_LESSON), root).lesson!;
const budget = (JSON.parse(readFileSync(join(root, 'bench', 'budgets.json'), 'utf8')) as { budgets: { id: string; max: number }[] }).budgets.find(
  (b) => b.id === 'worst-case-suspend-12',
)!.max;

/** A student who answered every question on the first try: the first option, a phrase, a paragraph. */
function finished(l: Lesson): LessonState {
  return answeredAll(l, { words: [10, 11, 12, 13], reflection: (q) => q.maxLength - 10, sentences: 3, latency: 30 });
}

/** The question so changed that no saved answer fits it: another option or device list, or another
 * question in its place. */
function changed(q: Question): Question {
  if (q.type === 'single' || q.type === 'multiple') return { ...q, options: options(q.options.length + 1, [0]) };
  if (q.type === 'match') return { ...q, choices: [...q.choices, 'red_herring'] };
  return { ...q, id: `${q.id}_rewritten` };
}

describe(`${DEFAULT_LESSON} in suspend data`, () => {
  it(`has a worst case within the benchmark budget (${budget} characters; SCORM 1.2 allows ${SUSPEND_LIMIT})`, () => {
    const worst = worstCaseState(heroes);
    expect(Object.keys(worst.answers)).toHaveLength(heroes.questions.length);
    expect(worstCaseLength(heroes)).toBeLessThanOrEqual(budget);
    expect(decodeState(heroes, encodeState(heroes, worst))).toEqual({ state: resumed(worst), notice: null });
  });

  // A finished student's save has room for 20-bit fingerprints; the worst case (every reflection
  // full of incompressible text) has 8, with which a changed question keeps its stale answer one
  // time in 256 unless it grew (more options or devices, always caught). Unchanged answers are
  // kept at any width.
  for (const [who, state, staleAllowed] of [['a finished student', finished(heroes), 0], ['the worst case', worstCaseState(heroes), 1]] as const) {
    it(`keeps every other answer of ${who} when a new version changes any one question`, () => {
      const saved = encodeState(heroes, state);
      const stale = heroes.questions.filter((q, i) => {
        const next: Lesson = { ...heroes, version: `${heroes.version}-next`, questions: heroes.questions.map((x, k) => (k === i ? changed(x) : x)) };
        const decoded = decodeState(next, saved);
        const { [q.id]: _changed, ...others } = responses(state);
        const { [next.questions[i]!.id]: stale, ...rest } = responses(decoded.state);
        expect(decoded.notice).toBe('migrated');
        expect(rest).toEqual(others);
        return stale !== undefined;
      });
      expect(stale.length).toBeLessThanOrEqual(staleAllowed);
    });
  }
});
