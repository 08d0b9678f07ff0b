/**
 * Keyboard only: a student who cannot use a mouse completes the whole heroes-1988 lesson in the
 * unpacked package (standalone, so the module brings its own LMS from local-lms.js), under the
 * strict CSP the preview server sends. Every question of every type is answered and checked with
 * Tab, Shift+Tab, Space, Enter, the arrow keys and typing; the results show the score, mastery
 * and the device map. Focus lands on the page heading after every navigation, and nothing traps
 * it. Any console error, uncaught exception, CSP violation or failed request fails the test.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { Lesson, PageId, Question } from '../../src/model/lesson.js';
import { strings } from '../../src/ui/strings.js';
import { describeProblems, focused, launch, noChromium, show, TEST_TIMEOUT_MS, TIMEOUT, watch, type Focused, type Problem } from './browser.js';
import { BUILD_TIMEOUT_MS, builtDist, LESSON_ID, serve, type Served } from './dist.js';
import { appSession, appState, correctResponse, headingOf, pages, questionsOn, readLesson, ready, shownHeading, wordCount, wrongResponse } from './lesson.js';
import { chooseSingle, enter, expectFocus, pressCheck, tabTo } from './keyboard.js';

describe.skipIf(noChromium)('keyboard only: the whole lesson in the unpacked package, with the local LMS', { timeout: TEST_TIMEOUT_MS }, () => {
  let served: Served;
  let browser: Browser;
  let page: Page;
  let problems: Problem[];
  let lesson: Lesson;
  /** Alternate Enter and Space on Check buttons: both must work. */
  let checks = 0;

  beforeAll(async () => {
    served = await serve(await builtDist());
    browser = await launch();
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    problems = await watch(context);
    page = await context.newPage();
    await page.goto(`${served.origin}/${LESSON_ID}/`, { timeout: TIMEOUT.load });
    await ready(page);
    lesson = await readLesson(page);
  }, BUILD_TIMEOUT_MS + 60_000);

  afterAll(async () => {
    await browser?.close();
    await served?.close();
  });

  afterEach(() => {
    expect(problems, `the page reported problems:\n${describeProblems(problems)}`).toEqual([]);
  });

  const resultOf = (q: Question) => page.locator(`[data-question-id="${q.id}"] [data-testid="result"]`).getAttribute('data-result', { timeout: TIMEOUT.action });

  /** Enter the right answer by keyboard, press Check, and see it judged right with focus on the feedback. */
  async function answerRightly(q: Question): Promise<void> {
    await enter(page, q, correctResponse(lesson, q), q.type === 'highlight' ? wordCount(lesson, q.page) : 0);
    await pressCheck(page, q, checks++ % 2 ? 'Space' : 'Enter');
    await expect.poll(() => resultOf(q), { timeout: TIMEOUT.action, message: `${q.id} after Check` }).toBe(q.type === 'reflection' ? 'submitted' : 'correct');
    // The Check button is gone once a question is finished: focus goes to its feedback.
    await expectFocus(page, (f) => f.question === q.id && f.testid === 'feedback', `the feedback of ${q.id}`);
  }

  /** Tab to Next, press Enter, and land on the next page's heading. */
  async function next(to: PageId): Promise<void> {
    await tabTo(page, (f) => f.testid === 'next', 'the Next button');
    await page.keyboard.press('Enter');
    await expectFocus(page, (f) => f.testid === 'page-heading', `the heading of ${to}`);
    expect(await shownHeading(page)).toBe(headingOf(lesson, to));
  }

  async function expectPageFinished(p: PageId): Promise<void> {
    const state = await appState(page);
    for (const q of questionsOn(lesson, p)) expect(state.answers[q.id]?.locked, `${q.id} finished`).toBe(true);
  }

  it('opens on the introduction, standalone on the local LMS; Start takes focus to the first check’s heading', async () => {
    const session = await appSession(page);
    expect(session).toMatchObject({ lms: 'local', entry: 'ab-initio', mode: 'normal' });
    expect(await shownHeading(page)).toBe(headingOf(lesson, 'intro'));
    // Opening the lesson does not steal focus (an LMS may have put it somewhere).
    expect((await focused(page))?.tag).toBe('body');
    await tabTo(page, (f) => f.testid === 'start', 'the Start button');
    await page.keyboard.press('Enter');
    const second = pages(lesson)[1]!;
    await expectFocus(page, (f) => f.testid === 'page-heading', `the heading of ${second}`);
    expect(await shownHeading(page)).toBe(headingOf(lesson, second));
  });

  it('answers the check before reading; a wrong first try is corrected by going back with Shift+Tab', async () => {
    const qs = questionsOn(lesson, 'pre');
    expect(qs.length).toBeGreaterThan(0);
    const [first, ...rest] = qs as [Question, ...Question[]];
    const wrong = wrongResponse(lesson, first)!;
    expect(wrong.type).toBe('single');
    await enter(page, first, wrong, 0);
    await pressCheck(page, first, 'Enter');
    await expect.poll(() => resultOf(first), { timeout: TIMEOUT.action }).toBe('wrong');
    // Tries are left: the Check button stays, and so does focus.
    await expectFocus(page, (f) => f.question === first.id && f.testid === 'check', `the Check button of ${first.id}`);
    const right = correctResponse(lesson, first);
    if (right.type !== 'single') throw new Error('unreachable');
    await chooseSingle(page, first, right.choice, { backward: true });
    await pressCheck(page, first, 'Space');
    await expect.poll(() => resultOf(first), { timeout: TIMEOUT.action }).toBe('correct');
    await expectFocus(page, (f) => f.question === first.id && f.testid === 'feedback', `the feedback of ${first.id}`);
    for (const q of rest) await answerRightly(q);
    await expectPageFinished('pre');
  });

  it('opens a glossary definition with Enter and closes it with Escape, focus back on the term', async () => {
    const segments = lesson.segments.map((s) => s.id);
    await next(segments[0]!);
    const terms = page.locator('[data-testid="glossary-button"]');
    expect(await terms.count(), 'the first part marks glossary terms').toBeGreaterThan(0);
    await tabTo(page, (f) => f.testid === 'glossary-button', 'a glossary term');
    await page.keyboard.press('Enter');
    const open = page.locator('pr-glossary-term[open]');
    await expect.poll(() => open.count(), { timeout: TIMEOUT.action }).toBe(1);
    expect(await open.locator('[data-testid="glossary-definition"]').isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => open.count(), { timeout: TIMEOUT.action }).toBe(0);
    await expectFocus(page, (f) => f.testid === 'glossary-button', 'the glossary term again');
  });

  it('answers every question of every part of the talk, each checked and judged right', async () => {
    const segments = lesson.segments.map((s) => s.id);
    for (const [i, seg] of segments.entries()) {
      if (i > 0) await next(seg);
      for (const q of questionsOn(lesson, seg)) await answerRightly(q);
      await expectPageFinished(seg);
    }
  }, 15 * 60_000);

  it('answers the check after reading and writes the closing reflection', async () => {
    for (const p of ['post', 'synthesis'] as const) {
      if (!pages(lesson).includes(p)) continue;
      await next(p);
      for (const q of questionsOn(lesson, p)) await answerRightly(q);
      await expectPageFinished(p);
    }
    await tabTo(page, (f) => f.testid === 'to-results', 'See your results');
    await page.keyboard.press('Enter');
    await expectFocus(page, (f) => f.testid === 'page-heading', 'the heading of the results');
    expect(await shownHeading(page)).toBe(headingOf(lesson, 'results'));
  }, 5 * 60_000);

  it('shows the results: the score against the passing score, mastery by category and the device map', async () => {
    const state = await appState(page);
    expect(Object.keys(state.answers).sort()).toEqual(lesson.questions.map((q) => q.id).sort());
    const session = await appSession(page);
    const passing = session.masteryScore ?? lesson.passingScore;
    await expect
      .poll(() => page.locator('[data-testid="score"]').innerText({ timeout: TIMEOUT.action }))
      .toContain(strings.results.scoreFinal(100, passing, true));
    const rows = page.locator('[data-testid="mastery-table"] tbody tr');
    expect(await rows.count()).toBeGreaterThan(0);
    for (const cell of await rows.locator('td:first-of-type').allInnerTexts()) expect(cell).toBe('100%');
    expect(await page.locator('[data-testid="mastery-svg"]').isVisible()).toBe(true);

    // The device map: passages marked, and the key works as a filter by keyboard.
    const map = page.locator('pr-device-map');
    const refs = map.locator('[data-testid="ref"]');
    expect(await refs.count()).toBeGreaterThan(0);
    const filter = await tabTo(page, (f) => f.type === 'checkbox' && (f.testid ?? '').startsWith('filter-'), 'the first device filter');
    const device = filter.testid!.slice('filter-'.length);
    const marks = map.locator(`mark[data-devices~="${device}"]`);
    expect(await marks.count()).toBeGreaterThan(0);
    await page.keyboard.press('Space');
    await expect.poll(() => marks.count(), { timeout: TIMEOUT.action }).toBe(0);
    await page.keyboard.press('Space');
    await expect.poll(() => marks.count(), { timeout: TIMEOUT.action }).toBeGreaterThan(0);

    // The local LMS kept the outcome where it keeps everything: localStorage.
    const stored = await page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? 'null'), `pr-local-lms:${LESSON_ID}:1.2`);
    expect(stored?.core?.lesson_status).toBe('passed');
    expect(Number(stored?.core?.score?.raw)).toBe(100);
  });

  it('has no focus trap: from a part’s heading Tab runs past every control to the end and round again', async () => {
    // Back to a part with a highlight grid and a text area, through the table of contents.
    const seg = lesson.segments.find((s) => {
      const types = new Set(questionsOn(lesson, s.id).map((q) => q.type));
      return types.has('highlight') && types.has('reflection');
    })!.id;
    await tabTo(page, (f) => f.testid === `toc-${seg}`, `the contents entry of ${seg}`, { backward: true });
    await page.keyboard.press('Enter');
    await expectFocus(page, (f) => f.testid === 'page-heading', `the heading of ${seg}`);
    expect(await shownHeading(page)).toBe(headingOf(lesson, seg));

    const stops: string[] = [];
    const visited: Focused[] = [];
    const seen = new Set<number>();
    let f = await focused(page);
    for (let i = 0; i < 300 && f?.tag !== 'body'; i++) {
      await page.keyboard.press('Tab');
      f = await focused(page);
      const here = show(f);
      // Each element is passed once on the way down: going back to one is a loop.
      expect(seen.has(f?.uid ?? -1), `Tab came back to ${here} after ${stops.slice(-6).join(' → ')}`).toBe(false);
      if (f && f.tag !== 'body') seen.add(f.uid);
      stops.push(here);
      if (f) visited.push(f);
    }
    expect(f?.tag, `Tab never left the page; last stops: ${stops.slice(-10).join(' → ')}`).toBe('body');
    // A word grid is one tab stop, a text area lets Tab out: each appears once per question.
    const count = (type: Question['type']) => questionsOn(lesson, seg).filter((q) => q.type === type).length;
    expect(visited.filter((v) => v.role === 'option').length).toBe(count('highlight'));
    expect(visited.filter((v) => v.testid === 'reflection-text').length).toBe(count('reflection'));
    expect(visited.some((v) => v.testid === 'next')).toBe(true);
    // And round again to the top of the page, where the skip link is the first stop.
    await page.keyboard.press('Tab');
    expect((await focused(page))?.testid).toBe('skip-link');
    // Shift+Tab from the top goes round the other way: out of the page, or on to its last control.
    const last = visited[visited.length - 2]!;
    await page.keyboard.press('Shift+Tab');
    const back = await focused(page);
    expect(back?.tag === 'body' || back?.uid === last.uid, `Shift+Tab from the top went to ${show(back)}, not out or to ${show(last)}`).toBe(true);
  });
});
