/**
 * axe-core finds no violation of WCAG 2.0/2.1 A and AA, nor of its best practices, on every view
 * a student meets: the introduction, the checks, a part of the talk with each question type
 * before Check, after a wrong first try (feedback with tries left) and once finished (answer,
 * explanation), the results, review mode (in the preview host), and the 320 px layout with the
 * contents open and closed; each in the light and the dark colour scheme. The package runs under
 * the preview server's strict CSP throughout, axe included (served from the same origin).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Frame, Page } from 'playwright-core';
import type { Lesson, PageId, QuestionType } from '../../src/model/lesson.js';
import { describeProblems, launch, noChromium, TEST_TIMEOUT_MS, TIMEOUT, watch, type Problem } from './browser.js';
import { BUILD_TIMEOUT_MS, builtDist, LESSON_ID, serve, type Served } from './dist.js';
import { axeViolations, describeViolations } from './axe.js';
import { answerPage, check, correctResponse, goTo, pages, questionsOn, readLesson, ready, wrongResponse } from './lesson.js';
import { openHost, relaunch } from './host.js';

const SCHEMES = ['light', 'dark'] as const;

/** Parts that between them have a question of every type (fewest parts, most types first). */
function partsCoveringEveryType(lesson: Lesson): PageId[] {
  const missing = new Set<QuestionType>(lesson.questions.filter((q) => lesson.segments.some((s) => s.id === q.page)).map((q) => q.type));
  const chosen: PageId[] = [];
  while (missing.size) {
    const best = lesson.segments
      .map((s) => ({ id: s.id, adds: new Set(questionsOn(lesson, s.id).map((q) => q.type).filter((t) => missing.has(t))) }))
      .sort((a, b) => b.adds.size - a.adds.size)[0]!;
    chosen.push(best.id);
    for (const t of best.adds) missing.delete(t);
  }
  return chosen;
}

async function expectAxeClean(target: Page | Frame, where: string): Promise<void> {
  const violations = await axeViolations(target);
  expect(violations, describeViolations(where, violations)).toEqual([]);
}

describe.skipIf(noChromium)('axe-core: no WCAG 2.1 A/AA or best-practice violations', { timeout: TEST_TIMEOUT_MS }, () => {
  let served: Served;
  let browser: Browser;

  beforeAll(async () => {
    served = await serve(await builtDist());
    browser = await launch();
  }, BUILD_TIMEOUT_MS + 60_000);

  afterAll(async () => {
    await browser?.close();
    await served?.close();
  });

  for (const scheme of SCHEMES) {
    describe(`${scheme} colour scheme, the unpacked package`, () => {
      let context: BrowserContext;
      let page: Page;
      let problems: Problem[];
      let lesson: Lesson;

      beforeAll(async () => {
        context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
        problems = await watch(context);
        page = await context.newPage();
        await page.emulateMedia({ colorScheme: scheme });
        await page.goto(`${served.origin}/${LESSON_ID}/`, { timeout: TIMEOUT.load });
        await ready(page);
        lesson = await readLesson(page);
        expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(scheme === 'dark');
      }, 60_000);

      afterAll(async () => {
        await context?.close();
      });

      afterEach(() => {
        expect(problems, `the page reported problems:\n${describeProblems(problems)}`).toEqual([]);
      });

      it('the introduction', async () => {
        await expectAxeClean(page, `introduction (${scheme})`);
      });

      it('the checks before and after reading: before Check, after a wrong try, once finished', async () => {
        for (const p of (['pre', 'post'] as const).filter((x) => pages(lesson).includes(x))) {
          await goTo(page, lesson, p);
          await expectAxeClean(page, `${p} before Check (${scheme})`);
          const [first] = questionsOn(lesson, p);
          await check(page, first!.id, wrongResponse(lesson, first!)!);
          await expectAxeClean(page, `${p} after a wrong try (${scheme})`);
          await answerPage(page, lesson, p);
          await expectAxeClean(page, `${p} finished (${scheme})`);
        }
      });

      it('parts with every question type: before Check, after a wrong first try, once finished', async () => {
        for (const part of partsCoveringEveryType(lesson)) {
          await goTo(page, lesson, part);
          await expectAxeClean(page, `${part} before Check (${scheme})`);
          const qs = questionsOn(lesson, part);
          for (const q of qs) {
            const wrong = wrongResponse(lesson, q);
            if (wrong) await check(page, q.id, wrong);
          }
          await expectAxeClean(page, `${part} after a wrong first try (${scheme})`);
          for (const q of qs) if (!(await page.evaluate((id) => window.PropagandaReaderApp!.state.answers[id]?.locked, q.id))) await check(page, q.id, correctResponse(lesson, q));
          await expectAxeClean(page, `${part} finished (${scheme})`);
        }
      }, 120_000);

      it('the results, with every question finished', async () => {
        const state = await page.evaluate(() => window.PropagandaReaderApp!.state);
        for (const q of lesson.questions) if (!state.answers[q.id]?.locked) await check(page, q.id, correctResponse(lesson, q));
        await goTo(page, lesson, 'results');
        await page.locator('pr-device-map [data-testid="ref"]').first().waitFor({ timeout: TIMEOUT.action });
        await expectAxeClean(page, `results (${scheme})`);
      }, 120_000);

      it('at 320 px: a part with the contents closed and open, and the results', async () => {
        await page.setViewportSize({ width: 320, height: 640 });
        const [part] = partsCoveringEveryType(lesson);
        await goTo(page, lesson, part!);
        await expectAxeClean(page, `${part} at 320 px (${scheme})`);
        await page.locator('[data-testid="toc-toggle"]').click({ timeout: TIMEOUT.action });
        await expect.poll(() => page.locator('[data-testid="toc-toggle"]').getAttribute('aria-expanded')).toBe('true');
        await expectAxeClean(page, `${part} at 320 px, contents open (${scheme})`);
        await goTo(page, lesson, 'results');
        await expectAxeClean(page, `results at 320 px (${scheme})`);
      }, 120_000);
    });
  }

  describe('in the preview host: review mode, and a notice about saving trouble', () => {
    let context: BrowserContext;
    let page: Page;
    let problems: Problem[];

    beforeAll(async () => {
      context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      problems = await watch(context);
      page = await context.newPage();
    });

    afterAll(async () => {
      await context?.close();
    });

    afterEach(() => {
      expect(problems, `the page reported problems:\n${describeProblems(problems)}`).toEqual([]);
    });

    it('a part with answers and one without, and the results, light and dark', async () => {
      let frame = await openHost(page, served.origin, '1.2');
      const lesson = await readLesson(frame);
      const [answered, unanswered] = partsCoveringEveryType(lesson).concat(lesson.segments.map((s) => s.id)).filter((v, i, a) => a.indexOf(v) === i);
      await goTo(frame, lesson, answered!);
      await answerPage(frame, lesson, answered!);
      frame = await relaunch(page, 'review');
      expect(await frame.evaluate(() => window.PropagandaReaderApp!.session.mode)).toBe('review');
      for (const scheme of SCHEMES) {
        await page.emulateMedia({ colorScheme: scheme });
        expect(await frame.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches), 'the frame follows the emulated scheme').toBe(scheme === 'dark');
        for (const p of [answered!, unanswered!, 'results']) {
          await goTo(frame, lesson, p);
          await expectAxeClean(frame, `review mode, ${p} (${scheme})`);
        }
      }
    }, 180_000);

    it('a notice that the LMS is not saving, light and dark', async () => {
      const frame = await relaunch(page, 'resume');
      const lesson = await readLesson(frame);
      // The host's LMS server starts refusing commits: the package keeps the work and says so.
      await page.locator('input[name="server"][value="failing"]').check({ timeout: TIMEOUT.action });
      const state = await frame.evaluate(() => window.PropagandaReaderApp!.state);
      const q = lesson.questions.find((x) => lesson.segments.some((s) => s.id === x.page) && !state.answers[x.id])!;
      const part = q.page;
      await goTo(frame, lesson, part);
      await check(frame, q.id, correctResponse(lesson, q));
      // The tracker retries a refused commit after 1 s, 3 s and 9 s before it tells the student.
      await frame.locator('[data-testid="notice"]').first().waitFor({ timeout: 13_000 + TIMEOUT.action });
      for (const scheme of SCHEMES) {
        await page.emulateMedia({ colorScheme: scheme });
        expect(await frame.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(scheme === 'dark');
        await expectAxeClean(frame, `a notice shown, ${part} (${scheme})`);
      }
    }, 120_000);
  });
});
