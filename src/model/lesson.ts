/**
 * The lesson model: the shape of a lesson once the packager has read and validated the files an
 * author wrote under `lessons/<id>/` (see docs/lesson-format.md for the authored YAML).
 *
 * Everything here is plain, serialisable data. The packager writes one `Lesson` per package (as the
 * classic script `lesson.js`); the core, the runtime and the components only ever read it.
 *
 * Quotations are authored as W3C-style text quote selectors (exact text, with prefix/suffix only
 * where needed to be unique). The packager resolves each one to a `TextSpan` (paragraph index and
 * character offsets) so the browser never has to search the text; offsets are derived data, never
 * authored.
 */

/** Bump when the compiled shape changes incompatibly. Authored files carry their own schemaVersion. */
export const LESSON_MODEL_VERSION = 1 as const;

/** Identifiers used where the LMS may see them (question, option, device, category, objective).
 * Letters, digits and "_" only: SCORM 2004 in Moodle rejects hyphens in choice/matching ids, and
 * SCORM 1.2 forbids spaces. Validated at build time (see validate). */
export type Id = string;

/** Prose the author wrote in Markdown, rendered to sanitised HTML at build time. */
export type Html = string;

export interface TextQuote {
  exact: string;
  prefix?: string;
  suffix?: string;
}

/** A resolved quotation: `text.slice(start, end)` of paragraph `paragraph` of its segment (or of
 * the whole-text paragraph list for pre/post passages) equals `exact`. */
export interface TextSpan {
  /** Segment the span lies in. */
  segment: Id;
  /** Index into that segment's `paragraphs`. */
  paragraph: number;
  start: number;
  end: number;
  exact: string;
}

export interface SourceCitation {
  author: string;
  title: string;
  /** The talk's own date, ISO 8601 (1988-05-15). */
  date: string;
  /** Who translated it, and into which language, as far as known. */
  translation: string;
  /** Where and when the translation was published. */
  published: string;
  /** Optional stable reference (a URL or a library record). Never fetched at run time. */
  url?: string;
}

export interface Reference {
  id: Id;
  /** Full citation, plain text. */
  citation: string;
  url?: string;
}

export const DEVICE_KINDS = ['technique', 'figure', 'selection'] as const;
export type DeviceKind = (typeof DEVICE_KINDS)[number];

export interface DeviceCategory {
  id: Id;
  name: string;
  /** One or two sentences, our words. */
  description: string;
}

export interface Device {
  id: Id;
  name: string;
  category: Id;
  kind: DeviceKind;
  /** Definition in our own words. */
  definition: string;
  /** The 1937 Institute for Propaganda Analysis name(s) this corresponds to, if any. */
  ipa?: string[];
  /** Other names a student may meet (e.g. "bandwagon"). */
  aliases?: string[];
  /** Reference ids (see `Lesson.references`) the definition rests on. */
  sources: Id[];
}

export interface GlossaryEntry {
  id: Id;
  term: string;
  /** The forms of the term to mark in the text (exact, case-sensitive); defaults to [term]. */
  matches: string[];
  definition: Html;
  sources: Id[];
}

/** A place where the lesson's text differs from the source as received. */
export interface EditorsNote {
  /** 1-based number shown to the student. */
  number: number;
  id: Id;
  /** What the source file says (exact). */
  source: string;
  /** What the lesson shows instead (may be empty for a deletion). */
  lesson: string;
  why: string;
  /** Where the lesson text carries the note's marker (null for notes on heading/appendix). */
  span: TextSpan | null;
}

/** History or context beside the text: what happened, with sources. */
export interface HistoryNote {
  id: Id;
  title: string;
  body: Html;
  /** The segment it is shown beside. */
  segment: Id;
  /** Optional anchor in that segment's text. */
  span?: TextSpan;
  sources: Id[];
}

export interface Segment {
  id: Id;
  /** 1-based position in the talk. */
  number: number;
  title: string;
  /** One line telling the student what this part of the talk does. */
  orientation: string;
  /** Optional context paragraph(s) shown before the text. */
  context?: Html;
  /** The talk's text, paragraph by paragraph, exactly as the lesson shows it. */
  paragraphs: string[];
  /** How many words the paragraphs hold (core/words), set by the build so that the saved state
   * can be read before the paragraphs are loaded (src/model/pages.ts). */
  wordCount?: number;
}

export const QUESTION_TYPES = ['single', 'multiple', 'match', 'highlight', 'reflection'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

/** Where a question is shown: a segment id, or one of the lesson's special pages. */
export const SPECIAL_PAGES = ['intro', 'pre', 'post', 'synthesis', 'results'] as const;
export type SpecialPage = (typeof SPECIAL_PAGES)[number];
export type PageId = Id; // a segment id or a SpecialPage

export interface QuestionBase {
  /** Readable and stable: the instructor sees it as the question's name in Moodle's report. */
  id: Id;
  type: QuestionType;
  /** Segment id, or 'pre' / 'post' / 'synthesis'. */
  page: PageId;
  prompt: Html;
  /** How many checks the student gets; after the last one the answer is shown and locked. */
  tries: number;
  /** Relative weight in the score (0 for unscored questions). */
  weight: number;
  /** Whether the question counts towards the score (reflections and pre/post never do). */
  scored: boolean;
  /** Devices the question is about: drives mastery per category. */
  devices: Id[];
  /** Explanation shown after the final check, quoting the text. */
  explanation: Html;
  /** For pre/post items: the passage the student reads (resolved into the talk's text). */
  passage?: TextSpan;
  /** Short description for SCORM 2004 `description` (≤250 chars, no newline). */
  summary: string;
}

export interface ChoiceOption {
  /** A single character a-z: SCORM 1.2 choice responses accept nothing longer. */
  id: string;
  text: Html;
  correct: boolean;
  /** Why this option is right or wrong, in the text's own words. */
  feedback: Html;
  /** Pre/post items: this option says the passage uses no persuasion technique, so the check can
   * measure discrimination (d′), not mere scepticism. */
  neutral?: boolean;
}

export interface SingleChoiceQuestion extends QuestionBase {
  type: 'single';
  options: ChoiceOption[];
}

/** Select all that apply. Scored per option (partial credit). */
export interface MultipleChoiceQuestion extends QuestionBase {
  type: 'multiple';
  options: ChoiceOption[];
}

export interface MatchPair {
  /** A single character 1-9 (SCORM 1.2 matching source). */
  id: string;
  quote: TextSpan;
  /** The device this quotation is the key for. */
  device: Id;
  feedback: Html;
}

/** Quotations matched to devices; operable with select lists. Scored per pair. */
export interface MatchQuestion extends QuestionBase {
  type: 'match';
  pairs: MatchPair[];
  /** The devices offered (the keys plus distractors), in display order. Letters a-z are assigned by
   * position for SCORM. */
  choices: Id[];
}

/** The student marks the words that carry a device; graded by word-overlap F1 against the key. */
export interface HighlightQuestion extends QuestionBase {
  type: 'highlight';
  /** The device whose words are to be marked. */
  device: Id;
  /** The key spans, all within `page`'s segment. */
  key: TextSpan[];
  /** The key as word indices (core/words), set by the build: scoring and the saved state use it
   * when the segment's paragraphs are not loaded yet. */
  keyWords?: number[];
  /** F1 at or above which the answer counts as correct (0..1). */
  threshold: number;
  /** Feedback for a correct / partly right / wrong answer. */
  feedback: { correct: Html; partial: Html; wrong: Html };
}

export interface ReflectionQuestion extends QuestionBase {
  type: 'reflection';
  /** Criteria the instructor grades by, shown to the student. */
  rubric: string[];
  /** Optional guiding steps (e.g. Jowett & O'Donnell's) shown above the text area. */
  steps?: string[];
  minLength: number;
  /** Hard limit; chosen so the worst-case state fits SCORM 1.2 suspend_data. */
  maxLength: number;
  /** A model answer for the teacher's guide only; stripped from student packages. */
  modelAnswer?: Html;
}

export type Question =
  | SingleChoiceQuestion
  | MultipleChoiceQuestion
  | MatchQuestion
  | HighlightQuestion
  | ReflectionQuestion;

export interface Lesson {
  modelVersion: typeof LESSON_MODEL_VERSION;
  /** Authored schema version the lesson was written in. */
  schemaVersion: number;
  id: Id;
  /** The lesson's own version (bumped by the author); the state codec binds saved state to it. */
  version: string;
  title: string;
  /** One sentence, used as the manifest description. */
  description: string;
  /** BCP 47 tag, e.g. "en". */
  language: string;
  estimatedMinutes: number;
  /** 0-100. The LMS's mastery score, when it sends one, overrides it. */
  passingScore: number;
  source: SourceCitation;
  contentNote: Html;
  introduction: Html;
  /** The source's own heading lines (title, date line), shown above the text. */
  heading: string[];
  segments: Segment[];
  /** Text that came with the source but is not part of it (e.g. a translator's note). */
  appendix?: { title: string; note: string; paragraphs: string[] };
  editorsNotes: EditorsNote[];
  glossary: GlossaryEntry[];
  categories: DeviceCategory[];
  devices: Device[];
  history: HistoryNote[];
  questions: Question[];
  references: Reference[];
  /** Learning objectives (shown in the introduction and the teacher's guide). */
  objectives: string[];
  /** Teacher-only material: written to the teacher's guide, stripped from student packages. */
  teacher?: TeacherMaterial;
  /** Set in a package's outline: each page's content script (src/model/pages.ts). */
  pageFiles?: Record<PageId, string>;
  /** Pages whose content has been merged into this outline. */
  pagesLoaded?: PageId[];
}

export interface TeacherMaterial {
  /** Discussion prompts for class, in Markdown. */
  discussion: Html[];
  /** Anything else the instructor should know (how to teach it, pitfalls), in Markdown. */
  notes?: Html;
}

/** The order of pages a student walks through. Pure: derived from the lesson. */
export function pageOrder(lesson: Pick<Lesson, 'segments' | 'questions'>): PageId[] {
  const has = (page: string) => lesson.questions.some((q) => q.page === page);
  return [
    'intro',
    ...(has('pre') ? ['pre'] : []),
    ...lesson.segments.map((s) => s.id),
    ...(has('post') ? ['post'] : []),
    ...(has('synthesis') ? ['synthesis'] : []),
    'results',
  ];
}
