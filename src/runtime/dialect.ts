/**
 * The seam between the tracker and the two SCORM versions.
 *
 * The tracker decides *what* to report in version-neutral terms (the `*Report` types below); a
 * `ScormDialect` (src/runtime/vocabulary/scorm12.ts, scorm2004.ts) is the only code that knows
 * *how* a version spells it: element names, time formats, vocabularies, length limits and response
 * pattern syntax. Nothing else in the module asks which version it is talking to.
 */
import type { ApiFunctionNames } from './port.js';
import type { LessonMode } from './tracker.js';

export const SCORM_VERSIONS = ['1.2', '2004'] as const;
export type ScormVersion = (typeof SCORM_VERSIONS)[number];

/** One SetValue call: element and value, in the order they must be written. */
export type Write = readonly [element: string, value: string];

/** The eight run-time calls, with the version's names and string booleans hidden. Every method
 * catches what a broken LMS throws and reports it as a failure (error code 101). */
export interface ScormPort {
  initialize(): boolean;
  terminate(): boolean;
  /** The LMS's value, or null when the call failed (GetLastError ≠ 0). */
  getValue(element: string): string | null;
  setValue(element: string, value: string): boolean;
  commit(): boolean;
  /** The last error code as a number (0 = no error). */
  lastError(): number;
  errorString(code: number): string;
  diagnostic(code: number): string;
}

/** What the LMS said at session start, parsed but not yet checked against the lesson. */
export interface LmsSession {
  entry: 'ab-initio' | 'resume';
  mode: LessonMode;
  credit: boolean;
  learnerName: string | null;
  learnerId: string | null;
  /** 0-100, or null when absent or not a number in range. */
  masteryScore: number | null;
  location: string | null;
  suspendData: string | null;
  /** cmi.interactions._count: the first free interaction index. */
  interactionCount: number;
  /** The objective ids already stored, by index. */
  objectiveIds: string[];
  /** The LMS already holds a final status (completed, passed or failed) for this attempt. */
  finished: boolean;
}

/** Where the learner stands, decided once for both versions. */
export interface StatusReport {
  completion: 'incomplete' | 'completed';
  /** 'unknown' while unfinished or when the lesson has no scored question. */
  success: 'passed' | 'failed' | 'unknown';
  /** 0..1; below 1 until complete (an LMS with a completion threshold derives status from it). */
  progressMeasure: number;
}

/** The lesson's score as a percentage; min 0 and max 100 always. */
export interface ScoreReport {
  /** 0-100, at most two decimals. */
  raw: number;
}

export interface ObjectiveReport {
  id: string;
  /** 0..1, or null when nothing about it has been answered. */
  score: number | null;
  completion: 'not attempted' | 'incomplete' | 'completed';
  success: 'passed' | 'failed' | 'unknown';
  /** 0..1 */
  progressMeasure: number;
}

export type ResponseValue =
  /** Option ids (single characters a-z for this lesson model). */
  | { kind: 'choice'; ids: string[] }
  /** [source, target] pairs: pair id (1-9) and the letter of the chosen device. */
  | { kind: 'matching'; pairs: Array<readonly [string, string]> }
  /** Short phrases (highlighted words, key quotations). */
  | { kind: 'phrases'; items: string[] }
  /** Free text (a reflection). */
  | { kind: 'text'; text: string };

export type InteractionKind = 'choice' | 'matching' | 'fill-in' | 'long-fill-in';

/** A checked answer as the LMS's interaction report should show it. */
export interface InteractionReport {
  /** The question id (readable: the instructor sees it as the question's name). */
  id: string;
  kind: InteractionKind;
  response: ResponseValue;
  correct: ResponseValue | null;
  /** 'wrong' is spelled by each dialect (1.2 wrong, 2004 incorrect); a number is partial credit 0..1. */
  result: 'correct' | 'wrong' | 'neutral' | number;
  weighting: number;
  latencySeconds: number;
  /** When the answer was checked, ms since epoch. */
  at: number;
  /** One line (2004 description); dialects without descriptions ignore it. */
  description: string;
}

/** Everything a save reports apart from interactions. */
export interface LessonReport {
  location: string;
  suspendData: string;
  status: StatusReport;
  score: ScoreReport | null;
  objectives: ObjectiveReport[];
  /** The learner has finished: exit normal instead of suspend. */
  complete: boolean;
}

export interface DialectLimits {
  suspendData: number;
  location: number;
  /** Longest learner response / correct response pattern for (short) fill-in and choice. */
  response: number;
  /** Longest free text in one interaction (1.2 splits longer text over several). */
  longText: number;
  identifier: number;
  description: number;
}

/** Settings the local LMS (scorm-again in the page) needs to look like a real LMS. */
export interface LocalLmsVocabulary {
  /** Seed data for a first launch (no stored data yet), as scorm-again's loadFromJSON takes it. */
  seed(learner: { id: string; name: string }): Record<string, unknown>;
  /** Turn the data stored at the end of one launch into what the LMS offers the next one: drop
   * session-only values and set entry from the previous exit. */
  relaunch(stored: Record<string, unknown>): Record<string, unknown>;
}

export interface ScormDialect {
  readonly version: ScormVersion;
  /** The global the LMS exposes: 'API' (1.2) or 'API_1484_11' (2004). */
  readonly apiName: string;
  /** The API object's function names (LMSInitialize… or Initialize…). */
  readonly functions: ApiFunctionNames;
  readonly limits: DialectLimits;
  /** A port over an API object, or null when the object lacks this version's functions. */
  bind(api: unknown): ScormPort | null;
  /** Read and parse the session values (never throws; garbage becomes a safe default). */
  readSession(get: (element: string) => string | null): LmsSession;
  /** Whether retrying the same call can never succeed (wrong element, type, range, read-only). */
  isPermanentError(code: number): boolean;
  /** An element that any initialized session can read (probes a session after a failed Initialize). */
  readonly probeElement: string;
  /** The element holding the learner's place (the page to open on). */
  readonly bookmarkElement: string;

  location(page: string): Write[];
  suspendData(data: string): Write[];
  status(status: StatusReport): Write[];
  score(score: ScoreReport): Write[];
  objective(index: number, objective: ObjectiveReport): Write[];
  /** The writes for one answer, one list per interaction index used (from `firstIndex` on). */
  interaction(firstIndex: number, interaction: InteractionReport): Write[][];
  sessionTime(seconds: number): Write[];
  exit(complete: boolean): Write[];

  readonly localLms: LocalLmsVocabulary;
}
