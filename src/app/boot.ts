/**
 * Starting the app on a page: read the lesson lesson.js put on `window`, find <pr-reader> in the
 * body (or add one), open the LMS session and show the student's text (opening.ts), then load and
 * start the app (lazy/main.ts), and expose it as `window.PropagandaReaderApp` for tests and
 * debugging. The app's chunk is tried again until it arrives (persist.ts). A missing lesson or a
 * failed start is shown on the page (role=alert), never thrown.
 */
import type { Lesson } from '../model/lesson.js';
import { strings } from '../ui/strings.js';
import type { PrReader } from '../components/reader/reader.js';
import type { App } from './app.js';
import { MAIN_CHUNK, openSession } from './opening.js';
import { loadPersistently } from './persist.js';
import { askToRetry } from './load-failure.js';

declare global {
  interface Window {
    /** The running app, for tests and debugging (state, progress, session). */
    PropagandaReaderApp?: App;
  }
}

/** What lesson.js put on `window` (src/packager: LESSON_GLOBAL); unknown until checked. */
function lessonGlobal(win: Window): unknown {
  return (win as unknown as { PropagandaReaderLesson?: unknown }).PropagandaReaderLesson;
}

/** A lesson object worth trying: enough shape that the reader will not fall over. */
function looksLikeLesson(value: unknown): value is Lesson {
  const l = value as Partial<Lesson> | null;
  return (
    typeof l === 'object' &&
    l !== null &&
    typeof l.id === 'string' &&
    Array.isArray(l.segments) &&
    Array.isArray(l.questions) &&
    Array.isArray(l.devices)
  );
}

function showError(doc: Document, message: string): void {
  const p = doc.createElement('p');
  p.setAttribute('role', 'alert');
  p.dataset.testid = 'app-error';
  p.textContent = message;
  doc.body.prepend(p);
}

export interface BootOptions {
  /** Loads the app's chunk (tests stand in for the network). */
  loadMain?: () => Promise<typeof import('./lazy/main.js')>;
  /** Pauses before the quiet tries of a failed chunk (persist.ts). */
  retryDelays?: readonly number[];
}

export async function boot(win: Window = window, options: BootOptions = {}): Promise<App | null> {
  const doc = win.document;
  const lesson = lessonGlobal(win);
  if (!looksLikeLesson(lesson)) {
    showError(doc, strings.app.noLesson);
    return null;
  }
  const reader: PrReader = doc.querySelector('pr-reader') ?? doc.body.appendChild(doc.createElement('pr-reader'));
  try {
    const opening = await openSession(win, lesson, reader);
    const loadMain = options.loadMain ?? (() => import('./lazy/main.js'));
    const { start } = await loadPersistently(loadMain, { delays: options.retryDelays, ask: () => askToRetry(doc, MAIN_CHUNK) });
    const app = await start(win, opening.lesson, reader, opening, { retryDelays: options.retryDelays });
    win.PropagandaReaderApp = app;
    return app;
  } catch (error) {
    showError(doc, strings.app.startFailed(error instanceof Error ? error.message : String(error)));
    return null;
  }
}
