/**
 * The unpacked package opened from disk (file://, no server, no LMS): a student who downloaded the
 * folder double-clicks index.html. It renders the first page, brings its own LMS (local-lms.js,
 * loaded as a classic script, which file:// allows where modules and fetch are refused), and keeps
 * progress in localStorage: across a reload, and across closing and reopening the browser with the
 * same profile (Chromium gives all file:// pages one storage origin and keeps it on disk).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import type { Lesson } from '../../src/model/lesson.js';
import { describeProblems, launchPersistent, noChromium, TEST_TIMEOUT_MS, TIMEOUT, watch, type Problem } from './browser.js';
import { BUILD_TIMEOUT_MS, builtDist, LESSON_ID } from './dist.js';
import { appSession, appState, correctResponse, headingOf, pages, questionsOn, readLesson, ready, shownHeading } from './lesson.js';

describe.skipIf(noChromium)('the unpacked package over file://', { timeout: TEST_TIMEOUT_MS }, () => {
  let url: string;
  let profile: string;
  let context: BrowserContext | undefined;
  let page: Page;
  let problems: Problem[];
  let lesson: Lesson;

  async function open(): Promise<void> {
    context = await launchPersistent(profile, { viewport: { width: 1280, height: 900 } });
    problems = await watch(context);
    page = context.pages()[0] ?? (await context.newPage());
    await page.goto(url, { timeout: TIMEOUT.load });
    await ready(page);
  }

  beforeAll(async () => {
    url = pathToFileURL(join(await builtDist(), LESSON_ID, 'index.html')).href;
    profile = mkdtempSync(join(tmpdir(), 'pr-e2e-profile-'));
  }, BUILD_TIMEOUT_MS + 60_000);

  afterAll(async () => {
    await context?.close();
    rmSync(profile, { recursive: true, force: true });
  });

  afterEach(() => {
    expect(problems, `the page reported problems:\n${describeProblems(problems)}`).toEqual([]);
  });

  it('renders the first page, with the local LMS loaded from local-lms.js', async () => {
    await open();
    expect(page.url()).toMatch(/^file:\/\//);
    lesson = await readLesson(page);
    expect(await shownHeading(page)).toBe(headingOf(lesson, 'intro'));
    expect(await appSession(page)).toMatchObject({ lms: 'local', entry: 'ab-initio', mode: 'normal' });
    expect(await page.evaluate(() => typeof (window as unknown as { PropagandaReaderLocalLms?: unknown }).PropagandaReaderLocalLms)).toBe('object');
    expect(await page.evaluate(() => typeof (window as unknown as { API?: unknown }).API)).toBe('object');
  });

  it('keeps an answer and the place across a reload', async () => {
    const q = questionsOn(lesson, pages(lesson)[1]!)[0]!;
    const right = correctResponse(lesson, q);
    if (right.type !== 'single') throw new Error(`expected ${q.id} to be single choice`);
    await page.locator('[data-testid="start"]').click({ timeout: TIMEOUT.action });
    await page.locator(`#q-${q.id} [data-testid="option-${right.choice}"]`).click({ timeout: TIMEOUT.action });
    await page.locator(`#q-${q.id} [data-testid="check"]`).click({ timeout: TIMEOUT.action });
    expect(await page.locator(`#q-${q.id} [data-testid="result"]`).getAttribute('data-result', { timeout: TIMEOUT.action })).toBe('correct');
    const before = (await appState(page)).answers[q.id];

    await page.reload({ timeout: TIMEOUT.load });
    await ready(page);
    expect(await appSession(page)).toMatchObject({ lms: 'local', entry: 'resume' });
    const state = await appState(page);
    expect(state.location).toBe(q.page);
    expect(state.answers[q.id]).toMatchObject({ response: before!.response, attempts: 1, result: 'correct', locked: true });
    expect(await shownHeading(page)).toBe(headingOf(lesson, q.page));
    expect(await page.locator(`#q-${q.id} [data-testid="result"]`).getAttribute('data-result', { timeout: TIMEOUT.action })).toBe('correct');
  });

  it('keeps them when the browser is closed and opened again with the same profile', async () => {
    const before = await appState(page);
    await context!.close();
    context = undefined;
    await open();
    const state = await appState(page);
    expect(state.location).toBe(before.location);
    expect(state.answers).toEqual(before.answers);
  });
});
