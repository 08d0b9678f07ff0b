/**
 * Small read-only look-ups into a compiled lesson, shared by the elements. Display only: no
 * scoring and no tokenizing here (those are the core's).
 */
import type { Device, Id, Lesson, PageId, Question, Segment } from '../../model/lesson.js';
import { strings } from '../../ui/strings.js';

export function segmentById(lesson: Lesson, id: Id): Segment | undefined {
  return lesson.segments.find((s) => s.id === id);
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

export function questionsOn(lesson: Lesson, page: PageId): Question[] {
  return lesson.questions.filter((q) => q.page === page);
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
