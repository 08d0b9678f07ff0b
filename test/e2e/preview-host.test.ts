/**
 * The package inside the preview host, the way Moodle frames it: scorm-again as the LMS in the
 * parent window, the package in an iframe, for SCORM 1.2 (the unpacked folder) and SCORM 2004
 * (served from inside its zip). A student answers a few questions with the mouse, closes the tab
 * mid-lesson, and comes back: every checked answer is restored, and the LMS holds status
 * incomplete, no score, and an interaction per check. A relaunch in review mode, mid-lesson and
 * again after finishing, shows every answer, lets nothing change (unanswered questions included)
 * and writes nothing to the LMS. The student finishes (right answers in 1.2, wrong ones in 2004):
 * the package and the LMS agree on passed or failed and the score.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Frame, Page } from 'playwright-core';
import type { Lesson, PageId, Question } from '../../src/model/lesson.js';
import type { AnswerState } from '../../src/core/types.js';
import { strings } from '../../src/ui/strings.js';
import { describeProblems, launch, noChromium, TEST_TIMEOUT_MS, TIMEOUT, watch, type Problem } from './browser.js';
import { BUILD_TIMEOUT_MS, builtDist, LESSON_ID, serve, type Served } from './dist.js';
import { appProgress, appSession, appState, check, correctResponse, goTo, keyWords, markedWords, pages, questionsOn, readLesson, wrongResponse } from './lesson.js';
import { at, interactions, lmsCmi, lmsInfo, openHost, relaunch, storedAttempt, type ScormVersion } from './host.js';

/** The CMI elements that differ between the versions. */
const CMI = {
  '1.2': { status: 'core.lesson_status', raw: 'core.score.raw', location: 'core.lesson_location', learnerResponse: 'student_response' },
  '2004': { status: 'completion_status', raw: 'score.raw', location: 'location', learnerResponse: 'learner_response' },
} as const;

/** Answer a question with the mouse: click the options, pick from selects, click the words, type. */
async function answerWithMouse(frame: Frame, lesson: Lesson, q: Question, right: boolean): Promise<void> {
  const el = frame.locator(`#q-${q.id}`);
  const response = right ? correctResponse(lesson, q) : (wrongResponse(lesson, q) ?? correctResponse(lesson, q));
  switch (response.type) {
    case 'single':
      await el.locator(`[data-testid="option-${response.choice}"]`).click({ timeout: TIMEOUT.action });
      break;
    case 'multiple':
      for (const id of response.choices) await el.locator(`[data-testid="option-${id}"] input`).check({ timeout: TIMEOUT.action });
      break;
    case 'match':
      for (const [pair, device] of Object.entries(response.pairs)) await el.locator(`[data-testid="select-${pair}"]`).selectOption(device, { timeout: TIMEOUT.action });
      break;
    case 'highlight':
      for (const i of response.words) await el.locator(`[data-testid="word-${i}"]`).click({ timeout: TIMEOUT.action });
      expect(await markedWords(frame, q.id)).toEqual(response.words);
      break;
    case 'reflection':
      await el.locator('[data-testid="reflection-text"]').fill(response.text, { timeout: TIMEOUT.action });
      break;
  }
  await el.locator('[data-testid="check"]').click({ timeout: TIMEOUT.action });
  await el.locator('[data-testid="result"]').waitFor({ timeout: TIMEOUT.action });
}

async function clickPage(frame: Frame, lesson: Lesson, page: PageId): Promise<void> {
  await frame.locator(`[data-testid="toc-${page}"]`).click({ timeout: TIMEOUT.action });
  await expect.poll(() => frame.locator('[data-testid="page-heading"]').first().textContent(), { timeout: TIMEOUT.action }).toContain(page === 'pre' ? strings.pages.pre : lesson.segments.find((s) => s.id === page)?.title ?? '');
}

/** Runs in the package: the controls a student could change inside any question shown (through
 * shadow roots). In review mode there must be none. */
function editableControlsInPage(): string[] {
  const found: string[] = [];
  const visit = (root: Document | ShadowRoot) => {
    for (const el of Array.from(root.querySelectorAll('*'))) {
      if (el.shadowRoot) visit(el.shadowRoot);
      if (!el.matches('section[data-question-id]')) continue;
      const id = el.getAttribute('data-question-id');
      for (const c of Array.from(el.querySelectorAll<HTMLInputElement>('input, select, textarea, button[data-testid="check"], button[data-testid="clear"]'))) {
        if (!c.disabled && !(c as unknown as HTMLTextAreaElement).readOnly) found.push(`${id}: ${c.tagName.toLowerCase()} ${c.getAttribute('data-testid') ?? c.getAttribute('type') ?? ''}`);
      }
      for (const g of Array.from(el.querySelectorAll('[data-testid="word-grid"]'))) {
        if (g.getAttribute('aria-readonly') !== 'true') found.push(`${id}: word grid not read-only`);
      }
    }
  };
  visit(document);
  return found;
}

/** The package's frame in the host page. */
function packageFrameOf(page: Page): Frame {
  const frame = page.frames().find((f) => f !== page.mainFrame() && f.url().includes(`/${LESSON_ID}`));
  if (!frame) throw new Error('no package frame in the preview host');
  return frame;
}

function countById(list: ReturnType<typeof interactions>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const i of list) out[at(i, 'id')] = (out[at(i, 'id')] ?? 0) + 1;
  return out;
}

/** SCORM 1.2 holds at most 255 characters in student_response: the runtime writes a longer
 * reflection as numbered pieces, `<id>_p1`, `<id>_p2`, … (src/runtime/vocabulary/scorm12.ts). */
const SCORM12_TEXT_PIECE = 255;

/** The interaction ids and counts the LMS should hold: one per check (pieces for long text in 1.2). */
function expectedInteractions(answers: Record<string, AnswerState>, version: ScormVersion): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [id, a] of Object.entries(answers)) {
    const pieces = version === '1.2' && a.response.type === 'reflection' ? Math.ceil(a.response.text.length / SCORM12_TEXT_PIECE) : 1;
    if (pieces === 1) out[id] = a.attempts;
    else for (let p = 1; p <= pieces; p++) out[`${id}_p${p}`] = a.attempts;
  }
  return out;
}

/** The parts of a checked answer that must survive a relaunch (times are kept to the minute). */
function essence(a: AnswerState | undefined) {
  return a && { response: a.response, attempts: a.attempts, result: a.result, locked: a.locked, credit: a.credit };
}

for (const version of ['1.2', '2004'] as const satisfies readonly ScormVersion[]) {
  describe.skipIf(noChromium)(`the preview host, SCORM ${version}`, { timeout: TEST_TIMEOUT_MS }, () => {
    const cmi = CMI[version];
    let served: Served;
    let browser: Browser;
    let context: BrowserContext;
    let page: Page;
    let problems: Problem[];
    let lesson: Lesson;
    /** What the student had checked when the tab was closed. */
    let before: Record<string, AnswerState>;
    let closedOn: PageId;

    beforeAll(async () => {
      served = await serve(await builtDist());
      browser = await launch();
      context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      problems = await watch(context);
    }, BUILD_TIMEOUT_MS + 60_000);

    afterAll(async () => {
      await browser?.close();
      await served?.close();
    });

    afterEach(() => {
      expect(problems, `the pages reported problems:\n${describeProblems(problems)}`).toEqual([]);
    });

    it('a new attempt: a few questions answered with the mouse, then the tab is closed mid-lesson', async () => {
      page = await context.newPage();
      const frame = await openHost(page, served.origin, version);
      lesson = await readLesson(frame);
      expect(await appSession(frame)).toMatchObject({ lms: 'lms', entry: 'ab-initio', mode: 'normal' });
      expect(await lmsInfo(page)).toMatchObject({ version, entry: 'ab-initio', mode: 'normal', state: 'running' });

      // The first check: one right, one wrong with a try left (restored as such).
      const [pre1, pre2] = questionsOn(lesson, 'pre');
      await clickPage(frame, lesson, 'pre');
      await answerWithMouse(frame, lesson, pre1!, true);
      await answerWithMouse(frame, lesson, pre2!, false);
      // A part of each question type, answered rightly.
      const seen = new Set<string>();
      for (const s of lesson.segments) {
        const qs = questionsOn(lesson, s.id).filter((q) => !seen.has(q.type));
        if (qs.length === 0) continue;
        await clickPage(frame, lesson, s.id);
        for (const q of qs) {
          await answerWithMouse(frame, lesson, q, true);
          seen.add(q.type);
        }
        if (seen.size === 5) break;
      }
      before = (await appState(frame)).answers;
      closedOn = (await appState(frame)).location;
      expect(Object.keys(before).length).toBeGreaterThanOrEqual(6);
      expect(before[pre2!.id]).toMatchObject({ attempts: 1, locked: false });

      // Closing the tab: the package saves and terminates on pagehide; the host keeps the data.
      const closed = page.waitForEvent('close', { timeout: TIMEOUT.load });
      await page.close({ runBeforeUnload: true });
      await closed;
    }, 180_000);

    it('relaunched as resume: every checked answer is back; the LMS holds incomplete, no score, the interactions', async () => {
      page = await context.newPage();
      const frame = await openHost(page, served.origin, version);
      expect(await lmsInfo(page)).toMatchObject({ entry: 'resume', mode: 'normal' });
      expect(await appSession(frame)).toMatchObject({ entry: 'resume', mode: 'normal' });
      const stored = await storedAttempt(page, version);
      expect(stored?.exit, 'the last session ended suspended').toBe('suspend');

      // The package: the same answers, and the student is back where they left.
      const state = await appState(frame);
      expect(state.location).toBe(closedOn);
      expect(Object.keys(state.answers).sort()).toEqual(Object.keys(before).sort());
      for (const [id, a] of Object.entries(before)) expect(essence(state.answers[id]), id).toEqual(essence(a));
      // …and shown as checked on their pages.
      for (const p of [...new Set(Object.keys(before).map((id) => lesson.questions.find((q) => q.id === id)!.page))]) {
        await goTo(frame, lesson, p);
        for (const q of questionsOn(lesson, p).filter((x) => before[x.id])) {
          expect(await frame.locator(`#q-${q.id} [data-testid="result"]`).getAttribute('data-result', { timeout: TIMEOUT.action }), q.id).toBe(before[q.id]!.result);
          if (q.type === 'highlight') {
            expect(await markedWords(frame, q.id)).toEqual(keyWords(lesson, q));
          }
        }
      }

      // The LMS: incomplete, no score yet, one interaction per check, the bookmark.
      const data = await lmsCmi(page);
      expect(at(data, cmi.status)).toBe('incomplete');
      expect(at(data, cmi.raw)).toBe('');
      if (version === '2004') {
        expect(at(data, 'success_status')).toBe('unknown');
        expect(at(data, 'score.scaled')).toBe('');
      }
      expect(at(data, cmi.location)).toBe(closedOn);
      expect(at(data, 'suspend_data')).not.toBe('');
      const list = interactions(data);
      expect(countById(list), 'one interaction per check').toEqual(expectedInteractions(before, version));
      const pre2 = questionsOn(lesson, 'pre')[1]!;
      const pre2Record = list.find((i) => at(i, 'id') === pre2.id)!;
      expect(at(pre2Record, 'result')).toBe(version === '1.2' ? 'wrong' : 'incorrect');
      expect(at(pre2Record, cmi.learnerResponse)).not.toBe('');
    }, 180_000);

    /** Walk every page in review mode: each question shows its saved result (or "not answered"),
     * and no control can change anything. */
    async function expectReviewOnly(frame: Frame, answers: Record<string, AnswerState>): Promise<void> {
      expect(await frame.locator('[data-testid="mode-banner"]').isVisible()).toBe(true);
      for (const p of pages(lesson)) {
        await goTo(frame, lesson, p);
        expect(await frame.evaluate(editableControlsInPage), `editable controls on ${p}`).toEqual([]);
        expect(await frame.locator('[data-testid="check"]').count(), `Check buttons on ${p}`).toBe(0);
        for (const q of questionsOn(lesson, p)) {
          const result = frame.locator(`#q-${q.id} [data-testid="result"]`);
          if (answers[q.id]) expect(await result.getAttribute('data-result', { timeout: TIMEOUT.action }), q.id).toBe(answers[q.id]!.result);
          else expect(await result.count(), `${q.id} is not answered`).toBe(0);
        }
      }
    }

    async function setValueCalls(): Promise<string[]> {
      const calls = await page.evaluate(() =>
        (window as unknown as { previewHost: { lms: () => { calls: { method: string; element: string | null }[] } } }).previewHost.lms().calls.map((c) => `${c.method}(${c.element ?? ''})`),
      );
      return calls.filter((c) => /SetValue\(/.test(c));
    }

    it('relaunched in review mode mid-lesson: answers shown, nothing editable (unanswered questions included), nothing written', async () => {
      let frame = packageFrameOf(page);
      // Editable before: review mode, not the answers being finished, is what locks the rest.
      expect((await frame.evaluate(editableControlsInPage)).length).toBeGreaterThan(0);
      const answers = (await appState(frame)).answers;
      frame = await relaunch(page, 'review');
      expect(await lmsInfo(page)).toMatchObject({ mode: 'review' });
      expect(await appSession(frame)).toMatchObject({ mode: 'review' });
      await expectReviewOnly(frame, answers);

      // Keys do nothing either: Space and Shift+arrow on a highlight grid mark nothing.
      const h = lesson.questions.find((q) => q.type === 'highlight' && !answers[q.id])!;
      await goTo(frame, lesson, h.page);
      const marked = () => markedWords(frame, h.id);
      await frame.locator(`#q-${h.id} [data-testid="word-grid"] [tabindex="0"]`).focus({ timeout: TIMEOUT.action });
      await page.keyboard.press('Space');
      await page.keyboard.press('Shift+ArrowRight');
      expect(await marked()).toEqual([]);
      // A check that reaches the app anyway changes nothing.
      await frame.evaluate(
        ({ id, r }) => document.querySelector('pr-reader')!.dispatchEvent(new CustomEvent('pr-answer-check', { detail: { questionId: id, response: r }, bubbles: true, composed: true })),
        { id: h.id, r: correctResponse(lesson, h) },
      );
      expect((await appState(frame)).answers[h.id]).toBeUndefined();
      expect(await setValueCalls(), 'SetValue calls in review mode').toEqual([]);
    }, 180_000);

    it(`relaunched as resume and finished (${version === '1.2' ? 'right answers: passed' : 'wrong answers: failed'}); the package and the LMS agree on the score`, async () => {
      const frame = await relaunch(page, 'resume');
      expect(await appSession(frame)).toMatchObject({ entry: 'resume', mode: 'normal' });
      expect(essence((await appState(frame)).answers[questionsOn(lesson, 'pre')[1]!.id])).toEqual(essence(before[questionsOn(lesson, 'pre')[1]!.id]));
      const right = version === '1.2';
      const state = await appState(frame);
      for (const q of lesson.questions) {
        if (state.answers[q.id]?.locked) continue;
        if (right || q.type === 'reflection') {
          await check(frame, q.id, correctResponse(lesson, q));
        } else {
          for (let t = state.answers[q.id]?.attempts ?? 0; t < q.tries; t++) await check(frame, q.id, wrongResponse(lesson, q)!);
        }
      }
      const progress = await appProgress(frame);
      expect(progress.complete).toBe(true);
      expect(progress.score).not.toBeNull();
      expect(progress.passed).toBe(right);
      const score = progress.score!;
      const passing = (await appSession(frame)).masteryScore ?? lesson.passingScore;
      expect(right ? score >= passing : score < passing).toBe(true);

      await goTo(frame, lesson, 'results');
      await expect
        .poll(() => frame.locator('[data-testid="score"]').innerText({ timeout: TIMEOUT.action }))
        .toContain(strings.results.scoreFinal(score, passing, right));

      // Finishing the last question terminated the session; the LMS has the outcome.
      await expect.poll(async () => (await lmsInfo(page)).state, { timeout: TIMEOUT.action }).toBe('terminated');
      const data = await lmsCmi(page);
      if (version === '1.2') {
        expect(at(data, 'core.lesson_status')).toBe(right ? 'passed' : 'failed');
        expect(Number(at(data, 'core.score.raw'))).toBe(score);
      } else {
        expect(at(data, 'completion_status')).toBe('completed');
        expect(at(data, 'success_status')).toBe(right ? 'passed' : 'failed');
        expect(Number(at(data, 'score.scaled'))).toBeCloseTo(score / 100, 5);
        expect(Number(at(data, 'score.raw'))).toBe(score);
      }
      const stored = await storedAttempt(page, version);
      expect(at(stored!.cmi, cmi.status)).toBe(at(data, cmi.status));
      // One interaction per check, over all three sessions: none lost, none written twice.
      expect(countById(interactions(stored!.cmi))).toEqual(expectedInteractions((await appState(frame)).answers, version));
    }, 180_000);

    it('relaunched in review mode after finishing: the score and every answer shown, nothing editable, nothing written', async () => {
      const answers = (await appState(packageFrameOf(page))).answers;
      const frame = await relaunch(page, 'review');
      expect(await appSession(frame)).toMatchObject({ mode: 'review' });
      await expectReviewOnly(frame, answers);
      const progress = await appProgress(frame);
      expect(await frame.locator('[data-testid="score"]').innerText({ timeout: TIMEOUT.action })).toContain(
        strings.results.scoreFinal(progress.score!, (await appSession(frame)).masteryScore ?? lesson.passingScore, progress.passed === true),
      );
      expect(await setValueCalls(), 'SetValue calls in review mode').toEqual([]);
    }, 180_000);
  });
}
