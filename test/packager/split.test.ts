// @vitest-environment node
/**
 * A package's lesson comes page by page (src/model/pages.ts): lesson.js holds the outline, each
 * page's script its content. Specified here on the real heroes-1988 lesson: merging every page back
 * gives the lesson the student would have had whole; the outline alone is enough for everything
 * the core does for pages not loaded (progress, scoring keys, the saved state); each page carries
 * what it shows and no more; the scripts register what the app reads.
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { DEFAULT_LESSON, prepareLesson } from '../../src/packager/build';
import { splitLesson } from '../../src/packager/split';
import { lessonScript, pageScript } from '../../src/packager/page';
import { studentCopy } from '../../src/model/student-copy';
import { PAGES_GLOBAL, isPageContent, pagesMissing, withPage } from '../../src/model/pages';
import type { Lesson, Question } from '../../src/model/lesson';
import { decodeState, encodeState } from '../../src/core/codec';
import { checkAnswer, goTo, initialState } from '../../src/core/state';
import { checkScores, mastery, progress } from '../../src/core/progress';
import { highlightKey } from '../../src/core/scoring';
import { segmentWords } from '../../src/core/words';
import type { Response } from '../../src/core/types';

const root = join(__dirname, '..', '..');
const whole = studentCopy(prepareLesson(join(root, 'lessons', DEFAULT_LESSON), root).lesson!);
const { outline, pages } = splitLesson(whole);
const merged = pages.reduce(withPage, outline);

/** A response the student could give to `q`, right or wrong, from the whole lesson's key. */
function someResponse(q: Question, lesson: Lesson, right: boolean): Response {
  switch (q.type) {
    case 'single':
      return { type: 'single', choice: q.options.find((o) => o.correct === right)!.id };
    case 'multiple':
      return { type: 'multiple', choices: q.options.filter((o) => o.correct === right).map((o) => o.id) };
    case 'match':
      return { type: 'match', pairs: Object.fromEntries(q.pairs.map((p, i) => [p.id, right ? p.device : q.choices[(q.choices.indexOf(p.device) + 1 + i) % q.choices.length]!])) };
    case 'highlight': {
      const key = highlightKey(q, segmentWords(lesson.segments.find((s) => s.id === q.page)!));
      return { type: 'highlight', words: right ? key : key.slice(0, 1) };
    }
    case 'reflection':
      return { type: 'reflection', text: 'A reflection long enough to be accepted by the question, naming the words "heroes" and "the Party".'.padEnd(q.minLength, '.') };
  }
}

/** Every question answered once, on its page, half of them right. */
function session(lesson: Lesson): ReturnType<typeof initialState> {
  let state = initialState(lesson);
  whole.questions.forEach((q, i) => {
    state = goTo(lesson, state, q.page);
    state = checkAnswer(lesson, state, q.id, someResponse(q, whole, i % 2 === 0), { now: 1_700_000_000_000 + i * 60_000, latency: 30 });
  });
  return state;
}

describe('a lesson split into an outline and pages', () => {
  it('gives back the lesson the student would have had whole once every page is merged', () => {
    expect(merged.questions).toEqual(whole.questions);
    expect(merged.segments).toEqual(whole.segments);
    expect(merged.history).toEqual(expect.arrayContaining(whole.history));
    expect(merged.history).toHaveLength(whole.history.length);
    expect(merged.editorsNotes).toEqual(whole.editorsNotes);
    expect(new Set(merged.glossary.map((g) => g.id))).toEqual(new Set(whole.glossary.map((g) => g.id)));
    for (const key of ['introduction', 'contentNote', 'objectives', 'heading', 'appendix', 'source', 'title'] as const) expect(merged[key]).toEqual(whole[key]);
    // Every reference a note or glossary entry cites is there to be shown.
    const cited = new Set([...whole.history, ...whole.glossary].flatMap((x) => x.sources));
    expect(new Set(merged.references.map((r) => r.id))).toEqual(cited);
  });

  it('keeps in the outline only what every page needs: no prose of any page', () => {
    const text = JSON.stringify(outline);
    for (const q of whole.questions) if (q.explanation) expect(text).not.toContain(q.explanation);
    for (const s of whole.segments) for (const p of s.paragraphs) expect(text).not.toContain(p);
    expect(text).not.toContain(whole.introduction);
    expect(outline.history).toEqual([]);
    expect(outline.glossary).toEqual([]);
    expect(outline.pageFiles).toEqual(Object.fromEntries(pages.map((p) => [p.page, `pages/${p.page}.js`])));
    expect(JSON.stringify(outline).length).toBeLessThan(JSON.stringify(whole).length / 5);
  });

  it('puts on each page what that page shows', () => {
    for (const page of pages) {
      expect(page.questions.every((q) => q.page === page.page)).toBe(true);
      expect(page.history.every((h) => h.segment === page.page)).toBe(true);
      if (page.segment) {
        const text = page.segment.paragraphs.join('\n');
        for (const g of page.glossary) expect(g.matches.concat(g.term).some((m) => text.includes(m)) || page.page === whole.segments.at(-1)!.id).toBe(true);
      }
    }
    expect(pages.find((p) => p.page === 'intro')!.lesson!.introduction).toBe(whole.introduction);
    expect(pages.find((p) => p.page === whole.segments[0]!.id)!.lesson!.heading).toEqual(whole.heading);
  });

  it('lets the core score, save and resume from the outline alone, as from the whole lesson', () => {
    const onWhole = session(whole);
    const onOutline = session(outline);
    expect(onOutline.answers).toEqual(onWhole.answers);
    expect(progress(outline, onOutline, 70)).toEqual(progress(whole, onWhole, 70));
    expect(mastery(outline, onOutline)).toEqual(mastery(whole, onWhole));
    expect(checkScores(outline, onOutline)).toEqual(checkScores(whole, onWhole));
    const saved = encodeState(whole, onWhole);
    expect(encodeState(outline, onOutline)).toBe(saved);
    expect(decodeState(outline, saved)).toEqual(decodeState(whole, saved));
    expect(decodeState(merged, saved).state.answers).toEqual(decodeState(whole, saved).state.answers);
  });

  it('asks for the pages a page needs: itself, or every page for the results', () => {
    expect(pagesMissing(outline, 's01_occasion')).toEqual(['s01_occasion']);
    expect(pagesMissing(withPage(outline, pages[1]!), pages[1]!.page)).toEqual([]);
    expect(pagesMissing(outline, 'results')).toEqual(pages.map((p) => p.page));
    expect(pagesMissing(whole, 'results')).toEqual([]);
    const once = withPage(outline, pages[0]!);
    expect(withPage(once, pages[0]!)).toBe(once);
  });

  it('writes scripts that register the outline and each page where the app reads them', () => {
    const sandbox: { window: Record<string, unknown> } = { window: {} };
    runInNewContext(lessonScript(outline), sandbox);
    for (const page of pages) runInNewContext(pageScript(page), sandbox);
    expect(sandbox.window.PropagandaReaderLesson).toEqual(outline);
    const registered = sandbox.window[PAGES_GLOBAL] as Record<string, unknown>;
    for (const page of pages) {
      expect(isPageContent(registered[page.page], page.page)).toBe(true);
      expect(registered[page.page]).toEqual(JSON.parse(JSON.stringify(page)));
    }
    expect(isPageContent(registered[pages[0]!.page], 'another')).toBe(false);
    expect(isPageContent({ page: 'x', questions: 'no' }, 'x')).toBe(false);
    expect(isPageContent(null, 'x')).toBe(false);
  });
});
