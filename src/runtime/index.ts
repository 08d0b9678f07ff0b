/**
 * The runtime's front door: `connect(...)` finds the LMS (or installs the local one) and returns a
 * Tracker. The app never sees which SCORM version or which LMS it got.
 *
 * ```ts
 * let state: LessonState | null = null;
 * let passing = lesson.passingScore;
 * const snapshot = () => (state ? snapshotOf(lesson, state, passing) : null);   // src/app/snapshot.ts
 * const tracker = await connect({ lesson, snapshot });  // never rejects
 * tracker.onNotice(showNotice);         // before start(): start may already have news
 * const session = tracker.start();      // entry, mode, credit, learner, mastery, location, suspend data
 * passing = effectivePassingScore(lesson, session.masteryScore);
 * state = decodeState(lesson, session.suspendData).state;   // core/codec; show its notice
 * // …after each check that changed the state (checkAnswer returned a new object):
 * tracker.recordAnswer({ questionId, answer: state.answers[questionId] });
 * tracker.save(snapshot()!, 'answer');
 * // …on each page change: tracker.save(snapshot()!, 'page');   never per keystroke
 * // …when the learner finishes: tracker.finish(snapshot()!);  (pagehide also does it)
 * // In review mode pass { review: true } to checkAnswer; the tracker writes nothing anyway.
 * ```
 */
import type { Lesson } from '../model/lesson.js';
import { decodeState } from '../core/codec.js';
import type { ScormVersion } from './dialect.js';
import { adoptOpened, apiIn, findApi, type OpenedApi } from './discovery.js';
import { flushOnHide } from './lifecycle.js';
import { localLmsKey, windowStorage } from './local-store-lms.js';
import type { StorageLike } from './outbox.js';
import { createTracker, type Timers } from './scorm-tracker.js';
import type { Snapshot, Tracker } from './tracker.js';
import { DIALECTS, parseVersion } from './vocabulary/index.js';

export type { ScormVersion } from './dialect.js';
export type { LessonMode, SessionInfo, Snapshot, Tracker, TrackerNotice, AnswerRecord, ObjectiveRecord } from './tracker.js';
export { createTracker, type TrackerOptions } from './scorm-tracker.js';
export { effectivePassingScore } from './report.js';
export { flushOnHide } from './lifecycle.js';
export { findApi, type OpenedApi } from './discovery.js';
export { outboxKey } from './outbox.js';

export interface ConnectOptions {
  lesson: Lesson;
  /** The content window. Default: the global `window`. */
  window?: Window;
  /** The version the package was built for. Default: `<html data-scorm-version>`, else '1.2'. The
   * other version's API is used when only that one is found. */
  preferredVersion?: ScormVersion;
  /** Where the outbox lives. Default: the window's localStorage (null when the browser denies it). */
  storage?: StorageLike | null;
  /** The local LMS script, relative to the document. Default 'local-lms.js'. */
  localLmsUrl?: string;
  /** How long to wait for the local LMS script, ms. Default 10 000. */
  localLmsTimeoutMs?: number;
  /** The current snapshot (null while there is none). When given, the tracker saves when the page
   * is hidden and finishes on pagehide (see lifecycle.ts). */
  snapshot?: () => Snapshot | null;
  /** Terminate on pagehide (with `snapshot`). Default true. */
  finishOnPageHide?: boolean;
  /** Latest activity in an encoded state (ms since epoch), to settle an outbox/LMS conflict.
   * Default: the newest answer's time in the state core/codec decodes (see latestAnswerTime). */
  latestActivity?: (suspendData: string) => number | null;
  now?: () => number;
  timers?: Timers;
  retryDelays?: readonly number[];
  /** An API the page already found and initialized (src/app/opening.ts): used as it is, and
   * Initialize is not called again. */
  opened?: OpenedApi | null;
}

/** Load `url` as a classic script (dist has no modules: file:// forbids them). */
function loadScript(win: Window, url: string, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const doc = win.document;
    const script = doc.createElement('script');
    let settled = false;
    const done = (ok: boolean) => {
      if (settled) return;
      settled = true;
      win.clearTimeout(timer);
      resolve(ok);
    };
    const timer = win.setTimeout(() => done(false), timeoutMs);
    script.addEventListener('load', () => done(true));
    script.addEventListener('error', () => done(false));
    script.src = url;
    (doc.head ?? doc.documentElement).appendChild(script);
  });
}

/**
 * Find the LMS's API (the preferred version first, up the parent chain and the opener's), or
 * install the local LMS when there is none, and return a Tracker over it. Never rejects: with no
 * API at all the tracker keeps everything in the outbox and says so through a notice.
 */
export async function connect(options: ConnectOptions): Promise<Tracker> {
  const win = options.window ?? window;
  const preferred =
    options.preferredVersion ??
    parseVersion(read(() => win.document.documentElement.dataset.scormVersion)) ??
    '1.2';
  const storage = options.storage !== undefined ? options.storage : windowStorage(win);

  let found = options.opened ? adoptOpened(options.opened) : findApi(win, preferred);
  let lms: 'lms' | 'local' = 'lms';
  if (found === null) {
    lms = 'local';
    if (read(() => win.PropagandaReaderLocalLms) === null) {
      await loadScript(win, options.localLmsUrl ?? 'local-lms.js', options.localLmsTimeoutMs ?? 10_000);
    }
    const installed = read(() => win.PropagandaReaderLocalLms?.install(preferred, localLmsKey(options.lesson.id, preferred)));
    const dialect = DIALECTS[preferred];
    const port = installed ? apiIn(win, dialect) : null;
    found = port === null ? null : { dialect, port, host: win };
  }

  const tracker = createTracker({
    lesson: options.lesson,
    dialect: found?.dialect ?? DIALECTS[preferred],
    port: found?.port ?? null,
    lms,
    storage,
    latestActivity: options.latestActivity ?? ((raw) => latestAnswerTime(options.lesson, raw)),
    ...(options.now ? { now: options.now } : {}),
    ...(options.timers ? { timers: options.timers } : {}),
    ...(options.retryDelays ? { retryDelays: options.retryDelays } : {}),
  });
  if (options.snapshot) {
    flushOnHide(win, tracker, options.snapshot, { finishOnPageHide: options.finishOnPageHide ?? true });
  }
  return tracker;
}

/**
 * When the learner last checked an answer in an encoded state (ms since epoch; the codec keeps it
 * to the minute). A state with no answers, or one the codec can't use, counts as oldest (0): the
 * outbox, which holds what this learner did, then wins.
 */
export function latestAnswerTime(lesson: Lesson, suspendData: string): number {
  const { state, notice } = decodeState(lesson, suspendData);
  if (notice === 'corrupt' || notice === 'foreign' || notice === 'outdated') return 0;
  return Object.values(state.answers).reduce((latest, answer) => Math.max(latest, answer.at), 0);
}

function read<T>(get: () => T): T | null {
  try {
    return get() ?? null;
  } catch {
    return null;
  }
}
