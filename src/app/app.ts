/**
 * The app: wires the lesson, the core, the runtime and <pr-reader>. It owns the one mutable thing,
 * the current LessonState; every change goes through the core (checkAnswer, goTo, saveDraft), is
 * shown by setting the reader's properties, and is reported through the Tracker.
 *
 * - A checked answer: recorded as an interaction at once (SetValue only), and saved ('answer')
 *   after the feedback has painted, so that a slow LMS commit never delays what the student sees.
 * - A page change: saved ('page'), likewise after the new page has painted.
 * - Saves waiting for the paint are coalesced: one commit carries all that changed meanwhile.
 * - A draft: kept in state only (suspend data carries it at the next save; no commit per keystroke).
 * - Page hidden / pagehide: the runtime saves and finishes (connect's `snapshot` option) at once,
 *   from the current state, so a save still waiting for the paint is never lost.
 * - Every question finished: finish (Terminate), once, instead of the save: the final answer, the
 *   status and the score go out with the session time in one commit.
 */
import { pageOrder, type Lesson, type PageId } from '../model/lesson.js';
import type { LessonState, Progress } from '../core/types.js';
import { checkAnswer, goTo, initialState, saveDraft } from '../core/state.js';
import { progress } from '../core/progress.js';
import { decodeState } from '../core/codec.js';
import { connect, effectivePassingScore, type SessionInfo, type Snapshot, type Tracker } from '../runtime/index.js';
import type { PrReader, ReaderNotice } from '../components/reader/reader.js';
import { pageTitle } from '../components/shared/lookup.js';
import { strings } from '../ui/strings.js';
import { snapshotOf } from './snapshot.js';
import { pagesMissing, withPage } from '../model/pages.js';
import { scriptPageLoader, type PageLoader } from './page-loader.js';
import { paintFirstText, removeFirstText } from './first-text.js';
import { afterPaint, performanceMark, preloadScript } from './paint.js';
import { loadPersistently } from './persist.js';
import { askToRetry } from './load-failure.js';

/** How the app gets its tracker. The default is the runtime's `connect`. */
export type ConnectTracker = (lesson: Lesson, snapshot: () => Snapshot | null) => Promise<Tracker>;

export const connectTracker: ConnectTracker = (lesson, snapshot) => connect({ lesson, snapshot });

export interface AppOptions {
  lesson: Lesson;
  /** The <pr-reader> element; it may not be defined yet (app-reader.js defines it: first-text.ts). */
  reader: PrReader;
  connect?: ConnectTracker;
  now?: () => number;
  /** Runs a callback once the current change has painted. Default: the next animation frame,
   * then a task (rAF callbacks run before the paint, a task queued from one runs after it),
   * with a plain timer as a fallback where frames do not run (a hidden tab, jsdom). */
  afterPaint?: (callback: () => void) => void;
  /** How a page's content arrives when the lesson comes page by page (src/model/pages.ts).
   * Default: its script, next to index.html. */
  loadPages?: PageLoader;
  /** The page whose text src/app/opening.ts already shows plain (first-text.ts), if any. */
  shownPage?: PageId | null;
  /** Sets a performance mark: 'pr:first-segment' when the opening page's text is in the document
   * (plain or by the reader), 'pr:reader-ready' when the reader has rendered it (bench/run.mjs
   * times both). Default: performance.mark. */
  mark?: (name: string) => void;
  /** Loads the reader's chunk, which loads the others (tests stand in for the network). Each is
   * tried again until it arrives. */
  loadReader?: () => Promise<ReaderChunk>;
  /** Pauses before the quiet tries of a failed chunk (persist.ts). */
  retryDelays?: readonly number[];
}

/** How many pages ahead a page change fetches (see prefetchAfter). */
const PREFETCH_AHEAD = 3;

type Chunk = 'questions' | 'results';
const chunksLoaded = new Set<Chunk>();
const codeLoaded = (chunk: Chunk) => chunksLoaded.has(chunk);

type ReaderChunk = typeof import('./lazy/reader.js');
/** The reader's chunk (app-reader.js), which brings the others (see lazy/reader.ts). */
const loadReaderChunk = (): Promise<ReaderChunk> => import('./lazy/reader.js');

/** The file of the last chunk `loadCode` loads for `page` (named to the student when it fails). */
const codeFile = (page: PageId) => (page === 'intro' ? READER_CHUNK : page === 'results' ? 'app-results.js' : 'app-questions.js');

/** The code a page needs beyond the reader's (chunks of app.js, see rollup.config.mjs). */
function loadCode(page: PageId, loadReader: () => Promise<ReaderChunk>): Promise<unknown> {
  if (page === 'intro') return loadReader();
  const chunk: Chunk = page === 'results' ? 'results' : 'questions';
  return loadReader()
    .then((reader) => (chunk === 'results' ? reader.loadResults() : reader.loadQuestions()))
    .then(() => chunksLoaded.add(chunk));
}

/** The reader's chunk, next to index.html (rollup.config.mjs: bundleApp). */
const READER_CHUNK = 'app-reader.js';


export interface App {
  readonly state: LessonState;
  readonly progress: Progress;
  readonly session: SessionInfo;
  readonly tracker: Tracker;
}

export async function startApp(options: AppOptions): Promise<App> {
  const { reader } = options;
  let lesson = options.lesson;
  const loadPages = options.loadPages ?? scriptPageLoader();
  const now = options.now ?? (() => Date.now());
  const later = options.afterPaint ?? ((callback: () => void) => afterPaint(callback));
  const mark = options.mark ?? performanceMark;
  let state: LessonState | null = null;
  let passingScore = lesson.passingScore;
  let finished = false;
  let pageShownAt = now();
  const notices = new Map<string, ReaderNotice>();
  let noticeSeq = 0;

  const snapshot = (): Snapshot | null => (state ? snapshotOf(lesson, state, passingScore) : null);

  /** Show a notice; a newer notice of the same kind replaces the older one. */
  const notify = (kind: string, message: string) => {
    notices.set(kind, { id: `${kind}-${++noticeSeq}`, message });
    reader.notices = [...notices.values()];
  };

  const tracker = await (options.connect ?? connectTracker)(lesson, snapshot);
  tracker.onNotice((n) => notify(n.kind, strings.app.trackerNotice[n.reason] ?? n.message));
  const session = tracker.start();
  passingScore = effectivePassingScore(lesson, session.masteryScore);
  const review = session.mode !== 'normal';

  const decoded = session.suspendData ? decodeState(lesson, session.suspendData) : { state: initialState(lesson), notice: null };
  state = decoded.state;
  if (decoded.notice) notify(`codec-${decoded.notice}`, strings.app.codecNotice[decoded.notice]);
  // Suspend data that could not be used still leaves the LMS's bookmark to open on.
  if (session.location && state.location !== session.location && !session.suspendData) {
    state = goTo(lesson, state, session.location);
  }

  const doc = reader.ownerDocument;
  const loadReader = options.loadReader ?? loadReaderChunk;
  /** Merge in what `page` needs; false (and a notice) when its content could not be loaded. Its
   * code is tried until it arrives (persist.ts): the question elements may come after the page's
   * text has painted (they upgrade when defined); the results page waits for its code, as it
   * waits for every page's content. */
  const ensurePage = async (page: PageId, withCode = true): Promise<boolean> => {
    try {
      const code = withCode ? loadPersistently(() => loadCode(page, loadReader), { delays: options.retryDelays, ask: () => askToRetry(doc, codeFile(page)) }) : null;
      const contents = await loadPages(lesson, page);
      if (page === 'results') await code;
      // Into the lesson as it is now: another page may have arrived meanwhile.
      lesson = contents.reduce(withPage, lesson);
      return true;
    } catch {
      notify('page-load', strings.app.pageLoadFailed(pageTitle(lesson, page)));
      return false;
    }
  };
  /** Whether opening `page` must wait: its content, or the results' code, has not arrived. (A
   * page whose content is here may still lack its code: the results page loads every page's
   * content, and ensurePage asks for the code each time anyway.) */
  const mustWait = (page: PageId) => pagesMissing(lesson, page).length > 0 || (page === 'results' && !codeLoaded('results'));
  // The opening page's content first, and its text painted plain while the reader's code loads
  // (first-text.ts); the question code is asked for after that paint, so that running it does
  // not hold the text back.
  const win = reader.ownerDocument.defaultView;
  const readerDefined = () => win?.customElements?.get(reader.localName) !== undefined;
  await ensurePage(state.location, false);
  // The opening (opening.ts) may already show this page's text, painted; or another page's, when
  // the saved state disagrees with the LMS's bookmark.
  // The reader's chunk downloads while the text paints, and runs after.
  const preloadReader = () => preloadScript(reader.ownerDocument, READER_CHUNK);
  let textFirst = options.shownPage === state.location;
  if (textFirst) preloadReader();
  else {
    removeFirstText(reader);
    textFirst = !readerDefined() && (await paintFirstText(reader, lesson, state.location, { mark, afterPaint: later, meanwhile: preloadReader }));
  }
  // Nothing can be answered before the reader has arrived, so waiting for it loses nothing.
  await loadPersistently(loadReader, { delays: options.retryDelays, ask: () => askToRetry(doc, READER_CHUNK) });
  await ensurePage(state.location);

  const render = () => {
    const s = state!;
    reader.lesson = lesson;
    reader.state = s;
    reader.progress = progress(lesson, s, passingScore);
    reader.passingScore = passingScore;
  };
  reader.mode = session.mode;
  reader.learnerName = session.learnerName;
  /** Fetch the content of the next `ahead` pages after `page`, so that Next does not wait on the
   * network (a failure is left to the real opening, which retries and says so). On launch, the
   * next page once the first has painted (the first page comes first). On a page change, the next
   * PREFETCH_AHEAD pages, in a task of their own as soon as the new page is rendered (not waiting
   * for the paint): a student going through the pages quickly presses Next again before the new
   * page has painted, and a page asked for two or three changes earlier has had time to arrive. */
  const prefetchAfter = (page: PageId, { ahead = 1, painted = true } = {}) => {
    const order = pageOrder(lesson);
    const following = order.slice(order.indexOf(page) + 1, order.indexOf(page) + 1 + ahead);
    const fetch = () => {
      for (const p of following) {
        if (p === 'results' || pagesMissing(lesson, p).length === 0) continue;
        loadPages(lesson, p).then(
          (contents) => void (lesson = contents.reduce(withPage, lesson)),
          () => undefined,
        );
      }
    };
    if (painted) later(fetch);
    else setTimeout(fetch, 0);
  };

  render();
  void reader.updateComplete.then(() => {
    removeFirstText(reader);
    if (!textFirst) mark('pr:first-segment');
    mark('pr:reader-ready');
  });
  prefetchAfter(state.location);
  if (session.entry === 'resume' && state.location !== initialState(lesson).location) {
    reader.announce(strings.app.resumed(pageTitle(lesson, state.location)));
  }

  /** What the next paint-deferred delivery does: save, or finish (which saves), or nothing. */
  type Due = 'answer' | 'page' | 'finish';
  let due: Due | null = null;
  const deliver = () => {
    const what = due;
    due = null;
    // From the state as it is now: every change since the request is in it.
    if (what === 'finish') tracker.finish(snapshot()!);
    else if (what !== null) tracker.save(snapshot()!, what);
  };
  const deliverAfterPaint = (what: Due) => {
    const waiting = due !== null;
    if (due !== 'finish') due = what;
    if (!waiting) later(deliver);
  };

  /** True (and the finish requested, once) when this change completed the lesson. */
  const finishIfComplete = (): boolean => {
    const p = progress(lesson, state!, passingScore);
    if (finished || !p.complete) return false;
    finished = true;
    deliverAfterPaint('finish');
    reader.announce(strings.app.complete(p.score));
    return true;
  };

  reader.addEventListener('pr-answer-check', (e) => {
    const { questionId, response } = e.detail;
    const at = now();
    const next = checkAnswer(lesson, state!, questionId, response, {
      now: at,
      latency: (at - pageShownAt) / 1000,
      review,
    });
    if (next === state) return;
    state = next;
    render();
    if (finished) return;
    tracker.recordAnswer({ questionId, answer: next.answers[questionId]!, lesson });
    if (!finishIfComplete()) deliverAfterPaint('answer');
  });

  let pageWanted: PageId | null = null;
  reader.addEventListener('pr-page-change', async (e) => {
    const page = e.detail.page;
    pageWanted = page;
    // Loaded pages open at once (no await: the page changes in the same task as the click).
    if (mustWait(page)) {
      if (!(await ensurePage(page)) || pageWanted !== page) return; // failed, or overtaken
    } else void ensurePage(page);
    const next = goTo(lesson, state!, page);
    if (next === state) return;
    state = next;
    pageShownAt = now();
    render();
    prefetchAfter(page, { ahead: PREFETCH_AHEAD, painted: false });
    if (!finished) deliverAfterPaint('page');
  });

  reader.addEventListener('pr-draft-change', (e) => {
    if (review) return;
    const next = saveDraft(state!, e.detail.questionId, e.detail.text);
    if (next === state) return;
    // Kept in state (so the next save carries it), never committed on its own.
    state = next;
    render();
  });

  return {
    get state() {
      return state!;
    },
    get progress() {
      return progress(lesson, state!, passingScore);
    },
    session,
    tracker,
  };
}
