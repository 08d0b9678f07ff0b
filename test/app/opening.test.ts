// @vitest-environment jsdom
/**
 * The opening (src/app/opening.ts): app.js opens the LMS session and shows the returning student's
 * text before the rest of the app is loaded; the runtime then adopts that session. Against
 * scorm-again as the LMS (test/runtime/support/lms.ts).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { boot } from '../../src/app/boot.js';
import { FIRST_TEXT_CLASS } from '../../src/app/first-text.js';
import { openSession } from '../../src/app/opening.js';
import type { PageLoader } from '../../src/app/page-loader.js';
import { encodeState } from '../../src/core/codec.js';
import { goTo, initialState } from '../../src/core/state.js';
import { pagesMissing } from '../../src/model/pages.js';
import { splitLesson } from '../../src/packager/split.js';
import { connect } from '../../src/runtime/index.js';
import { fixtureLesson } from '../components/fixture-lesson.js';
import { FakeLms, MemoryStorage, type LaunchOptions } from '../runtime/support/lms.js';

type Globals = Record<string, unknown>;
const lesson = fixtureLesson();
const first = lesson.segments[0]!;
const { outline, pages } = splitLesson(lesson);
const content = new Map(pages.map((p) => [p.page, p]));

afterEach(() => {
  for (const k of ['API', 'API_1484_11', 'PropagandaReaderLesson', 'PropagandaReaderApp']) delete (window as unknown as Globals)[k];
  document.body.replaceChildren();
  document.head.querySelectorAll('link[rel=preload]').forEach((l) => l.remove());
  localStorage.clear();
});

const now = (callback: () => void) => callback();

function resumedAt(page: string, options: LaunchOptions = {}) {
  const lms = new FakeLms('1.2');
  lms.stored = { core: { lesson_location: page, exit: 'suspend', entry: 'resume' }, suspend_data: encodeState(lesson, goTo(lesson, initialState(lesson), page)) };
  const launch = lms.launch(options);
  launch.installOn(window);
  return launch;
}

function loader(log: string[] = []): PageLoader {
  return async (l, page) =>
    pagesMissing(l, page).map((p) => {
      log.push(p);
      return content.get(p)!;
    });
}

describe('the opening', () => {
  it('initializes the LMS, reads the bookmark, shows that segment\'s text and marks it after asking for the rest of the app', async () => {
    const launch = resumedAt(first.id);
    const reader = document.body.appendChild(document.createElement('div'));
    const marks: string[] = [];
    const opening = await openSession(window, outline, reader, { loadPages: loader(), afterPaint: now, mark: (m) => marks.push(m) });
    expect(opening.shown).toBe(first.id);
    expect(opening.api?.initialized).toBe(true);
    expect(launch.count('init')).toBe(1);
    expect(launch.calls.filter((c) => c.fn === 'LMSGetValue').map((c) => c.args[0])).toEqual(['cmi.core.lesson_location']);
    expect([...reader.querySelectorAll(`.${FIRST_TEXT_CLASS} .pr-first-talk p`)].map((p) => p.textContent)).toEqual(first.paragraphs);
    expect(marks).toEqual(['pr:first-segment']);
    expect(document.head.querySelector('link[rel=preload][href="app-main.js"]')).not.toBeNull();
    expect(opening.lesson.pagesLoaded).toContain(first.id);
  });

  it('reads the SCORM 2004 bookmark (cmi.location) from API_1484_11', async () => {
    const lms = new FakeLms('2004');
    lms.stored = { location: first.id, exit: 'suspend', suspend_data: encodeState(lesson, goTo(lesson, initialState(lesson), first.id)) };
    const launch = lms.launch();
    launch.installOn(window);
    const reader = document.body.appendChild(document.createElement('div'));
    const opening = await openSession(window, outline, reader, { loadPages: loader(), afterPaint: now });
    expect(opening.api?.found.dialect.version).toBe('2004');
    expect(opening.shown).toBe(first.id);
    expect(launch.count('init')).toBe(1);
  });

  it('shows nothing for a new student, a page that is not a segment, or a bookmark that names no page', async () => {
    for (const bookmark of ['', 'intro', 'no-such-page', '<img src=x onerror=alert(1)>', 'x'.repeat(5000)]) {
      const lms = new FakeLms('1.2');
      lms.launch(bookmark ? { overrides: { 'cmi.core.lesson_location': bookmark } } : {}).installOn(window);
      const reader = document.body.appendChild(document.createElement('div'));
      const log: string[] = [];
      const opening = await openSession(window, outline, reader, { loadPages: loader(log), afterPaint: now });
      expect(opening.shown).toBeNull();
      expect(opening.api?.initialized).toBe(true);
      expect(log).toEqual([]);
      expect(reader.childNodes).toHaveLength(0);
    }
  });

  it('leaves everything to the app when there is no LMS, or the page content does not arrive', async () => {
    const reader = document.body.appendChild(document.createElement('div'));
    expect(await openSession(window, outline, reader, { loadPages: loader(), afterPaint: now })).toEqual({ api: null, shown: null, lesson: outline });

    resumedAt(first.id);
    const failing: PageLoader = async () => {
      throw new Error('pages/s01.js could not be loaded');
    };
    const opening = await openSession(window, outline, reader, { loadPages: failing, afterPaint: now });
    expect(opening.shown).toBeNull();
    expect(opening.api?.initialized).toBe(true);
    expect(reader.childNodes).toHaveLength(0);
  });

  it('survives an API that throws on every call', async () => {
    const hostile = new Proxy(
      {},
      {
        get: () => () => {
          throw new Error('LMS exploded');
        },
      },
    );
    (window as unknown as Globals).API = hostile;
    const reader = document.body.appendChild(document.createElement('div'));
    const opening = await openSession(window, outline, reader, { loadPages: loader(), afterPaint: now });
    expect(opening.shown).toBeNull();
    expect(opening.api?.initialized ?? false).toBe(false);
  });
});

describe('the runtime adopting the opened session', () => {
  it('never calls Initialize twice: the tracker uses the session the opening started', async () => {
    const launch = resumedAt(first.id);
    const reader = document.body.appendChild(document.createElement('div'));
    const opening = await openSession(window, outline, reader, { loadPages: loader(), afterPaint: now });
    const tracker = await connect({ lesson, window, storage: new MemoryStorage(), opened: opening.api });
    const session = tracker.start();
    expect(launch.count('init')).toBe(1);
    expect(session.lms).toBe('lms');
    expect(session.location).toBe(first.id);
    expect(session.entry).toBe('resume');
  });

  it('tells the tracker when that Initialize failed, so it probes the session as it always does', async () => {
    const launch = resumedAt(first.id);
    const raw = launch.raw as Record<string, (...args: string[]) => string>;
    const realInit = raw.LMSInitialize!;
    let initCalls = 0;
    raw.LMSInitialize = (...args) => {
      initCalls += 1;
      return initCalls === 1 ? 'false' : realInit(...args);
    };
    const opening = await openSession(window, outline, document.body.appendChild(document.createElement('div')), { loadPages: loader(), afterPaint: now });
    expect(opening.api?.initialized).toBe(false);
    expect(opening.shown).toBeNull();
    const tracker = await connect({ lesson, window, storage: new MemoryStorage(), opened: opening.api });
    tracker.start();
    // The failed Initialize is not repeated by the tracker's start: it probes instead.
    expect(initCalls).toBe(1);
  });
});

describe('boot', () => {
  it('opens the session in app.js, then starts the app on it with a single Initialize', async () => {
    (window as unknown as Globals).PropagandaReaderLesson = lesson;
    const launch = resumedAt(first.id);
    const reader = document.body.appendChild(document.createElement('pr-reader'));
    const app = await boot(window);
    expect(app).not.toBeNull();
    expect(app!.session.lms).toBe('lms');
    expect(app!.state.location).toBe(first.id);
    expect(launch.count('init')).toBe(1);
    await reader.updateComplete;
    expect(reader.shadowRoot?.querySelector<HTMLElement>('[data-testid=main]')?.dataset.page).toBe(first.id);
  });
});
