// @vitest-environment jsdom
/**
 * Code the lesson cannot go on without is loaded until it arrives (src/app/persist.ts): quiet tries
 * first, then the student is asked (src/app/load-failure.ts), as often as it takes. Against
 * scorm-again as the LMS for the app's own chunks (boot, startApp).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { loadPersistently } from '../../src/app/persist.js';
import { askToRetry, LOAD_FAILURE_CLASS } from '../../src/app/load-failure.js';
import { boot } from '../../src/app/boot.js';
import { startApp, type AppOptions } from '../../src/app/app.js';
import type { PrReader } from '../../src/components/reader/reader.js';
import type { Lesson } from '../../src/model/lesson.js';
import { connect } from '../../src/runtime/index.js';
import { strings } from '../../src/ui/strings.js';
import { fixtureLesson } from '../components/fixture-lesson.js';
import { FIRST_TEXT_CLASS } from '../../src/app/first-text.js';
import { encodeState } from '../../src/core/codec.js';
import { goTo, initialState } from '../../src/core/state.js';
import { FakeLms, MemoryStorage } from '../runtime/support/lms.js';

type Globals = Record<string, unknown>;

afterEach(() => {
  for (const k of ['API', 'PropagandaReaderLesson', 'PropagandaReaderApp']) delete (window as unknown as Globals)[k];
  document.body.replaceChildren();
  localStorage.clear();
});

/** A load that fails `times` times (as a dropped request does), then gives `value`. */
function flaky<T>(times: number, value: () => Promise<T>) {
  const attempts = { count: 0 };
  const load = async () => {
    attempts.count++;
    if (attempts.count <= times) throw new Error('app-reader.js could not be loaded');
    return value();
  };
  return { load, attempts };
}

const alertBox = () => document.querySelector<HTMLElement>(`.${LOAD_FAILURE_CLASS}`);

/** Resolves once the alert is on the page (the quiet tries take a few turns of the event loop). */
async function alertShown(): Promise<HTMLElement> {
  for (let i = 0; i < 200; i++) {
    const box = alertBox();
    if (box) return box;
    await new Promise((r) => setTimeout(r, 0));
  }
  throw new Error('no load-failure alert appeared');
}

/** A student who comes back to the first segment, and the <pr-reader> the app starts on. */
function resumedAtFirstSegment() {
  const lesson = fixtureLesson();
  const first = lesson.segments[0]!;
  const lms = new FakeLms('1.2');
  lms.stored = { core: { lesson_location: first.id, exit: 'suspend', entry: 'resume' }, suspend_data: encodeState(lesson, goTo(lesson, initialState(lesson), first.id)) };
  lms.launch().installOn(window);
  const reader = document.body.appendChild(document.createElement('pr-reader'));
  return { lesson, first, reader };
}

/** The app on that reader, its chunks loaded by `loadReader`, the quiet tries immediate. */
function startWith(reader: PrReader, lesson: Lesson, loadReader: AppOptions['loadReader']) {
  return startApp({
    lesson,
    reader,
    afterPaint: (callback) => callback(),
    loadReader,
    retryDelays: [0, 0],
    connect: (l, snapshot) => connect({ lesson: l, snapshot, storage: new MemoryStorage(), preferredVersion: '1.2' }),
  });
}

describe('loading what the lesson needs', () => {
  it('tries again quietly after each pause, and asks nobody when a quiet try succeeds', async () => {
    const waited: number[] = [];
    const { load, attempts } = flaky(2, async () => 'code');
    const asked: unknown[] = [];
    const got = await loadPersistently(load, { delays: [500, 2000], wait: async (ms) => void waited.push(ms), ask: async (e) => void asked.push(e) });
    expect(got).toBe('code');
    expect(attempts.count).toBe(3);
    expect(waited).toEqual([500, 2000]);
    expect(asked).toEqual([]);
  });

  it('then asks the student before every further try, for as long as the code does not arrive', async () => {
    const { load, attempts } = flaky(5, async () => 'code');
    const asked: string[] = [];
    const got = await loadPersistently(load, { delays: [1], wait: async () => undefined, ask: async (e) => void asked.push((e as Error).message) });
    expect(got).toBe('code');
    expect(attempts.count).toBe(6);
    expect(asked).toEqual(Array(4).fill('app-reader.js could not be loaded'));
  });
});

describe('the alert that asks', () => {
  it('names the file, says nothing is lost, takes the focus, and goes away when the student tries again', async () => {
    let retried = false;
    const asked = askToRetry(document, 'app-reader.js').then(() => (retried = true));
    const box = alertBox()!;
    expect(box.getAttribute('role')).toBe('alert');
    expect(box.textContent).toContain(strings.app.codeLoadFailed('app-reader.js'));
    expect(box.textContent).toContain('Nothing you have done is lost');
    const button = box.querySelector('button')!;
    expect(button.type).toBe('button');
    expect(button.textContent).toBe(strings.app.tryAgain);
    expect(document.activeElement).toBe(button);
    expect(retried).toBe(false);
    button.click();
    await asked;
    expect(retried).toBe(true);
    expect(alertBox()).toBeNull();
  });

  it('is shown once, however often it is asked, and one press answers every load waiting on it', async () => {
    const answered: string[] = [];
    const a = askToRetry(document, 'app-questions.js').then(() => answered.push('code'));
    const b = askToRetry(document, 'app-questions.js').then(() => answered.push('again'));
    expect(document.querySelectorAll(`.${LOAD_FAILURE_CLASS}`)).toHaveLength(1);
    alertBox()!.querySelector('button')!.click();
    await Promise.all([a, b]);
    expect(answered.sort()).toEqual(['again', 'code']);
    expect(alertBox()).toBeNull();
    // A later failure asks again.
    void askToRetry(document, 'app-questions.js');
    expect(alertBox()).not.toBeNull();
    alertBox()!.querySelector('button')!.click();
  });
});

describe('a chunk that does not arrive at first', () => {
  it('app-reader.js: the student keeps the plain text, and the reader replaces it once it arrives', async () => {
    // Runs before the boot test below: there the reader's chunk is loaded, and the element defined.
    const { lesson, first, reader } = resumedAtFirstSegment();
    expect(customElements.get('pr-reader')).toBeUndefined();
    const { load } = flaky(3, () => import('../../src/app/lazy/reader.js'));
    const starting = startWith(reader, lesson, load);
    const box = await alertShown();
    expect(box.textContent).toContain('app-reader.js');
    expect(reader.querySelector(`.${FIRST_TEXT_CLASS}`)?.textContent).toContain(first.paragraphs[0]);
    box.querySelector('button')!.click();
    const app = await starting;
    await reader.updateComplete;
    expect(app.state.location).toBe(first.id);
    expect(reader.shadowRoot?.querySelector<HTMLElement>('[data-testid=main]')?.dataset.page).toBe(first.id);
    expect(reader.querySelector(`.${FIRST_TEXT_CLASS}`)).toBeNull();
    expect(alertBox()).toBeNull();
  });
  it('app-main.js: boot waits for the student, then starts the app on the session it opened, with one Initialize', async () => {
    (window as unknown as Globals).PropagandaReaderLesson = fixtureLesson();
    const launch = new FakeLms('1.2').launch();
    launch.installOn(window);
    document.body.appendChild(document.createElement('pr-reader'));
    const { load, attempts } = flaky(3, () => import('../../src/app/lazy/main.js'));
    const booting = boot(window, { loadMain: load, retryDelays: [0, 0] });
    const box = await alertShown();
    expect(box.textContent).toContain('app-main.js');
    expect(attempts.count).toBe(3);
    box.querySelector('button')!.click();
    const app = await booting;
    expect(app).not.toBeNull();
    expect(app!.session.lms).toBe('lms');
    expect(launch.count('init')).toBe(1);
    expect(alertBox()).toBeNull();
    expect(document.querySelector('[data-testid=app-error]')).toBeNull();
  });

  it('app-questions.js: the page is shown meanwhile, and the alert names the questions\' code', async () => {
    const { lesson, first, reader } = resumedAtFirstSegment();
    const real = await import('../../src/app/lazy/reader.js');
    const { load: loadQuestions, attempts } = flaky(3, real.loadQuestions);
    const app = await startWith(reader, lesson, async () => ({ ...real, loadQuestions }));
    await reader.updateComplete;
    expect(reader.shadowRoot?.querySelector<HTMLElement>('[data-testid=main]')?.dataset.page).toBe(first.id);
    const box = await alertShown();
    expect(box.textContent).toContain('app-questions.js');
    expect(attempts.count).toBe(3);
    box.querySelector('button')!.click();
    for (let i = 0; i < 50 && attempts.count < 4; i++) await new Promise((r) => setTimeout(r, 0));
    expect(attempts.count).toBe(4);
    expect(alertBox()).toBeNull();
    expect(app.state.location).toBe(first.id);
  });
});
