/**
 * The one interface the rest of the module uses to talk to an LMS. SCORM 1.2 and 2004 sit behind
 * it (src/runtime/scorm12, src/runtime/scorm2004); nothing outside src/runtime knows which.
 */
import type { Id, Lesson, PageId } from '../model/lesson.js';
import type { AnswerState, CategoryMastery, LessonState, Progress } from '../core/types.js';

export type LessonMode = 'normal' | 'review' | 'browse';

export interface SessionInfo {
  /** 'resume' when the LMS holds earlier data for this learner. */
  entry: 'ab-initio' | 'resume';
  mode: LessonMode;
  credit: boolean;
  learnerName: string | null;
  learnerId: string | null;
  /** 0-100 from the LMS (1.2 mastery_score, 2004 scaled_passing_score × 100), or null. */
  masteryScore: number | null;
  location: PageId | null;
  /** The raw suspend data string (decoded by core/codec), or null. */
  suspendData: string | null;
  /** 'lms' when a real LMS was found, 'local' when the module installed its own. */
  lms: 'lms' | 'local';
}

/** One checked answer, as the LMS should receive it. */
export interface AnswerRecord {
  questionId: Id;
  answer: AnswerState;
  /** The lesson as it was when the answer was checked, with the question's page loaded (a
   * package's lesson arrives page by page, src/model/pages.ts). Default: the tracker's lesson. */
  lesson?: Lesson;
}

export interface ObjectiveRecord {
  id: Id;
  /** 0..1 */
  score: number;
  status: 'passed' | 'failed' | 'incomplete' | 'not attempted';
}

export interface Snapshot {
  state: LessonState;
  /** Encoded state (core/codec) for suspend data. */
  suspendData: string;
  progress: Progress;
  mastery: CategoryMastery[];
  /** Extra objectives (pre/post checks). */
  objectives: ObjectiveRecord[];
}

/** Why a notice was raised: the UI words it (src/ui/strings.ts), so it can be translated. */
export type TrackerNoticeReason =
  | 'no-lms'
  | 'refused'
  | 'refused-no-storage'
  | 'too-long'
  | 'replayed'
  | 'state-reset';

/** Tracker problems the UI shows as a non-blocking notice. */
export interface TrackerNotice {
  kind: 'save-failed' | 'saved-locally' | 'replayed' | 'state-reset';
  reason: TrackerNoticeReason;
  /** English, for logs and the preview host's panel; students see the UI's wording of `reason`. */
  message: string;
}

export interface Tracker {
  start(): SessionInfo;
  /** Write location, suspend data, progress and (when complete) status and score; then commit. */
  save(snapshot: Snapshot, reason: 'answer' | 'page' | 'hidden' | 'finish'): void;
  /** Record one checked answer as an interaction (written before the next save commits). */
  recordAnswer(record: AnswerRecord): void;
  /** Session time, exit, Terminate. Exactly once; later calls do nothing. */
  finish(snapshot: Snapshot): void;
  onNotice(listener: (notice: TrackerNotice) => void): void;
}
