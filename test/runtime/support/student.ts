/**
 * A student driving the real core (state, scoring, progress, codec) and a Tracker the way the app
 * does: record + save after each check, save on each page change, nothing while typing.
 */
import type { Lesson, PageId } from '../../../src/model/lesson.js';
import type { LessonState, Response } from '../../../src/core/types.js';
import { checkAnswer, goTo, initialState, saveDraft } from '../../../src/core/state.js';
import { decodeState, encodeState } from '../../../src/core/codec.js';
import { checkScores, mastery, progress } from '../../../src/core/progress.js';
import type { CheckSetScore } from '../../../src/core/types.js';
import { segmentWords, spanToWordIndices } from '../../../src/core/words.js';
import { effectivePassingScore } from '../../../src/runtime/report.js';
import type { ObjectiveRecord, SessionInfo, Snapshot, Tracker } from '../../../src/runtime/tracker.js';
import { LESSON } from './lesson.js';

export class Clock {
  constructor(public time = Date.UTC(2024, 4, 1, 9, 30, 0)) {}
  now = () => this.time;
  advance(seconds: number): void {
    this.time += seconds * 1000;
  }
}

/** A pre/post check set as an objective (the app builds its own, in src/app/snapshot.ts). */
function checkObjective(id: string, set: CheckSetScore, passingScore: number): ObjectiveRecord {
  if (set.score === null) return { id, score: 0, status: set.answered > 0 ? 'incomplete' : 'not attempted' };
  return { id, score: set.score, status: set.score * 100 >= passingScore ? 'passed' : 'failed' };
}

/** The snapshot the tracker reports, built with the core's functions as the app does. */
export function buildSnapshot(lesson: Lesson, state: LessonState, passingScore: number): Snapshot {
  const checks = checkScores(lesson, state);
  return {
    state,
    suspendData: encodeState(lesson, state),
    progress: progress(lesson, state, passingScore),
    mastery: mastery(lesson, state),
    objectives: [checkObjective('pre_check', checks.pre, passingScore), checkObjective('post_check', checks.post, passingScore)],
  };
}

export class Student {
  state: LessonState;
  readonly passing: number;

  constructor(
    readonly tracker: Tracker,
    readonly info: SessionInfo,
    readonly clock: Clock,
    readonly lesson: Lesson = LESSON,
  ) {
    this.passing = effectivePassingScore(lesson, info.masteryScore);
    this.state = info.suspendData === null ? initialState(lesson) : decodeState(lesson, info.suspendData).state;
  }

  snapshot(): Snapshot {
    return buildSnapshot(this.lesson, this.state, this.passing);
  }

  go(page: PageId): void {
    this.clock.advance(30);
    this.state = goTo(this.lesson, this.state, page);
    this.tracker.save(this.snapshot(), 'page');
  }

  /** Check an answer; true when the core accepted it (and the tracker was told). */
  answer(questionId: string, response: Response, latency = 12): boolean {
    this.clock.advance(latency);
    const next = checkAnswer(this.lesson, this.state, questionId, response, {
      now: this.clock.now(),
      latency,
      review: this.info.mode === 'review',
    });
    if (next === this.state) return false;
    this.state = next;
    this.tracker.recordAnswer({ questionId, answer: next.answers[questionId]! });
    this.tracker.save(this.snapshot(), 'answer');
    return true;
  }

  /** Type into a reflection, one keystroke at a time (drafts only: no tracker call). */
  type(questionId: string, text: string): void {
    for (let i = 1; i <= text.length; i += 1) this.state = saveDraft(this.state, questionId, text.slice(0, i));
  }

  finish(): void {
    this.tracker.finish(this.snapshot());
  }
}

/** The word indices of the highlight key (a fully right highlight answer). */
export function keyWords(lesson: Lesson = LESSON): number[] {
  const q = lesson.questions.find((x) => x.type === 'highlight');
  if (!q || q.type !== 'highlight') throw new Error('fixture has no highlight question');
  const words = segmentWords(lesson.segments.find((s) => s.id === q.page)!);
  return q.key.flatMap((span) => spanToWordIndices(words, span));
}

export const REFLECTION_280 =
  'The talk opens by calling every listener a hero, which flatters the audience before any demand is made.\n' +
  'Naming them heroes turns the duty that follows into a question of honour, so refusing it would mean ' +
  'refusing the praise as well. The words "live and struggle" pair daily life with battle.';

export const SYNTHESIS_900 = Array.from({ length: 9 }, (_, i) => `Point ${i + 1}: ${'evidence from the text, quoted and explained. '.repeat(2)}`)
  .join(' ')
  .slice(0, 900);

/** The whole lesson as one student does it (pre, both segments, post, synthesis, results). */
export function fullSession(student: Student): void {
  student.go('pre');
  student.answer('pre_q1_loaded', { type: 'single', choice: 'a' });
  student.go('s01_opening');
  student.answer('s01_q1_loaded_language', { type: 'single', choice: 'a' }); // wrong, one try left
  student.answer('s01_q1_loaded_language', { type: 'single', choice: 'b' }); // right: credit 0.5
  student.answer('s01_q2_repetition', { type: 'multiple', choices: ['a', 'b'] }); // 2 of 4 right
  student.answer('s01_q3_highlight_repetition', { type: 'highlight', words: keyWords() });
  student.type('s01_q4_reflection', REFLECTION_280);
  student.answer('s01_q4_reflection', { type: 'reflection', text: REFLECTION_280 });
  student.go('s02_duty');
  student.answer('s02_q1_match_devices', { type: 'match', pairs: { '1': 'appeal_to_values', '2': 'slogans' } });
  student.go('post');
  student.answer('post_q1_loaded', { type: 'single', choice: 'b' });
  student.go('synthesis');
  student.answer('syn_q1_reflection', { type: 'reflection', text: SYNTHESIS_900 });
  student.go('results');
}
