// @vitest-environment jsdom
/**
 * The app end to end in jsdom: the real core, the real runtime (connect) and scorm-again as the
 * LMS (test/runtime/support/lms.ts), driven through the reader's UI.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startApp, type AppOptions } from '../../src/app/app.js';
import { snapshotOf } from '../../src/app/snapshot.js';
import { decodeState, encodeState } from '../../src/core/codec.js';
import { goTo as goToPage, initialState } from '../../src/core/state.js';
import { connect } from '../../src/runtime/index.js';
import type { PrReader } from '../../src/components/reader/reader.js';
import { FakeLms, MemoryStorage, type LaunchOptions } from '../runtime/support/lms.js';
import { fixtureLesson } from '../components/fixture-lesson.js';
import { $, $$, settle, text } from '../components/helpers.js';
import { strings } from '../../src/ui/strings.js';
import { splitLesson } from '../../src/packager/split.js';
import { pagesMissing } from '../../src/model/pages.js';
import { pageOrder } from '../../src/model/lesson.js';
import { pageTitle } from '../../src/components/shared/lookup.js';
import type { PageLoader } from '../../src/app/page-loader.js';

const lesson = fixtureLesson();

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
  delete (window as unknown as Record<string, unknown>).API;
  document.body.replaceChildren();
});

/** The app's "after the paint" hook, run by hand: `paint()` is the browser painting. */
const paints: Array<() => void> = [];
const manualPaint: AppOptions['afterPaint'] = (callback) => paints.push(callback);
function paint(): void {
  for (const callback of paints.splice(0)) callback();
}

async function launch(lms: FakeLms, options: LaunchOptions = {}, app: Partial<AppOptions> = {}) {
  paints.length = 0;
  const l = lms.launch(options);
  l.installOn(window);
  const reader = document.createElement('pr-reader');
  document.body.append(reader);
  const storage = new MemoryStorage();
  const started = await startApp({
    lesson,
    reader,
    afterPaint: manualPaint,
    connect: (lessonArg, snapshot) => connect({ lesson: lessonArg, snapshot, storage, preferredVersion: '1.2' }),
    ...app,
  });
  await settle(reader);
  return { launch: l, reader, app: started };
}

/** Go to a page and let the browser paint it (the save goes out then). */
async function goTo(reader: PrReader, page: string) {
  $(reader, `[data-testid=toc-${page}]`).click();
  await settle(reader);
  paint();
}

/** Choose an option of the opening question and check it (the save waits for `paint()`). */
async function checkOpening(reader: PrReader, choice: string) {
  const q = $(reader, 'pr-segment', 'pr-single-choice');
  $<HTMLInputElement>(q, `[data-testid=option-${choice}] input`).click();
  await settle(reader);
  $(q, '[data-testid=check]').click();
  await settle(reader);
  return q;
}

async function answerOpening(reader: PrReader, choice: string) {
  const q = await checkOpening(reader, choice);
  paint();
  return q;
}

describe('app', () => {
  it('opens a first launch on the introduction with the learner\'s name', async () => {
    const { reader, app } = await launch(new FakeLms('1.2'), { learnerName: 'Doe, Jane' });
    expect(app.session.entry).toBe('ab-initio');
    expect($(reader, 'main').dataset.page).toBe('intro');
    expect($(reader, '[data-testid=learner]').textContent).toBe('Signed in as Doe, Jane');
  });

  it('saves the location when the student changes page', async () => {
    const { launch: l, reader } = await launch(new FakeLms('1.2'));
    $(reader, 'pr-intro', '[data-testid=start]').click();
    await settle(reader);
    expect($(reader, 'main').dataset.page).toBe('pre');
    paint();
    expect(l.cmi().core.lesson_location).toBe('pre');
    expect(decodeState(lesson, l.cmi().suspend_data).state.location).toBe('pre');
  });

  it('checks an answer through the core, shows the result, records an interaction and saves', async () => {
    const { launch: l, reader, app } = await launch(new FakeLms('1.2'));
    await goTo(reader, 's01_occasion');
    const q = await answerOpening(reader, 'b');
    expect($(q, '[data-testid=result]').dataset.result).toBe('wrong');
    expect($(q, '[data-testid=tries]').textContent).toBe('Try 2 of 2');
    expect(app.state.answers.s01_q1_occasion).toMatchObject({ attempts: 1, result: 'wrong', locked: false });
    const cmi = l.cmi();
    expect(Object.values(cmi.interactions as Record<string, { id: string; result: string }>).map((i) => [i.id, i.result])).toEqual([
      ['s01_q1_occasion', 'wrong'],
    ]);
    expect(decodeState(lesson, cmi.suspend_data).state.answers.s01_q1_occasion?.attempts).toBe(1);
    expect(text($(reader, '[data-testid=questions-answered]'))).toBe('0 of 8 questions answered');
  });

  it('keeps a draft typed just before the page changes or the tab is hidden (no pause, no blur)', async () => {
    const { launch: l, reader, app } = await launch(new FakeLms('1.2'));
    await goTo(reader, 's03_slogan');
    const type = (text: string) => {
      const area = $<HTMLTextAreaElement>($(reader, 'pr-segment', 'pr-reflection'), 'textarea');
      area.value = text;
      area.dispatchEvent(new Event('input', { bubbles: true }));
    };
    type('Typed, then straight to the next page');
    await goTo(reader, 'post');
    expect(app.state.drafts.s03_q2_reflect).toBe('Typed, then straight to the next page');
    expect(decodeState(lesson, l.cmi().suspend_data).state.drafts.s03_q2_reflect).toBe('Typed, then straight to the next page');
    await goTo(reader, 's03_slogan');
    type('Typed, then the tab closed');
    window.dispatchEvent(new Event('pagehide'));
    expect(decodeState(lesson, l.cmi().suspend_data).state.drafts.s03_q2_reflect).toBe('Typed, then the tab closed');
  });

  it('keeps drafts in state without committing them to the LMS', async () => {
    const { launch: l, reader, app } = await launch(new FakeLms('1.2'));
    await goTo(reader, 's03_slogan');
    const commits = l.count('commit');
    const refl = $(reader, 'pr-segment', 'pr-reflection');
    const area = $<HTMLTextAreaElement>(refl, 'textarea');
    area.value = 'A first thought';
    area.dispatchEvent(new Event('input', { bubbles: true }));
    area.dispatchEvent(new Event('change', { bubbles: true }));
    await settle(reader);
    expect(app.state.drafts.s03_q2_reflect).toBe('A first thought');
    expect(l.count('commit')).toBe(commits);
    // The next save carries it.
    await goTo(reader, 'post');
    expect(decodeState(lesson, l.cmi().suspend_data).state.drafts.s03_q2_reflect).toBe('A first thought');
  });

  it('resumes where the student left off, with their answers shown', async () => {
    const lms = new FakeLms('1.2');
    const first = await launch(lms);
    await goTo(first.reader, 's01_occasion');
    await answerOpening(first.reader, 'a');
    first.app.tracker.finish(snapshotOf(lesson, first.app.state, 70));
    document.body.replaceChildren();

    const { reader, app } = await launch(lms);
    expect(app.session.entry).toBe('resume');
    expect($(reader, 'main').dataset.page).toBe('s01_occasion');
    const q = $(reader, 'pr-segment', 'pr-single-choice');
    expect($(q, '[data-testid=result]').dataset.result).toBe('correct');
    expect($<HTMLInputElement>(q, '[data-testid=option-a] input').checked).toBe(true);
    await new Promise((r) => setTimeout(r, 0));
    expect($(reader, '[data-testid=announcer]').textContent).toBe('Welcome back. You are on: 1. A national meeting of heroes.');
  });

  it('in review mode shows a banner, makes nothing editable and changes nothing on a check', async () => {
    const lms = new FakeLms('1.2');
    lms.stored = { core: { lesson_location: 's01_occasion', exit: 'suspend' }, suspend_data: encodeState(lesson, goToPage(lesson, initialState(lesson), 's01_occasion')) };
    const { reader, app, launch: l } = await launch(lms, { mode: 'review' });
    expect($(reader, '[data-testid=mode-banner]').textContent).toContain('Review mode');
    const q = $(reader, 'pr-segment', 'pr-single-choice');
    expect($$<HTMLInputElement>(q, 'input').every((i) => i.disabled)).toBe(true);
    const before = app.state;
    q.dispatchEvent(new CustomEvent('pr-answer-check', { bubbles: true, composed: true, detail: { questionId: 's01_q1_occasion', response: { type: 'single', choice: 'a' } } }));
    await settle(reader);
    expect(app.state).toBe(before);
    expect(l.sets().filter(([k]) => k.startsWith('cmi.interactions'))).toEqual([]);
  });

  it('shows the codec\'s notice when the saved state cannot be read', async () => {
    const lms = new FakeLms('1.2');
    lms.stored = { core: { lesson_location: 's02_enemy', exit: 'suspend' }, suspend_data: 'P1 this is not a state' };
    const { reader } = await launch(lms);
    expect(text($(reader, '[data-testid=notices]'))).toContain('Your saved progress could not be read');
  });

  it('shows tracker notices: no LMS at all keeps the work in this browser', async () => {
    const reader = document.createElement('pr-reader');
    document.body.append(reader);
    await startApp({
      lesson,
      reader,
      connect: (l, snapshot) => connect({ lesson: l, snapshot, storage: new MemoryStorage(), localLmsTimeoutMs: 20 }),
    });
    await settle(reader);
    const notice = text($(reader, '[data-testid=notices]'));
    // Worded by the UI from the notice's reason (translatable), not the runtime's log message.
    expect(notice).toContain(strings.app.trackerNotice['no-lms']);
    expect(notice).not.toContain('LMS');
  });

  it('finishes the session once every question is finished', async () => {
    const { launch: l, reader, app } = await launch(new FakeLms('1.2'));
    const all: Array<[string, unknown]> = [
      ['pre_q1_loaded_language', { type: 'single', choice: 'a' }],
      ['s01_q1_occasion', { type: 'single', choice: 'a' }],
      ['s02_q1_enemy', { type: 'multiple', choices: ['a', 'b'] }],
      ['s02_q2_match', { type: 'match', pairs: { '1': 'name_calling', '2': 'exaggeration_minimisation' } }],
      ['s03_q1_slogan', { type: 'highlight', words: [0, 1, 2, 3, 4, 5, 6, 7] }],
      ['s03_q2_reflect', { type: 'reflection', text: 'It ends on a call that is easy to repeat.' }],
      ['post_q1_loaded_language', { type: 'single', choice: 'a' }],
      ['syn_q1_whole', { type: 'reflection', text: 'It asks for heroism in everyday work.' }],
    ];
    for (const [questionId, response] of all) {
      reader.dispatchEvent(new CustomEvent('pr-answer-check', { bubbles: true, composed: true, detail: { questionId, response } }));
    }
    await settle(reader);
    expect(app.progress.complete).toBe(true);
    paint();
    expect(l.count('finish')).toBe(1);
    expect(l.cmi().core.lesson_status).toBe('passed');
    expect(l.cmi().core.score.raw).toBe('100');
    await new Promise((r) => setTimeout(r, 0));
    expect($(reader, '[data-testid=announcer]').textContent).toBe(
      'You have finished every question in the lesson. Your score is 100%.',
    );
  });

  describe('LMS commits', () => {
    const check = (reader: PrReader, questionId: string, response: unknown) =>
      reader.dispatchEvent(new CustomEvent('pr-answer-check', { bubbles: true, composed: true, detail: { questionId, response } }));
    const all: Array<[string, unknown]> = [
      ['pre_q1_loaded_language', { type: 'single', choice: 'a' }],
      ['s01_q1_occasion', { type: 'single', choice: 'a' }],
      ['s02_q1_enemy', { type: 'multiple', choices: ['a', 'b'] }],
      ['s02_q2_match', { type: 'match', pairs: { '1': 'name_calling', '2': 'exaggeration_minimisation' } }],
      ['s03_q1_slogan', { type: 'highlight', words: [0, 1, 2, 3, 4, 5, 6, 7] }],
      ['s03_q2_reflect', { type: 'reflection', text: 'It ends on a call that is easy to repeat.' }],
      ['post_q1_loaded_language', { type: 'single', choice: 'a' }],
      ['syn_q1_whole', { type: 'reflection', text: 'It asks for heroism in everyday work.' }],
    ];

    it('shows the feedback first and commits the checked answer once, after the paint', async () => {
      const { launch: l, reader } = await launch(new FakeLms('1.2'));
      await goTo(reader, 's01_occasion');
      const commits = l.count('commit');
      const q = await checkOpening(reader, 'b');
      expect($(q, '[data-testid=result]').dataset.result).toBe('wrong');
      expect(l.count('commit')).toBe(commits);
      paint();
      expect(l.count('commit')).toBe(commits + 1);
      expect(decodeState(lesson, l.cmi().suspend_data).state.answers.s01_q1_occasion?.attempts).toBe(1);
      paint();
      expect(l.count('commit')).toBe(commits + 1);
    });

    it('commits every check exactly once, and the last one (which finishes) once too', async () => {
      const { launch: l, reader } = await launch(new FakeLms('1.2'));
      const perCheck: number[] = [];
      for (const [questionId, response] of all) {
        const before = l.count('commit');
        check(reader, questionId, response);
        await settle(reader);
        paint();
        perCheck.push(l.count('commit') - before);
      }
      expect(perCheck).toEqual(all.map(() => 1));
      expect(l.count('finish')).toBe(1);
      expect(l.cmi().core.lesson_status).toBe('passed');
      expect(Object.keys(l.cmi().interactions as object)).toHaveLength(all.length);
    });

    it('coalesces the saves that wait for one paint into one commit', async () => {
      const { launch: l, reader } = await launch(new FakeLms('1.2'));
      const before = l.count('commit');
      check(reader, 'pre_q1_loaded_language', { type: 'single', choice: 'a' });
      $(reader, '[data-testid=toc-s01_occasion]').click();
      await settle(reader);
      paint();
      expect(l.count('commit')).toBe(before + 1);
      expect(l.cmi().core.lesson_location).toBe('s01_occasion');
      expect(Object.keys(l.cmi().interactions as object)).toHaveLength(1);
    });

    it('commits a save still waiting for the paint at once when the page is hidden, and only once', async () => {
      const { launch: l, reader } = await launch(new FakeLms('1.2'));
      await goTo(reader, 's01_occasion');
      const commits = l.count('commit');
      await checkOpening(reader, 'a');
      Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
      cleanups.push(() => Object.defineProperty(document, 'visibilityState', { value: 'visible', configurable: true }));
      document.dispatchEvent(new Event('visibilitychange'));
      expect(l.count('commit')).toBe(commits + 1);
      expect(decodeState(lesson, l.cmi().suspend_data).state.answers.s01_q1_occasion?.result).toBe('correct');
      paint();
      expect(l.count('commit')).toBe(commits + 1);
    });

    it('finishes on pagehide with the answer a paint-deferred save had not sent yet', async () => {
      const { launch: l, reader } = await launch(new FakeLms('1.2'));
      await goTo(reader, 's01_occasion');
      await checkOpening(reader, 'a');
      window.dispatchEvent(new Event('pagehide'));
      expect(l.count('finish')).toBe(1);
      expect(decodeState(lesson, l.cmi().suspend_data).state.answers.s01_q1_occasion?.result).toBe('correct');
      paint();
      expect(l.count('finish')).toBe(1);
    });

    it('by default delivers after the next frame (or a short timer where frames do not run)', async () => {
      const { launch: l, reader } = await launch(new FakeLms('1.2'), {}, { afterPaint: undefined });
      $(reader, '[data-testid=toc-s01_occasion]').click();
      await settle(reader);
      const commits = l.count('commit');
      await new Promise((r) => setTimeout(r, 150));
      expect(l.count('commit')).toBe(commits + 1);
      expect(l.cmi().core.lesson_location).toBe('s01_occasion');
    });
  });

  describe('a lesson that arrives page by page (a package: src/model/pages.ts)', () => {
    const { outline, pages } = splitLesson(lesson);
    const content = new Map(pages.map((p) => [p.page, p]));
    /** Open a page and wait for its content to arrive (a task) before the paint. */
    async function goTo(reader: PrReader, page: string) {
      $(reader, `[data-testid=toc-${page}]`).click();
      await new Promise((r) => setTimeout(r, 0));
      await settle(reader);
      paint();
    }
    function loader(log: string[], fail = new Set<string>()): PageLoader {
      return async (l, page) =>
        pagesMissing(l, page).map((p) => {
          log.push(p);
          if (fail.has(p)) throw new Error(`pages/${p}.js could not be loaded`);
          return content.get(p)!;
        });
    }

    it('loads a page\'s content when it is first opened, once, and shows it', async () => {
      const log: string[] = [];
      const { reader } = await launch(new FakeLms('1.2'), {}, { lesson: outline, loadPages: loader(log) });
      expect(log).toEqual(['intro']);
      expect(text($(reader, 'pr-intro', '[data-testid=introduction]'))).toBe('You will read a talk of 1988.');
      await goTo(reader, 's01_occasion');
      expect($(reader, 'main').dataset.page).toBe('s01_occasion');
      expect(text($(reader, 'pr-segment'))).toContain(lesson.segments[0]!.paragraphs[0]!.slice(0, 40));
      await goTo(reader, 'intro');
      await goTo(reader, 's01_occasion');
      expect(log.filter((p) => p === 's01_occasion')).toHaveLength(1);
    });

    it('fetches the next page\'s content once the page shown has painted, so Next does not wait', async () => {
      const log: string[] = [];
      const { reader } = await launch(new FakeLms('1.2'), {}, { lesson: outline, loadPages: loader(log) });
      const following = pageOrder(lesson)[1]!;
      expect(log).toEqual(['intro']);
      paint();
      await new Promise((r) => setTimeout(r, 0));
      expect(log).toEqual(['intro', following]);
      $(reader, `[data-testid=toc-${following}]`).click();
      await settle(reader);
      // Shown in the same task as the click: its content had arrived.
      expect($(reader, 'main').dataset.page).toBe(following);
      expect(log).toEqual(['intro', following]);
    });

    it('on a page change, fetches the next three pages\' content once the new page is rendered, without waiting for its paint', async () => {
      const log: string[] = [];
      const { reader } = await launch(new FakeLms('1.2'), {}, { lesson: outline, loadPages: loader(log) });
      const order = pageOrder(lesson);
      const target = order[2]!;
      $(reader, `[data-testid=toc-${target}]`).click();
      await new Promise((r) => setTimeout(r, 0));
      await settle(reader);
      expect($(reader, 'main').dataset.page).toBe(target);
      expect(log).toEqual(['intro', target]);
      // A task later, and still no paint (manualPaint holds it): Next, and the two pages after it.
      await new Promise((r) => setTimeout(r, 0));
      expect(log).toEqual(['intro', target, ...order.slice(3, 6)]);
      for (const page of order.slice(3, 6)) {
        $(reader, `[data-testid=toc-${page}]`).click();
        await settle(reader);
        // Shown in the same task as the click: its content had arrived.
        expect($(reader, 'main').dataset.page).toBe(page);
      }
      expect(log.filter((p) => order.slice(3, 6).includes(p))).toEqual(order.slice(3, 6));
    });

    it('reports a checked answer with the whole question, as a whole lesson would', async () => {
      const { launch: l, reader } = await launch(new FakeLms('2004'), {}, { lesson: outline, loadPages: loader([]) });
      await goTo(reader, 's01_occasion');
      await answerOpening(reader, 'a');
      const interactions = Object.values(l.cmi().interactions as Record<string, { id: string; description?: string; result: string }>);
      expect(interactions.map((i) => [i.id, i.result])).toEqual([['s01_q1_occasion', 'correct']]);
      expect(interactions[0]!.description).toBe(lesson.questions.find((q) => q.id === 's01_q1_occasion')!.summary.slice(0, 250));
    });

    it('stays on the page and says so when a page cannot be loaded; the answers are kept', async () => {
      const { launch: l, reader, app } = await launch(new FakeLms('1.2'), {}, { lesson: outline, loadPages: loader([], new Set(['s02_enemy'])) });
      await goTo(reader, 's01_occasion');
      await answerOpening(reader, 'a');
      await goTo(reader, 's02_enemy');
      await settle(reader);
      expect($(reader, 'main').dataset.page).toBe('s01_occasion');
      expect(text($(reader, '[data-testid=notices]'))).toContain(strings.app.pageLoadFailed(pageTitle(lesson, "s02_enemy")));
      expect(app.state.answers.s01_q1_occasion?.result).toBe('correct');
      expect(l.cmi().core.lesson_location).toBe('s01_occasion');
    });

    it('resumes on a page not loaded yet, with the answers the outline alone could read', async () => {
      const lms = new FakeLms('1.2');
      const saved = encodeState(lesson, goToPage(lesson, initialState(lesson), 's02_enemy'));
      lms.stored = { core: { lesson_location: 's02_enemy', exit: 'suspend', entry: 'resume' }, suspend_data: saved };
      const log: string[] = [];
      const { reader } = await launch(lms, {}, { lesson: outline, loadPages: loader(log) });
      expect(log).toEqual(['s02_enemy']);
      expect($(reader, 'main').dataset.page).toBe('s02_enemy');
      expect(text($(reader, 'pr-segment'))).toContain(lesson.segments[1]!.paragraphs[0]!.slice(0, 40));
    });
  });
});

