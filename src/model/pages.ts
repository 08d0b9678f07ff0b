/**
 * A lesson delivered page by page. A package's lesson.js holds only the lesson's outline: every
 * id, the page order, the titles and the scoring keys (what the state, the progress, the score
 * and the saved state need for every page at once). What a student reads on one page (the talk's
 * paragraphs, the prompts, options and feedback, history notes, glossary, references) is in that
 * page's own script, loaded when the page is first opened. A phone in a school network then
 * downloads a few kilobytes to start instead of the whole lesson.
 *
 * The packager splits (src/packager/split.ts); the app merges what arrives with `withPage`.
 * A lesson without `pageFiles` is whole (tests, the teacher's guide, the preview's fixtures).
 */
import type { EditorsNote, GlossaryEntry, HistoryNote, Id, Lesson, PageId, Question, Reference, Segment } from './lesson.js';

/** The global each page script registers its content on: `window[PAGES_GLOBAL][pageId]`. */
export const PAGES_GLOBAL = 'PropagandaReaderPages';

/** The folder of the page scripts, inside the package. */
export const PAGES_DIR = 'pages';

/** Everything one page shows that the outline leaves out. */
export interface PageContent {
  page: PageId;
  /** The whole segment (a segment page). */
  segment?: Segment;
  /** The page's questions, whole. */
  questions: Question[];
  history: HistoryNote[];
  editorsNotes: EditorsNote[];
  /** The glossary entries the page's text uses. */
  glossary: GlossaryEntry[];
  /** The references the page cites (history notes, glossary). */
  references: Reference[];
  /** The introduction page's texts, and the talk's heading (first segment) and appendix (last). */
  lesson?: Partial<Pick<Lesson, 'introduction' | 'contentNote' | 'objectives' | 'heading' | 'appendix'>>;
}

/** Where a page's script is, relative to index.html; undefined when the lesson is whole. */
export function pageFile(lesson: Lesson, page: PageId): string | undefined {
  return lesson.pageFiles?.[page];
}

/** Pages whose content has not been merged in yet. The results page shows the whole lesson (the
 * device map runs over every segment), so it needs every page. */
export function pagesMissing(lesson: Lesson, page: PageId): PageId[] {
  const files = lesson.pageFiles;
  if (!files) return [];
  const loaded = new Set(lesson.pagesLoaded ?? []);
  const wanted = page === 'results' ? Object.keys(files) : [page];
  return wanted.filter((p) => files[p] !== undefined && !loaded.has(p));
}

function byIdMerge<T extends { id: Id }>(have: readonly T[], add: readonly T[]): T[] {
  if (add.length === 0) return have as T[];
  const seen = new Set(have.map((x) => x.id));
  return [...have, ...add.filter((x) => !seen.has(x.id))];
}

/** The lesson with one page's content merged in: a new object (lessons are immutable data, and
 * the core's lookups are cached per lesson object). Content for a page already merged is ignored. */
export function withPage(lesson: Lesson, content: PageContent): Lesson {
  const loaded = lesson.pagesLoaded ?? [];
  if (loaded.includes(content.page)) return lesson;
  const questions = new Map(content.questions.map((q) => [q.id, q]));
  const segment = content.segment;
  return {
    ...lesson,
    ...content.lesson,
    segments: segment ? lesson.segments.map((s) => (s.id === segment.id ? segment : s)) : lesson.segments,
    questions: questions.size ? lesson.questions.map((q) => questions.get(q.id) ?? q) : lesson.questions,
    history: byIdMerge(lesson.history, content.history),
    editorsNotes: byIdMerge(lesson.editorsNotes, content.editorsNotes).sort((a, b) => a.number - b.number),
    glossary: byIdMerge(lesson.glossary, content.glossary),
    references: byIdMerge(lesson.references, content.references),
    pagesLoaded: [...loaded, content.page],
  };
}

/** A page script's content, checked for the shape `withPage` relies on (a damaged or foreign file
 * must not break the lesson). */
export function isPageContent(value: unknown, page: PageId): value is PageContent {
  const c = value as Partial<PageContent> | null;
  return (
    typeof c === 'object' &&
    c !== null &&
    c.page === page &&
    Array.isArray(c.questions) &&
    Array.isArray(c.history) &&
    Array.isArray(c.editorsNotes) &&
    Array.isArray(c.glossary) &&
    Array.isArray(c.references) &&
    (c.segment === undefined || (typeof c.segment === 'object' && c.segment !== null && Array.isArray(c.segment.paragraphs)))
  );
}
