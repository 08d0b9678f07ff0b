/**
 * Layout from a phone (320 px, WCAG 1.4.10 reflow) to a desktop (1280 px): on every page of the
 * lesson, before its questions are answered and with all their feedback showing, the page never
 * scrolls sideways. Screenshots go to test/artifacts/ (git-ignored) for a human to look at;
 * E2E_UPDATE_DOCS_SCREENSHOT=1 also copies the 1280 px view of a part with a question to
 * docs/screenshot.png (the README's picture).
 */
import { copyFileSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Lesson, PageId } from '../../src/model/lesson.js';
import { describeProblems, launch, noChromium, TEST_TIMEOUT_MS, TIMEOUT, watch, type Problem } from './browser.js';
import { BUILD_TIMEOUT_MS, builtDist, LESSON_ID, ROOT, serve, type Served } from './dist.js';
import { check, correctResponse, goTo, pages, questionsOn, readLesson, ready, wrongResponse } from './lesson.js';

const ARTIFACTS = join(ROOT, 'test', 'artifacts');
const DOCS_SCREENSHOT = join(ROOT, 'docs', 'screenshot.png');
/** The README's picture must stay light to clone. */
const DOCS_SCREENSHOT_MAX_BYTES = 300 * 1024;

interface Overflow {
  scrollWidth: number;
  innerWidth: number;
  /** Elements reaching past the right edge (through shadow roots), for the failure message. */
  culprits: string[];
  /** Elements reaching past the right edge inside an element whose content the browser may skip
   * while it is off screen (`content-visibility: auto`, the question elements): such an element
   * clips what overflows it instead of making the page scroll, so the page's scroll width alone
   * would not show a question too wide for the screen. */
  clipped: string[];
}

/** Runs in the page: how wide the page scrolls, and what sticks out. */
function measureOverflow(): Overflow {
  const width = window.innerWidth;
  const culprits: string[] = [];
  const clipped: string[] = [];
  const walk = (root: Document | ShadowRoot, path: string, skippable: boolean) => {
    for (const el of Array.from(root.querySelectorAll('*'))) {
      const r = el.getBoundingClientRect();
      if (r.width > 0 && r.right > width + 1) {
        const name = `${path}${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.getAttribute('class') ? `.${el.getAttribute('class')!.trim().split(/\s+/).join('.')}` : ''} right=${Math.round(r.right)}`;
        if (culprits.length < 8) culprits.push(name);
        if (skippable && clipped.length < 8) clipped.push(name);
      }
      if (el.shadowRoot) walk(el.shadowRoot, `${path}${el.tagName.toLowerCase()} › `, skippable || getComputedStyle(el).contentVisibility === 'auto');
    }
  };
  const scrollWidth = document.scrollingElement!.scrollWidth;
  walk(document, '', false);
  return { scrollWidth, innerWidth: width, culprits: scrollWidth > width ? culprits : [], clipped };
}

async function expectNoSidewaysScroll(page: Page, where: string): Promise<void> {
  const o = await page.evaluate(measureOverflow);
  expect(o.scrollWidth, `${where}: the page scrolls sideways (${o.scrollWidth} > ${o.innerWidth}); sticking out: ${o.culprits.join('; ')}`).toBeLessThanOrEqual(o.innerWidth);
  expect(o.clipped, `${where}: a question is wider than the screen (cut off at its edge)`).toEqual([]);
}

/** A part with a highlight question (the most visual one), for the README's picture. */
function showcasePart(lesson: Lesson): PageId {
  const withHighlight = lesson.segments.filter((s) => questionsOn(lesson, s.id).some((q) => q.type === 'highlight'));
  return (withHighlight[0] ?? lesson.segments[0]!).id;
}

describe.skipIf(noChromium)('layout at 320 px and 1280 px', { timeout: TEST_TIMEOUT_MS }, () => {
  let served: Served;
  let browser: Browser;

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    served = await serve(await builtDist());
    browser = await launch();
  }, BUILD_TIMEOUT_MS + 60_000);

  afterAll(async () => {
    await browser?.close();
    await served?.close();
  });

  for (const width of [320, 1280] as const) {
    describe(`${width} px wide`, () => {
      let context: BrowserContext;
      let page: Page;
      let problems: Problem[];
      let lesson: Lesson;

      beforeAll(async () => {
        context = await browser.newContext({ viewport: { width, height: width === 320 ? 640 : 900 } });
        problems = await watch(context);
        page = await context.newPage();
        await page.goto(`${served.origin}/${LESSON_ID}/`, { timeout: TIMEOUT.load });
        await ready(page);
        lesson = await readLesson(page);
      }, 60_000);

      afterAll(async () => {
        await context?.close();
      });

      afterEach(() => {
        expect(problems, `the page reported problems:\n${describeProblems(problems)}`).toEqual([]);
      });

      it('no page scrolls sideways, before its questions are answered or with all their feedback showing', async () => {
        await expectNoSidewaysScroll(page, 'intro');
        await page.screenshot({ path: join(ARTIFACTS, `intro-${width}.png`), timeout: TIMEOUT.action });
        for (const p of pages(lesson).slice(1, -1)) {
          await goTo(page, lesson, p);
          await expectNoSidewaysScroll(page, `${p}, unanswered`);
          for (const q of questionsOn(lesson, p)) {
            const wrong = wrongResponse(lesson, q);
            await check(page, q.id, wrong ?? correctResponse(lesson, q));
          }
          await expectNoSidewaysScroll(page, `${p}, after a first try`);
          for (const q of questionsOn(lesson, p)) {
            if (!(await page.evaluate((id) => window.PropagandaReaderApp!.state.answers[id]?.locked, q.id))) await check(page, q.id, correctResponse(lesson, q));
          }
          await expectNoSidewaysScroll(page, `${p}, finished`);
        }
        await goTo(page, lesson, 'results');
        await expectNoSidewaysScroll(page, 'results');
        await page.screenshot({ path: join(ARTIFACTS, `results-${width}.png`), timeout: TIMEOUT.action });
      }, 240_000);

      if (width === 320) {
        it('the contents, opened as a disclosure, fit too', async () => {
          const toggle = page.locator('[data-testid="toc-toggle"]');
          expect(await toggle.isVisible()).toBe(true);
          await toggle.click({ timeout: TIMEOUT.action });
          await expect.poll(() => toggle.getAttribute('aria-expanded')).toBe('true');
          expect(await page.locator('[data-testid="toc-intro"]').isVisible()).toBe(true);
          await expectNoSidewaysScroll(page, 'contents open');
          await page.screenshot({ path: join(ARTIFACTS, 'contents-320.png'), timeout: TIMEOUT.action });
        });
      }

      it('screenshots of a part, its question answered', async () => {
        const part = showcasePart(lesson);
        await goTo(page, lesson, part);
        await expectNoSidewaysScroll(page, part);
        await page.screenshot({ path: join(ARTIFACTS, `segment-${width}.png`), fullPage: true, timeout: 60_000 });
        if (width !== 1280) return;
        // The README's picture: the part's highlight question, checked, in a desktop window.
        const q = questionsOn(lesson, part).find((x) => x.type === 'highlight')!;
        await page.locator(`#q-${q.id}`).evaluate((el) => el.scrollIntoView({ block: 'start' }), undefined, { timeout: TIMEOUT.action });
        const shot = join(ARTIFACTS, 'readme-1280.png');
        await page.screenshot({ path: shot, timeout: TIMEOUT.action });
        const bytes = statSync(shot).size;
        expect(bytes, 'the README screenshot is a small PNG').toBeLessThanOrEqual(DOCS_SCREENSHOT_MAX_BYTES);
        if (process.env.E2E_UPDATE_DOCS_SCREENSHOT === '1') copyFileSync(shot, DOCS_SCREENSHOT);
      }, 120_000);
    });
  }
});
