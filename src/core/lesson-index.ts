/**
 * Lookups into a lesson that the reducer, the progress functions and the codec all need, computed
 * once per lesson object (lessons are immutable data).
 */
import { pageOrder, type Id, type Lesson, type PageId, type Question, type Segment } from '../model/lesson.js';
import { segmentWords, type Word } from './words.js';

export interface LessonIndex {
  pages: PageId[];
  questions: Map<Id, Question>;
  /** Questions per page, in lesson order. */
  byPage: Map<PageId, Question[]>;
  segments: Map<Id, Segment>;
}

const cache = new WeakMap<Lesson, LessonIndex>();

export function lessonIndex(lesson: Lesson): LessonIndex {
  const cached = cache.get(lesson);
  if (cached) return cached;
  const byPage = new Map<PageId, Question[]>();
  for (const q of lesson.questions) byPage.set(q.page, [...(byPage.get(q.page) ?? []), q]);
  const index: LessonIndex = {
    pages: pageOrder(lesson),
    questions: new Map(lesson.questions.map((q) => [q.id, q])),
    byPage,
    segments: new Map(lesson.segments.map((s) => [s.id, s])),
  };
  cache.set(lesson, index);
  return index;
}

/** The words a highlight question is marked in (its page's segment), or undefined for other types
 * and for a question whose page is not a segment. While the segment's paragraphs are not loaded
 * (src/model/pages.ts) the words are placeholders with only their positions: enough to count
 * them and to score against the build's `keyWords`, which is all the saved state needs. */
export function questionWords(lesson: Lesson, question: Question): Word[] | undefined {
  if (question.type !== 'highlight') return undefined;
  const segment = lessonIndex(lesson).segments.get(question.page);
  if (!segment) return undefined;
  if (segment.paragraphs.length === 0 && segment.wordCount !== undefined) return placeholderWords(segment.wordCount);
  return segmentWords(segment);
}

function placeholderWords(count: number): Word[] {
  return Array.from({ length: count }, (_, index) => ({ index, paragraph: -1, start: 0, end: 0, text: '' }));
}
