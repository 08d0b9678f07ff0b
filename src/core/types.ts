/**
 * The student's state and what the core decides about it. Pure data: no DOM, no SCORM.
 * The components render it and emit what the student did; `src/core` turns actions into a new
 * state; `src/runtime` reports it to the LMS and saves it.
 */
import type { Id, PageId, QuestionType } from '../model/lesson.js';

/** What the student answered, per question type. Highlight marks are word indices into the
 * segment's word list (see core/words.ts), so they survive re-rendering and compress well. */
export type Response =
  | { type: 'single'; choice: string }
  | { type: 'multiple'; choices: string[] }
  | { type: 'match'; pairs: Record<string, Id> }
  | { type: 'highlight'; words: number[] }
  | { type: 'reflection'; text: string };

export const RESULTS = ['correct', 'partial', 'wrong', 'submitted'] as const;
/** 'submitted' is a reflection (not auto-scored). */
export type Result = (typeof RESULTS)[number];

export interface AnswerState {
  type: QuestionType;
  /** The last checked response. */
  response: Response;
  /** Checks used so far. */
  attempts: number;
  /** 0..1 credit of the last check (already includes any per-try rule). */
  credit: number;
  result: Result;
  /** No more checks: right, or out of tries. */
  locked: boolean;
  /** Seconds from the page being shown to the check (for SCORM latency), whole seconds, at most a
   * day (core/state.ts). Reported with the check; a resumed answer has 0 (core/codec.ts). */
  latency: number;
  /** When the last check happened, ms since epoch. A resumed answer has the minute of the
   * student's latest check (core/codec.ts keeps only that). */
  at: number;
}

export interface LessonState {
  lessonId: Id;
  lessonVersion: string;
  /** The page the student is on. */
  location: PageId;
  /** Pages the student has opened. */
  visited: PageId[];
  answers: Record<Id, AnswerState>;
  /** Unchecked reflection text (kept so nothing typed is lost; committed only at meaningful moments). */
  drafts: Record<Id, string>;
}

export type PageStatus = 'not-started' | 'in-progress' | 'done';

export interface Progress {
  /** Pages visited with every question on them finished (core/progress.ts `pageStatus`). */
  pagesDone: number;
  pagesTotal: number;
  /** Questions finished: locked (right or out of tries) or, for a reflection, submitted. */
  questionsAnswered: number;
  questionsTotal: number;
  /** Score so far over finished scored questions, 0-100, or null when none is finished. */
  scoreSoFar: number | null;
  /** 0..1 fraction of questions finished (SCORM 2004 progress_measure). */
  measure: number;
  /** Every question finished: scored and pre/post questions locked, every reflection submitted. */
  complete: boolean;
  /** Final score 0-100, only once every scored question is finished. */
  score: number | null;
  passed: boolean | null;
}

export interface CategoryMastery {
  category: Id;
  /** 0..1, weighted mean credit of finished questions about devices in the category. */
  score: number;
  answered: number;
  total: number;
}

/** One set of pre/post check items (core/progress.ts `checkScores`). */
export interface CheckSetScore {
  /** 0..1 mean credit of the set's items, or null until every item is finished. */
  score: number | null;
  /** Items finished (locked). */
  answered: number;
  total: number;
}

/**
 * Signal detection on a set of check items: can the student tell a passage that uses a technique
 * (signal) from one that does not (noise)? A hit is naming a technique where there is one, a false
 * alarm naming one where there is none. Rates use the log-linear correction ((n + 0.5) / (N + 1),
 * Hautus 1995), so d′ stays finite with perfect or empty cells.
 */
export interface SignalDetection {
  /** Finished items whose passage uses a technique (and that offered "no technique" as a choice). */
  signal: number;
  /** Finished items whose correct answer is "no technique". */
  noise: number;
  hits: number;
  falseAlarms: number;
  hitRate: number;
  falseAlarmRate: number;
  /** z(hit rate) − z(false-alarm rate): 0 is guessing; higher is better discrimination. */
  dPrime: number;
}

export interface CheckScores {
  pre: CheckSetScore;
  post: CheckSetScore;
  /** post − pre (−1..1), or null until both sets are finished. */
  gain: number | null;
  discrimination: {
    /** null while the set has no finished signal item or no finished noise item. */
    pre: SignalDetection | null;
    post: SignalDetection | null;
    /** post d′ − pre d′, or null until both exist and both sets are finished. */
    change: number | null;
  };
}
