/**
 * Each package on its own (no LMS around it), served under the strict CSP: the SCORM 1.2 folder
 * and the SCORM 2004 package straight from its zip. Each loads its own local LMS (local-lms.js of
 * its version), installs the API of that version, and keeps a checked answer across a reload.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describeProblems, launch, noChromium, TEST_TIMEOUT_MS, TIMEOUT, watch, type Problem } from './browser.js';
import { BUILD_TIMEOUT_MS, builtDist, LESSON_ID, serve, type Served } from './dist.js';
import { appSession, appState, check, correctResponse, goTo, headingOf, questionsOn, readLesson, ready, shownHeading } from './lesson.js';

const PACKAGES = [
  { version: '1.2', path: `${LESSON_ID}/`, api: 'API' },
  { version: '2004', path: `${LESSON_ID}-scorm2004/`, api: 'API_1484_11' },
] as const;

describe.skipIf(noChromium)('each package standalone, with its own local LMS', { timeout: TEST_TIMEOUT_MS }, () => {
  let served: Served;
  let browser: Browser;
  let context: BrowserContext;
  let problems: Problem[];

  let dist: string;

  beforeAll(async () => {
    dist = await builtDist();
    served = await serve(dist);
    browser = await launch();
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    problems = await watch(context);
  }, BUILD_TIMEOUT_MS + 60_000);

  afterAll(async () => {
    await browser?.close();
    await served?.close();
  });

  afterEach(() => {
    expect(problems, `the page reported problems:\n${describeProblems(problems)}`).toEqual([]);
  });

  it('ships production builds of its libraries, even when built under a test runner (NODE_ENV=test)', () => {
    // node-resolve picks packages' development builds when NODE_ENV is not 'production'
    // (rollup.config.mjs pins it); this dist was built from Vitest, where NODE_ENV is 'test'.
    expect(process.env.NODE_ENV).toBe('test');
    const scripts = readdirSync(join(dist, LESSON_ID)).filter((f) => f.endsWith('.js'));
    expect(scripts).toContain('app-reader.js');
    for (const file of scripts) expect(readFileSync(join(dist, LESSON_ID, file), 'utf8'), file).not.toMatch(/Lit is in dev mode|litIssuedWarnings/);
  });

  for (const pkg of PACKAGES) {
    it(`SCORM ${pkg.version} (/${pkg.path}): renders, installs the ${pkg.version} API, keeps an answer across a reload`, async () => {
      const page: Page = await context.newPage();
      await page.goto(`${served.origin}/${pkg.path}`, { timeout: TIMEOUT.load });
      await ready(page);
      expect(await page.evaluate(() => document.documentElement.dataset.scormVersion)).toBe(pkg.version);
      const lesson = await readLesson(page);
      expect(await shownHeading(page)).toBe(headingOf(lesson, 'intro'));
      expect(await appSession(page)).toMatchObject({ lms: 'local', entry: 'ab-initio', mode: 'normal' });
      expect(await page.evaluate((name) => typeof (window as unknown as Record<string, unknown>)[name], pkg.api)).toBe('object');

      const part = lesson.segments[0]!.id;
      const q = questionsOn(lesson, part)[0]!;
      await goTo(page, lesson, part);
      await check(page, q.id, correctResponse(lesson, q));
      const answer = (await appState(page)).answers[q.id];
      expect(answer).toMatchObject({ attempts: 1, result: 'correct', locked: true });

      await page.reload({ timeout: TIMEOUT.load });
      await ready(page);
      expect(await appSession(page)).toMatchObject({ lms: 'local', entry: 'resume' });
      const state = await appState(page);
      expect(state.location).toBe(part);
      expect(state.answers[q.id]).toMatchObject({ response: answer!.response, attempts: 1, result: 'correct', locked: true });
      expect(await page.locator(`#q-${q.id} [data-testid="result"]`).getAttribute('data-result')).toBe('correct');
      await page.close();
    });
  }

  it('app-reader.js dropped: the student is asked, presses Enter on "Try again", and the lesson goes on', async () => {
    // Its own context, unwatched: the dropped requests are console errors here, on purpose.
    const own = await browser.newContext({ viewport: { width: 360, height: 740 } });
    let dropping = true;
    let dropped = 0;
    await own.route('**/app-reader.js', (route) => (dropping ? (dropped++, route.abort('connectionreset')) : route.continue()));
    const page = await own.newPage();
    await page.goto(`${served.origin}/${LESSON_ID}/`, { timeout: TIMEOUT.load });
    const alert = page.locator('[data-testid="load-failure"]');
    await alert.waitFor({ timeout: TIMEOUT.load });
    expect(await alert.getAttribute('role')).toBe('alert');
    expect(await alert.textContent()).toContain('app-reader.js');
    // The quiet tries came first: the first request and two more (a preload may add one).
    expect(dropped).toBeGreaterThanOrEqual(3);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Try again');
    dropping = false;
    await page.keyboard.press('Enter');
    await ready(page);
    expect(await alert.count()).toBe(0);
    const lesson = await readLesson(page);
    expect(await shownHeading(page)).toBe(headingOf(lesson, 'intro'));
    await own.close();
  });
});
