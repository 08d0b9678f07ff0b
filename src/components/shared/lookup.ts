/**
 * Small read-only look-ups into a compiled lesson, shared by the elements. Display only: no
 * scoring and no tokenizing here (those are the core's).
 */
import type { Device, Id, Lesson, PageId, Question, Segment } from '../../model/lesson.js';
import { lessonIndex } from '../../core/lesson-index.js';
import { strings } from '../../ui/strings.js';

/** The core's index of the lesson (cached per lesson object): a lesson of hundreds of pages is
 * looked up on every render of the contents and the pager, so no look-up here scans a list. */
export function segmentById(lesson: Lesson, id: Id): Segment | undefined {
  return lessonIndex(lesson).segments.get(id);
}

/** The lesson's pages in reading order (the core's pageOrder, computed once per lesson). */
export function pagesOf(lesson: Lesson): readonly PageId[] {
  return lessonIndex(lesson).pages;
}

const positions = new WeakMap<readonly PageId[], ReadonlyMap<PageId, number>>();

/** Where `page` stands in the reading order (0-based), or -1 when the lesson has no such page. */
export function pagePosition(lesson: Lesson, page: PageId): number {
  const pages = pagesOf(lesson);
  let at = positions.get(pages);
  if (!at) {
    at = new Map(pages.map((p, i) => [p, i]));
    positions.set(pages, at);
  }
  return at.get(page) ?? -1;
}

export function deviceById(lesson: Lesson, id: Id): Device | undefined {
  return lesson.devices.find((d) => d.id === id);
}

/** A device's display name; falls back to its id so a bad reference never blanks the page. */
export function deviceName(lesson: Lesson, id: Id): string {
  return deviceById(lesson, id)?.name ?? id;
}

export function categoryName(lesson: Lesson, id: Id): string {
  return lesson.categories.find((c) => c.id === id)?.name ?? id;
}

/** The page's questions in lesson order. */
export function questionsOn(lesson: Lesson, page: PageId): readonly Question[] {
  return lessonIndex(lesson).byPage.get(page) ?? [];
}

export function citation(lesson: Lesson, referenceId: Id): string {
  return lesson.references.find((r) => r.id === referenceId)?.citation ?? referenceId;
}

/** The page's name in the table of contents. */
export function pageTitle(lesson: Lesson, page: PageId): string {
  switch (page) {
    case 'intro':
    case 'pre':
    case 'post':
    case 'synthesis':
    case 'results':
      return strings.pages[page];
    default: {
      const s = segmentById(lesson, page);
      return s ? strings.pages.segment(s.number, s.title) : page;
    }
  }
}

/** The page's main heading (h2). */
export function pageHeading(lesson: Lesson, page: PageId): string {
  const s = segmentById(lesson, page);
  return s ? strings.pages.segmentHeading(s.number, s.title) : pageTitle(lesson, page);
}
