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
  /** Seconds from the page being shown to the check (for SCORM latency). */
  latency: number;
  /** When the last check happened, ms since epoch. */
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
  pagesDone: number;
  pagesTotal: number;
  questionsAnswered: number;
  questionsTotal: number;
  /** Score so far over finished scored questions, 0-100, or null when none is finished. */
  scoreSoFar: number | null;
  /** 0..1 fraction of questions finished (SCORM 2004 progress_measure). */
  measure: number;
  /** Every scored question locked and every reflection submitted. */
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
