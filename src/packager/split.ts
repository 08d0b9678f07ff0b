/**
 * Splitting a compiled lesson into the outline lesson.js carries and one content script per page
 * (the why is in src/model/pages.ts). The outline keeps every field the core reads for pages not
 * yet loaded: ids, page order, tries, weights, devices, option ids with their `correct` and
 * `neutral` flags, match pairs' devices, the highlight keys as word indices, segment word counts.
 * Everything a student reads moves to the page that shows it. `withPage` over every page gives
 * back the lesson (test/packager/split.test.ts holds the build to that).
 */
import type { Device, Lesson, PageId, Question, Segment, TextSpan } from '../model/lesson.js';
import { pageOrder } from '../model/lesson.js';
import { PAGES_DIR, type PageContent } from '../model/pages.js';
import { isNeutralOption } from '../core/progress.js';
import { highlightKey } from '../core/scoring.js';
import { segmentWords } from '../core/words.js';

export interface SplitLesson {
  outline: Lesson;
  pages: PageContent[];
}

/** The package path of a page's script. Page ids are validated identifiers. */
export const pageScriptPath = (page: PageId) => `${PAGES_DIR}/${page}.js`;

const NO_SPAN: TextSpan = { segment: '', paragraph: 0, start: 0, end: 0, exact: '' };

/** A question with what the student reads emptied, its scoring keys kept. */
function outlineQuestion(q: Question, segments: ReadonlyMap<string, Segment>): Question {
  const read = { prompt: '', explanation: '', summary: '', passage: undefined };
  switch (q.type) {
    case 'single':
    case 'multiple':
      return {
        ...q,
        ...read,
        options: q.options.map((o) => ({ id: o.id, text: '', correct: o.correct, feedback: '', ...(isNeutralOption(o) ? { neutral: true } : {}) })),
      };
    case 'match':
      return { ...q, ...read, pairs: q.pairs.map((p) => ({ id: p.id, quote: NO_SPAN, device: p.device, feedback: '' })) };
    case 'highlight': {
      const segment = segments.get(q.page);
      const keyWords = q.keyWords ?? (segment ? highlightKey(q, segmentWords(segment)) : []);
      return { ...q, ...read, key: [], keyWords, feedback: { correct: '', partial: '', wrong: '' } };
    }
    case 'reflection':
      return { ...q, ...read, rubric: [], steps: undefined, modelAnswer: undefined };
  }
}

/** Glossary entries any of whose forms occur in the text (a superset of what the segment page
 * marks, so the page never lacks one). */
function glossaryIn(lesson: Lesson, text: string) {
  return lesson.glossary.filter((g) => (g.matches.length ? g.matches : [g.term]).some((form) => text.includes(form)));
}

function outlineDevice(d: Device): Device {
  // The reader shows device names only; definitions are for the teacher's guide.
  return { id: d.id, name: d.name, category: d.category, kind: d.kind, definition: '', sources: [], ...(d.ipa ? { ipa: d.ipa } : {}) };
}

export function splitLesson(lesson: Lesson): SplitLesson {
  const segments = new Map(lesson.segments.map((s) => [s.id, s]));
  const pages: PageContent[] = [];
  const order = pageOrder(lesson).filter((p) => p !== 'results');
  const lastSegment = lesson.segments[lesson.segments.length - 1]?.id;
  const firstSegment = lesson.segments[0]?.id;
  for (const page of order) {
    const segment = segments.get(page);
    const questions = lesson.questions.filter((q) => q.page === page);
    const history = lesson.history.filter((h) => h.segment === page);
    // Notes on the heading or the appendix have no span: the first segment lists them.
    const editorsNotes = lesson.editorsNotes.filter((n) => (n.span ? n.span.segment === page : page === firstSegment));
    const text = [...(segment?.paragraphs ?? []), ...(page === lastSegment && lesson.appendix ? lesson.appendix.paragraphs : [])].join('\n');
    const glossary = segment ? glossaryIn(lesson, text) : [];
    const cited = new Set([...history.flatMap((h) => h.sources), ...glossary.flatMap((g) => g.sources)]);
    const content: PageContent = {
      page,
      ...(segment ? { segment } : {}),
      questions,
      history,
      editorsNotes,
      glossary,
      references: lesson.references.filter((r) => cited.has(r.id)),
    };
    const texts: PageContent['lesson'] = {};
    if (page === 'intro') Object.assign(texts, { introduction: lesson.introduction, contentNote: lesson.contentNote, objectives: lesson.objectives });
    if (page === firstSegment) texts.heading = lesson.heading;
    if (page === lastSegment && lesson.appendix) texts.appendix = lesson.appendix;
    if (Object.keys(texts).length) content.lesson = texts;
    pages.push(content);
  }

  const outline: Lesson = {
    ...lesson,
    introduction: '',
    contentNote: '',
    objectives: [],
    heading: [],
    appendix: undefined,
    segments: lesson.segments.map((s) => ({ id: s.id, number: s.number, title: s.title, orientation: '', paragraphs: [], wordCount: segmentWords(s).length })),
    // The reader names categories (results, device map); their descriptions are the guide's.
    categories: lesson.categories.map((c) => ({ ...c, description: '' })),
    editorsNotes: [],
    glossary: [],
    history: [],
    references: [],
    devices: lesson.devices.map(outlineDevice),
    questions: lesson.questions.map((q) => outlineQuestion(q, segments)),
    teacher: undefined,
    pageFiles: Object.fromEntries(pages.map((p) => [p.page, pageScriptPath(p.page)])),
    pagesLoaded: [],
  };
  return { outline: JSON.parse(JSON.stringify(outline)) as Lesson, pages };
}
