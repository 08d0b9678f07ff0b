/**
 * What the e2e tests know about the lesson under test, taken from the package itself
 * (window.PropagandaReaderLesson, written by lesson.js): the page order, the questions and their
 * right (and some wrong) answers, computed with the core's own functions so the tests and the
 * module agree on word indices.
 *
 * Also the "fast path" used where a test is about something other than the controls (layout, axe,
 * the LMS round trip): the same `pr-answer-check` / `pr-page-change` events the components emit,
 * dispatched on <pr-reader>, so the app, the core and the tracker run exactly as after a click.
 */
import { expect } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { pageOrder, type Lesson, type PageId, type Question } from '../../src/model/lesson.js';
import type { LessonState, Progress, Response } from '../../src/core/types.js';
import { segmentWords } from '../../src/core/words.js';
import { highlightKey } from '../../src/core/scoring.js';
import { withPage, type PageContent } from '../../src/model/pages.js';
import { pageHeading } from '../../src/components/shared/lookup.js';
import { TIMEOUT } from './browser.js';

/** A page or a frame (the package inside the preview host's iframe). */
export type Target = Page | Frame;

export async function readLesson(target: Target): Promise<Lesson> {
  const outline = await target.evaluate(() => (window as unknown as { PropagandaReaderLesson?: Lesson }).PropagandaReaderLesson ?? null);
  if (!outline) throw new Error('window.PropagandaReaderLesson is missing: lesson.js did not run');
  // The package's lesson.js holds the outline; the tests want every page's content too (the
  // answer keys as text spans, the prompts), so they load each page's script the way the app does.
  const files = Object.values(outline.pageFiles ?? {});
  const registered = await target.evaluate(async (srcs) => {
    await Promise.all(
      srcs.map(
        (src) =>
          new Promise((resolve, reject) => {
            const script = document.createElement('script');
            script.src = src;
            script.onload = resolve;
            script.onerror = () => reject(new Error(`${src} did not load`));
            document.head.append(script);
          }),
      ),
    );
    return (window as unknown as Record<string, unknown>).PropagandaReaderPages as Record<string, PageContent> | undefined;
  }, files);
  return Object.values(registered ?? {}).reduce(withPage, outline);
}

/** Wait until the app has started and shows a page. */
export async function ready(target: Target): Promise<void> {
  await target.waitForFunction(() => !!(window as unknown as { PropagandaReaderApp?: unknown }).PropagandaReaderApp, null, { timeout: TIMEOUT.load });
  await target.locator('[data-testid="page-heading"]').first().waitFor({ timeout: TIMEOUT.load });
}

export function pages(lesson: Lesson): PageId[] {
  return pageOrder(lesson);
}

export function questionsOn(lesson: Lesson, page: PageId): Question[] {
  return lesson.questions.filter((q) => q.page === page);
}

export function headingOf(lesson: Lesson, page: PageId): string {
  return pageHeading(lesson, page);
}

/** The word indices of a highlight question's key (the core's tokenizer and key function). */
export function keyWords(lesson: Lesson, q: Question): number[] {
  if (q.type !== 'highlight') throw new Error(`${q.id} is not a highlight question`);
  const segment = lesson.segments.find((s) => s.id === q.page);
  if (!segment) throw new Error(`${q.id}: no segment ${q.page}`);
  return highlightKey(q, segmentWords(segment));
}

export function wordCount(lesson: Lesson, segmentId: string): number {
  const segment = lesson.segments.find((s) => s.id === segmentId);
  return segment ? segmentWords(segment).length : 0;
}

/** A reflection of plain ASCII, at least the question's minimum and at most its maximum (for
 * ASCII the cost the limit counts is the length). */
export function reflectionText(q: Question, length = 100): string {
  if (q.type !== 'reflection') throw new Error(`${q.id} is not a reflection`);
  const want = Math.min(q.maxLength, Math.max(q.minLength + 20, length));
  const sentence = 'The speaker repeats the call to live like heroes and never names what the campaign costs. ';
  return sentence.repeat(Math.ceil(want / sentence.length)).slice(0, want);
}

export function correctResponse(lesson: Lesson, q: Question): Response {
  switch (q.type) {
    case 'single':
      return { type: 'single', choice: q.options.find((o) => o.correct)!.id };
    case 'multiple':
      return { type: 'multiple', choices: q.options.filter((o) => o.correct).map((o) => o.id) };
    case 'match':
      return { type: 'match', pairs: Object.fromEntries(q.pairs.map((p) => [p.id, p.device])) };
    case 'highlight':
      return { type: 'highlight', words: keyWords(lesson, q) };
    case 'reflection':
      return { type: 'reflection', text: reflectionText(q) };
  }
}

/** A response the core scores below right (wrong or partly right); null for reflections. */
export function wrongResponse(lesson: Lesson, q: Question): Response | null {
  switch (q.type) {
    case 'single':
      return { type: 'single', choice: q.options.find((o) => !o.correct)!.id };
    case 'multiple': {
      // Every option ticked: right for the correct ones, wrong for at least one distractor.
      return { type: 'multiple', choices: q.options.map((o) => o.id) };
    }
    case 'match': {
      // Every quotation given the same device: right for at most one pair.
      const first = q.choices[0]!;
      return { type: 'match', pairs: Object.fromEntries(q.pairs.map((p) => [p.id, first])) };
    }
    case 'highlight': {
      const key = new Set(keyWords(lesson, q));
      const outside = Array.from({ length: wordCount(lesson, q.page) }, (_, i) => i).find((i) => !key.has(i))!;
      return { type: 'highlight', words: [outside] };
    }
    case 'reflection':
      return null;
  }
}

interface AppGlobal {
  state: LessonState;
  progress: Progress;
  session: { entry: string; mode: string; lms: string; masteryScore: number | null };
}

export async function appState(target: Target): Promise<LessonState> {
  return target.evaluate(() => (window as unknown as { PropagandaReaderApp: AppGlobal }).PropagandaReaderApp.state);
}

export async function appProgress(target: Target): Promise<Progress> {
  return target.evaluate(() => (window as unknown as { PropagandaReaderApp: AppGlobal }).PropagandaReaderApp.progress);
}

export async function appSession(target: Target): Promise<AppGlobal['session']> {
  return target.evaluate(() => (window as unknown as { PropagandaReaderApp: AppGlobal }).PropagandaReaderApp.session);
}

/** The heading the page shows now. */
export async function shownHeading(target: Target): Promise<string> {
  return ((await target.locator('[data-testid="page-heading"]').first().textContent({ timeout: TIMEOUT.action })) ?? '').trim();
}

/** Go to a page the way the table of contents does (the app applies it through the core). */
export async function goTo(target: Target, lesson: Lesson, page: PageId): Promise<void> {
  await target.evaluate((p) => {
    const reader = document.querySelector('pr-reader')!;
    reader.dispatchEvent(new CustomEvent('pr-page-change', { detail: { page: p }, bubbles: true, composed: true }));
  }, page);
  await expect.poll(() => shownHeading(target), { timeout: TIMEOUT.action }).toBe(headingOf(lesson, page));
}

/**
 * Check a response the way a question element does (the app applies it through the core and
 * reports it to the LMS), then wait until the question on the page (if shown) has re-rendered.
 */
export async function check(target: Target, questionId: string, response: Response): Promise<void> {
  // The app applies the event synchronously (core, then tracker): the attempt count tells at once.
  const { before, after } = await target.evaluate(
    async ({ id, r }) => {
      const app = (window as unknown as { PropagandaReaderApp: AppGlobal }).PropagandaReaderApp;
      const attempts = () => app.state.answers[id]?.attempts ?? 0;
      const was = attempts();
      type Lit = Element & { updateComplete?: Promise<unknown> };
      const reader = document.querySelector('pr-reader') as Lit;
      reader.dispatchEvent(new CustomEvent('pr-answer-check', { detail: { questionId: id, response: r }, bubbles: true, composed: true }));
      const now = attempts();
      // Let the reader, the page and the question render the new answer.
      await reader.updateComplete;
      const page = reader.shadowRoot?.querySelector('[data-testid="page"]') as Lit | null;
      await page?.updateComplete;
      await (page?.shadowRoot?.querySelector(`#q-${id}`) as Lit | null)?.updateComplete;
      return { before: was, after: now };
    },
    { id: questionId, r: response },
  );
  expect(after, `the app took the check of ${questionId}`).toBe(before + 1);
  const shown = target.locator(`[data-question-id="${questionId}"]`);
  if ((await shown.count()) > 0) await shown.locator('[data-testid="result"]').waitFor({ timeout: TIMEOUT.action });
}

/** The words a highlight question shows as marked (its element's working response). */
export function markedWords(target: Target, questionId: string): Promise<number[]> {
  return target.locator(`#q-${questionId}`).evaluate((el) => [...(el as unknown as { markedWords: number[] }).markedWords], undefined, { timeout: TIMEOUT.action });
}

/** Answer every question of a page rightly (fast path). */
export async function answerPage(target: Target, lesson: Lesson, page: PageId): Promise<void> {
  for (const q of questionsOn(lesson, page)) await check(target, q.id, correctResponse(lesson, q));
}
